package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyStmt;
import dev.dbmigrate.parse.python.django.DjangoMigrationFile.Key;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * A Django project's migrations as Django's {@code MigrationLoader} and {@code MigrationExecutor}
 * see them with nothing applied yet, plus the project state before each migration.
 *
 * <p>Apps: every package under the project root (manage.py's folder) with a {@code migrations}
 * package; the label is the AppConfig {@code label} in apps.py, else the folder name. A
 * migrations folder without {@code __init__.py} is a namespace package, which Django does not
 * load. Migration files: {@code *.py} not starting with {@code _} or {@code ~}.
 *
 * <p>Graph: dependencies ({@code __first__} / {@code __latest__} resolved to the app's root / leaf,
 * {@code __first__} on the own app ignored, {@code swappable_dependency(settings.AUTH_USER_MODEL)}
 * resolved through settings; apps outside the project, such as django.contrib.auth, are external
 * dependencies, kept as a note), {@code run_before} as reverse dependencies, squashed migrations
 * used instead of the ones they replace (Django's rule when none or all of the replaced
 * migrations are applied; reading files only, none is), their edges moved to the squash. Order:
 * Django's plan for {@code migrate}: for each leaf node in sorted order, the depth-first
 * {@code forwards_plan} with parents visited in Django's order, without repeats. Problems:
 * {@code conflict} (an app with several leaf nodes), {@code missing-dependency}, {@code cycle},
 * {@code unreadable}, {@code ignored-file}.
 *
 * <p>State: the {@link DjangoState} before each migration, following the plan (and, for migrations
 * replaced by a squash, the replaced chain from the squash's starting state). This is how the
 * parse stage gets the context a Django operation needs (table names changed by earlier
 * {@code db_table} options, the column an {@code AlterField} changes, the key type a
 * {@code ForeignKey} points at): {@link ScriptParser#parse(Script, Dialect)} carries no context, so
 * {@link DjangoParser} finds the project of the file (walking up to manage.py) and asks this
 * class, which caches one project per root and re-reads it when a migration file, the settings or
 * manage.py change (size or modification time; the parser accepts a check made less than a second
 * ago unless its file is new, as one validate reads the project and then parses every migration). Chosen over an attribute on {@code Migration}
 * (the parser never sees the Migration) and over a second entry point alone (every caller would
 * have to build the state); {@link DjangoParser#parse(Script, Dialect, Context)} remains available
 * for callers that have a state of their own.
 */
public final class DjangoProject {

    private static final Set<String> SKIP_DIRS = Set.of("node_modules", "venv", "env", "site-packages", "__pycache__", "build", "dist", "static",
            "media", "templates", "htmlcov", "docs", "frontend");
    private static final int CACHE_SIZE = 8;
    /** A cached project is re-checked against the disk at most this often (a validate parses every migration at once). */
    private static final long RECHECK_NANOS = 1_000_000_000L;
    private static final Map<Path, DjangoProject> CACHE = new LinkedHashMap<>(16, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<Path, DjangoProject> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    /** An app with migrations. */
    public record App(String label, Path dir, Path migrationsDir) {}

    /** An integrity problem: kind as in ReadResult.Problem. */
    public record Problem(String kind, String message, List<String> ids) {}

    /** What the parser needs to translate one migration file. */
    public record Context(String app, DjangoState before, DjangoSettings settings) {}

    /**
     * One migration in the graph.
     *
     * @param parents  the migrations it depends on inside the project (resolved, replaced ones remapped)
     * @param external dependencies on apps outside the project ("auth.0012_alter_user_first_name_max_length")
     * @param replaced for a squashed migration in use: the replaced migrations found on disk
     */
    public record Node(Key key, DjangoMigrationFile file, List<Key> parents, List<String> external, List<Key> replaced) {}

    private final Path root;
    private final DjangoSettings settings;
    private final Map<String, App> apps;
    private final List<Node> plan;
    private final List<Problem> problems;
    private final Map<Path, Context> contexts;
    private final String fingerprint;
    private long checkedAt = System.nanoTime();

    private DjangoProject(Path root, DjangoSettings settings, Map<String, App> apps, List<Node> plan, List<Problem> problems,
                          Map<Path, Context> contexts, String fingerprint) {
        this.root = root;
        this.settings = settings;
        this.apps = apps;
        this.plan = plan;
        this.problems = problems;
        this.contexts = contexts;
        this.fingerprint = fingerprint;
    }

    public Path root() {
        return root;
    }

    public DjangoSettings settings() {
        return settings;
    }

    public Map<String, App> apps() {
        return apps;
    }

    /** The migrations in Django's apply order (squashed migrations instead of the ones they replace). */
    public List<Node> plan() {
        return plan;
    }

    public List<Problem> problems() {
        return problems;
    }

    /** The project (cached per root; re-read when its migration files, settings or manage.py change). */
    public static DjangoProject load(Path root) {
        return load(root.toAbsolutePath().normalize(), false);
    }

    /**
     * @param recent accept a cached project checked against the disk less than a second ago (the
     *               parser's path: a validate parses every migration right after reading them)
     */
    private static synchronized DjangoProject load(Path r, boolean recent) {
        DjangoProject cached = CACHE.get(r);
        if (recent && cached != null && System.nanoTime() - cached.checkedAt < RECHECK_NANOS) return cached;
        if (cached != null && cached.fingerprint.equals(fingerprint(r, cached.apps.values(), cached.settings))) {
            cached.checkedAt = System.nanoTime();
            return cached;
        }
        DjangoProject p = read(r);
        CACHE.put(r, p);
        return p;
    }

    /** The context of a migration file: its project (found by walking up to manage.py), app and prior state; null when not in a project. */
    public static Context contextOf(Path file) {
        if (file == null) return null;
        Path f = file.toAbsolutePath().normalize();
        Path root = projectRoot(f);
        if (root == null) return null;
        Context c = load(root, true).contexts.get(f);
        return c != null ? c : load(root, false).contexts.get(f);
    }

    /** The nearest folder holding manage.py, walking up from {@code file} (at most 10 levels). */
    public static Path projectRoot(Path file) {
        Path p = file.toAbsolutePath().normalize().getParent();
        for (int i = 0; p != null && i < 10; i++, p = p.getParent()) {
            if (Files.isRegularFile(p.resolve("manage.py"))) return p;
        }
        return null;
    }

    static boolean notSkipped(Path root, Path p) {
        Path rel = root.relativize(p);
        for (Path part : rel) {
            String n = part.toString();
            if (n.startsWith(".") || SKIP_DIRS.contains(n)) return false;
        }
        return true;
    }

    // ---- reading ---------------------------------------------------------------------------

    private static DjangoProject read(Path root) {
        DjangoSettings settings = DjangoSettings.read(root);
        List<Problem> problems = new ArrayList<>();
        Map<String, App> apps = discover(root, problems);
        Map<Key, Node> nodes = new TreeMap<>();
        for (App app : apps.values()) {
            for (Path file : migrationFiles(app.migrationsDir)) {
                String text;
                try {
                    text = Files.readString(file, StandardCharsets.UTF_8);
                } catch (IOException e) {
                    problems.add(new Problem("unreadable", file + ": cannot read (" + e.getMessage() + ")", List.of(app.label + "." + file.getFileName())));
                    continue;
                }
                DjangoMigrationFile mf = DjangoMigrationFile.read(file, app.label, text);
                Key key = new Key(app.label, mf.name());
                for (String p : mf.problems()) problems.add(new Problem("unreadable", p, List.of(key.id())));
                if (mf.cls() == null) continue;
                nodes.put(key, new Node(key, mf, new ArrayList<>(), new ArrayList<>(), new ArrayList<>()));
            }
        }
        resolveDependencies(nodes, apps, settings, problems);
        Map<Key, Node> all = new HashMap<>(nodes);
        applyReplacements(nodes);
        breakCycles(nodes, problems);
        detectConflicts(nodes, problems);
        List<Node> plan = plan(nodes);
        Map<Path, Context> contexts = states(plan, all, settings);
        return new DjangoProject(root, settings, apps, List.copyOf(plan), List.copyOf(problems), contexts,
                fingerprint(root, apps.values(), settings));
    }

    private static Map<String, App> discover(Path root, List<Problem> problems) {
        Map<String, App> apps = new TreeMap<>();
        List<Path> dirs = new ArrayList<>();
        try {
            Files.walkFileTree(root, Set.of(), 7, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (!dir.equals(root) && !notSkipped(root, dir)) return FileVisitResult.SKIP_SUBTREE;
                    if (dir.getFileName() != null && dir.getFileName().toString().equals("migrations")) {
                        dirs.add(dir);
                        return FileVisitResult.SKIP_SUBTREE;
                    }
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            problems.add(new Problem("unreadable", root + ": cannot list the project (" + e.getMessage() + ")", List.of()));
        }
        dirs.sort(null);
        for (Path migrations : dirs) {
            Path appDir = migrations.getParent();
            if (migrationFiles(migrations).isEmpty()) continue;
            if (!Files.isRegularFile(migrations.resolve("__init__.py"))) {
                problems.add(new Problem("ignored-file", migrations + " has no __init__.py: Django does not load migrations from a namespace package",
                        List.of(appDir.getFileName().toString())));
                continue;
            }
            String label = appLabel(appDir);
            App prior = apps.get(label);
            if (prior != null) {
                problems.add(new Problem("duplicate-version", "app label " + label + " is used by " + prior.dir + " and " + appDir
                        + "; Django refuses to start (labels must be unique)", List.of(label)));
                continue;
            }
            apps.put(label, new App(label, appDir, migrations));
        }
        return apps;
    }

    /** AppConfig.label from apps.py, else the folder name. */
    private static String appLabel(Path appDir) {
        Path appsPy = appDir.resolve("apps.py");
        if (Files.isRegularFile(appsPy)) {
            try {
                PyModule m = PyParser.parse(Files.readString(appsPy, StandardCharsets.UTF_8), 1);
                for (PyStmt st : m.body()) {
                    if (st instanceof PyStmt.ClassDef c) {
                        Optional<String> label = PyNodes.assigned(c.body(), "label").flatMap(PyNodes::str);
                        if (label.isPresent()) return label.get();
                    }
                }
            } catch (IOException e) {
                // fall back to the folder name
            }
        }
        return appDir.getFileName().toString();
    }

    private static List<Path> migrationFiles(Path dir) {
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(Files::isRegularFile).filter(p -> {
                String n = p.getFileName().toString();
                return n.endsWith(".py") && !n.startsWith("_") && !n.startsWith("~");
            }).sorted().toList();
        } catch (IOException e) {
            return List.of();
        }
    }

    private static String fingerprint(Path root, Iterable<App> apps, DjangoSettings settings) {
        StringBuilder sb = new StringBuilder();
        List<Path> files = new ArrayList<>();
        files.add(root.resolve("manage.py"));
        if (settings.file() != null) files.add(settings.file());
        for (App a : apps) files.addAll(migrationFiles(a.migrationsDir));
        for (Path f : files) {
            try {
                sb.append(f).append('|').append(Files.size(f)).append('|').append(Files.getLastModifiedTime(f).toMillis()).append('\n');
            } catch (IOException e) {
                sb.append(f).append("|missing\n");
            }
        }
        return sb.toString();
    }

    // ---- graph -----------------------------------------------------------------------------

    private static void resolveDependencies(Map<Key, Node> nodes, Map<String, App> apps, DjangoSettings settings, List<Problem> problems) {
        for (Node n : nodes.values()) {
            for (Key dep : n.file().dependencies()) {
                if (dep.app().equals(n.key().app()) && !dep.name().startsWith("__")) addParent(n, dep, nodes, problems);
            }
        }
        for (Node n : nodes.values()) {
            for (Key raw : n.file().dependencies()) {
                Key dep = raw;
                if (dep.app().equals(Key.SETTING)) {
                    if (!dep.name().equals("AUTH_USER_MODEL")) {
                        n.external().add("settings." + dep.name() + " (swappable dependency db-migrate does not resolve)");
                        continue;
                    }
                    String model = settings.authUserModel();
                    dep = new Key(model.substring(0, model.indexOf('.')), "__first__");
                }
                if (dep.app().equals(n.key().app()) && !dep.name().startsWith("__")) continue;
                if (!apps.containsKey(dep.app())) {
                    n.external().add(dep.id() + (raw.app().equals(Key.SETTING) ? " (settings.AUTH_USER_MODEL, outside the project)" : ""));
                    continue;
                }
                if (dep.name().equals("__first__") || dep.name().equals("__latest__")) {
                    if (dep.app().equals(n.key().app())) continue;
                    List<Key> ends = dep.name().equals("__first__") ? roots(nodes, dep.app()) : leaves(nodes, dep.app());
                    if (ends.isEmpty()) {
                        problems.add(new Problem("missing-dependency", n.file().file() + ": depends on " + dep.id() + " but app " + dep.app()
                                + " has no migrations", List.of(n.key().id(), dep.id())));
                    } else {
                        addParent(n, ends.get(0), nodes, problems);
                    }
                    continue;
                }
                addParent(n, dep, nodes, problems);
            }
            for (Key before : n.file().runBefore()) {
                Node child = nodes.get(before);
                if (child == null) {
                    if (apps.containsKey(before.app())) {
                        problems.add(new Problem("missing-dependency", n.file().file() + ": run_before names " + before.id() + ", which does not exist",
                                List.of(n.key().id(), before.id())));
                    }
                } else if (!child.parents().contains(n.key())) {
                    child.parents().add(n.key());
                }
            }
        }
    }

    private static void addParent(Node n, Key dep, Map<Key, Node> nodes, List<Problem> problems) {
        if (!nodes.containsKey(dep)) {
            problems.add(new Problem("missing-dependency", n.file().file() + ": dependency " + dep.id() + " of " + n.key().id()
                    + " does not exist; Django stops with NodeNotFoundError", List.of(n.key().id(), dep.id())));
            return;
        }
        if (!n.parents().contains(dep)) n.parents().add(dep);
    }

    /** Nodes of {@code app} without a parent in the same app, sorted. */
    private static List<Key> roots(Map<Key, Node> nodes, String app) {
        return nodes.values().stream().filter(n -> n.key().app().equals(app))
                .filter(n -> n.parents().stream().noneMatch(p -> p.app().equals(app))).map(Node::key).sorted().toList();
    }

    /** Nodes of {@code app} (all apps when null) without a child in the same app, sorted. */
    private static List<Key> leaves(Map<Key, Node> nodes, String app) {
        Set<Key> withChild = new HashSet<>();
        for (Node n : nodes.values()) {
            for (Key p : n.parents()) {
                if (p.app().equals(n.key().app())) withChild.add(p);
            }
        }
        List<Key> out = new ArrayList<>();
        for (Key k : nodes.keySet()) {
            if ((app == null || k.app().equals(app)) && !withChild.contains(k)) out.add(k);
        }
        out.sort(null);
        return out;
    }

    /** Squashed migrations take the place of the ones they replace, which leave the graph. */
    private static void applyReplacements(Map<Key, Node> nodes) {
        for (Node squash : new ArrayList<>(nodes.values())) {
            List<Key> replaces = squash.file().replaces();
            if (replaces.isEmpty() || !nodes.containsKey(squash.key())) continue;
            for (Key r : replaces) {
                Node old = nodes.get(r);
                if (old == null) continue;
                squash.replaced().add(r);
                for (Node child : nodes.values()) {
                    if (replaces.contains(child.key()) || child == squash) continue;
                    int i = child.parents().indexOf(r);
                    if (i >= 0) {
                        child.parents().remove(i);
                        if (!child.parents().contains(squash.key())) child.parents().add(i, squash.key());
                    }
                }
                for (Key p : old.parents()) {
                    if (!replaces.contains(p) && !p.equals(squash.key()) && !squash.parents().contains(p)) squash.parents().add(p);
                }
            }
            for (Key r : squash.replaced()) nodes.remove(r);
        }
    }

    /** Reports dependency cycles and removes the edge that closes each, so that an order still exists. */
    private static void breakCycles(Map<Key, Node> nodes, List<Problem> problems) {
        Map<Key, Integer> state = new HashMap<>();
        for (Key start : nodes.keySet()) {
            if (state.containsKey(start)) continue;
            Deque<Key> path = new ArrayDeque<>();
            Deque<int[]> idx = new ArrayDeque<>();
            path.push(start);
            idx.push(new int[] {0});
            state.put(start, 1);
            while (!path.isEmpty()) {
                Node n = nodes.get(path.peek());
                int[] i = idx.peek();
                if (i[0] < n.parents().size()) {
                    Key p = n.parents().get(i[0]++);
                    if (!nodes.containsKey(p)) continue;
                    Integer st = state.get(p);
                    if (st == null) {
                        state.put(p, 1);
                        path.push(p);
                        idx.push(new int[] {0});
                    } else if (st == 1) {
                        List<String> cycle = new ArrayList<>();
                        for (Key k : path) {
                            cycle.add(0, k.id());
                            if (k.equals(p)) break;
                        }
                        problems.add(new Problem("cycle", "circular dependency: " + String.join(" -> ", cycle) + " -> " + p.id()
                                + "; Django stops with CircularDependencyError", cycle));
                        n.parents().remove(--i[0]);
                    }
                } else {
                    state.put(path.pop(), 2);
                    idx.pop();
                }
            }
        }
    }

    private static void detectConflicts(Map<Key, Node> nodes, List<Problem> problems) {
        Map<String, List<String>> byApp = new TreeMap<>();
        for (Key leaf : leaves(nodes, null)) byApp.computeIfAbsent(leaf.app(), a -> new ArrayList<>()).add(leaf.name());
        for (Map.Entry<String, List<String>> e : byApp.entrySet()) {
            if (e.getValue().size() < 2) continue;
            problems.add(new Problem("conflict", "conflicting migrations in app " + e.getKey() + ": " + String.join(", ", e.getValue())
                    + " are both leaf nodes; Django refuses to migrate until `makemigrations --merge`",
                    e.getValue().stream().map(n -> e.getKey() + "." + n).toList()));
        }
    }

    /** Django's migrate plan: forwards_plan of each leaf in sorted order, without repeats. */
    private static List<Node> plan(Map<Key, Node> nodes) {
        List<Node> out = new ArrayList<>();
        Set<Key> seen = new HashSet<>();
        for (Key leaf : leaves(nodes, null)) {
            for (Key k : forwardsPlan(leaf, nodes)) {
                if (seen.add(k)) out.add(nodes.get(k));
            }
        }
        return out;
    }

    /** Django's {@code MigrationGraph.iterative_dfs}: parents pushed in sorted order, so the greatest is visited first. */
    private static List<Key> forwardsPlan(Key target, Map<Key, Node> nodes) {
        List<Key> visited = new ArrayList<>();
        Set<Key> visitedSet = new HashSet<>();
        Deque<Object[]> stack = new ArrayDeque<>();
        stack.push(new Object[] {target, false});
        while (!stack.isEmpty()) {
            Object[] top = stack.pop();
            Key node = (Key) top[0];
            if (visitedSet.contains(node)) continue;
            if ((Boolean) top[1]) {
                visitedSet.add(node);
                visited.add(node);
            } else {
                stack.push(new Object[] {node, true});
                List<Key> parents = new ArrayList<>(nodes.get(node).parents());
                parents.removeIf(p -> !nodes.containsKey(p));
                parents.sort(null);
                for (Key p : parents) stack.push(new Object[] {p, false});
            }
        }
        return visited;
    }

    // ---- states ----------------------------------------------------------------------------

    private static Map<Path, Context> states(List<Node> plan, Map<Key, Node> all, DjangoSettings settings) {
        Map<Path, Context> contexts = new HashMap<>();
        DjangoState state = DjangoState.EMPTY;
        for (Node n : plan) {
            contexts.put(n.file().file().toAbsolutePath().normalize(), new Context(n.key().app(), state, settings));
            DjangoState before = state;
            state = DjangoTranslator.stateAfter(n.file(), state, settings);
            if (!n.replaced().isEmpty()) replacedChain(n, before, settings, contexts, all);
        }
        return Map.copyOf(contexts);
    }

    /** Contexts for migrations replaced by a squash: their chain from the squash's starting state. */
    private static void replacedChain(Node squash, DjangoState before, DjangoSettings settings, Map<Path, Context> contexts, Map<Key, Node> all) {
        DjangoState s = before;
        for (Key r : squash.replaced()) {
            Node n = all.get(r);
            if (n == null) continue;
            contexts.put(n.file().file().toAbsolutePath().normalize(), new Context(r.app(), s, settings));
            s = DjangoTranslator.stateAfter(n.file(), s, settings);
        }
    }
}

package dev.dbmigrate.read.alembic;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyStmt;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads an Alembic project: every revision file in the versions folders (alembic.ini
 * {@code script_location} / {@code version_locations}), its {@code revision},
 * {@code down_revision} (a string, a tuple for merge revisions, or None), {@code branch_labels}
 * and {@code depends_on}, and its {@code upgrade()} / {@code downgrade()} functions as
 * {@link Script}s (part "upgrade" / "downgrade", starting at the {@code def} line).
 *
 * <p>Order: a depth-first walk of the revision graph (down_revision and depends_on edges) from the
 * heads in file-name order, parents in the order written; every revision comes after all of its
 * ancestors, branches are applied one after the other before their merge. Alembic may interleave
 * independent branches differently; both orders are valid for Alembic.
 *
 * <p>Problems: {@code duplicate-version} (two files with one revision id), {@code multiple-heads}
 * (named: {@code alembic upgrade head} refuses to run), {@code cycle}, {@code missing-dependency}
 * (a down_revision / depends_on naming no revision), {@code ignored-file} (a .py file without a
 * revision id), {@code unreadable}.
 *
 * <p>{@code transactional}: Alembic runs migrations in a transaction when the dialect has
 * transactional DDL in Alembic's own implementation (PostgreSQL and SQL Server; Alembic's SQLite
 * and MySQL implementations set {@code transactional_ddl = False}), unless env.py passes
 * {@code transactional_ddl=} to {@code context.configure}. {@code autocommit_block()} sections are
 * reported by the parser ({@code ParsedScript.noTransaction}).
 */
public final class AlembicReader implements MigrationReader {

    @Override
    public Tool tool() {
        return Tool.ALEMBIC;
    }

    /** One revision file as read. */
    private record Rev(String id, Path file, String text, PyModule module, List<String> downs, List<String> labels, List<String> dependsOn) {}

    @Override
    public ReadResult read(ReadContext context) {
        Path root = context.projectRoot().toAbsolutePath().normalize();
        AlembicProject project = AlembicProject.load(root, context.migrationsPath());
        Dialect dialect = context.dialect() != null ? context.dialect() : project.dialect();
        List<Problem> problems = new ArrayList<>();
        Map<String, Rev> revs = new LinkedHashMap<>();
        for (Path file : revisionFiles(project)) {
            String text;
            try {
                text = AlembicProject.read(file);
            } catch (InputException e) {
                problems.add(new Problem("unreadable", e.getMessage(), List.of(file.getFileName().toString())));
                continue;
            }
            PyModule m = PyParser.parse(text, 1);
            Optional<String> id = m.assigned("revision").flatMap(PyNodes::str);
            if (id.isEmpty()) {
                problems.add(new Problem("ignored-file", file + ": no literal `revision = \"...\"` at module level; Alembic does not load it as a revision",
                        List.of(file.getFileName().toString())));
                continue;
            }
            List<String> downs = idList(m, "down_revision", file, problems);
            List<String> labels = idList(m, "branch_labels", file, problems);
            List<String> depends = idList(m, "depends_on", file, problems);
            Rev prior = revs.get(id.get());
            if (prior != null) {
                problems.add(new Problem("duplicate-version", "revision " + id.get() + " is declared by two files: " + prior.file + " and " + file
                        + "; Alembic refuses to load the project", List.of(id.get())));
                continue;
            }
            revs.put(id.get(), new Rev(id.get(), file, text, m, downs, labels, depends));
        }
        Map<String, String> byLabel = new HashMap<>();
        for (Rev r : revs.values()) r.labels.forEach(l -> byLabel.putIfAbsent(l, r.id));
        Map<String, List<String>> parents = new LinkedHashMap<>();
        for (Rev r : revs.values()) {
            List<String> ps = new ArrayList<>();
            for (String d : r.downs) {
                if (revs.containsKey(d)) ps.add(d);
                else problems.add(new Problem("missing-dependency", r.file + ": down_revision " + d + " of revision " + r.id + " does not exist",
                        List.of(r.id, d)));
            }
            for (String d : r.dependsOn) {
                String target = revs.containsKey(d) ? d : byLabel.get(d);
                if (target != null) ps.add(target);
                else problems.add(new Problem("missing-dependency", r.file + ": depends_on " + d + " of revision " + r.id + " names no revision or branch label",
                        List.of(r.id, d)));
            }
            parents.put(r.id, ps);
        }
        List<String> heads = revs.values().stream()
                .filter(r -> revs.values().stream().noneMatch(o -> o.downs.contains(r.id))).map(Rev::id).toList();
        if (heads.size() > 1) {
            StringBuilder msg = new StringBuilder("multiple heads: ");
            for (int i = 0; i < heads.size(); i++) {
                if (i > 0) msg.append(", ");
                msg.append(heads.get(i)).append(" (").append(revs.get(heads.get(i)).file.getFileName()).append(')');
            }
            msg.append("; `alembic upgrade head` fails until they are merged (`alembic merge heads`)");
            problems.add(new Problem("multiple-heads", msg.toString(), heads));
        }
        List<String> order = order(revs, parents, heads, problems);
        List<Migration> migrations = new ArrayList<>();
        for (String id : order) migrations.add(migration(revs.get(id), parents.get(id), project, dialect));
        return new ReadResult(migrations, problems);
    }

    private static List<Path> revisionFiles(AlembicProject project) {
        List<Path> files = new ArrayList<>();
        for (Path dir : project.versionDirs()) {
            try (Stream<Path> s = project.recursive() ? Files.walk(dir) : Files.list(dir)) {
                s.filter(Files::isRegularFile).filter(p -> {
                    String n = p.getFileName().toString();
                    return n.endsWith(".py") && !n.equals("__init__.py") && !n.startsWith(".#");
                }).sorted().forEach(files::add);
            } catch (IOException e) {
                throw new InputException(dir + ": cannot list the Alembic versions folder (" + e.getMessage() + ")", e);
            }
        }
        return files;
    }

    /** A module-level id list: None / missing -> empty, a string -> one, a tuple/list of strings -> them. */
    private static List<String> idList(PyModule m, String var, Path file, List<Problem> problems) {
        Optional<PyNode> v = m.assigned(var);
        if (v.isEmpty() || PyNodes.isNone(v.get())) return List.of();
        Optional<List<String>> ids = PyNodes.strings(v.get());
        if (ids.isEmpty()) {
            problems.add(new Problem("unreadable", file + ":" + v.get().span().line() + ": " + var + " is not a literal string or tuple: " + m.text(v.get()),
                    List.of(file.getFileName().toString())));
            return List.of();
        }
        return ids.get();
    }

    /** Depth-first from the heads, parents in the order written; cycles are reported and broken. */
    private static List<String> order(Map<String, Rev> revs, Map<String, List<String>> parents, List<String> heads, List<Problem> problems) {
        List<String> order = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>();
        Deque<String> stack = new ArrayDeque<>();
        List<String> starts = new ArrayList<>(heads);
        starts.addAll(revs.keySet());
        for (String start : starts) {
            if (state.containsKey(start)) continue;
            Deque<Object[]> work = new ArrayDeque<>();
            work.push(new Object[] {start, 0});
            while (!work.isEmpty()) {
                Object[] frame = work.peek();
                String node = (String) frame[0];
                int idx = (Integer) frame[1];
                if (idx == 0) {
                    Integer st = state.get(node);
                    if (st != null) {
                        work.pop();
                        if (st == 1) cycle(node, stack, revs, problems);
                        continue;
                    }
                    state.put(node, 1);
                    stack.push(node);
                }
                List<String> ps = parents.getOrDefault(node, List.of());
                if (idx < ps.size()) {
                    frame[1] = idx + 1;
                    work.push(new Object[] {ps.get(idx), 0});
                } else {
                    work.pop();
                    stack.pop();
                    state.put(node, 2);
                    order.add(node);
                }
            }
        }
        return order;
    }

    private static void cycle(String node, Deque<String> stack, Map<String, Rev> revs, List<Problem> problems) {
        List<String> members = new ArrayList<>();
        for (String s : stack) {
            members.add(0, s);
            if (s.equals(node)) break;
        }
        problems.add(new Problem("cycle", "the down_revision chain loops: " + String.join(" -> ", members) + " -> " + node
                + " (" + revs.get(node).file.getFileName() + "); Alembic cannot order these revisions", members));
    }

    private static Migration migration(Rev r, List<String> parents, AlembicProject project, Dialect dialect) {
        Optional<String> doc = PyNodes.docstring(r.module.body());
        String message = doc.map(d -> d.strip().lines().findFirst().orElse("").strip()).filter(s -> !s.isEmpty()).orElse(null);
        String fileName = r.file.getFileName().toString().replaceFirst("\\.py$", "");
        int at = fileName.indexOf(r.id);
        String slug = at >= 0 ? fileName.substring(at + r.id.length()).replaceFirst("^[_-]", "") : fileName;
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("downRevisions", r.downs);
        attrs.put("branchLabels", r.labels);
        attrs.put("dependsOn", r.dependsOn);
        attrs.put("merge", r.downs.size() > 1);
        if (message != null) attrs.put("message", message);
        doc.flatMap(d -> d.lines().filter(l -> l.strip().startsWith("Create Date:")).findFirst())
                .ifPresent(l -> attrs.put("createDate", l.strip().substring("Create Date:".length()).strip()));
        if (dialect != null) attrs.put("dialect", dialect.id());
        Optional<PyStmt.Def> up = r.module.function("upgrade");
        Optional<PyStmt.Def> down = r.module.function("downgrade");
        DownKind downKind = DownKind.MISSING;
        if (down.isPresent()) {
            List<PyStmt> body = down.get().body();
            boolean raises = !body.isEmpty() && body.stream().allMatch(s -> s instanceof PyStmt.Raise || PyNodes.isEmptyBody(List.of(s)))
                    && body.stream().anyMatch(s -> s instanceof PyStmt.Raise);
            if (raises) attrs.put("downgradeRaises", true);
            downKind = PyNodes.isEmptyBody(body) || raises ? DownKind.EMPTY : DownKind.PRESENT;
        }
        Boolean transactional = project.transactionalDdl() != null ? project.transactionalDdl()
                : dialect == null ? null : dialect == Dialect.POSTGRESQL || dialect == Dialect.MSSQL;
        return new Migration(Tool.ALEMBIC, r.id, message != null ? message : slug, r.id, r.file,
                up.map(d -> part(r, d, "upgrade")).orElse(null), down.map(d -> part(r, d, "downgrade")).orElse(null),
                downKind, transactional, parents, attrs);
    }

    /** The function's lines, from its first line (decorators included) to its last. */
    private static Script part(Rev r, PyStmt.Def def, String part) {
        String[] lines = r.text.split("\r\n|\r|\n", -1);
        int from = def.span().line();
        int to = Math.min(def.span().endLine(), lines.length);
        String text = String.join("\n", java.util.Arrays.asList(lines).subList(from - 1, to));
        return new Script(r.file, text, from, Script.Language.PYTHON_ALEMBIC, part);
    }
}

package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.Detection;
import dev.dbmigrate.detect.ProjectScanner;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Finds the project a path belongs to: walks up from the path to the nearest directory where a
 * migration tool is detected whose migrations contain the path (or that is the path), then applies
 * the project's .db-migrate.yml and explicit overrides.
 */
public final class ProjectResolver {

    private static final int MAX_LEVELS_UP = 8;

    private final ProjectScanner scanner;

    public ProjectResolver(ProjectScanner scanner) {
        this.scanner = scanner;
    }

    /**
     * @param target      a migration file or folder, or a project root
     * @param projectHint explicit project root, or null
     * @param dialect     explicit dialect, or null
     * @param tool        explicit tool, or null
     */
    public Project resolve(Path target, Path projectHint, Dialect dialect, Tool tool) {
        Path abs = target.toAbsolutePath().normalize();
        if (!Files.exists(abs)) throw new InputException(abs + ": no such file or directory");
        String key = abs + "|" + projectHint + "|" + dialect + "|" + tool;
        Cached c = cache.get(key);
        if (c != null && c.stamp().equals(stamp(abs, c.project()))) return c.project();
        Project p = doResolve(abs, projectHint, dialect, tool);
        if (cache.size() > 256) cache.clear();
        cache.put(key, new Cached(p, stamp(abs, p)));
        return p;
    }

    private record Cached(Project project, String stamp) {}

    private final java.util.Map<String, Cached> cache = new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * What a resolution depends on, cheaply: the folders from the target up to the project root
     * (an added or removed file changes a folder's time), the root's config and the tool's config files.
     */
    private static String stamp(Path target, Project p) {
        List<Path> paths = new ArrayList<>();
        for (Path d = Files.isDirectory(target) ? target : target.getParent(); d != null; d = d.getParent()) {
            paths.add(d);
            if (d.equals(p.root()) || !d.startsWith(p.root())) break;
        }
        paths.add(p.root());
        paths.add(p.root().resolve(ProjectConfig.FILE_NAME));
        paths.add(p.migrationsPath());
        if (p.detection() != null) paths.addAll(p.detection().configFiles());
        return FileStamps.of(paths);
    }

    private Project doResolve(Path abs, Path projectHint, Dialect dialect, Tool tool) {
        List<String> notes = new ArrayList<>();
        ProjectScanner scanner = this.scanner.sharingCaches(); // the walk up scans nested folders again and again
        Detection found = null;
        Path root = null;
        if (projectHint != null) {
            root = projectHint.toAbsolutePath().normalize();
            if (!Files.isDirectory(root)) throw new InputException(root + ": project path is not a directory");
            found = pick(scanner.scan(root), abs, tool).orElse(null);
        } else {
            // Walk up; after the first hit look two levels further (scanning from inside a tool's
            // folder, e.g. prisma/, sees that folder as the root), and keep the best candidate.
            Path dir = Files.isDirectory(abs) ? abs : abs.getParent();
            int extra = -1;
            for (int i = 0; dir != null && i < MAX_LEVELS_UP && extra != 0; i++, dir = dir.getParent()) {
                Optional<Detection> d = pick(scanner.scan(dir), abs, tool);
                if (d.isPresent()) {
                    if (found == null || better(d.get(), found)) found = d.get();
                    if (extra < 0) extra = 2;
                }
                if (extra > 0) extra--;
                if (Files.exists(dir.resolve(".git"))) break; // a repository root (.git is a file in worktrees)
            }
        }
        if (found != null) root = found.root();
        if (root == null) root = Files.isDirectory(abs) ? abs : abs.getParent();
        ProjectConfig config = ProjectConfig.load(root);

        Tool t = tool != null ? tool : config.tool() != null ? config.tool() : found != null ? found.tool() : Tool.RAW_SQL;
        if (found == null && tool == null && config.tool() == null) notes.add("no migration tool detected: treating the files as plain SQL migrations (raw-sql)");
        Dialect d = dialect != null ? dialect : config.dialect() != null ? config.dialect() : found != null ? found.dialect() : null;
        if (d == null) {
            d = Dialect.POSTGRESQL;
            notes.add("dialect not configured: assuming postgresql (pass --dialect or set dialect in " + ProjectConfig.FILE_NAME + ")");
        }
        Path migrations = config.migrations() != null ? root.resolve(config.migrations()).normalize()
                : found != null && found.tool() == t ? found.migrationsPath() : null;
        return new Project(root, t, d, migrations, config, found, notes);
    }

    /** A more specific migrations folder wins; for the same folder, the root higher up (where the config lives). */
    static boolean better(Detection a, Detection b) {
        int ma = a.migrationsPath() == null ? 0 : a.migrationsPath().getNameCount();
        int mb = b.migrationsPath() == null ? 0 : b.migrationsPath().getNameCount();
        if (ma != mb) return ma > mb;
        return a.root().getNameCount() < b.root().getNameCount();
    }

    /** The detection whose migrations contain the target (or whose root is it), most specific first. */
    static Optional<Detection> pick(DetectResult r, Path target, Tool wanted) {
        Comparator<Detection> specific = Comparator.comparingInt((Detection d) -> d.root().getNameCount())
                .thenComparing(d -> "high".equals(d.confidence()) ? 2 : "medium".equals(d.confidence()) ? 1 : 0);
        Optional<Detection> best = r.detections().stream()
                .filter(d -> wanted == null || d.tool() == wanted)
                .filter(d -> contains(d.migrationsPath(), target) || d.root().equals(target)
                        || (d.tool() == Tool.DJANGO && target.startsWith(d.root()))
                        || (d.migrationsPath() != null && d.migrationsPath().startsWith(target) && target.startsWith(d.root())))
                .max(specific);
        if (best.isPresent() || Files.isDirectory(target)) return best;
        // a file of the project that is not in its migrations folder (package.json, a stray .sql): still that project
        return r.detections().stream()
                .filter(d -> wanted == null || d.tool() == wanted)
                .filter(d -> d.root().equals(target.getParent()))
                .max(specific);
    }

    private static boolean contains(Path dir, Path target) {
        if (dir == null) return false;
        return target.startsWith(dir) || (dir.getParent() != null && Files.isRegularFile(dir) && target.equals(dir));
    }
}

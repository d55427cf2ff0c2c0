package dev.dbmigrate.detect;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Tool;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Walks a project tree (pre-order, sorted, not following symlinks, skipping dependency and build folders)
 * and runs every {@link Detector} on every directory. Detections of the same setup found from two places
 * (a config at the root and the migrations folder below it) are merged; each project root of a monorepo
 * is reported separately.
 */
public final class ProjectScanner {

    private static final Logger LOG = LoggerFactory.getLogger(ProjectScanner.class);
    static final int MAX_DEPTH = 8;
    static final int MAX_DIRS = 20_000;
    private static final Map<String, Integer> CONFIDENCE_RANK = Map.of("high", 0, "medium", 1, "low", 2);

    private final List<Detector> detectors;
    private final int maxDepth;
    private final int maxDirs;
    /** Caches shared by every scan of this scanner, or null for fresh ones per scan. */
    private final ScanContext.Caches shared;

    public ProjectScanner() {
        this(Detectors.all(), MAX_DEPTH, MAX_DIRS);
    }

    ProjectScanner(List<Detector> detectors, int maxDepth, int maxDirs) {
        this(detectors, maxDepth, maxDirs, null);
    }

    private ProjectScanner(List<Detector> detectors, int maxDepth, int maxDirs, ScanContext.Caches shared) {
        this.detectors = List.copyOf(detectors);
        this.maxDepth = maxDepth;
        this.maxDirs = maxDirs;
        this.shared = shared;
    }

    /**
     * A scanner whose scans share directory listings, file texts and parsed files, for several scans
     * of nested directories in one go (the files must not change meanwhile). Not thread-safe.
     */
    public ProjectScanner sharingCaches() {
        return new ProjectScanner(detectors, maxDepth, maxDirs, new ScanContext.Caches());
    }

    public DetectResult scan(Path projectPath) {
        Path root = projectPath.toAbsolutePath().normalize();
        if (!Files.isDirectory(root)) {
            throw new InputException(root + ": not a directory");
        }
        if (!Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS)) {
            try {
                root = root.toRealPath();
            } catch (java.io.IOException e) {
                throw new InputException(root + ": cannot resolve the symbolic link (" + e.getMessage() + ")");
            }
        }
        ScanContext ctx = shared == null ? new ScanContext(root) : new ScanContext(root, shared);
        List<Detection> found = new ArrayList<>();
        List<String> notes = new ArrayList<>();
        int visited = walk(ctx, found, notes);
        List<Detection> detections = dropAncestorGuesses(dropClaimedRawSql(merge(found)));
        detections.sort(order(root));
        String message;
        if (detections.isEmpty()) {
            message = "no migration tool found under " + root + " (" + visited + (visited == 1 ? " directory" : " directories") + " scanned)";
            if (!notes.isEmpty()) message += "; " + String.join("; ", notes);
        } else {
            message = notes.isEmpty() ? null : String.join("; ", notes);
        }
        return new DetectResult(root, detections, message);
    }

    private int walk(ScanContext ctx, List<Detection> found, List<String> notes) {
        Deque<Path> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(ctx.root());
        depths.push(0);
        int visited = 0;
        boolean deeper = false;
        while (!todo.isEmpty()) {
            Path dir = todo.pop();
            int depth = depths.pop();
            if (visited == maxDirs) {
                notes.add("scan stopped after " + maxDirs + " directories; results may be incomplete (pass a narrower projectPath)");
                break;
            }
            visited++;
            ProjectDir pd = new ProjectDir(ctx, dir);
            for (Detector d : detectors) {
                try {
                    d.detect(pd).ifPresent(found::add);
                } catch (RuntimeException e) {
                    LOG.warn("{} detector failed on {}: {}", d.tool().id(), dir, e.toString());
                }
            }
            ScanContext.Listing listing = ctx.list(dir);
            if (listing.truncated()) notes.add(ctx.root().relativize(dir) + ": more than " + ScanContext.MAX_ENTRIES_PER_DIR + " entries, only the first were examined");
            List<String> children = listing.dirs();
            if (depth >= maxDepth) {
                deeper |= children.stream().anyMatch(c -> !ProjectDir.skipped(c));
                continue;
            }
            for (int i = children.size() - 1; i >= 0; i--) {
                if (ProjectDir.skipped(children.get(i))) continue;
                todo.push(dir.resolve(children.get(i)));
                depths.push(depth + 1);
            }
        }
        if (deeper) notes.add("directories more than " + maxDepth + " levels deep were not scanned");
        return visited;
    }

    /** Merges detections of one setup found from several directories (walk order: ancestors first). */
    static List<Detection> merge(List<Detection> found) {
        List<Detection> kept = new ArrayList<>();
        outer:
        for (Detection d : found) {
            for (int i = 0; i < kept.size(); i++) {
                Detection k = kept.get(i);
                if (sameSetup(k, d)) {
                    kept.set(i, merge(k, d));
                    continue outer;
                }
            }
            kept.add(d);
        }
        return kept;
    }

    private static boolean sameSetup(Detection a, Detection b) {
        if (a.tool() != b.tool()) return false;
        if (a.migrationsPath() != null && a.migrationsPath().equals(b.migrationsPath())) return true;
        if (!a.root().equals(b.root())) return false;
        if (a.migrationsPath() == null || b.migrationsPath() == null) return true;
        // a folder found below the changelog or migrations folder already reported (Liquibase includes)
        Path area = Files.isDirectory(a.migrationsPath()) ? a.migrationsPath() : a.migrationsPath().getParent();
        return b.migrationsPath().startsWith(area);
    }

    private static Detection merge(Detection a, Detection b) {
        Set<Path> configs = new LinkedHashSet<>(a.configFiles());
        configs.addAll(b.configFiles());
        Set<String> evidence = new LinkedHashSet<>(a.evidence());
        if (a.root().equals(b.root())) evidence.addAll(b.evidence()); // evidence paths are relative to the root
        String confidence = CONFIDENCE_RANK.get(a.confidence()) <= CONFIDENCE_RANK.get(b.confidence()) ? a.confidence() : b.confidence();
        boolean bKnowsMore = a.migrationsPath() == null && b.migrationsPath() != null;
        return new Detection(a.tool(), a.dialect() != null ? a.dialect() : b.dialect(), confidence, a.root(),
                bKnowsMore ? b.migrationsPath() : a.migrationsPath(), new ArrayList<>(configs), new ArrayList<>(evidence),
                bKnowsMore ? b.commands() : a.commands(), a.historyTable() != null ? a.historyTable() : b.historyTable());
    }

    /** A raw-sql folder inside another tool's migrations area belongs to that tool (e.g. Liquibase includeAll). */
    private static List<Detection> dropClaimedRawSql(List<Detection> in) {
        List<Path> areas = new ArrayList<>();
        for (Detection d : in) {
            if (d.tool() == Tool.RAW_SQL || d.migrationsPath() == null) continue;
            Path area = Files.isDirectory(d.migrationsPath()) ? d.migrationsPath() : d.migrationsPath().getParent();
            if (area != null && !area.equals(d.root())) areas.add(area);
        }
        List<Detection> out = new ArrayList<>();
        for (Detection d : in) {
            if (d.tool() == Tool.RAW_SQL && areas.stream().anyMatch(a -> d.migrationsPath().startsWith(a))) continue;
            out.add(d);
        }
        return out;
    }

    /**
     * A low-confidence guess (dependency only) at a root whose sub-project has a real detection of the same
     * tool is the workspace root of a monorepo declaring the dependency for its packages: drop it.
     */
    private static List<Detection> dropAncestorGuesses(List<Detection> in) {
        List<Detection> out = new ArrayList<>();
        for (Detection d : in) {
            boolean shadowed = "low".equals(d.confidence()) && in.stream().anyMatch(o -> o != d && o.tool() == d.tool()
                    && !o.root().equals(d.root()) && o.root().startsWith(d.root()) && !"low".equals(o.confidence()));
            if (!shadowed) out.add(d);
        }
        return out;
    }

    private static Comparator<Detection> order(Path root) {
        return Comparator.<Detection, String>comparing(d -> root.relativize(d.root()).toString().replace('\\', '/'))
                .thenComparing(d -> CONFIDENCE_RANK.get(d.confidence()))
                .thenComparing(d -> d.tool().ordinal())
                .thenComparing(d -> Optional.ofNullable(d.migrationsPath()).map(Path::toString).orElse(""));
    }
}

package dev.dbmigrate.detect;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * A directory being examined by the detectors, with cached access to the files of the scanned tree.
 * Detectors go through it (never the disk directly): every listing and every file is read once per scan.
 */
public final class ProjectDir {

    /** Directories never walked: dependencies, build output, caches, virtualenvs. */
    static final Set<String> SKIPPED = Set.of(
            "node_modules", "vendor", "target", "build", "dist", "out", "venv", "env", "__pycache__",
            "coverage", "bower_components", "jspm_packages", "site-packages", "Pods");

    /** Files whose presence makes a directory a project root (for migration folders found without config). */
    private static final List<String> ROOT_MARKERS = List.of(
            "package.json", "go.mod", "Cargo.toml", "pyproject.toml", "setup.py", "requirements.txt", "Pipfile",
            "manage.py", "alembic.ini", "pom.xml", "build.gradle", "build.gradle.kts", "Gemfile", "composer.json",
            "flyway.conf", "flyway.toml", "liquibase.properties", "diesel.toml", "Makefile", "docker-compose.yml",
            "docker-compose.yaml", "compose.yml", "compose.yaml", ".env");

    /** Folder names that hold migrations but are not a project (climbed over when no marker is found). */
    private static final Set<String> CONTAINER_NAMES = Set.of(
            "db", "database", "sql", "internal", "storage", "schema", "resources", "main", "src", "migrations",
            "migration", "migrate", "pkg");

    private final ScanContext ctx;
    private final Path path;

    ProjectDir(ScanContext ctx, Path path) {
        this.ctx = ctx;
        this.path = path;
    }

    /** The directory (absolute). */
    public Path path() {
        return path;
    }

    static boolean skipped(String dirName) {
        if (SKIPPED.contains(dirName)) return true;
        return dirName.startsWith(".") && !dirName.startsWith(".db-migrate");
    }

    ScanContext context() {
        return ctx;
    }

    Path scanRoot() {
        return ctx.root();
    }

    ProjectDir at(Path dir) {
        return dir.equals(path) ? this : new ProjectDir(ctx, dir);
    }

    Path resolve(String rel) {
        return path.resolve(rel).normalize();
    }

    String name() {
        Path n = path.getFileName();
        return n == null ? "" : n.toString();
    }

    List<String> files() {
        return ctx.list(path).files();
    }

    List<String> dirs() {
        return ctx.list(path).dirs();
    }

    List<String> files(Path dir) {
        return ctx.list(dir).files();
    }

    List<String> dirs(Path dir) {
        return ctx.list(dir).dirs();
    }

    boolean hasFile(String name) {
        return ctx.list(path).hasFile(name);
    }

    boolean isFile(Path p) {
        return ctx.isFile(p);
    }

    boolean isDir(Path p) {
        return ctx.isDir(p);
    }

    boolean isFile(String rel) {
        return ctx.isFile(resolve(rel));
    }

    boolean isDir(String rel) {
        return ctx.isDir(resolve(rel));
    }

    /** The first of the relative paths that is an existing file. */
    Optional<Path> firstFile(String... rels) {
        for (String r : rels) {
            Path p = resolve(r);
            if (ctx.isFile(p)) return Optional.of(p);
        }
        return Optional.empty();
    }

    Optional<String> text(Path file) {
        return ctx.text(file);
    }

    Optional<String> text(String rel) {
        return ctx.text(resolve(rel));
    }

    /** Descendant directories (not this one) up to {@code maxDepth} levels down, skipping what the walk skips. */
    List<Path> findDirs(int maxDepth, Predicate<Path> match) {
        List<Path> found = new ArrayList<>();
        Deque<Path> todo = new ArrayDeque<>();
        Deque<Integer> depths = new ArrayDeque<>();
        todo.push(path);
        depths.push(0);
        while (!todo.isEmpty()) {
            Path d = todo.pop();
            int depth = depths.pop();
            if (depth > 0 && match.test(d)) found.add(d);
            if (depth >= maxDepth) continue;
            List<String> children = ctx.list(d).dirs();
            for (int i = children.size() - 1; i >= 0; i--) {
                if (skipped(children.get(i))) continue;
                todo.push(d.resolve(children.get(i)));
                depths.push(depth + 1);
            }
        }
        found.sort(null);
        return found;
    }

    /** This directory or the nearest ancestor (not above the scan root) that holds {@code fileName}. */
    Optional<ProjectDir> nearestWith(String fileName) {
        for (Path d = path; d != null && d.startsWith(ctx.root()); d = d.getParent()) {
            if (ctx.list(d).hasFile(fileName)) return Optional.of(at(d));
        }
        return Optional.empty();
    }

    /**
     * The project root a migrations folder (this directory) belongs to: the nearest ancestor holding a
     * project marker (package.json, go.mod, Cargo.toml, pom.xml, Makefile, .env...), else the folder's
     * parent, climbing over container names such as {@code db} or {@code sql}; never above the scan root.
     */
    ProjectDir projectRoot() {
        Path root = ctx.root();
        if (path.equals(root)) return this;
        for (Path d = path.getParent(); d != null && d.startsWith(root); d = d.getParent()) {
            ScanContext.Listing l = ctx.list(d);
            for (String m : ROOT_MARKERS) if (l.hasFile(m)) return at(d);
        }
        Path d = path.getParent();
        while (!d.equals(root) && CONTAINER_NAMES.contains(String.valueOf(d.getFileName()))) d = d.getParent();
        return at(d);
    }

    /** How the SQL files of this directory are laid out (computed once per directory). */
    SqlLayout sqlLayout() {
        return ctx.memo("sql-layout", path, () -> SqlLayout.classify(this));
    }

    @Override
    public String toString() {
        return path.toString();
    }
}

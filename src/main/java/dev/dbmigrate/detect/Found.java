package dev.dbmigrate.detect;

import dev.dbmigrate.db.history.HistoryTables;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Collects what one detector learns about one (root, tool) and turns it into a {@link Detection}.
 * Confidence follows the signals: "high" when the tool's own config or its migration folder layout was
 * found, "medium" when a dependency is declared and the layout is partly there, "low" otherwise.
 */
final class Found {

    final Tool tool;
    final ProjectDir root;
    private Dialect dialect;
    private Path migrations;
    private final Set<Path> configFiles = new LinkedHashSet<>();
    private final Set<String> evidence = new LinkedHashSet<>();
    private boolean ownConfig;
    private boolean layout;
    private boolean dependency;
    private boolean partial;
    private boolean likely;
    private HistoryTables.Location historyTable;

    Found(Tool tool, ProjectDir root) {
        this.tool = tool;
        this.root = root;
    }

    /** A path relative to the root, with '/' ("." for the root itself). */
    String rel(Path p) {
        Path r = root.path().relativize(p);
        String s = r.toString().replace('\\', '/');
        return s.isEmpty() ? "." : s;
    }

    /** The tool's own configuration file was found. */
    Found config(Path file, String what) {
        ownConfig = true;
        configFiles.add(file);
        return evidence(rel(file) + (what == null || what.isEmpty() ? "" : ": " + what));
    }

    /** A file that was read for this detection (a manifest, .env...), without making it the tool's config. */
    Found read(Path file) {
        configFiles.add(file);
        return this;
    }

    /** The tool (or its client library) is declared as a dependency. */
    Found dependency(Path manifest, String what) {
        dependency = true;
        read(manifest);
        return evidence(rel(manifest) + ": " + what);
    }

    /** Migrations in the tool's own layout were found at {@code path}. */
    Found layout(Path path, String what) {
        layout = true;
        if (migrations == null) migrations = path;
        return evidence(about(path, what));
    }

    /** "path: what", or just "what" when the path is the root itself. */
    private String about(Path path, String what) {
        String r = rel(path);
        return r.equals(".") ? what : r + ": " + what;
    }

    /** The migrations folder exists but holds nothing in the tool's layout yet. */
    Found partial(Path path, String what) {
        partial = true;
        if (migrations == null) migrations = path;
        return evidence(about(path, what));
    }

    /** Migrations that look like this tool's, without the tool's config or exact layout (medium confidence). */
    Found likely(Path path, String what) {
        likely = true;
        if (migrations == null) migrations = path;
        return evidence(about(path, what));
    }

    /**
     * A folder of migration files named by {@code fileName}: the tool's layout when there are some, a partial
     * layout when the folder exists without any; nothing when it does not exist.
     */
    Found migrationFiles(Path folder, Pattern fileName, String convention) {
        if (folder == null || !root.isDir(folder)) return this;
        long n = root.files(folder).stream().filter(x -> fileName.matcher(x).matches()).count();
        return n > 0 ? layout(folder, Cmd.count(n, "migration") + " (" + convention + ")") : partial(folder, "no migrations yet");
    }

    Found migrations(Path path) {
        if (migrations == null) migrations = path;
        return this;
    }

    Path migrations() {
        return migrations;
    }

    boolean hasLayout() {
        return layout;
    }

    boolean hasOwnConfig() {
        return ownConfig;
    }

    Found evidence(String line) {
        if (line != null && !line.isBlank()) evidence.add(Redact.secrets(line));
        return this;
    }

    /** Sets the dialect when none is known yet; a later source that disagrees is noted, not applied. */
    Found dialect(Dialect d, String line) {
        if (d == null) return this;
        if (dialect == null) {
            dialect = d;
            return evidence(line);
        }
        if (dialect == d) evidence(line);
        else evidence((line == null ? "another setting names " + d.id() : line) + " (differs; keeping " + dialect.id() + ")");
        return this;
    }

    /**
     * The dialect a tool setting names ("client", "pg"); a name db-migrate does not analyse (oracle, h2...)
     * is noted and leaves the dialect unknown.
     */
    Found dialectNamed(String setting, String name, String line) {
        if (name == null) return this;
        Dialect d = Dialects.of(name);
        return d != null ? dialect(d, line) : evidence(setting + " " + name + " is not a dialect db-migrate analyses");
    }

    Dialect dialect() {
        return dialect;
    }

    /** The text of a file; when it exists but cannot be read, says so in the evidence. */
    Optional<String> text(Path file) {
        Optional<String> t = root.context().text(file);
        if (t.isEmpty()) {
            String problem = root.context().problem(file);
            if (problem != null) evidence(rel(file) + ": " + problem);
        }
        return t;
    }

    String confidence() {
        if (ownConfig || layout) return "high";
        if ((dependency && partial) || likely) return "medium";
        return "low";
    }

    boolean isEmpty() {
        return !ownConfig && !layout && !dependency && !partial && !likely;
    }

    /**
     * The history table's schema, name and lock table as the tool's configuration sets them (nulls
     * for defaults); the first setting of each part wins. {@code source} says where, as evidence
     * ("flyway.conf: flyway.table=app_history").
     */
    Found historyTable(String schema, String table, String lockTable, String source) {
        schema = blankToNull(schema);
        table = blankToNull(table);
        lockTable = blankToNull(lockTable);
        if (schema == null && table == null && lockTable == null) return this;
        HistoryTables.Location h = historyTable == null ? HistoryTables.Location.DEFAULT : historyTable;
        historyTable = new HistoryTables.Location(h.schema() != null ? h.schema() : schema, h.table() != null ? h.table() : table,
                h.lockTable() != null ? h.lockTable() : lockTable, h.source() != null ? h.source() : source);
        return evidence(source);
    }

    /** "file: k1=v1, k2=v2" for the pairs whose value is set; null when none is. */
    String settings(Path file, String... keysAndValues) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i + 1 < keysAndValues.length; i += 2) {
            if (blankToNull(keysAndValues[i + 1]) == null) continue;
            sb.append(sb.isEmpty() ? "" : ", ").append(keysAndValues[i]).append('=').append(keysAndValues[i + 1].strip());
        }
        return sb.isEmpty() ? null : rel(file) + ": " + sb;
    }

    /** The first part of a comma-separated list ("app,audit" -> "app"), or null. */
    static String firstOf(String csv) {
        if (csv == null) return null;
        for (String s : csv.split(",")) if (!s.isBlank()) return s.strip();
        return null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    Detection build(Detection.Commands commands) {
        return new Detection(tool, dialect, confidence(), root.path(), migrations,
                new ArrayList<>(configFiles), new ArrayList<>(evidence), commands, historyTable);
    }
}

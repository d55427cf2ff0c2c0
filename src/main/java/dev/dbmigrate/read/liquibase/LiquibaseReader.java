package dev.dbmigrate.read.liquibase;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.liquibase.Changelog;
import dev.dbmigrate.parse.liquibase.Changelog.Change;
import dev.dbmigrate.parse.liquibase.Changelog.ChangeSet;
import dev.dbmigrate.parse.liquibase.Changelog.Include;
import dev.dbmigrate.parse.liquibase.Changelog.IncludeAll;
import dev.dbmigrate.parse.liquibase.ChangelogReader;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Liquibase: the master changelog (XML, YAML, JSON or formatted SQL) and everything it includes
 * ({@code include}, {@code includeAll}, with or without {@code relativeToChangelogFile}), in the
 * order Liquibase runs them (includeAll: files sorted by path). One migration per changeSet.
 *
 * <p>Identity as in {@code DATABASECHANGELOG}: id = {@code "<id>::<author>::<path>"} where path is
 * the changelog's logical path (FILENAME column): the master's path relative to the search root
 * ({@code src/main/resources} when the changelog lives there, as with Spring Boot's classpath, else
 * the project root), included paths built the way Liquibase builds them, a declared
 * {@code logicalFilePath} wins. name = the changeSet id; version = null (Liquibase orders by file
 * position, not by a version).
 *
 * <p>Scripts: for XML/YAML/JSON changelogs the up script is the whole changelog text in language
 * LIQUIBASE_XML/YAML/JSON with {@code part = "<id>::<author>"} and {@code startLine} = the changeSet's
 * line; the down (when a rollback is declared) is the same text with {@code part = "rollback:<id>::<author>"}.
 * {@link dev.dbmigrate.parse.liquibase.LiquibaseParser} reads exactly that changeSet (or rollback).
 * Formatted SQL changeSets are SQL scripts of their own lines; {@code --rollback} lines form the down.
 * {@code runInTransaction="false"} makes the changeSet non-transactional.
 *
 * <p>Down kinds: a rollback with content is PRESENT, an empty one ({@code <rollback/>},
 * {@code --rollback not required}) EMPTY; without one the changeSet is MISSING, and when every change
 * has an automatic inverse in Liquibase (createTable, addColumn, createIndex, renameColumn...)
 * attribute {@code autoRollback} is true and no "missing-down" is reported.
 *
 * <p>Attributes: {@code changeSetId}, {@code author}, {@code changelogPath} (String, the FILENAME
 * value), {@code changes} (List of change names), {@code autoRollback} (Boolean),
 * {@code runAlways}, {@code runOnChange} (Boolean, when set), {@code context}, {@code labels},
 * {@code dbms} (String, when set).
 */
public final class LiquibaseReader implements MigrationReader {

    /** Changes Liquibase can roll back without a rollback block. */
    public static final Set<String> AUTO_ROLLBACK = Set.of("addColumn", "addDefaultValue", "addForeignKeyConstraint",
            "addLookupTable", "addNotNullConstraint", "addPrimaryKey", "addUniqueConstraint", "createIndex",
            "createSequence", "createTable", "createView", "dropNotNullConstraint", "renameColumn", "renameSequence",
            "renameTable", "renameView", "tagDatabase", "addCheckConstraint", "setTableRemarks", "setColumnRemarks");

    private static final Pattern MASTER = Pattern.compile(
            "(?i)(db\\.changelog-master|changelog-master|db\\.changelog|master|changelog|db-changelog-master|db-changelog)\\.(xml|ya?ml|json|sql)");
    private static final Set<String> EXTENSIONS = Set.of("xml", "yaml", "yml", "json", "sql");

    @Override
    public Tool tool() {
        return Tool.LIQUIBASE;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path root = ctx.projectRoot().toAbsolutePath().normalize();
        Path master = locateMaster(ctx, root);
        Path searchRoot = searchRoot(root, master);
        Walk w = new Walk(root, searchRoot);
        String text = ReadSupport.readText(master, w.problems)
                .orElseThrow(() -> new InputException(master + ": the master changelog is not readable UTF-8 text"));
        w.file(master, ChangelogReader.read(master, text), text, logical(searchRoot, master));
        problemsForDuplicates(w);
        return new ReadResult(w.out, w.problems);
    }

    private static void problemsForDuplicates(Walk w) {
        w.problems.addAll(ReadSupport.duplicates(w.out, Migration::id, Migration::id,
                "Liquibase refuses to run (changesets had duplicate identifiers)"));
    }

    static String logical(Path searchRoot, Path file) {
        return file.startsWith(searchRoot) ? ReadSupport.relative(searchRoot, file) : file.getFileName().toString();
    }

    private static Path searchRoot(Path root, Path master) {
        for (Path p = master.getParent(); p != null && p.startsWith(root); p = p.getParent()) {
            if (p.endsWith(Path.of("src", "main", "resources")) || p.endsWith(Path.of("src", "test", "resources"))) return p;
        }
        return root;
    }

    private static Path locateMaster(ReadContext ctx, Path root) {
        Path given = ctx.migrationsPath() == null ? null : ctx.migrationsPath().toAbsolutePath().normalize();
        if (given != null && Files.isRegularFile(given)) return given;
        if (given != null && !Files.isDirectory(given)) throw new InputException(given + ": Liquibase changelog does not exist");
        if (given == null) {
            for (Path props : List.of(root.resolve("liquibase.properties"), root.resolve("src/main/resources/liquibase.properties"))) {
                Path p = fromProperties(root, props);
                if (p != null) return p;
            }
        }
        List<Path> dirs = given != null ? List.of(given) : List.of("src/main/resources/db/changelog", "src/main/resources/db",
                "src/main/resources/liquibase", "db/changelog", "db", "changelog", "liquibase", "src/main/resources", "")
                .stream().map(root::resolve).toList();
        for (Path d : dirs) {
            if (!Files.isDirectory(d)) continue;
            for (Path f : ReadSupport.files(d)) {
                if (MASTER.matcher(f.getFileName().toString()).matches()) return f;
            }
        }
        throw new InputException((given != null ? given : root) + ": no Liquibase master changelog found (db.changelog-master.yaml/.xml/.json/.sql, changelog.xml...)");
    }

    private static Path fromProperties(Path root, Path props) {
        if (!Files.isRegularFile(props)) return null;
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(props)) {
            p.load(in);
        } catch (IOException e) {
            return null;
        }
        String v = p.getProperty("changeLogFile", p.getProperty("changelog-file", p.getProperty("liquibase.changelog-file")));
        if (v == null) return null;
        v = v.replaceFirst("^classpath:", "").replaceFirst("^/", "");
        for (Path base : List.of(root, root.resolve("src/main/resources"), props.getParent())) {
            Path f = base.resolve(v).normalize();
            if (Files.isRegularFile(f)) return f;
        }
        return null;
    }

    /** State of one walk over the changelog tree. */
    private static final class Walk {
        final Path root;
        final Path searchRoot;
        final List<Migration> out = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        final Deque<Path> stack = new ArrayDeque<>();
        final Set<Path> seen = new HashSet<>();

        Walk(Path root, Path searchRoot) {
            this.root = root;
            this.searchRoot = searchRoot;
        }

        void include(Path file, String logical, Path from, int line) {
            Path real = file.toAbsolutePath().normalize();
            if (stack.contains(real)) {
                problems.add(problem("cycle", from + ":" + line + ": includes " + file + " which includes it back; Liquibase fails", logical));
                return;
            }
            if (!seen.add(real)) {
                problems.add(problem("duplicate-include", from + ":" + line + ": " + file + " is included a second time; its changeSets are read once", logical));
                return;
            }
            String text = ReadSupport.readText(file, problems).orElse(null);
            if (text == null) return;
            Changelog cl;
            try {
                cl = ChangelogReader.read(file, text);
            } catch (InputException e) {
                problems.add(problem("invalid-file", e.getMessage(), logical));
                return;
            }
            file(file, cl, text, logical);
        }

        void file(Path file, Changelog cl, String text, String logical) {
            Path real = file.toAbsolutePath().normalize();
            seen.add(real);
            stack.push(real);
            String path = cl.logicalFilePath() != null ? cl.logicalFilePath() : logical;
            for (Changelog.Entry e : cl.entries()) {
                if (e instanceof ChangeSet cs) {
                    out.add(migration(file, cl, text, path, cs));
                } else if (e instanceof Include inc) {
                    include(file, path, inc);
                } else if (e instanceof IncludeAll all) {
                    includeAll(file, path, all);
                }
            }
            stack.pop();
        }

        private void include(Path from, String fromLogical, Include inc) {
            if (inc.file() == null || inc.file().isBlank()) {
                problems.add(problem("invalid-file", from + ":" + inc.line() + ": include without a file", fromLogical));
                return;
            }
            Target t = target(from, fromLogical, inc.file(), inc.relativeToChangelogFile());
            Path target = t.path();
            String logical = t.logical();
            if (!Files.isRegularFile(target)) {
                problems.add(problem("missing-file", from + ":" + inc.line() + ": included changelog " + inc.file() + " does not exist; Liquibase fails", inc.file()));
                return;
            }
            include(target, logical, from, inc.line());
        }

        /**
         * Where an include points: relative to the including file (its logical path built from the
         * includer's), or looked up from the search root (then the project root, then the includer's
         * folder) with the path as written as its logical path.
         */
        private Target target(Path from, String fromLogical, String raw, boolean relativeToChangelogFile) {
            String p = raw.replaceFirst("^classpath\\*?:", "");
            if (relativeToChangelogFile) {
                return new Target(from.getParent().resolve(p).normalize(), joinLogical(parentOf(fromLogical), p));
            }
            String stripped = p.replaceFirst("^/", "");
            return new Target(firstExisting(searchRoot.resolve(stripped), root.resolve(stripped), from.getParent().resolve(p)),
                    normalizeLogical(stripped));
        }

        private void includeAll(Path from, String fromLogical, IncludeAll all) {
            Target t = target(from, fromLogical, all.path() == null ? "" : all.path(), all.relativeToChangelogFile());
            Path dir = t.path();
            String logical = t.logical();
            if (!Files.isDirectory(dir)) {
                if (all.errorIfMissingOrEmpty()) {
                    problems.add(problem("missing-file", from + ":" + all.line() + ": includeAll path " + all.path() + " does not exist; Liquibase fails", all.path()));
                }
                return;
            }
            List<Path> files = ReadSupport.filesRecursive(dir).stream()
                    .filter(f -> EXTENSIONS.contains(ext(f)))
                    .filter(f -> !f.toAbsolutePath().normalize().equals(from.toAbsolutePath().normalize()))
                    .toList();
            if (files.isEmpty() && all.errorIfMissingOrEmpty()) {
                problems.add(problem("missing-file", from + ":" + all.line() + ": includeAll path " + all.path() + " holds no changelog; Liquibase fails", all.path()));
            }
            for (Path f : files) {
                include(f, joinLogical(logical, ReadSupport.relative(dir, f)), from, all.line());
            }
        }

        private Migration migration(Path file, Changelog cl, String text, String path, ChangeSet cs) {
            String logical = cs.attributes().getOrDefault("logicalFilePath", path);
            String key = cs.id() + "::" + cs.author();
            MigrationBuilder b = new MigrationBuilder(Tool.LIQUIBASE).id(key + "::" + logical).name(cs.id()).version(null).file(file)
                    .noTransaction(!cs.runInTransaction())
                    .attr("changeSetId", cs.id()).attr("author", cs.author()).attr("changelogPath", logical);
            for (String a : List.of("runAlways", "runOnChange")) {
                if (cs.attributes().containsKey(a)) b.attr(a, Boolean.parseBoolean(cs.attributes().get(a).trim()));
            }
            for (String a : List.of("context", "contextFilter", "labels", "dbms")) b.attr(a.equals("contextFilter") ? "context" : a, cs.attributes().get(a));
            if (cl.format() == null) {
                b.up(new Script(file, cs.sqlBody(), cs.sqlBodyLine(), Script.Language.SQL, key));
                if (cs.sqlRollback() == null) {
                    b.down(null);
                    problems.add(problem("missing-down", file + ":" + cs.line() + ": changeSet " + key + " has no --rollback; liquibase rollback fails on it", b.id()));
                } else {
                    b.down(new Script(file, cs.sqlRollback(), Math.max(1, cs.sqlRollbackLine()), Script.Language.SQL, "rollback:" + key));
                }
                return b.build();
            }
            Script.Language lang = switch (cl.format()) {
                case XML -> Script.Language.LIQUIBASE_XML;
                case YAML -> Script.Language.LIQUIBASE_YAML;
                case JSON -> Script.Language.LIQUIBASE_JSON;
            };
            List<String> names = cs.changes().stream().map(Change::name).toList();
            b.up(new Script(file, text, cs.line(), lang, key)).attr("changes", names);
            if (cs.rollback() != null) {
                b.down(new Script(file, text, cs.line(), lang, "rollback:" + key));
                if (cs.rollback().isEmpty()) b.downKind(DownKind.EMPTY);
            } else {
                b.down(null);
                boolean auto = !names.isEmpty() && AUTO_ROLLBACK.containsAll(names);
                if (auto) {
                    b.attr("autoRollback", true);
                } else {
                    List<String> manual = names.stream().filter(n -> !AUTO_ROLLBACK.contains(n)).toList();
                    problems.add(problem("missing-down", file + ":" + cs.line() + ": changeSet " + key + " has no rollback and "
                            + (manual.isEmpty() ? "no changes" : String.join(", ", manual)) + " cannot be rolled back automatically", b.id()));
                }
            }
            return b.build();
        }
    }

    private record Target(Path path, String logical) {}

    private static Path firstExisting(Path... candidates) {
        for (Path c : candidates) {
            if (Files.exists(c)) return c.normalize();
        }
        return candidates[0].normalize();
    }

    private static String ext(Path f) {
        String n = f.getFileName().toString();
        int dot = n.lastIndexOf('.');
        return dot < 0 ? "" : n.substring(dot + 1).toLowerCase(Locale.ROOT);
    }

    private static String parentOf(String logical) {
        int slash = logical.lastIndexOf('/');
        return slash < 0 ? "" : logical.substring(0, slash);
    }

    private static String joinLogical(String dir, String file) {
        return normalizeLogical(dir.isEmpty() ? file : dir + "/" + file);
    }

    /** Resolves "." and ".." segments of a forward-slash path. */
    static String normalizeLogical(String p) {
        Deque<String> parts = new ArrayDeque<>();
        for (String s : p.replace('\\', '/').split("/")) {
            if (s.isEmpty() || s.equals(".")) continue;
            if (s.equals("..") && !parts.isEmpty() && !parts.peekLast().equals("..")) parts.removeLast();
            else parts.addLast(s);
        }
        return String.join("/", parts);
    }
}

package dev.dbmigrate.read.flyway;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Flyway SQL migrations under the location (scanned recursively, as Flyway does): versioned
 * {@code V<version>__<description>.sql}, repeatable {@code R__<description>.sql} and undo
 * {@code U<version>__<description>.sql} (Flyway Teams). Names are read as Flyway's own resource
 * name parser reads them: the prefixes are case-sensitive ({@code v1__x.sql} is ignored), the
 * version must be numeric parts separated by dots or underscores, a repeatable must not carry a
 * version; callbacks ({@code beforeMigrate.sql}, {@code afterMigrate__x.sql}...) are not
 * migrations. Order: versioned migrations by {@link FlywayVersion}, then repeatables by description.
 *
 * <p>id = version = the version as recorded in {@code flyway_schema_history.version} ("1.10");
 * repeatables have version null and id {@code R__<description>}. Undo files become the down of
 * their version (PRESENT); when a project has undo files, versioned migrations without one are
 * MISSING, else UNSUPPORTED. {@code V1__x.sql.conf} with {@code executeInTransaction=false} opts out
 * of the transaction.
 *
 * <p>Attributes: {@code checksumInput} (String, path of the file whose lines Flyway's CRC32 covers),
 * {@code description} (with spaces, as in the history table), {@code script} (path relative to the
 * location, as in the {@code script} column), {@code type} ("SQL" or "SQL_REPEATABLE"),
 * {@code undoFile} (String path), {@code undoEdition} (present when an undo file exists: undo
 * migrations need Flyway Teams/Enterprise).
 */
public final class FlywayReader implements MigrationReader {

    private static final List<String> CALLBACK_PREFIXES = List.of(
            "beforeMigrate", "beforeEachMigrate", "beforeEachMigrateStatement", "afterEachMigrateStatement",
            "afterEachMigrateStatementError", "afterEachMigrate", "afterEachMigrateError", "afterMigrate",
            "afterMigrateApplied", "afterVersioned", "afterMigrateError", "beforeUndo", "beforeEachUndo",
            "beforeEachUndoStatement", "afterEachUndoStatement", "afterEachUndoStatementError", "afterEachUndo",
            "afterEachUndoError", "afterUndo", "afterUndoError", "beforeClean", "afterClean", "afterCleanError",
            "beforeInfo", "afterInfo", "afterInfoError", "beforeValidate", "afterValidate", "afterValidateError",
            "beforeBaseline", "afterBaseline", "afterBaselineError", "beforeRepair", "afterRepair", "afterRepairError",
            "createSchema", "beforeConnect", "afterConnect");

    @Override
    public Tool tool() {
        return Tool.FLYWAY;
    }

    private record Named(Path file, char kind, FlywayVersion version, String rawDescription) {}

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "Flyway", "src/main/resources/db/migration", "db/migration", "sql",
                "migrations", "src/main/resources/db/migrations", "db/migrations");
        List<Problem> problems = new ArrayList<>();
        List<Named> versioned = new ArrayList<>();
        List<Named> repeatable = new ArrayList<>();
        Map<String, Named> undo = new LinkedHashMap<>();
        List<Named> undoList = new ArrayList<>();
        for (Path f : ReadSupport.filesRecursive(dir)) {
            String n = f.getFileName().toString();
            if (!n.endsWith(".sql")) continue;
            Optional<Named> named = classify(f, n, problems);
            if (named.isEmpty()) continue;
            Named m = named.get();
            switch (m.kind) {
                case 'V' -> versioned.add(m);
                case 'R' -> repeatable.add(m);
                default -> {
                    undoList.add(m);
                    undo.putIfAbsent(m.version.key(), m);
                }
            }
        }
        problems.addAll(ReadSupport.duplicates(versioned, m -> m.version.key(), m -> m.file.getFileName().toString(),
                "Flyway refuses to migrate (\"Found more than one migration with version\")"));
        problems.addAll(ReadSupport.duplicates(undoList, m -> m.version.key(), m -> m.file.getFileName().toString(),
                "Flyway refuses to undo it"));
        Map<String, List<String>> byDescription = new HashMap<>();
        repeatable.forEach(r -> byDescription.computeIfAbsent(r.rawDescription.replace('_', ' '), k -> new ArrayList<>()).add(r.file.getFileName().toString()));
        byDescription.forEach((d, names) -> {
            if (names.size() > 1) {
                problems.add(new Problem("duplicate-version", "repeatable description '" + d + "' is used by " + String.join(", ", names)
                        + "; Flyway refuses to migrate", names));
            }
        });

        versioned.sort(Comparator.comparing(Named::version));
        repeatable.sort(Comparator.comparing(r -> r.rawDescription.replace('_', ' ')));
        List<Migration> out = new ArrayList<>();
        boolean projectHasUndo = !undo.isEmpty();
        for (Named v : versioned) {
            Named u = undo.remove(v.version.key());
            MigrationBuilder b = base(dir, v, problems).id(v.version.text()).version(v.version.text());
            if (u != null) {
                b.downFile(u.file, problems).attr("undoFile", u.file.toString()).attr("undoEdition", "Flyway Teams/Enterprise");
            } else if (projectHasUndo) {
                b.downKind(DownKind.MISSING);
                problems.add(problem("missing-down", v.file + ": no U" + v.version.text() + "__*.sql undo migration", v.version.text()));
            } else {
                b.downKind(DownKind.UNSUPPORTED);
            }
            out.add(b.build());
        }
        for (Named u : undo.values()) {
            problems.add(problem("missing-up", u.file + ": undo migration for version " + u.version.text() + " which has no versioned migration", u.version.text()));
        }
        for (Named r : repeatable) {
            out.add(base(dir, r, problems).id("R__" + r.rawDescription).version(null).downKind(DownKind.UNSUPPORTED).build());
        }
        return new ReadResult(out, problems);
    }

    private MigrationBuilder base(Path dir, Named m, List<Problem> problems) {
        return new MigrationBuilder(Tool.FLYWAY)
                .name(m.rawDescription).file(m.file).up(ReadSupport.sqlScript(m.file, problems))
                .noTransaction(!executeInTransaction(m.file, problems))
                .attr("checksumInput", m.file.toString())
                .attr("description", m.rawDescription.replace('_', ' '))
                .attr("script", ReadSupport.relative(dir, m.file))
                .attr("type", m.kind == 'R' ? "SQL_REPEATABLE" : "SQL");
    }

    /** Reads {@code <file>.conf} (Flyway script configuration) for {@code executeInTransaction}. */
    private static boolean executeInTransaction(Path file, List<Problem> problems) {
        Path conf = file.resolveSibling(file.getFileName() + ".conf");
        if (!Files.isRegularFile(conf)) return true;
        return ReadSupport.readText(conf, problems)
                .map(t -> t.lines().map(String::trim)
                        .noneMatch(l -> l.replace(" ", "").equalsIgnoreCase("executeInTransaction=false")))
                .orElse(true);
    }

    /** Flyway's name rules; reports files Flyway ignores. Empty for callbacks and non-migrations. */
    private static Optional<Named> classify(Path f, String n, List<Problem> problems) {
        String base = n.substring(0, n.length() - ".sql".length());
        for (String cb : CALLBACK_PREFIXES) {
            if (base.startsWith(cb)) return Optional.empty();
        }
        char kind = base.isEmpty() ? ' ' : base.charAt(0);
        if (kind != 'V' && kind != 'R' && kind != 'U') {
            String hint = Character.toUpperCase(kind) != kind && "vru".indexOf(kind) >= 0
                    ? " (the prefix is case-sensitive: " + Character.toUpperCase(kind) + ")" : "";
            problems.add(problem("ignored-file", f + ": Flyway ignores it: not a V/R/U migration name" + hint, n));
            return Optional.empty();
        }
        String rest = base.substring(1);
        int sep = rest.indexOf("__");
        String version = sep < 0 ? rest : rest.substring(0, sep);
        String description = sep < 0 ? "" : rest.substring(sep + 2);
        if (kind == 'R') {
            if (!version.isEmpty()) {
                problems.add(problem("ignored-file", f + ": Flyway ignores it: a repeatable migration cannot carry a version (R__" + description + ".sql)", n));
                return Optional.empty();
            }
            return Optional.of(new Named(f, kind, null, description));
        }
        if (version.isEmpty()) {
            problems.add(problem("ignored-file", f + ": Flyway ignores it: no version (expected " + kind + "1.2__description.sql)", n));
            return Optional.empty();
        }
        FlywayVersion v;
        try {
            v = FlywayVersion.parse(version);
        } catch (NumberFormatException e) {
            problems.add(problem("ignored-file", f + ": Flyway ignores it: '" + version + "' is not a version (digits separated by . or _)", n));
            return Optional.empty();
        }
        if (description.isEmpty()) {
            problems.add(problem("suspicious-name", f + ": no description after '__'; Flyway applies it as version " + v.text() + " with an empty description", n));
        }
        return Optional.of(new Named(f, kind, v, description));
    }
}

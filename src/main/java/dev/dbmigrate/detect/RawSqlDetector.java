package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * raw-sql: a folder of ordered .sql files (numbered or timestamped names) that no tool claims. Runs
 * after every other detector; a folder inside another tool's migrations area is dropped by the scanner.
 * Seed, fixture, test and init-script folders are not migrations.
 */
final class RawSqlDetector implements Detector {

    private static final Set<String> NOT_MIGRATIONS = Set.of("seed", "seeds", "seeders", "seeding", "fixtures", "fixture", "testdata",
            "test", "tests", "__tests__", "spec", "docker-entrypoint-initdb.d", "initdb", "init", "queries", "query", "examples", "example",
            "samples", "sample", "dumps", "dump", "backup", "backups", "docs", "doc", "data", "reports", "views", "functions", "procedures");

    @Override
    public Tool tool() {
        return Tool.RAW_SQL;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if (!layout.is(SqlLayout.Kind.NUMBERED) || layout.migrations().size() < 2) return Optional.empty();
        for (Path seg : dir.scanRoot().relativize(dir.path())) {
            if (NOT_MIGRATIONS.contains(seg.toString().toLowerCase(Locale.ROOT))) return Optional.empty();
        }
        ProjectDir root = dir.projectRoot();
        Found f = new Found(Tool.RAW_SQL, root);
        String name = dir.name().toLowerCase(Locale.ROOT);
        String what = Cmd.count(layout.migrations().size(), "ordered .sql file") + " (" + layout.migrations().get(0) + " ... "
                + layout.migrations().get(layout.migrations().size() - 1) + "), no migration tool";
        if (name.contains("migrat") || name.contains("changes") || name.contains("patches") || name.contains("upgrade")) f.layout(dir.path(), what);
        else f.likely(dir.path(), what);
        DbHints.fallback(f);
        String rel = f.rel(dir.path());
        String next = layout.sequential() ? layout.nextVersion() : "<yyyyMMddHHmmss>";
        boolean downs = layout.migrations().stream().anyMatch(n -> n.toLowerCase(Locale.ROOT).matches(".*(down|rollback|revert|undo).*"));
        return Optional.of(f.build(new Detection.Commands(
                Cmd.none("no migration tool; add " + rel + "/" + next + "_<name>.sql"),
                Cmd.sqlClient(f.dialect(), Cmd.quote(rel) + "/<file>.sql") + "  # no migration tool: run each pending file in order",
                downs ? Cmd.sqlClient(f.dialect(), Cmd.quote(rel) + "/<down-file>.sql") + "  # run the matching down script"
                        : Cmd.none("plain SQL files have no down migrations; write and run a reverting script"),
                Cmd.none("no history table; keep a record of which files were applied"))));
    }
}

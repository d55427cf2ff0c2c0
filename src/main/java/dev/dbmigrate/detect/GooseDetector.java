package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * goose: SQL files annotated "-- +goose Up" / "-- +goose Down" (or numbered .go files registering
 * migrations); GOOSE_DRIVER / GOOSE_DBSTRING / GOOSE_MIGRATION_DIR in .env, or the driver argument of
 * goose commands in task files.
 */
final class GooseDetector implements Detector {

    private static final String[] MODULES = {"github.com/pressly/goose/v3", "github.com/pressly/goose"};
    private static final Pattern GOOSE_COMMAND = Pattern.compile(
            "\\bgoose\\b(?:\\s+-{1,2}[\\w-]+(?:[= ](?!postgres|mysql|sqlite3|mssql|redshift|tidb|clickhouse|vertica|ydb|turso|starrocks)\\S+)?)*\\s+"
                    + "(postgres|mysql|sqlite3|mssql|redshift|tidb|clickhouse|vertica|ydb|turso|starrocks)\\b");
    private static final Pattern TABLE_FLAG = Pattern.compile("\\bgoose\\b[^\\n]*?-table[= ]+[\"']?([\\w.]+)");
    private static final Pattern DIR_FLAG = Pattern.compile("\\bgoose\\b[^\\n]*?-dir[= ]+[\"']?([\\w./-]+)");

    @Override
    public Tool tool() {
        return Tool.GOOSE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if (layout.is(SqlLayout.Kind.GOOSE)) {
            Found f = new Found(Tool.GOOSE, dir.projectRoot());
            f.layout(dir.path(), Cmd.count(layout.migrations().size(), "migration") + " with goose annotations");
            Manifests.go(f, f.root).declare(f, MODULES);
            return Optional.of(finish(f, layout));
        }
        boolean goMod = dir.hasFile("go.mod");
        Found f = new Found(Tool.GOOSE, dir);
        boolean dep = goMod && Manifests.go(f, dir).declare(f, MODULES);
        Optional<DbHints.EnvValue> envDir = DbHints.env(f, "GOOSE_MIGRATION_DIR");
        if (!dep && envDir.isEmpty()) return Optional.empty();
        Path folder = null;
        if (envDir.isPresent()) {
            f.read(envDir.get().file());
            f.evidence(f.rel(envDir.get().file()) + ": GOOSE_MIGRATION_DIR=" + envDir.get().value());
            folder = dir.resolve(envDir.get().value());
        } else {
            folder = BuildScripts.find(f, dir, DIR_FLAG).map(h -> dir.resolve(h.match().group(1))).orElse(null);
        }
        if (folder == null || !dir.at(folder).sqlLayout().is(SqlLayout.Kind.GOOSE)) {
            List<Path> found = dir.findDirs(5, p -> dir.at(p).sqlLayout().is(SqlLayout.Kind.GOOSE));
            if (!found.isEmpty()) folder = found.get(0);
        }
        SqlLayout l = folder == null ? SqlLayout.NONE : dir.at(folder).sqlLayout();
        if (l.is(SqlLayout.Kind.GOOSE)) f.layout(folder, Cmd.count(l.migrations().size(), "migration") + " with goose annotations");
        else if (folder != null && dir.isDir(folder)) f.partial(folder, "no migrations yet");
        return Optional.of(finish(f, l));
    }

    private static Detection finish(Found f, SqlLayout layout) {
        String driver = null;
        Optional<DbHints.EnvValue> d = DbHints.env(f, "GOOSE_DRIVER");
        if (d.isPresent()) {
            driver = d.get().value();
            f.read(d.get().file());
            f.dialectNamed("goose driver", driver, f.rel(d.get().file()) + ": GOOSE_DRIVER=" + driver);
        } else {
            Optional<BuildScripts.Hit> hit = BuildScripts.find(f, f.root, GOOSE_COMMAND);
            if (hit.isPresent()) {
                driver = hit.get().match().group(1);
                f.read(hit.get().file());
                f.dialectNamed("goose driver", driver, f.rel(hit.get().file()) + ": goose " + driver + " ...");
            }
        }
        DbHints.dialectFromEnv(f, "GOOSE_DBSTRING", "DATABASE_URL");
        BuildScripts.historyTable(f, "GOOSE_TABLE", TABLE_FLAG, "goose -table");
        Manifests.go(f, f.root).dialectFromDrivers(f, Dialects.GO_DRIVERS);
        DbHints.dialectFromCompose(f);
        if (driver == null && f.dialect() != null) driver = gooseDriver(f.dialect());
        Path m = f.migrations();
        String dirArg = m == null ? "" : " -dir " + Cmd.arg(f, m);
        boolean goFiles = layout.migrations().stream().anyMatch(n -> n.endsWith(".go"))
                && layout.migrations().stream().noneMatch(n -> n.endsWith(".sql"));
        String conn = driver == null ? "" : " " + driver + " \"$GOOSE_DBSTRING\"";
        String note = driver == null ? "  # set GOOSE_DRIVER and GOOSE_DBSTRING" : "";
        return f.build(new Detection.Commands(
                "goose" + (layout.sequential() ? " -s" : "") + dirArg + " create <name> " + (goFiles ? "go" : "sql"),
                "goose" + dirArg + conn + " up" + note,
                "goose" + dirArg + conn + " down" + note,
                "goose" + dirArg + conn + " status" + note));
    }

    private static String gooseDriver(Dialect d) {
        return switch (d) {
            case POSTGRESQL -> "postgres";
            case MYSQL, MARIADB -> "mysql";
            case SQLITE -> "sqlite3";
            case MSSQL -> "mssql";
        };
    }
}

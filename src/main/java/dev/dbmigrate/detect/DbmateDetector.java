package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * dbmate: SQL files with "-- migrate:up" / "-- migrate:down" sections (default folder db/migrations,
 * or DBMATE_MIGRATIONS_DIR); the database from DATABASE_URL in .env, which dbmate itself loads.
 */
final class DbmateDetector implements Detector {

    private static final Pattern TABLE_FLAG = Pattern.compile("\\bdbmate\\b[^\\n]*?--migrations-table[= ]+[\"']?([\\w.]+)");

    @Override
    public Tool tool() {
        return Tool.DBMATE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if (layout.is(SqlLayout.Kind.DBMATE)) {
            Found f = new Found(Tool.DBMATE, dir.projectRoot());
            f.layout(dir.path(), Cmd.count(layout.migrations().size(), "migration") + " with -- migrate:up/down sections");
            Manifests.node(f, f.root).declare(f, "dbmate");
            return Optional.of(finish(f));
        }
        Found f = new Found(Tool.DBMATE, dir);
        boolean dep = Manifests.node(f, dir).declare(f, "dbmate");
        Optional<DbHints.EnvValue> envDir = DbHints.env(f, "DBMATE_MIGRATIONS_DIR");
        if (!dep && envDir.isEmpty()) return Optional.empty();
        Path folder = dir.resolve("db/migrations");
        if (envDir.isPresent()) {
            f.read(envDir.get().file());
            f.evidence(f.rel(envDir.get().file()) + ": DBMATE_MIGRATIONS_DIR=" + envDir.get().value());
            folder = dir.resolve(envDir.get().value());
        }
        if (dir.at(folder).sqlLayout().is(SqlLayout.Kind.DBMATE)) {
            f.layout(folder, Cmd.count(dir.at(folder).sqlLayout().migrations().size(), "migration") + " with -- migrate:up/down sections");
        } else if (dir.isDir(folder)) {
            f.partial(folder, "no migrations yet");
        }
        return Optional.of(finish(f));
    }

    private static Detection finish(Found f) {
        DbHints.env(f, "DBMATE_MIGRATIONS_DIR").ifPresent(v -> f.read(v.file()));
        DbHints.fallback(f);
        BuildScripts.historyTable(f, "DBMATE_MIGRATIONS_TABLE", TABLE_FLAG, "dbmate --migrations-table");
        Path schema = f.root.resolve("db/schema.sql");
        if (f.root.isFile(schema)) f.evidence("db/schema.sql: schema dump present");
        Path m = f.migrations();
        boolean configured = DbHints.env(f, "DBMATE_MIGRATIONS_DIR").isPresent();
        String d = m == null || configured || f.rel(m).equals("db/migrations") ? "" : " -d " + Cmd.arg(f, m);
        return f.build(new Detection.Commands(
                "dbmate" + d + " new <name>",
                "dbmate" + d + " up",
                "dbmate" + d + " rollback",
                "dbmate" + d + " status"));
    }
}

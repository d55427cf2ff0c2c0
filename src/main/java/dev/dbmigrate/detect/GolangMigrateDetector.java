package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate: {version}_{title}.up.sql / .down.sql pairs (unless the project is a Rust crate using
 * sqlx, which names reversible migrations the same way); the database from {@code -database} URLs in
 * task files, DATABASE_URL in .env, or the Go driver modules in go.mod.
 */
final class GolangMigrateDetector implements Detector {

    static final String[] MODULES = {"github.com/golang-migrate/migrate/v4", "github.com/golang-migrate/migrate"};
    private static final Pattern DATABASE_FLAG = Pattern.compile("-database[= ]+[\"']?([a-z0-9+]+://[^\\s\"']*)");
    private static final Pattern PATH_FLAG = Pattern.compile("\\bmigrate\\b[^\\n]*?-path[= ]+[\"']?([\\w./-]+)");

    @Override
    public Tool tool() {
        return Tool.GOLANG_MIGRATE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if (layout.is(SqlLayout.Kind.UP_DOWN) && !SqlxDetector.usesSqlx(dir)) {
            Found f = new Found(Tool.GOLANG_MIGRATE, dir.projectRoot());
            describe(f, dir, layout);
            Manifests.go(f, f.root).declare(f, MODULES);
            return Optional.of(finish(f, layout));
        }
        if (!dir.hasFile("go.mod")) return Optional.empty();
        Found f = new Found(Tool.GOLANG_MIGRATE, dir);
        if (!Manifests.go(f, dir).declare(f, MODULES)) return Optional.empty();
        List<Path> folders = dir.findDirs(5, p -> dir.at(p).sqlLayout().is(SqlLayout.Kind.UP_DOWN));
        if (!folders.isEmpty()) {
            describe(f, dir.at(folders.get(0)), dir.at(folders.get(0)).sqlLayout());
            return Optional.of(finish(f, dir.at(folders.get(0)).sqlLayout()));
        }
        BuildScripts.find(f, dir, PATH_FLAG).ifPresent(h -> {
            Path p = dir.resolve(h.match().group(1));
            f.read(h.file());
            if (dir.isDir(p)) f.partial(p, "named by -path in " + f.rel(h.file()) + ", no migrations yet");
        });
        return Optional.of(finish(f, SqlLayout.NONE));
    }

    private static final Pattern TABLE_PARAM = Pattern.compile("[?&]x-migrations-table=([^&\\s\"'#]+)");
    private static final Pattern QUOTED_PARAM = Pattern.compile("[?&]x-migrations-table-quoted=(1|true)\\b");

    /** The {@code x-migrations-table} parameter of a database URL ({@code "schema"."table"} when x-migrations-table-quoted is set). */
    private static void historyTable(Found f, Path file, String url) {
        Matcher m = TABLE_PARAM.matcher(url);
        if (!m.find()) return;
        String value = URLDecoder.decode(m.group(1), StandardCharsets.UTF_8);
        String source = f.settings(file, "x-migrations-table", value);
        if (QUOTED_PARAM.matcher(url).find()) {
            Matcher q = Pattern.compile("^\"([^\"]+)\"\\.\"([^\"]+)\"$").matcher(value);
            if (q.matches()) {
                f.historyTable(q.group(1), q.group(2), null, source);
                return;
            }
            value = value.replace("\"", "");
        }
        f.historyTable(null, value, null, source);
    }

    private static void describe(Found f, ProjectDir folder, SqlLayout layout) {
        long ups = layout.migrations().stream().filter(n -> n.endsWith(".up.sql")).count();
        long downs = layout.migrations().size() - ups;
        f.layout(folder.path(), Cmd.count(ups, "migration") + " ({version}_{title}.up.sql" + (downs > 0 ? " / .down.sql" : "") + ")"
                + (downs < ups ? ", " + (ups - downs) + " without a .down.sql" : ""));
    }

    private static Detection finish(Found f, SqlLayout layout) {
        BuildScripts.find(f, f.root, DATABASE_FLAG).ifPresent(h -> {
            f.read(h.file());
            f.dialect(Dialects.ofUrl(h.match().group(1)), f.rel(h.file()) + ": -database " + h.match().group(1));
            historyTable(f, h.file(), h.match().group(1));
        });
        DbHints.env(f, "DATABASE_URL", "DB_URL", "POSTGRESQL_URL", "MYSQL_URL").ifPresent(v -> historyTable(f, v.file(), v.value()));
        DbHints.dialectFromEnv(f, "DATABASE_URL", "DB_URL", "POSTGRESQL_URL", "MYSQL_URL");
        Manifests.go(f, f.root).dialectFromDrivers(f, Dialects.GO_DRIVERS);
        DbHints.dialectFromCompose(f);
        Path m = f.migrations();
        String path = m == null ? "<migrations-dir>" : Cmd.arg(f, m);
        String db = " -database \"$DATABASE_URL\"";
        return f.build(new Detection.Commands(
                "migrate create -ext sql -dir " + path + (layout.sequential() || layout.latest() == null ? " -seq" : "") + " <name>",
                "migrate -path " + path + db + " up",
                "migrate -path " + path + db + " down 1",
                "migrate -path " + path + db + " version"));
    }

}

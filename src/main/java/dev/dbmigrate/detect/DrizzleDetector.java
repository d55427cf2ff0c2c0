package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Drizzle Kit: drizzle.config.{ts,js,mjs,cjs,json} with {@code dialect} (or the legacy {@code driver})
 * and {@code out} (default "drizzle"), holding numbered .sql files plus meta/_journal.json, or (drizzle-kit
 * v1) one folder per migration with migration.sql and snapshot.json.
 */
final class DrizzleDetector implements Detector {

    private static final Pattern CONFIG = Pattern.compile("^drizzle(\\.[\\w-]+)?\\.config\\.(ts|mts|cts|js|mjs|cjs|json)$");

    @Override
    public Tool tool() {
        return Tool.DRIZZLE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Path config = null;
        for (String n : dir.files()) {
            if (!CONFIG.matcher(n).matches()) continue;
            if (config == null || n.startsWith("drizzle.config.")) config = dir.resolve(n);
            if (n.startsWith("drizzle.config.")) break;
        }
        Found f = new Found(Tool.DRIZZLE, dir);
        Deps deps = Manifests.node(f, dir);
        boolean kit = deps.get("drizzle-kit").isPresent();
        if (config == null && !kit) return Optional.empty();
        deps.declare(f, "drizzle-kit", "drizzle-orm");

        String out = null;
        boolean legacy = false;
        if (config != null) {
            String dialect = null;
            String driver = null;
            if (config.toString().endsWith(".json")) {
                Optional<JsonNode> json = ConfigFiles.json(f, config);
                dialect = json.map(j -> ConfigFiles.text(j.get("dialect"))).orElse(null);
                driver = json.map(j -> ConfigFiles.text(j.get("driver"))).orElse(null);
                out = json.map(j -> ConfigFiles.text(j.get("out"))).orElse(null);
                String table = json.map(j -> ConfigFiles.text(j.at("/migrations/table"))).orElse(null);
                String schema = json.map(j -> ConfigFiles.text(j.at("/migrations/schema"))).orElse(null);
                f.historyTable(schema, table, null, f.settings(config, "migrations.table", table, "migrations.schema", schema));
            } else {
                String code = JsText.stripComments(f.text(config).orElse(""));
                dialect = JsText.literal(JsText.expr(code, "dialect"));
                driver = JsText.literal(JsText.expr(code, "driver"));
                out = JsText.path(JsText.expr(code, "out"));
                String migrations = JsText.expr(code, "migrations");
                if (migrations != null && migrations.startsWith("{")) {
                    String table = JsText.literal(JsText.expr(migrations.substring(1), "table"));
                    String schema = JsText.literal(JsText.expr(migrations.substring(1), "schema"));
                    f.historyTable(schema, table, null, f.settings(config, "migrations.table", table, "migrations.schema", schema));
                }
            }
            String what = dialect != null ? "dialect: \"" + dialect + "\"" : driver != null ? "driver: \"" + driver + "\" (legacy)" : "no literal dialect";
            f.config(config, what);
            legacy = dialect == null && driver != null;
            f.dialectNamed(dialect != null ? "dialect" : "driver", dialect != null ? dialect : driver, null);
        }
        deps.dialectFromDrivers(f, Dialects.NODE_DRIVERS);
        DbHints.fallback(f);

        Path outDir = dir.resolve(out == null ? "drizzle" : out);
        if (dir.isDir(outDir)) {
            SqlLayout layout = dir.at(outDir).sqlLayout();
            if (layout.is(SqlLayout.Kind.DRIZZLE)) {
                f.layout(outDir, Cmd.count(layout.migrations().size(), "migration")
                        + (dir.isFile(outDir.resolve("meta/_journal.json")) ? " + meta/_journal.json" : " (folder per migration)"));
            } else {
                f.partial(outDir, "no migrations yet");
            }
        }
        String cfg = config == null || config.getFileName().toString().matches("drizzle\\.config\\.(ts|js|mjs|cjs|mts|cts|json)")
                ? "" : " --config " + Cmd.arg(f, config);
        String norollback = Cmd.none("drizzle-kit has no down migrations; write a reverting migration with npx drizzle-kit generate --custom --name revert_<name>" + cfg);
        String nostatus = Cmd.none("drizzle-kit has no status command; applied migrations are rows of the __drizzle_migrations table");
        if (legacy) {
            // drizzle-kit before 0.21 (config with "driver", no "dialect"): per-dialect generate, no migrate command
            String flavour = f.dialect() == Dialect.POSTGRESQL ? "pg" : f.dialect() == null ? "<pg|mysql|sqlite>" : f.dialect().isMysqlFamily() ? "mysql" : "sqlite";
            return Optional.of(f.build(new Detection.Commands(
                    "npx drizzle-kit generate:" + flavour + cfg + "  # drizzle-kit < 0.21 (legacy driver config)",
                    Cmd.none("drizzle-kit < 0.21 has no migrate command; apply with drizzle-orm's migrate() at start-up, or upgrade drizzle-kit"),
                    norollback, nostatus)));
        }
        return Optional.of(f.build(new Detection.Commands(
                "npx drizzle-kit generate --name <name>" + cfg, "npx drizzle-kit migrate" + cfg, norollback, nostatus)));
    }
}

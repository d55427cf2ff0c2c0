package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Sequelize CLI: .sequelizerc (config, migrations-path), config/config.json (or .js) with a dialect
 * per environment, migrations named &lt;14-digit timestamp&gt;-&lt;name&gt;.js (default folder "migrations").
 */
final class SequelizeDetector implements Detector {

    private static final Pattern MIGRATION_FILE = Pattern.compile("^\\d{14}-[\\w.-]+\\.(js|cjs|mjs|ts)$");

    @Override
    public Tool tool() {
        return Tool.SEQUELIZE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Found f = new Found(Tool.SEQUELIZE, dir);
        Deps deps = Manifests.node(f, dir);
        boolean dep = deps.declare(f, "sequelize-cli", "sequelize", "sequelize-typescript");
        Path rc = dir.resolve(".sequelizerc");
        boolean hasRc = dir.isFile(rc);
        if (!dep && !hasRc) return Optional.empty();

        String configPath = null;
        String migrationsPath = null;
        if (hasRc) {
            String code = JsText.stripComments(f.text(rc).orElse(""));
            configPath = JsText.path(JsText.expr(code, "config"));
            migrationsPath = JsText.path(JsText.expr(code, "migrations-path"));
            f.config(rc, migrationsPath == null ? "" : "migrations-path " + migrationsPath);
        }
        Optional<Path> config = configPath != null && dir.isFile(dir.resolve(configPath)) ? Optional.of(dir.resolve(configPath))
                : dir.firstFile("config/config.json", "config/config.js", "config/config.cjs", "config/database.json", "config/database.js");
        config.ifPresent(c -> readConfig(f, c));
        deps.dialectFromDrivers(f, Dialects.NODE_DRIVERS);
        DbHints.fallback(f);

        Path migrations = dir.resolve(migrationsPath == null ? "migrations" : migrationsPath);
        f.migrationFiles(migrations, MIGRATION_FILE, "<timestamp>-<name>.js");
        return Optional.of(f.build(new Detection.Commands(
                "npx sequelize-cli migration:generate --name <name>",
                "npx sequelize-cli db:migrate",
                "npx sequelize-cli db:migrate:undo  # reverts the most recent migration",
                "npx sequelize-cli db:migrate:status")));
    }

    /** config.json: {"development": {"dialect": ...}, "production": {...}}; config.js is read for dialect literals. */
    private static void readConfig(Found f, Path config) {
        Map<String, String> byEnv = new LinkedHashMap<>();
        Map<String, String> tables = new LinkedHashMap<>();
        Map<String, String> schemas = new LinkedHashMap<>();
        if (config.toString().endsWith(".json")) {
            Optional<JsonNode> json = ConfigFiles.json(f, config);
            if (json.isEmpty()) return;
            for (Iterator<Map.Entry<String, JsonNode>> it = json.get().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String d = ConfigFiles.text(e.getValue().get("dialect"));
                if (d == null && e.getValue().has("url")) d = Dialects.scheme(ConfigFiles.text(e.getValue().get("url")));
                if (d != null) byEnv.put(e.getKey(), d);
                put(tables, e.getKey(), ConfigFiles.text(e.getValue().get(TABLE)));
                put(schemas, e.getKey(), ConfigFiles.text(e.getValue().get(SCHEMA)));
            }
        } else {
            String code = JsText.stripComments(f.text(config).orElse(""));
            for (JsText.Prop p : JsText.props(code, "dialect")) {
                String d = JsText.literal(p.expr());
                if (d != null) byEnv.put(Environments.nameBefore(code, p.start()), d);
            }
            for (JsText.Prop p : JsText.props(code, TABLE)) put(tables, Environments.nameBefore(code, p.start()), JsText.literal(p.expr()));
            for (JsText.Prop p : JsText.props(code, SCHEMA)) put(schemas, Environments.nameBefore(code, p.start()), JsText.literal(p.expr()));
        }
        f.config(config, byEnv.isEmpty() ? "no literal dialect" : Environments.describe("dialect", byEnv));
        Environments.applyDialect(f, "dialect", byEnv);
        Map.Entry<String, String> table = Environments.choose(tables);
        Map.Entry<String, String> schema = Environments.choose(schemas);
        f.historyTable(schema == null ? null : schema.getValue(), table == null ? null : table.getValue(), null,
                f.settings(config, (table == null ? "" : table.getKey() + ".") + TABLE, table == null ? null : table.getValue(),
                        (schema == null ? "" : schema.getKey() + ".") + SCHEMA, schema == null ? null : schema.getValue()));
    }

    /** sequelize-cli's settings for its SequelizeMeta table, per environment. */
    private static final String TABLE = "migrationStorageTableName";
    private static final String SCHEMA = "migrationStorageTableSchema";

    private static void put(Map<String, String> byEnv, String env, String value) {
        if (value != null && !value.isBlank()) byEnv.putIfAbsent(env, value);
    }
}

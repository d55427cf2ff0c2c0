package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Knex: knexfile.{js,ts,cjs,mjs} with {@code client} per environment and {@code migrations.directory}
 * (default ./migrations); migrations named &lt;14-digit timestamp&gt;_&lt;name&gt;.js.
 */
final class KnexDetector implements Detector {

    private static final Pattern MIGRATION_FILE = Pattern.compile("^\\d{14}_[\\w.-]+\\.(js|cjs|mjs|ts)$");

    @Override
    public Tool tool() {
        return Tool.KNEX;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Found f = new Found(Tool.KNEX, dir);
        Deps deps = Manifests.node(f, dir);
        boolean dep = deps.declare(f, "knex");
        Optional<Path> knexfile = dir.firstFile("knexfile.js", "knexfile.ts", "knexfile.cjs", "knexfile.mjs", "knexfile.mts", "knexfile.cts");
        if (!dep && knexfile.isEmpty()) return Optional.empty();

        String directory = null;
        if (knexfile.isPresent()) {
            Optional<String> text = f.text(knexfile.get());
            String code = JsText.stripComments(text.orElse(""));
            Map<String, String> byEnv = new LinkedHashMap<>();
            for (JsText.Prop p : JsText.props(code, "client")) {
                String c = JsText.literal(p.expr());
                if (c != null) byEnv.putIfAbsent(Environments.nameBefore(code, p.start()), c);
            }
            String migrations = JsText.expr(code, "migrations");
            if (migrations != null && migrations.startsWith("{")) {
                String d = JsText.expr(migrations.substring(1), "directory");
                directory = JsText.path(d != null && d.startsWith("[") ? JsText.expression(d, 1) : d);
                String table = JsText.literal(JsText.expr(migrations.substring(1), "tableName"));
                String schema = JsText.literal(JsText.expr(migrations.substring(1), "schemaName"));
                f.historyTable(schema, table, table == null ? null : table + "_lock",
                        f.settings(knexfile.get(), "migrations.tableName", table, "migrations.schemaName", schema));
            }
            if (text.isPresent()) {
                f.config(knexfile.get(), (byEnv.isEmpty() ? "no literal client" : Environments.describe("client", byEnv))
                        + (directory == null ? "" : ", migrations.directory " + directory));
            } else {
                f.read(knexfile.get());
            }
            Environments.applyDialect(f, "client", byEnv);
        }
        deps.dialectFromDrivers(f, Dialects.NODE_DRIVERS);
        DbHints.fallback(f);

        Path migrations = dir.resolve(directory == null ? "migrations" : directory);
        f.migrationFiles(migrations, MIGRATION_FILE, "<timestamp>_<name>.js");
        return Optional.of(f.build(new Detection.Commands(
                "npx knex migrate:make <name>",
                "npx knex migrate:latest",
                "npx knex migrate:rollback  # rolls back the last batch",
                "npx knex migrate:status")));
    }
}

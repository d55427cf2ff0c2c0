package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Rails / Active Record: config/database.yml (ERB and YAML merge keys, adapter or url per environment,
 * multi-database configs with migrations_paths), migrations db/migrate/&lt;14 digits&gt;_&lt;name&gt;.rb.
 */
final class RailsDetector implements Detector {

    private static final Pattern MIGRATION_FILE = Pattern.compile("^\\d{14}_\\w+\\.rb$");
    private static final Pattern ERB_OUTPUT = Pattern.compile("<%=.*?%>");
    private static final Pattern ERB_LINE = Pattern.compile("(?m)^\\s*<%[^=].*?%>\\s*$");

    @Override
    public Tool tool() {
        return Tool.RAILS;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Found f = new Found(Tool.RAILS, dir);
        Deps gems = Manifests.ruby(f, dir);
        boolean dep = gems.declare(f, "rails", "activerecord", "standalone_migrations");
        Path yml = dir.resolve("config/database.yml");
        boolean hasYml = dir.isFile(yml);
        boolean hasMigrate = dir.isDir("db/migrate");
        if (!hasYml && !dep && !hasMigrate) return Optional.empty();

        String migrationsPath = null;
        if (hasYml) migrationsPath = readDatabaseYml(f, yml);
        gems.dialectFromDrivers(f, Dialects.RUBY_DRIVERS);
        DbHints.fallback(f);

        Path migrations = dir.resolve(migrationsPath == null ? "db/migrate" : migrationsPath);
        f.migrationFiles(migrations, MIGRATION_FILE, "<timestamp>_<name>.rb");
        if (!hasYml && !dep && !f.hasLayout()) return Optional.empty();
        for (String schema : List.of("db/schema.rb", "db/structure.sql")) {
            if (dir.isFile(schema)) f.evidence(schema + ": schema dump present");
        }
        String rails = dir.isFile("bin/rails") ? "bin/rails" : "bundle exec rails";
        return Optional.of(f.build(new Detection.Commands(
                rails + " generate migration <Name>",
                rails + " db:migrate",
                rails + " db:rollback STEP=1",
                rails + " db:migrate:status")));
    }

    /** Reads adapters per environment; returns the primary database's migrations_paths, if set. */
    private static String readDatabaseYml(Found f, Path yml) {
        Optional<Object> parsed = ConfigFiles.yaml(f, yml, t -> ERB_OUTPUT.matcher(ERB_LINE.matcher(t).replaceAll("")).replaceAll("ERB"));
        if (parsed.isEmpty()) {
            f.read(yml);
            return null;
        }
        Object doc = parsed.get();
        if (!(doc instanceof Map<?, ?> envs)) {
            f.config(yml, "no environments");
            return null;
        }
        Map<String, String> byEnv = new LinkedHashMap<>();
        String migrationsPath = null;
        List<String> others = new ArrayList<>();
        for (Map.Entry<?, ?> e : envs.entrySet()) {
            String env = String.valueOf(e.getKey());
            if (env.equals("default") || !(e.getValue() instanceof Map<?, ?> conf)) continue;
            Map<?, ?> primary = conf;
            if (!conf.containsKey("adapter") && !conf.containsKey("url") && !conf.containsKey("database")) {
                primary = null;
                for (Map.Entry<?, ?> db : conf.entrySet()) {
                    if (!(db.getValue() instanceof Map<?, ?> dbConf)) continue;
                    if (primary == null || "primary".equals(db.getKey())) primary = dbConf;
                }
                for (Map.Entry<?, ?> db : conf.entrySet()) {
                    if (db.getValue() instanceof Map<?, ?> dbConf && dbConf != primary && dbConf.get("migrations_paths") != null) {
                        String o = "database " + db.getKey() + ": migrations in " + first(dbConf.get("migrations_paths"));
                        if (!others.contains(o)) others.add(o);
                    }
                }
                if (primary == null) continue;
            }
            Object adapter = primary.get("adapter");
            String a = adapter == null || "ERB".equals(adapter) ? Dialects.scheme(String.valueOf(primary.get("url"))) : adapter.toString();
            if (a != null && !a.equals("ERB")) byEnv.put(env, a);
            if (migrationsPath == null && primary.get("migrations_paths") != null) migrationsPath = first(primary.get("migrations_paths"));
        }
        f.config(yml, byEnv.isEmpty() ? "adapter not set literally" : Environments.describe("adapter", byEnv));
        others.forEach(f::evidence);
        Environments.applyDialect(f, "adapter", byEnv);
        return migrationsPath;
    }

    private static String first(Object paths) {
        return paths instanceof List<?> l ? (l.isEmpty() ? null : String.valueOf(l.get(0))) : String.valueOf(paths);
    }
}

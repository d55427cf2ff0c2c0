package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * TypeORM: a DataSource (or NestJS TypeOrmModule.forRoot) options object with {@code type} and
 * {@code migrations} globs, or a legacy ormconfig.{json,js,ts,yml,env}; migrations are classes in
 * files named &lt;13-digit timestamp&gt;-&lt;Name&gt;.ts.
 */
final class TypeormDetector implements Detector {

    private static final Pattern SOURCE_NAME = Pattern.compile(
            "(?i)^(.*data-?source.*|ormconfig|typeorm[\\w.-]*|orm\\.?config|database(\\.config)?|db|app\\.module|config)\\.(ts|mts|cts|js|mjs|cjs)$");
    private static final Pattern MIGRATION_FILE = Pattern.compile("^\\d{13}-[\\w.-]+\\.(ts|js|mts|mjs|cjs)$");
    private static final Set<String> TYPES = Set.of("postgres", "mysql", "mariadb", "sqlite", "better-sqlite3", "sqljs", "mssql",
            "cockroachdb", "aurora-mysql", "aurora-postgres", "oracle", "capacitor", "cordova", "expo", "nativescript",
            "react-native", "mongodb", "sap", "spanner");
    private static final List<String> DEFAULT_DIRS = List.of("src/migrations", "src/migration", "migrations", "migration",
            "src/database/migrations", "src/db/migrations", "db/migrations", "database/migrations");

    @Override
    public Tool tool() {
        return Tool.TYPEORM;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Found f = new Found(Tool.TYPEORM, dir);
        Deps deps = Manifests.node(f, dir);
        boolean dep = deps.declare(f, "typeorm", "@nestjs/typeorm");
        Optional<Path> ormconfig = dir.firstFile("ormconfig.json", "ormconfig.js", "ormconfig.ts", "ormconfig.yml", "ormconfig.yaml", "ormconfig.env");
        if (!dep && ormconfig.isEmpty()) return Optional.empty();

        String type = null;
        String migrationsGlob = null;
        Path globBase = dir.path();
        Path dataSource = null;
        for (Path file : sourceCandidates(dir)) {
            String code = JsText.stripComments(f.text(file).orElse(""));
            if (!code.contains("DataSource(") && !code.contains("TypeOrmModule.forRoot") && !code.contains("DataSourceOptions")
                    && !code.contains("createConnection(")) continue;
            String t = typeIn(code);
            String m = JsText.expr(code, "migrations");
            if (t == null && m == null) continue;
            dataSource = file;
            type = t;
            String table = JsText.literal(JsText.expr(code, "migrationsTableName"));
            f.historyTable(null, table, null, f.settings(file, "migrationsTableName", table));
            String globExpr = m == null ? JsText.expr(code, "migrationsDir") : m;
            migrationsGlob = JsText.path(firstElement(globExpr));
            if (globExpr != null && globExpr.contains("__dirname")) globBase = file.getParent();
            f.config(file, (code.contains("TypeOrmModule.forRoot") ? "TypeOrmModule.forRoot" : "DataSource")
                    + (t == null ? "" : " type: \"" + t + "\"")
                    + (migrationsGlob == null ? "" : ", migrations: " + migrationsGlob));
            break;
        }
        if (dataSource == null && ormconfig.isPresent()) {
            Path oc = ormconfig.get();
            String name = oc.getFileName().toString();
            Map<String, String> values = ormconfigValues(f, oc, name);
            type = values.get("type");
            migrationsGlob = values.get("migrations");
            f.historyTable(null, values.get(TABLE), null, f.settings(oc, TABLE, values.get(TABLE)));
            f.config(oc, (type == null ? "" : "type: \"" + type + "\"") + (migrationsGlob == null ? "" : (type == null ? "" : ", ") + "migrations: " + migrationsGlob));
        }
        f.dialectNamed("type", type, null);
        DbHints.env(f, "TYPEORM_CONNECTION").ifPresent(v -> f.dialect(Dialects.of(v.value()), f.rel(v.file()) + ": TYPEORM_CONNECTION=" + v.value()));
        deps.dialectFromDrivers(f, Dialects.NODE_DRIVERS);
        DbHints.fallback(f);

        Path migrations = locateMigrations(f, dir, migrationsGlob, globBase);
        f.migrationFiles(migrations, MIGRATION_FILE, "<timestamp>-<Name>.ts");
        return Optional.of(f.build(commands(f, dir, dataSource, migrations)));
    }

    /** The DataSource option naming the migrations table. */
    private static final String TABLE = "migrationsTableName";

    private static List<Path> sourceCandidates(ProjectDir dir) {
        List<Path> out = new ArrayList<>();
        for (String n : dir.files()) if (SOURCE_NAME.matcher(n).matches()) out.add(dir.resolve(n));
        for (String sub : List.of("src", "config", "db", "database")) {
            Path s = dir.resolve(sub);
            if (!dir.isDir(s)) continue;
            List<Path> dirs = new ArrayList<>(List.of(s));
            dirs.addAll(dir.at(s).findDirs(3, p -> !p.getFileName().toString().startsWith("migration")));
            for (Path d : dirs) for (String n : dir.files(d)) if (SOURCE_NAME.matcher(n).matches()) out.add(d.resolve(n));
        }
        return out.size() > 30 ? out.subList(0, 30) : out;
    }

    /** The first {@code type:} whose value is a TypeORM driver type (entity column types are skipped). */
    private static String typeIn(String code) {
        for (JsText.Prop p : JsText.props(code, "type")) {
            String v = JsText.literal(p.expr());
            if (v != null && TYPES.contains(v)) return v;
        }
        return null;
    }

    private static String firstElement(String arrayExpr) {
        if (arrayExpr == null) return null;
        String s = arrayExpr.strip();
        if (s.startsWith("[")) s = JsText.expression(s, 1);
        return s;
    }

    private static Map<String, String> ormconfigValues(Found f, Path file, String name) {
        Map<String, String> out = new java.util.HashMap<>();
        if (name.endsWith(".json")) {
            ConfigFiles.json(f, file).ifPresent(j -> {
                JsonNode c = j.isArray() ? j.path(0) : j;
                put(out, "type", ConfigFiles.text(c.get("type")));
                put(out, "migrations", c.path("migrations").isArray() ? ConfigFiles.text(c.path("migrations").get(0)) : null);
                put(out, "migrations", ConfigFiles.text(c.at("/cli/migrationsDir")));
                put(out, TABLE, ConfigFiles.text(c.get(TABLE)));
            });
        } else if (name.endsWith(".yml") || name.endsWith(".yaml")) {
            ConfigFiles.yaml(f, file).ifPresent(y -> {
                Object c = y instanceof Map<?, ?> m && !m.containsKey("type") && !m.isEmpty() ? m.values().iterator().next() : y;
                Object t = ConfigFiles.yamlPath(c, "type");
                Object mg = ConfigFiles.yamlPath(c, "migrations");
                put(out, "type", t == null ? null : t.toString());
                put(out, "migrations", mg instanceof List<?> l && !l.isEmpty() ? String.valueOf(l.get(0)) : null);
                Object cli = ConfigFiles.yamlPath(c, "cli.migrationsDir");
                put(out, "migrations", cli == null ? null : cli.toString());
                Object table = ConfigFiles.yamlPath(c, TABLE);
                put(out, TABLE, table == null ? null : table.toString());
            });
        } else if (name.endsWith(".env")) {
            ConfigFiles.env(f, file).ifPresent(e -> {
                put(out, "type", e.get("TYPEORM_CONNECTION"));
                put(out, "migrations", e.get("TYPEORM_MIGRATIONS"));
                put(out, "migrations", e.get("TYPEORM_MIGRATIONS_DIR"));
                put(out, TABLE, e.get("TYPEORM_MIGRATIONS_TABLE_NAME"));
            });
        } else {
            String code = JsText.stripComments(f.text(file).orElse(""));
            put(out, "type", typeIn(code));
            put(out, "migrations", JsText.path(firstElement(JsText.expr(code, "migrations"))));
            put(out, "migrations", JsText.path(JsText.expr(code, "migrationsDir")));
            put(out, TABLE, JsText.literal(JsText.expr(code, TABLE)));
        }
        return out;
    }

    private static void put(Map<String, String> m, String k, String v) {
        if (v != null && !v.isBlank()) m.putIfAbsent(k, v);
    }

    /** The folder part of a glob ("src/migrations/*.ts" -> src/migrations); compiled paths map back to src/. */
    private static Path locateMigrations(Found f, ProjectDir dir, String glob, Path base) {
        if (glob != null) {
            List<String> kept = new ArrayList<>();
            for (String seg : glob.split("/")) {
                if (seg.matches(".*[*?{\\[].*") || seg.matches(".*\\.(ts|js)$")) break;
                kept.add(seg);
            }
            Path p = base.resolve(String.join("/", kept)).normalize();
            if (dir.isDir(p)) return p;
            String rel = f.rel(p);
            for (String built : List.of("dist/", "build/", "out/")) {
                if (rel.startsWith(built) && dir.isDir(dir.resolve("src/" + rel.substring(built.length())))) {
                    f.evidence(rel + ": compiled output; sources in src/" + rel.substring(built.length()));
                    return dir.resolve("src/" + rel.substring(built.length()));
                }
            }
        }
        for (String d : DEFAULT_DIRS) if (dir.isDir(d)) return dir.resolve(d);
        List<Path> found = dir.findDirs(4, p -> dir.files(p).stream().anyMatch(n -> MIGRATION_FILE.matcher(n).matches()));
        return found.isEmpty() ? null : found.get(0);
    }

    private static Detection.Commands commands(Found f, ProjectDir dir, Path dataSource, Path migrations) {
        String target = migrations == null ? "src/migrations" : f.rel(migrations);
        if (dataSource == null) {
            return new Detection.Commands(
                    "npx typeorm migration:create -n <Name>  # TypeORM 0.2 with ormconfig; 0.3 takes a path: migration:create " + target + "/<Name>",
                    "npx typeorm migration:run",
                    "npx typeorm migration:revert  # reverts the last executed migration",
                    "npx typeorm migration:show");
        }
        boolean ts = dataSource.toString().matches(".*\\.(ts|mts|cts)$");
        boolean esm = Manifests.packageJson(f, dir).map(p -> "module".equals(ConfigFiles.text(p.get("type")))).orElse(false);
        String cli = ts ? (esm ? "npx typeorm-ts-node-esm" : "npx typeorm-ts-node-commonjs") : "npx typeorm";
        String ds = " -d " + Cmd.arg(f, dataSource);
        boolean module = dataSource.getFileName().toString().contains("module");
        return new Detection.Commands(
                module ? "npx typeorm migration:create " + Cmd.quote(target) + "/<Name>"
                        : cli + " migration:generate " + Cmd.quote(target) + "/<Name>" + ds,
                module ? Cmd.none("TypeOrmModule options are not a DataSource file; export a DataSource and run " + cli + " migration:run -d <data-source>")
                        : cli + " migration:run" + ds,
                module ? cli + " migration:revert -d <data-source>  # reverts the last executed migration"
                        : cli + " migration:revert" + ds + "  # reverts the last executed migration",
                module ? cli + " migration:show -d <data-source>" : cli + " migration:show" + ds);
    }
}

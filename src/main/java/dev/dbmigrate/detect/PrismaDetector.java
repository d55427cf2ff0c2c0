package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prisma: schema.prisma (prisma/, the root, a multi-file prisma/schema/ folder, or where package.json
 * "prisma.schema" / prisma.config.ts point), provider of the datasource block, migrations next to it
 * in &lt;timestamp&gt;_&lt;name&gt;/migration.sql folders with migration_lock.toml.
 */
final class PrismaDetector implements Detector {

    private static final Pattern DATASOURCE = Pattern.compile("(?m)^\\s*datasource\\s+\\w+\\s*\\{([^}]*)\\}");
    private static final Pattern PROVIDER = Pattern.compile("(?m)^\\s*provider\\s*=\\s*\"([^\"]+)\"");

    @Override
    public Tool tool() {
        return Tool.PRISMA;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        if (dir.name().equals("prisma") && !dir.path().equals(dir.scanRoot())
                && dir.at(dir.path().getParent()).hasFile("package.json")) {
            return Optional.empty(); // examined from the package that owns it
        }
        Found f = new Found(Tool.PRISMA, dir);
        Deps deps = Manifests.node(f, dir);
        boolean cli = deps.get("prisma").isPresent(); // @prisma/client alone is a consumer of a schema kept elsewhere
        deps.declare(f, "prisma", "@prisma/client");

        String configMigrations = null;
        List<String> candidates = new ArrayList<>();
        Optional<Path> config = dir.firstFile("prisma.config.ts", "prisma.config.mts", "prisma.config.js", "prisma.config.mjs",
                "prisma.config.cjs", ".config/prisma.ts");
        if (config.isPresent()) {
            String code = JsText.stripComments(f.text(config.get()).orElse(""));
            String schema = JsText.path(JsText.expr(code, "schema"));
            String migrations = JsText.expr(code, "migrations");
            configMigrations = migrations == null ? null : JsText.path(JsText.expr(migrations.replaceFirst("^\\{", ""), "path"));
            f.config(config.get(), schema == null ? "" : "schema " + schema);
            if (schema != null) candidates.add(schema);
        }
        Manifests.packageJson(f, dir).map(p -> ConfigFiles.text(p.at("/prisma/schema"))).ifPresent(s -> {
            candidates.add(s);
            f.evidence("package.json: \"prisma\": {\"schema\": \"" + s + "\"}");
        });
        candidates.addAll(List.of("prisma/schema.prisma", "schema.prisma", "prisma/schema"));

        List<Path> schemaFiles = new ArrayList<>();
        Path schemaFolder = null;
        for (String c : candidates) {
            Path p = dir.resolve(c);
            if (dir.isFile(p)) {
                schemaFiles.add(p);
                break;
            }
            if (dir.isDir(p)) {
                for (String n : dir.files(p)) if (n.endsWith(".prisma")) schemaFiles.add(p.resolve(n));
                for (String sub : dir.dirs(p)) {
                    if (sub.equals("migrations")) continue;
                    for (String n : dir.files(p.resolve(sub))) if (n.endsWith(".prisma")) schemaFiles.add(p.resolve(sub).resolve(n));
                }
                if (!schemaFiles.isEmpty()) {
                    schemaFolder = p;
                    break;
                }
            }
        }
        if (schemaFiles.isEmpty() && !cli) return Optional.empty();

        Path datasourceFile = null;
        for (Path file : schemaFiles) {
            String text = f.text(file).orElse("");
            Matcher ds = DATASOURCE.matcher(text);
            if (!ds.find()) {
                if (schemaFolder == null) f.config(file, "no datasource block");
                continue;
            }
            datasourceFile = file;
            Matcher pm = PROVIDER.matcher(ds.group(1));
            String provider = pm.find() ? pm.group(1) : null;
            f.config(file, provider == null ? "datasource without a provider" : "provider = \"" + provider + "\"");
            dialect(f, provider, null);
        }
        if (schemaFolder != null) {
            f.evidence(f.rel(schemaFolder) + ": multi-file schema (" + schemaFiles.size() + " .prisma files)");
            if (datasourceFile == null) f.config(schemaFiles.get(0), "");
        }

        Path migrations = findMigrations(dir, configMigrations, datasourceFile, schemaFolder, schemaFiles);
        if (migrations != null) {
            SqlLayout layout = dir.at(migrations).sqlLayout();
            if (layout.is(SqlLayout.Kind.PRISMA)) {
                f.layout(migrations, Cmd.count(layout.migrations().size(), "migration") + " (<timestamp>_<name>/migration.sql)");
            } else {
                f.partial(migrations, "no migration folders yet");
            }
            Path lock = migrations.resolve("migration_lock.toml");
            if (dir.isFile(lock)) {
                ConfigFiles.toml(f, lock).map(t -> ConfigFiles.text(t.get("provider"))).ifPresent(p -> {
                    f.read(lock);
                    dialect(f, p, f.rel(lock) + ": provider = \"" + p + "\"");
                });
            }
        }
        return Optional.of(f.build(new Detection.Commands(
                "npx prisma migrate dev --name <name>",
                "npx prisma migrate deploy",
                "npx prisma migrate resolve --rolled-back <migration>  # Prisma has no down migrations: undo the change with your own SQL "
                        + "first (npx prisma db execute --file down.sql); resolve only records that a failed migration was rolled back",
                "npx prisma migrate status")));
    }

    private static void dialect(Found f, String provider, String evidence) {
        if (provider == null) return;
        if (provider.equals("mongodb")) f.evidence("provider mongodb is not a SQL database (Prisma Migrate does not apply)");
        else f.dialectNamed("provider", provider, evidence);
    }

    private static Path findMigrations(ProjectDir dir, String configured, Path datasourceFile, Path schemaFolder, List<Path> schemaFiles) {
        List<Path> candidates = new ArrayList<>();
        if (configured != null) candidates.add(dir.resolve(configured));
        if (datasourceFile != null) candidates.add(datasourceFile.resolveSibling("migrations"));
        if (schemaFolder != null) {
            candidates.add(schemaFolder.resolve("migrations"));
            candidates.add(schemaFolder.resolveSibling("migrations"));
        }
        if (!schemaFiles.isEmpty()) candidates.add(schemaFiles.get(0).resolveSibling("migrations"));
        candidates.add(dir.resolve("prisma/migrations"));
        for (Path c : candidates) if (dir.isDir(c)) return c;
        return null;
    }

}

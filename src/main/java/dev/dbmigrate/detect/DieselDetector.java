package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Diesel: diesel.toml ([migrations_directory] dir) and the diesel crate (database from its features);
 * one folder per migration, &lt;timestamp&gt;_&lt;name&gt;/up.sql + down.sql, default migrations/.
 */
final class DieselDetector implements Detector {

    @Override
    public Tool tool() {
        return Tool.DIESEL;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if (layout.is(SqlLayout.Kind.DIESEL)) {
            ProjectDir root = dir.nearestWith("diesel.toml").or(() -> dir.nearestWith("Cargo.toml")).orElseGet(dir::projectRoot);
            Found f = new Found(Tool.DIESEL, root);
            f.layout(dir.path(), Cmd.count(layout.migrations().size(), "migration") + " (<timestamp>_<name>/up.sql + down.sql)");
            return Optional.of(finish(f, root, false));
        }
        Path toml = dir.resolve("diesel.toml");
        boolean hasToml = dir.isFile(toml);
        Found f = new Found(Tool.DIESEL, dir);
        boolean dep = dir.hasFile("Cargo.toml") && Manifests.cargo(f, dir).get("diesel").isPresent();
        if (!hasToml && !dep) return Optional.empty();
        String configured = null;
        if (hasToml) {
            Optional<JsonNode> t = ConfigFiles.toml(f, toml);
            configured = t.map(n -> ConfigFiles.text(n.at("/migrations_directory/dir"))).orElse(null);
            String schema = t.map(n -> ConfigFiles.text(n.at("/print_schema/file"))).orElse(null);
            f.config(toml, (configured == null ? "" : "[migrations_directory] dir = \"" + configured + "\"")
                    + (schema == null ? "" : (configured == null ? "" : ", ") + "[print_schema] file = \"" + schema + "\""));
        }
        Path folder = dir.resolve(configured == null ? "migrations" : configured);
        SqlLayout l = dir.at(folder).sqlLayout();
        if (l.is(SqlLayout.Kind.DIESEL)) f.layout(folder, Cmd.count(l.migrations().size(), "migration") + " (<timestamp>_<name>/up.sql + down.sql)");
        else if (dir.isDir(folder)) f.partial(folder, "no migrations yet");
        return Optional.of(finish(f, dir, configured != null));
    }

    private static Detection finish(Found f, ProjectDir root, boolean dirConfigured) {
        if (root.hasFile("diesel.toml") && !f.hasOwnConfig()) f.config(root.resolve("diesel.toml"), "Diesel CLI config");
        Manifests.cargo(f, root).get("diesel").ifPresent(dep -> {
            f.dependency(dep.file(), "dependency diesel " + dep.spec());
            for (String feature : dep.features()) {
                if (Dialects.RUST_FEATURES.containsKey(feature)) f.dialect(Dialects.RUST_FEATURES.get(feature), null);
            }
        });
        DbHints.fallback(f);
        Path m = f.migrations();
        String md = m == null || dirConfigured || f.rel(m).equals("migrations") ? "" : " --migration-dir " + Cmd.arg(f, m);
        return f.build(new Detection.Commands(
                "diesel migration generate" + md + " <name>",
                "diesel migration run" + md,
                "diesel migration revert" + md,
                "diesel migration list" + md));
    }
}

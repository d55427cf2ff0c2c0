package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLx (Rust): the sqlx crate in Cargo.toml (database from its features), migrations in migrations/
 * (or the folder given to {@code sqlx::migrate!}) named &lt;version&gt;_&lt;name&gt;.sql, or reversible
 * .up.sql / .down.sql pairs.
 */
final class SqlxDetector implements Detector {

    private static final Pattern MIGRATE_MACRO = Pattern.compile("migrate!\\s*\\(\\s*\"([^\"]+)\"");

    @Override
    public Tool tool() {
        return Tool.SQLX;
    }

    /** Whether the crate owning {@code folder} (nearest Cargo.toml up the tree) depends on sqlx. */
    static boolean usesSqlx(ProjectDir folder) {
        Optional<ProjectDir> crate = folder.nearestWith("Cargo.toml");
        if (crate.isEmpty()) return false;
        Found probe = new Found(Tool.SQLX, crate.get());
        return Manifests.cargo(probe, crate.get()).get("sqlx").isPresent();
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        if ((layout.is(SqlLayout.Kind.NUMBERED) || layout.is(SqlLayout.Kind.UP_DOWN)) && usesSqlx(dir)) {
            ProjectDir crate = dir.nearestWith("Cargo.toml").orElseThrow();
            Found f = new Found(Tool.SQLX, crate);
            f.layout(dir.path(), describe(layout));
            return Optional.of(finish(f, crate, layout));
        }
        if (!dir.hasFile("Cargo.toml")) return Optional.empty();
        Found f = new Found(Tool.SQLX, dir);
        if (Manifests.cargo(f, dir).get("sqlx").isEmpty()) return Optional.empty();
        Path folder = dir.resolve("migrations");
        for (Path src : List.of(dir.resolve("src"), dir.resolve("src/bin"), dir.resolve("src/db"))) {
            for (String n : dir.files(src)) {
                if (!n.endsWith(".rs")) continue;
                Matcher m = MIGRATE_MACRO.matcher(f.text(src.resolve(n)).orElse(""));
                if (m.find()) {
                    folder = dir.resolve(m.group(1));
                    f.read(src.resolve(n));
                    f.evidence(f.rel(src.resolve(n)) + ": sqlx::migrate!(\"" + m.group(1) + "\")");
                    break;
                }
            }
        }
        SqlLayout l = dir.at(folder).sqlLayout();
        if (l.is(SqlLayout.Kind.NUMBERED) || l.is(SqlLayout.Kind.UP_DOWN)) f.layout(folder, describe(l));
        else if (dir.isDir(folder)) f.partial(folder, "no migrations yet");
        return Optional.of(finish(f, dir, l));
    }

    private static String describe(SqlLayout l) {
        return l.is(SqlLayout.Kind.UP_DOWN)
                ? Cmd.count(l.migrations().stream().filter(n -> n.endsWith(".up.sql")).count(), "reversible migration") + " (<version>_<name>.up.sql / .down.sql)"
                : Cmd.count(l.migrations().size(), "migration") + " (<version>_<name>.sql)";
    }

    private static Detection finish(Found f, ProjectDir crate, SqlLayout layout) {
        Manifests.cargo(f, crate).get("sqlx").ifPresent(dep -> {
            f.dependency(dep.file(), "dependency sqlx " + dep.spec());
            for (String feature : dep.features()) {
                if (Dialects.RUST_FEATURES.containsKey(feature)) {
                    f.dialect(Dialects.RUST_FEATURES.get(feature), null);
                }
            }
        });
        DbHints.fallback(f);
        Path m = f.migrations();
        String src = m == null || f.rel(m).equals("migrations") ? "" : " --source " + Cmd.arg(f, m);
        boolean reversible = layout.is(SqlLayout.Kind.UP_DOWN);
        return f.build(new Detection.Commands(
                "sqlx migrate add" + (reversible ? " -r" : "") + src + " <name>",
                "sqlx migrate run" + src,
                reversible ? "sqlx migrate revert" + src
                        : Cmd.none("these are simple (up-only) migrations, which sqlx cannot revert; write a new migration that undoes the change"),
                "sqlx migrate info" + src));
    }
}

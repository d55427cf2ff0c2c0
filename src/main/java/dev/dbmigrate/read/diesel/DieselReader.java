package dev.dbmigrate.read.diesel;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Diesel: {@code migrations/<version>_<name>/up.sql} + {@code down.sql}, optional
 * {@code metadata.toml} with {@code run_in_transaction = false}. As diesel_migrations does: the
 * version is the folder name up to its first underscore with dashes removed
 * ({@code 2024-01-15-093000_create_posts} -> {@code 20240115093000}, the value of
 * {@code __diesel_schema_migrations.version}), migrations run in version order, folders without
 * up.sql and loose files are ignored. id = the folder name; version = as above.
 *
 * <p>Attributes: {@code folder} (String, absolute path of the migration folder).
 */
public final class DieselReader implements MigrationReader {

    private static final TomlMapper TOML = new TomlMapper();

    @Override
    public Tool tool() {
        return Tool.DIESEL;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "Diesel", "migrations");
        List<Problem> problems = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (n.endsWith(".sql")) problems.add(problem("ignored-file", f + ": Diesel only runs up.sql/down.sql inside a migration folder; this file is ignored", n));
        }
        List<MigrationBuilder> found = new ArrayList<>();
        for (Path folder : ReadSupport.dirs(dir)) {
            String name = folder.getFileName().toString();
            Path up = folder.resolve("up.sql");
            if (!Files.isRegularFile(up)) {
                problems.add(problem("ignored-file", folder + ": no up.sql; Diesel does not treat this folder as a migration", name));
                continue;
            }
            String version = name.split("_", 2)[0].replace("-", "");
            Path down = folder.resolve("down.sql");
            MigrationBuilder b = new MigrationBuilder(Tool.DIESEL).id(name).version(version)
                    .name(name.contains("_") ? name.substring(name.indexOf('_') + 1) : name)
                    .file(up).up(ReadSupport.sqlScript(up, problems))
                    .noTransaction(!runInTransaction(folder.resolve("metadata.toml"), problems))
                    .attr("folder", folder.toString());
            if (Files.isRegularFile(down)) {
                b.downFile(down, problems);
            } else {
                b.down(null);
                problems.add(problem("missing-down", folder + ": no down.sql; diesel migration revert cannot undo it", name));
            }
            found.add(b);
        }
        found.sort(Comparator.comparing(MigrationBuilder::version));
        problems.addAll(ReadSupport.duplicates(found, MigrationBuilder::version, MigrationBuilder::id,
                "Diesel records one row per version, so only the first is applied"));
        List<Migration> out = found.stream().map(MigrationBuilder::build).toList();
        return new ReadResult(out, problems);
    }

    private static boolean runInTransaction(Path metadata, List<Problem> problems) {
        if (!Files.isRegularFile(metadata)) return true;
        String text = ReadSupport.readText(metadata, problems).orElse("");
        try {
            JsonNode node = TOML.readTree(text);
            JsonNode v = node == null ? null : node.get("run_in_transaction");
            return v == null || v.asBoolean(true);
        } catch (java.io.IOException e) {
            problems.add(problem("invalid-file", metadata + ": not valid TOML (" + e.getMessage().lines().findFirst().orElse("") + ")",
                    metadata.getParent().getFileName().toString()));
            return true;
        }
    }
}

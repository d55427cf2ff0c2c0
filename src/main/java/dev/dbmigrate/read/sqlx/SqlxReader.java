package dev.dbmigrate.read.sqlx;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * sqlx: {@code migrations/<VERSION>_<DESCRIPTION>.sql} (simple mode: no down) or
 * {@code <VERSION>_<DESCRIPTION>.up.sql} + {@code .down.sql} (reversible mode). As sqlx does: the
 * name is split at its first underscore, files whose rest does not end in {@code .sql} are ignored,
 * a version that is not an i64 makes sqlx fail ("invalid-file"), migrations run in numeric version
 * order, and a script that starts with {@code -- no-transaction} runs outside a transaction. id =
 * version = the i64 as text ({@code _sqlx_migrations.version}).
 *
 * <p>Attributes: {@code checksumInput} (String path: sqlx stores the SHA-384 of the file's text),
 * {@code checksumAlgorithm} ("sha384"), {@code description} (underscores as spaces, as recorded),
 * {@code mode} ("simple" or "reversible").
 */
public final class SqlxReader implements MigrationReader {

    @Override
    public Tool tool() {
        return Tool.SQLX;
    }

    private static final class Versioned {
        String description;
        final List<Path> ups = new ArrayList<>();
        final List<Path> downs = new ArrayList<>();
        boolean reversible;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "sqlx", "migrations");
        List<Problem> problems = new ArrayList<>();
        Map<Long, Versioned> byVersion = new TreeMap<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            int us = n.indexOf('_');
            if (us < 0 || !n.substring(us + 1).endsWith(".sql")) {
                if (n.endsWith(".sql")) problems.add(problem("ignored-file", f + ": sqlx ignores it (expected <VERSION>_<DESCRIPTION>.sql)", n));
                continue;
            }
            long version;
            try {
                version = Long.parseLong(n.substring(0, us));
            } catch (NumberFormatException e) {
                problems.add(problem("invalid-file", f + ": '" + n.substring(0, us) + "' is not an integer version; sqlx refuses to resolve the migrations", n));
                continue;
            }
            String rest = n.substring(us + 1);
            Versioned v = byVersion.computeIfAbsent(version, k -> new Versioned());
            if (rest.endsWith(".down.sql")) {
                v.downs.add(f);
                v.reversible = true;
            } else {
                boolean up = rest.endsWith(".up.sql");
                v.reversible |= up;
                v.ups.add(f);
                v.description = rest.substring(0, rest.length() - (up ? ".up.sql" : ".sql").length()).replace('_', ' ');
            }
        }
        List<Migration> out = new ArrayList<>();
        byVersion.forEach((version, v) -> {
            String id = Long.toString(version);
            for (List<Path> files : List.of(v.ups, v.downs)) {
                if (files.size() > 1) {
                    List<String> names = files.stream().map(p -> p.getFileName().toString()).toList();
                    problems.add(new Problem("duplicate-version", "version " + id + " is used by " + String.join(", ", names)
                            + "; sqlx fails on the duplicate key when applying", names));
                }
            }
            if (v.ups.isEmpty()) {
                problems.add(problem("missing-up", v.downs.get(0) + ": down migration without an up migration for version " + id, id));
                return;
            }
            Path upFile = v.ups.get(0);
            String upText = ReadSupport.readText(upFile, problems).orElse(null);
            MigrationBuilder b = new MigrationBuilder(Tool.SQLX).id(id).version(id).name(v.description).file(upFile)
                    .up(upText == null ? null : Script.sql(upFile, upText))
                    .noTransaction(upText != null && upText.startsWith("-- no-transaction"))
                    .attr("checksumInput", upFile.toString()).attr("checksumAlgorithm", "sha384")
                    .attr("description", v.description).attr("mode", v.reversible ? "reversible" : "simple");
            if (!v.reversible) {
                b.downKind(DownKind.UNSUPPORTED);
            } else if (v.downs.isEmpty()) {
                b.downKind(DownKind.MISSING);
                problems.add(problem("missing-down", upFile + ": reversible migration without " + upFile.getFileName().toString().replace(".up.sql", ".down.sql"), id));
            } else {
                b.downFile(v.downs.get(0), problems);
            }
            out.add(b.build());
        });
        return new ReadResult(out, problems);
    }
}

package dev.dbmigrate.read.prisma;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Prisma Migrate: {@code prisma/migrations/<folder>/migration.sql}, applied in the lexical order of
 * the folder names (how Prisma lists them). id = version = name in {@code _prisma_migrations.migration_name}
 * = the folder name. Prisma has no down migrations.
 *
 * <p>Attributes: {@code checksumInput} (String, absolute path of migration.sql: Prisma stores the
 * SHA-256 of its bytes in {@code _prisma_migrations.checksum}), {@code checksumAlgorithm} ("sha256").
 */
public final class PrismaReader implements MigrationReader {

    @Override
    public Tool tool() {
        return Tool.PRISMA;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "Prisma", "prisma/migrations", "migrations");
        List<Migration> migrations = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (n.endsWith(".sql")) {
                problems.add(problem("ignored-file", f + ": Prisma only runs migration.sql inside a migration folder; this file is ignored", n));
            }
        }
        for (Path folder : ReadSupport.dirs(dir)) {
            String name = folder.getFileName().toString();
            Path sql = folder.resolve("migration.sql");
            if (!Files.isRegularFile(sql)) {
                problems.add(problem("invalid-file", folder + ": migration folder without migration.sql; prisma migrate deploy fails on it", name));
                continue;
            }
            Script up = ReadSupport.sqlScript(sql, problems);
            migrations.add(new MigrationBuilder(Tool.PRISMA)
                    .id(name).name(name.replaceFirst("^\\d+_", "")).version(name).file(sql)
                    .up(up).downKind(DownKind.UNSUPPORTED)
                    .attr("checksumInput", sql.toString()).attr("checksumAlgorithm", "sha256")
                    .build());
        }
        return new ReadResult(migrations, problems);
    }
}

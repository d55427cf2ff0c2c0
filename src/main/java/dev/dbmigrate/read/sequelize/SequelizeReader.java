package dev.dbmigrate.read.sequelize;

import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.support.JsMigrationFiles;
import dev.dbmigrate.read.support.ReadSupport;

/**
 * Sequelize (sequelize-cli / umzug): {@code .js .cjs .mjs .ts .cts .mts} files of the migrations
 * folder (not {@code .d.ts}), sorted by file name. id = version = the file name with extension
 * ({@code SequelizeMeta.name}). Scripts are the {@code up} and {@code down} functions of the
 * exported object. sequelize-cli does not wrap migrations in transactions. No attributes.
 */
public final class SequelizeReader implements MigrationReader {

    @Override
    public Tool tool() {
        return Tool.SEQUELIZE;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        return JsMigrationFiles.read(Tool.SEQUELIZE,
                ReadSupport.locate(ctx, "Sequelize", "migrations", "db/migrations", "src/migrations", "database/migrations", "src/db/migrations"),
                n -> n.matches(".*\\.[mc]?(js|ts)$") && !n.endsWith(".d.ts"), null);
    }
}

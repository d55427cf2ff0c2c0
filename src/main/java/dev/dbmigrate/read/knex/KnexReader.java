package dev.dbmigrate.read.knex;

import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.support.JsMigrationFiles;
import dev.dbmigrate.read.support.ReadSupport;
import java.util.regex.Pattern;

/**
 * Knex: the files of the migrations directory with one of Knex's default load extensions
 * ({@code .js .cjs .mjs .ts .cts .mts .coffee .co .eg .iced .litcoffee .ls}), sorted by file name
 * as Knex sorts them (lexically, so an unpadded {@code 9_x.js} runs after {@code 10_y.js}). id =
 * version = the file name with extension ({@code knex_migrations.name}). Scripts are the
 * {@code up} and {@code down} functions (JAVASCRIPT or TYPESCRIPT) with their first line.
 * {@code exports.config = { transaction: false }} (or {@code export const config}) opts out of
 * Knex's per-migration transaction. No attributes.
 */
public final class KnexReader implements MigrationReader {

    private static final Pattern LOADS = Pattern.compile(".*\\.(js|cjs|mjs|ts|cts|mts|coffee|co|eg|iced|litcoffee|ls)$");
    private static final Pattern NO_TX = Pattern.compile("\\bconfig\\s*=\\s*\\{[^}]*\\btransaction\\s*:\\s*false");

    @Override
    public Tool tool() {
        return Tool.KNEX;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        return JsMigrationFiles.read(Tool.KNEX,
                ReadSupport.locate(ctx, "Knex", "migrations", "db/migrations", "src/migrations", "src/db/migrations", "database/migrations"),
                n -> LOADS.matcher(n).matches() && !n.endsWith(".d.ts"), NO_TX);
    }
}

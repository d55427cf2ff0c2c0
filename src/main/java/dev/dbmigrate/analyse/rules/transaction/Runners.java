package dev.dbmigrate.analyse.rules.transaction;

import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;

/** How each migration tool's runner wraps migrations in transactions, in words for findings. */
public final class Runners {

    private Runners() {}

    /** The tool's usual name. */
    public static String name(Tool t) {
        return switch (t) {
            case PRISMA -> "Prisma";
            case DRIZZLE -> "Drizzle";
            case TYPEORM -> "TypeORM";
            case SEQUELIZE -> "Sequelize";
            case KNEX -> "Knex";
            case DJANGO -> "Django";
            case ALEMBIC -> "Alembic";
            case RAILS -> "Rails";
            case GOLANG_MIGRATE -> "golang-migrate";
            case GOOSE -> "goose";
            case FLYWAY -> "Flyway";
            case LIQUIBASE -> "Liquibase";
            case DIESEL -> "Diesel";
            case DBMATE -> "dbmate";
            case SQLX -> "sqlx";
            case RAW_SQL -> "the migration runner";
        };
    }

    /** "Prisma runs each migration in a transaction", or "the migration runs in a transaction" when the tool is unknown. */
    public static String wraps(Migration m) {
        if (m == null || m.tool() == null) return "the migration runs in a transaction";
        return name(m.tool()) + " runs each migration in a transaction";
    }

    /** How to make one migration run outside the runner's transaction. */
    public static String optOut(Migration m) {
        Tool t = m == null ? null : m.tool();
        if (t == null) return "-- run it in a migration of its own that is not wrapped in a transaction";
        return switch (t) {
            case PRISMA -> "-- Prisma has no per-migration switch: put this statement alone in a migration of its own (nothing else in the file),\n"
                    + "-- or run it with `prisma db execute` and record the migration with `prisma migrate resolve --applied <name>`";
            case FLYWAY -> "-- Flyway runs a migration outside a transaction only when all its statements need that: put it in a migration of its own\n"
                    + "-- (or set executeInTransaction=false in a V<version>__<name>.sql.conf file next to it)";
            case ALEMBIC -> "# in upgrade(), run it outside Alembic's transaction:\n"
                    + "with op.get_context().autocommit_block():\n    op.execute(\"...\")";
            case DJANGO -> "# in a migration of its own, declared non-atomic:\n"
                    + "class Migration(migrations.Migration):\n    atomic = False";
            case RAILS -> "# in a migration of its own:\ndisable_ddl_transaction!";
            case GOOSE -> "-- first line of a migration of its own:\n-- +goose NO TRANSACTION";
            case DBMATE -> "-- in a migration of its own:\n-- migrate:up transaction:false";
            case SQLX -> "-- first line of a migration of its own:\n-- no-transaction";
            case DIESEL -> "# metadata.toml of a migration of its own:\nrun_in_transaction = false";
            case KNEX -> "// in a migration file of its own:\nexports.config = { transaction: false };";
            case TYPEORM -> "// in a migration class of its own:\npublic transaction = false;";
            case LIQUIBASE -> "<!-- on a changeSet of its own: -->\n<changeSet id=\"...\" author=\"...\" runInTransaction=\"false\">";
            case DRIZZLE -> "-- Drizzle's migrator runs all pending migrations in one transaction and has no per-migration switch:\n"
                    + "-- run this statement separately (psql or a deploy script) before or after the migration";
            case GOLANG_MIGRATE, SEQUELIZE, RAW_SQL -> "-- put it in a migration of its own, without BEGIN / COMMIT";
        };
    }
}

package dev.dbmigrate.analyse.rollback;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;

/** The tool's own way to roll back the given migrations (newest first), in words and commands. */
final class NativeCommands {

    private NativeCommands() {}

    /**
     * @param rolledBack  migrations to undo, newest first
     * @param keep        the newest migration that stays applied, or null when all go
     * @param migrationsDir the migrations folder (for tools that need -path / -dir)
     */
    static String command(Tool tool, List<Migration> rolledBack, Migration keep, Path root, Path migrationsDir) {
        int n = rolledBack.size();
        String dir = migrationsDir == null ? "migrations" : rel(root, migrationsDir);
        Migration newest = rolledBack.get(0);
        return switch (tool) {
            case PRISMA -> "Prisma has no down migrations, and `prisma migrate resolve --rolled-back` only applies to a migration that FAILED.\n"
                    + "For applied migrations: run the generated SQL statement by statement (psql runs CONCURRENTLY statements outside a transaction),\n"
                    + "  psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -f rollback.sql\n"
                    + "then remove the rolled-back rows from Prisma's history so that `prisma migrate deploy` applies them again later:\n"
                    + "  DELETE FROM _prisma_migrations WHERE migration_name IN (" + String.join(", ", rolledBack.stream().map(m -> "'" + m.id() + "'").toList()) + ");\n"
                    + "(or keep history linear: npx prisma migrate dev --create-only --name revert_" + newest.name() + " and paste rollback.sql into it)";
            case ALEMBIC -> "alembic downgrade " + (keep == null ? "base" : keep.id());
            case DJANGO -> {
                String app = newest.id().contains(".") ? newest.id().substring(0, newest.id().indexOf('.')) : "<app>";
                String to = keep != null && keep.id().startsWith(app + ".") ? keep.id().substring(app.length() + 1) : "zero";
                yield "python manage.py migrate " + app + " " + to;
            }
            case FLYWAY -> "flyway undo" + (n > 1 ? " -target=" + (keep == null ? "0" : keep.version()) : "")
                    + "   (undo needs Flyway Teams/Enterprise and U" + newest.version() + "__*.sql files; with Flyway Community run the generated SQL, then delete the rolled-back rows from flyway_schema_history and run flyway repair)";
            case GOLANG_MIGRATE -> "migrate -path " + dir + " -database \"$DATABASE_URL\" down " + n;
            case GOOSE -> keep == null ? "goose -dir " + dir + " <driver> \"$DATABASE_URL\" reset"
                    : "goose -dir " + dir + " <driver> \"$DATABASE_URL\" down-to " + keep.version();
            case DBMATE -> "dbmate rollback" + (n > 1 ? "   (run it " + n + " times: dbmate rolls back one migration per call)" : "");
            case SQLX -> "sqlx migrate revert" + (n > 1 ? " --target-version " + (keep == null ? "0" : keep.version()) : "")
                    + "   (only reversible migrations, with .down.sql files, can be reverted)";
            case DIESEL -> "diesel migration revert" + (n > 1 ? " -n " + n : "");
            case RAILS -> n == 1 ? "bin/rails db:migrate:down VERSION=" + newest.version() : "bin/rails db:rollback STEP=" + n;
            case KNEX -> n == 1 ? "npx knex migrate:down " + newest.id() : "npx knex migrate:rollback   (rolls back the last batch; check it holds exactly these " + n + " migrations)";
            case SEQUELIZE -> n == 1 ? "npx sequelize-cli db:migrate:undo --name " + newest.id()
                    : "npx sequelize-cli db:migrate:undo:all --to " + rolledBack.get(n - 1).id();
            case TYPEORM -> "npx typeorm migration:revert -d <data-source>" + (n > 1 ? "   (run it " + n + " times: it reverts one migration per call)" : "");
            case DRIZZLE -> "Drizzle has no down migrations: run the generated SQL, then delete the rolled-back rows from __drizzle_migrations (their hash is the SHA-256 of the migration file)";
            case LIQUIBASE -> "liquibase rollback-count " + n;
            case RAW_SQL -> "run the generated rollback.sql with your database client";
        };
    }

    static String backup(Dialect dialect, List<String> tables) {
        if (tables.isEmpty()) tables = List.of();
        return switch (dialect) {
            case POSTGRESQL -> "pg_dump --format=custom " + String.join(" ", tables.stream().map(t -> "--table=" + t).toList())
                    + " --file=backup_before_rollback.dump \"$DATABASE_URL\"";
            case MYSQL, MARIADB -> "mysqldump --single-transaction --routines <database> " + String.join(" ", tables) + " > backup_before_rollback.sql";
            case SQLITE -> "sqlite3 <database file> \".backup backup_before_rollback.sqlite\"";
            case MSSQL -> "BACKUP DATABASE <database> TO DISK = 'backup_before_rollback.bak'";
        };
    }

    private static String rel(Path root, Path p) {
        if (root != null && p.startsWith(root)) return root.relativize(p).toString();
        return p.toString();
    }
}

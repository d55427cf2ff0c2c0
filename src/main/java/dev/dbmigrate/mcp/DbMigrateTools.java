package dev.dbmigrate.mcp;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.db.dryrun.DryRunRequest;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.service.DbMigrateService;
import java.util.List;

/** The tools the server offers, each a thin call into {@link DbMigrateService}. */
public final class DbMigrateTools {

    private DbMigrateTools() {}

    public static List<ToolDefinition> all(DbMigrateService service) {
        return List.of(
                new ToolDefinition(
                        "detect_orm",
                        "Detect migration tool",
                        """
                        Find which database migration tool(s) a project uses and where its migrations live. \
                        Recognises prisma, drizzle, typeorm, sequelize, knex, django, alembic, rails, golang-migrate, \
                        goose, flyway, liquibase, diesel, dbmate, sqlx and folders of plain .sql files (raw-sql). \
                        Walks monorepos (skipping node_modules, .git, vendor, build output) and reports each project \
                        root separately with: tool id, database dialect (postgresql, mysql, mariadb, sqlite, mssql, or \
                        null when the project does not say), confidence, migrations folder, config files read, the \
                        evidence, and the tool's own create/apply/rollback/status commands. Read-only; call it first, \
                        then pass the root or migrations folder to validate_migration, plan_rollback or migration_history. \
                        An empty project returns no detections and a message, not an error.""",
                        true, false, true, false,
                        (args, progress) -> service.detect(args.existingPath("projectPath", true))),
                new ToolDefinition(
                        "validate_migration",
                        "Validate migration safety",
                        """
                        Check a migration before it ships: data loss (DROP TABLE/COLUMN, TRUNCATE, DELETE or UPDATE \
                        without WHERE, narrowing types), locks that block reads or writes on existing tables, \
                        statements that fail on existing rows (NOT NULL without default), changes that break the running \
                        application (renames), transaction pitfalls, and dialect specifics for PostgreSQL, MySQL/MariaDB and \
                        SQLite. Earlier migrations of the same folder are replayed first, so it knows which tables already \
                        exist. Returns a risk level (LOW/MEDIUM/HIGH) and findings with rule id, severity, file, line, \
                        the lock taken and a safe multi-step fix as SQL. Read-only.""",
                        true, false, true, true, // openWorld: with databaseUrl it reads a live database
                        (args, progress) -> service.validate(new ValidateRequest(
                                args.has("path") ? args.existingPath("path", false) : null,
                                args.string("sql"),
                                args.has("projectPath") ? args.existingPath("projectPath", false) : null,
                                dialect(args.string("dialect")),
                                args.integer("pgVersion"),
                                args.string("databaseUrl")), progress)),
                new ToolDefinition(
                        "plan_rollback",
                        "Plan a rollback",
                        """
                        Produce the rollback for a migration (default: the latest) or for everything after a target \
                        migration: the complete SQL script in reverse order, per-step notes on what data cannot come back, \
                        the point of no return, the tool's own rollback command and a backup command for the touched \
                        tables. Uses the tool's hand-written down migration when there is one and reports where it does \
                        not undo what the up did. Read-only: it plans, it never runs anything.""",
                        true, false, true, false,
                        (args, progress) -> service.planRollback(new RollbackRequest(
                                args.existingPath("projectPath", true),
                                args.string("migration"),
                                args.string("target"),
                                dialect(args.string("dialect"))))),
                new ToolDefinition(
                        "dry_run_migration",
                        "Dry-run a migration and its rollback",
                        """
                        Prove a migration and its rollback on a real database before production. On a scratch database \
                        (default: a temporary database on an embedded PostgreSQL 15 started on demand and dropped after; \
                        SQLite projects: a temporary file) it applies the earlier migrations as the tool would, applies the \
                        migration while recording each statement's time and the locks it takes on existing tables (observed \
                        in pg_locks, e.g. ACCESS EXCLUSIVE on orders), applies its rollback (plan_rollback's script; \
                        rollback: generated or down forces the generated inverse or the hand-written down), then compares the \
                        schema before the migration with the schema after the rollback (tables, columns, indexes, constraints, \
                        enums, comments). Reports PASS when the rollback restores the schema exactly, else the differences, and \
                        the first failing statement with file:line. databaseUrl is used only with scratch: true and must be an \
                        empty database it may write to (MySQL/MariaDB projects need one). Needs SQL migrations: for ORM \
                        migrations it says how to export their SQL. Passwords never appear in output.""",
                        false, true, false, true,
                        (args, progress) -> service.dryRun(new DryRunRequest(
                                args.existingPath("projectPath", true),
                                args.string("migration"),
                                args.string("databaseUrl"),
                                args.bool("scratch", false),
                                dialect(args.string("dialect")),
                                DryRunRequest.Rollback.fromId(args.string("rollback"))), progress)),
                new ToolDefinition(
                        "migration_history",
                        "Migration history and status",
                        """
                        List a project's migrations in the order its tool applies them, with each migration's id, name, \
                        file and version, plus integrity problems (duplicate versions, multiple Alembic heads, Django \
                        conflicts, files the tool will ignore, missing down files). With databaseUrl (or several \
                        databaseUrls, or environments from .db-migrate.yml) it reads the tool's own history table in a \
                        read-only session with a statement timeout and marks each migration applied, pending, failed, \
                        modified (the recorded checksum differs from the file, computed the way the tool does) or \
                        missing (recorded as applied, no file), with when it was applied and the current version; several \
                        databases give one column per environment. An unreachable database is reported for that \
                        environment and the file history is still returned. Passwords never appear in output.""",
                        true, false, true, true,
                        (args, progress) -> {
                            List<String> urls = new java.util.ArrayList<>(args.strings("databaseUrl"));
                            urls.addAll(args.strings("databaseUrls"));
                            return service.history(args.existingPath("projectPath", true), urls, args.strings("environments"));
                        }),
                new ToolDefinition(
                        "check_drift",
                        "Check schema drift",
                        """
                        Compare the schema a project's migrations build with a live database: it reads the tool's history \
                        table to know which migrations that database applied, replays those, reads the live catalog \
                        (pg_catalog, information_schema or sqlite_master, in a read-only session with a statement timeout) \
                        and lists tables, columns (type, nullability, default), indexes, constraints and enums that are \
                        missing, extra or different, each with the SQL that makes the database match the migrations \
                        (flagged when that SQL loses data). The tool's own history tables are left out. Needs databaseUrl or \
                        an environment from .db-migrate.yml. Never writes to the database; passwords never appear in output.""",
                        true, false, true, true,
                        (args, progress) -> service.drift(args.existingPath("projectPath", true), args.string("databaseUrl"),
                                args.string("environment"), args.strings("ignoreTables"))));
    }

    static Dialect dialect(String id) {
        if (id == null) return null;
        return Dialect.fromId(id).orElseThrow(() -> new InputException("unknown dialect '" + id + "' (postgresql, mysql, mariadb, sqlite)"));
    }
}

package dev.dbmigrate.model;

import java.util.Locale;
import java.util.Optional;

/** Migration tools db-migrate understands. {@link #id()} is the public id (JSON, CLI, config). */
public enum Tool {
    PRISMA("prisma"),
    DRIZZLE("drizzle"),
    TYPEORM("typeorm"),
    SEQUELIZE("sequelize"),
    KNEX("knex"),
    DJANGO("django"),
    ALEMBIC("alembic"),
    RAILS("rails"),
    GOLANG_MIGRATE("golang-migrate"),
    GOOSE("goose"),
    FLYWAY("flyway"),
    LIQUIBASE("liquibase"),
    DIESEL("diesel"),
    DBMATE("dbmate"),
    SQLX("sqlx"),
    RAW_SQL("raw-sql");

    private final String id;

    Tool(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Optional<Tool> fromId(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.trim().toLowerCase(Locale.ROOT).replace('_', '-');
        for (Tool t : values()) {
            if (t.id.equals(s)) return Optional.of(t);
        }
        if (s.equals("migrate") || s.equals("golang")) return Optional.of(GOLANG_MIGRATE);
        if (s.equals("sql") || s.equals("raw")) return Optional.of(RAW_SQL);
        return Optional.empty();
    }

    /**
     * Whether the tool's runner wraps each migration in a transaction by default on a dialect with
     * transactional DDL. Per-migration opt-outs (goose NO TRANSACTION, Rails disable_ddl_transaction!,
     * Django atomic = False, sqlx "-- no-transaction", dbmate "transaction:false", diesel
     * run_in_transaction = false) are read by the readers into {@link Migration#transactional()}.
     */
    public boolean wrapsInTransactionByDefault() {
        return switch (this) {
            case PRISMA, FLYWAY, ALEMBIC, DJANGO, RAILS, GOOSE, DBMATE, SQLX, DIESEL, KNEX, TYPEORM, DRIZZLE, LIQUIBASE -> true;
            case GOLANG_MIGRATE, SEQUELIZE, RAW_SQL -> false;
        };
    }

    /**
     * True when the runner sends a whole migration file to PostgreSQL as one query (Prisma;
     * golang-migrate unless x-multi-statement): PostgreSQL runs a query of several statements as one
     * implicit transaction, and a single statement outside any transaction. So a one-statement file
     * may hold CREATE INDEX CONCURRENTLY, a longer one may not.
     */
    public boolean sendsFileAsOneQuery() {
        return this == PRISMA || this == GOLANG_MIGRATE;
    }

    @Override
    public String toString() {
        return id;
    }
}

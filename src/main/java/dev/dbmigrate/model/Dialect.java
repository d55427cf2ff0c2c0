package dev.dbmigrate.model;

import java.util.Locale;
import java.util.Optional;

/** SQL dialects. {@link #id()} is the public id used in JSON, config files and CLI flags. */
public enum Dialect {
    POSTGRESQL("postgresql"),
    MYSQL("mysql"),
    MARIADB("mariadb"),
    SQLITE("sqlite"),
    MSSQL("mssql");

    private final String id;

    Dialect(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    /** MySQL and MariaDB share most rules ("my" in the rule catalog). */
    public boolean isMysqlFamily() {
        return this == MYSQL || this == MARIADB;
    }

    /** Accepts the ids plus common aliases (postgres, pg, psql, mysql2, sqlite3...). */
    public static Optional<Dialect> fromId(String raw) {
        if (raw == null) return Optional.empty();
        String s = raw.trim().toLowerCase(Locale.ROOT);
        return switch (s) {
            case "postgresql", "postgres", "pg", "postgis", "psql", "pgsql", "cockroachdb", "redshift" -> Optional.of(POSTGRESQL);
            case "mysql", "mysql2", "my" -> Optional.of(MYSQL);
            case "mariadb" -> Optional.of(MARIADB);
            case "sqlite", "sqlite3", "lite", "better-sqlite3", "libsql", "turso", "d1" -> Optional.of(SQLITE);
            case "mssql", "sqlserver", "sql-server", "tedious" -> Optional.of(MSSQL);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id;
    }
}

package dev.dbmigrate.db.catalog;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads a live database's catalog into the same {@link Schema} that migrations replay into:
 * tables, columns (canonical types, nullability, defaults, identity / serial / generated,
 * comments), indexes (unique, partial, method, expressions, DESC), constraints (primary, unique,
 * foreign keys with actions and NOT VALID, checks, exclusions) and enum types.
 *
 * <ul>
 *   <li>PostgreSQL: pg_catalog (tables of the chosen schemas; the first one is read unqualified)</li>
 *   <li>MySQL / MariaDB: information_schema of the current database</li>
 *   <li>SQLite: sqlite_master and PRAGMA table_xinfo / index_list / index_xinfo / foreign_key_list</li>
 * </ul>
 *
 * Only SELECTs and PRAGMAs are issued; use a {@link ReadOnlySession} for live databases. Dry runs
 * may pass their own scratch connection.
 */
public final class CatalogReader {

    private CatalogReader() {}

    /**
     * What to read.
     *
     * @param schemas       PostgreSQL schemas to read (empty: the connection's current schema); the
     *                      first is the unqualified one. Ignored elsewhere (MySQL reads the current
     *                      database, SQLite "main").
     * @param excludeTables table names to leave out, case-insensitive (migration tools' own tables)
     */
    public record Options(List<String> schemas, Set<String> excludeTables) {
        public static final Options DEFAULT = new Options(List.of(), Set.of());

        public Options {
            schemas = schemas == null ? List.of() : List.copyOf(schemas);
            excludeTables = excludeTables == null ? Set.of()
                    : excludeTables.stream().map(t -> t.toLowerCase(Locale.ROOT)).collect(Collectors.toUnmodifiableSet());
        }

        boolean excluded(String table) {
            return excludeTables.contains(table.toLowerCase(Locale.ROOT));
        }
    }

    public static Schema read(ReadOnlySession session, Options options) throws SQLException {
        return read(session.connection(), session.dialect(), options);
    }

    /** Reads the catalog through any connection of the given dialect (MySQL and MariaDB read alike). */
    public static Schema read(Connection connection, Dialect dialect, Options options) throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> new PostgresCatalog(connection, options).read();
            case MYSQL, MARIADB -> new MysqlCatalog(connection, dialect, options).read();
            case SQLITE -> new SqliteCatalog(connection, options).read();
            case MSSQL -> throw new SQLException("reading a SQL Server catalog is not supported");
        };
    }
}

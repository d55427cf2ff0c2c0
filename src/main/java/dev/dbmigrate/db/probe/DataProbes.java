package dev.dbmigrate.db.probe;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.model.Dialect;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Locale;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Picks the {@link DataProbe} for a connection's database. */
public final class DataProbes {

    private static final Logger LOG = LoggerFactory.getLogger(DataProbes.class);

    private DataProbes() {}

    /** The probe for a dialect, over a connection the caller opened read-only (and closes). */
    public static DataProbe of(Dialect dialect, Connection connection, Duration timeout) {
        if (dialect == null || connection == null) return DataProbe.NONE;
        return switch (dialect) {
            case POSTGRESQL -> new PostgresDataProbe(connection, timeout);
            case MYSQL, MARIADB -> new MysqlDataProbe(connection, timeout);
            case SQLITE -> new SqliteDataProbe(connection, timeout);
            default -> DataProbe.NONE;
        };
    }

    /** The probe for whatever database the connection talks to (from its metadata). */
    public static DataProbe of(Connection connection, Duration timeout) {
        return of(dialectOf(connection), connection, timeout);
    }

    /** The dialect of a connection's database, or null when it is none of ours. */
    public static Dialect dialectOf(Connection connection) {
        try {
            String product = connection.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT);
            if (product.contains("postgres")) return Dialect.POSTGRESQL;
            if (product.contains("mariadb")) return Dialect.MARIADB;
            if (product.contains("mysql")) return Dialect.MYSQL;
            if (product.contains("sqlite")) return Dialect.SQLITE;
        } catch (SQLException e) {
            LOG.debug("could not read the database product name: {}", e.getMessage());
        }
        return null;
    }
}

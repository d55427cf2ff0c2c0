package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.db.EmbeddedPostgresHolder;
import dev.dbmigrate.model.Dialect;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * A database a dry run may write to: a temporary database on the embedded PostgreSQL, a temporary
 * SQLite file, or a database the user named as scratch. Closing it closes the connection and drops
 * what this class created (never a database the user gave).
 *
 * @param dialect    its dialect
 * @param connection an open connection to it
 * @param label      where it runs, for results (never holds a password)
 * @param cleanup    what closing it removes
 */
public record ScratchDatabase(Dialect dialect, Connection connection, String label, Runnable cleanup) implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ScratchDatabase.class);

    /** A fresh database on the embedded PostgreSQL (started on first use), dropped on close. */
    public static ScratchDatabase embeddedPostgres() throws SQLException {
        String name = EmbeddedPostgresHolder.createScratchDatabase("dryrun");
        try {
            Connection c = DriverManager.getConnection(EmbeddedPostgresHolder.jdbcUrl(name), "postgres", "");
            return new ScratchDatabase(Dialect.POSTGRESQL, c, "embedded PostgreSQL " + serverVersion(c) + " (temporary database " + name + ")",
                    () -> EmbeddedPostgresHolder.dropDatabase(name));
        } catch (SQLException e) {
            EmbeddedPostgresHolder.dropDatabase(name);
            throw e;
        }
    }

    /** A temporary SQLite file with foreign keys enforced (as applications usually open it), deleted on close. */
    public static ScratchDatabase sqliteTemp() throws SQLException {
        Path file;
        try {
            file = Files.createTempFile("db-migrate-dryrun-", ".sqlite");
        } catch (IOException e) {
            throw new SQLException("cannot create a temporary SQLite file: " + e.getMessage(), e);
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.enforceForeignKeys(true);
        Connection c = DriverManager.getConnection("jdbc:sqlite:" + file, cfg.toProperties());
        return new ScratchDatabase(Dialect.SQLITE, c, "SQLite " + serverVersion(c) + " (temporary file, foreign_keys=ON)", () -> {
            try {
                Files.deleteIfExists(file);
            } catch (IOException e) {
                LOG.warn("could not delete {}: {}", file, e.getMessage());
            }
        });
    }

    /** A database the user named as scratch; nothing is dropped on close. */
    public static ScratchDatabase open(dev.dbmigrate.db.DatabaseUrl url) throws SQLException {
        Connection c = dev.dbmigrate.db.ScratchConnection.open(url);
        return new ScratchDatabase(url.dialect(), c, url.redacted() + " (scratch, " + c.getMetaData().getDatabaseProductName() + " " + serverVersion(c) + ")", () -> { });
    }

    private static String serverVersion(Connection c) throws SQLException {
        String v = c.getMetaData().getDatabaseProductVersion();
        int sp = v.indexOf(' ');
        return sp > 0 ? v.substring(0, sp) : v;
    }

    /** User objects already in the database (a scratch database must start empty), at most a few. */
    public List<String> existingObjects() throws SQLException {
        String sql = switch (dialect) {
            case POSTGRESQL -> """
                    SELECT n.nspname || '.' || c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
                     WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                       AND n.nspname NOT LIKE 'pg_toast%' AND n.nspname NOT LIKE 'pg_temp%'
                    UNION ALL
                    SELECT 'type ' || n.nspname || '.' || t.typname FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
                     WHERE t.typtype IN ('e', 'd') AND n.nspname NOT IN ('pg_catalog', 'information_schema')
                    LIMIT 5""";
            case MYSQL, MARIADB -> "SELECT table_name FROM information_schema.tables WHERE table_schema = DATABASE() LIMIT 5";
            case SQLITE -> "SELECT name FROM sqlite_master WHERE name NOT LIKE 'sqlite_%' LIMIT 5";
            case MSSQL -> throw new SQLException("SQL Server is not supported");
        };
        List<String> out = new ArrayList<>();
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            LOG.debug("closing the scratch connection failed", e);
        }
        cleanup.run();
    }
}

package dev.dbmigrate.testing;

import dev.dbmigrate.db.EmbeddedPostgresHolder;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;

/**
 * Databases for tests. Every database made here has a unique name and must be dropped by the test
 * ({@link ScratchDb#close()}). The embedded PostgreSQL runs in every build; the live servers
 * (PostgreSQL 127.0.0.1:5432, MariaDB 127.0.0.1:3306) only in tests tagged {@code live-db}, which
 * run under {@code mvn verify -Plive-db}.
 */
public final class TestDatabases {

    private TestDatabases() {}

    /** A scratch database: its JDBC URL, user and password, and how to drop it. */
    public record ScratchDb(String name, String jdbcUrl, String user, String password, Runnable dropper) implements AutoCloseable {
        public Connection connect() throws SQLException {
            return DriverManager.getConnection(jdbcUrl, user, password);
        }

        @Override
        public void close() {
            dropper.run();
        }
    }

    /** A fresh database on the shared embedded PostgreSQL 15. */
    public static ScratchDb embeddedPostgres() {
        String name = EmbeddedPostgresHolder.createScratchDatabase("t");
        return new ScratchDb(name, EmbeddedPostgresHolder.jdbcUrl(name), "postgres", "", () -> EmbeddedPostgresHolder.dropDatabase(name));
    }

    /** A fresh database on the live PostgreSQL server (tests tagged live-db only). */
    public static ScratchDb livePostgres() {
        String name = uniqueName();
        String admin = "jdbc:postgresql://127.0.0.1:5432/postgres";
        exec(admin, "postgres", "", "CREATE DATABASE " + name);
        return new ScratchDb(name, "jdbc:postgresql://127.0.0.1:5432/" + name, "postgres", "",
                () -> exec(admin, "postgres", "", "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)"));
    }

    /** A fresh database on the live MariaDB server (tests tagged live-db only). */
    public static ScratchDb liveMariaDb() {
        String name = uniqueName();
        String admin = "jdbc:mariadb://127.0.0.1:3306/";
        exec(admin, "root", "", "CREATE DATABASE " + name);
        return new ScratchDb(name, "jdbc:mariadb://127.0.0.1:3306/" + name, "root", "",
                () -> exec(admin, "root", "", "DROP DATABASE IF EXISTS " + name));
    }

    private static String uniqueName() {
        return "dbm_test_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
    }

    private static void exec(String url, String user, String password, String sql) {
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }
}

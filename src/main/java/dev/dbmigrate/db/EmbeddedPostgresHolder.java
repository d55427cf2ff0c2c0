package dev.dbmigrate.db;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL 15 per process, started on first use (~3-5 s) and stopped at JVM exit.
 * Used by dry runs and by the round-trip tests; each user gets a fresh scratch database.
 */
public final class EmbeddedPostgresHolder {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedPostgresHolder.class);
    private static EmbeddedPostgres instance;

    private EmbeddedPostgresHolder() {}

    public static synchronized EmbeddedPostgres get() {
        if (instance == null) {
            long t0 = System.nanoTime();
            try {
                instance = EmbeddedPostgres.builder().start();
            } catch (IOException e) {
                throw new UncheckedIOException("could not start the embedded PostgreSQL", e);
            }
            LOG.info("embedded PostgreSQL started on port {} in {} ms", instance.getPort(), (System.nanoTime() - t0) / 1_000_000);
            EmbeddedPostgres started = instance;
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    started.close();
                } catch (IOException e) {
                    LOG.debug("embedded PostgreSQL did not stop cleanly", e);
                }
            }, "embedded-pg-stop"));
        }
        return instance;
    }

    /** JDBC URL of database {@code db} on the embedded server (user postgres, no password). */
    public static String jdbcUrl(String db) {
        return get().getJdbcUrl("postgres", db);
    }

    /** Creates a new, empty, uniquely named database and returns its name. */
    public static String createScratchDatabase(String prefix) {
        String name = (prefix + "_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12)).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create scratch database " + name + ": " + e.getMessage(), e);
        }
        return name;
    }

    /** Drops a database made by {@link #createScratchDatabase}. */
    public static void dropDatabase(String name) {
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "");
             Statement s = c.createStatement()) {
            s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        } catch (SQLException e) {
            LOG.warn("could not drop scratch database {}: {}", name, e.getMessage());
        }
    }
}

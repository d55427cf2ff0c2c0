package dev.dbmigrate.db;

import dev.dbmigrate.InputException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

/**
 * A writable connection to a database the user named as scratch (dry runs). Everything else that
 * connects to a user's database goes through {@link ReadOnlySession}.
 */
public final class ScratchConnection {

    private ScratchConnection() {}

    /** @throws InputException when it cannot connect (the message never holds the password) */
    public static Connection open(DatabaseUrl url) {
        Properties p = new Properties();
        if (url.user() != null) p.setProperty("user", url.user());
        if (url.password() != null) p.setProperty("password", url.password());
        String host = url.host() == null ? "localhost" : url.host();
        String db = url.database() == null ? "" : url.database();
        try {
            return switch (url.dialect()) {
                case POSTGRESQL -> {
                    p.setProperty("connectTimeout", "10");
                    p.setProperty("ApplicationName", "db-migrate (dry run)");
                    yield DriverManager.getConnection("jdbc:postgresql://" + host + ":" + url.effectivePort() + "/" + db, p);
                }
                case MYSQL, MARIADB -> {
                    p.setProperty("connectTimeout", "10000");
                    p.setProperty("allowPublicKeyRetrieval", "true");
                    yield DriverManager.getConnection("jdbc:mariadb://" + host + ":" + url.effectivePort() + "/" + db, p);
                }
                case SQLITE -> {
                    org.sqlite.SQLiteConfig cfg = new org.sqlite.SQLiteConfig();
                    cfg.enforceForeignKeys(true);
                    yield DriverManager.getConnection("jdbc:sqlite:" + url.sqliteFile(), cfg.toProperties());
                }
                case MSSQL -> throw new InputException("SQL Server databases are not supported: " + url.redacted());
            };
        } catch (SQLException e) {
            throw new InputException("cannot connect to " + url.redacted() + ": " + url.scrub(String.valueOf(e.getMessage()).lines().findFirst().orElse("")));
        }
    }
}

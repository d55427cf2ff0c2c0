package dev.dbmigrate.db;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.sqlite.SQLiteConfig;

/**
 * A read-only database session: opened with a connect timeout, then switched to read-only with a
 * statement timeout (and a lock timeout where the server has one) before anything is read.
 *
 * <ul>
 *   <li>PostgreSQL: {@code SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY},
 *       {@code statement_timeout}, {@code lock_timeout}, {@code idle_in_transaction_session_timeout}</li>
 *   <li>MariaDB / MySQL: {@code SET SESSION TRANSACTION READ ONLY}, {@code max_statement_time}
 *       (MariaDB, seconds) or {@code max_execution_time} (MySQL, milliseconds), {@code lock_wait_timeout}</li>
 *   <li>SQLite: the file is opened with {@code SQLITE_OPEN_READONLY} (never created), {@code busy_timeout}</li>
 * </ul>
 *
 * <p>Connection failures become an {@link InputException} naming the redacted URL and the cause on
 * one line; the password never appears in a message or log line.
 */
public final class ReadOnlySession implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReadOnlySession.class);

    /** Timeouts of a session. */
    public record Timeouts(Duration connect, Duration statement, Duration lock) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofSeconds(5));
    }

    private final DatabaseUrl url;
    private final Connection connection;
    private final Dialect dialect;
    private final String serverVersion;

    private ReadOnlySession(DatabaseUrl url, Connection connection, Dialect dialect, String serverVersion) {
        this.url = url;
        this.connection = connection;
        this.dialect = dialect;
        this.serverVersion = serverVersion;
    }

    public static ReadOnlySession open(DatabaseUrl url) {
        return open(url, Timeouts.DEFAULT);
    }

    /**
     * Opens a read-only session.
     *
     * @throws InputException when the database cannot be reached or the session cannot be made
     *         read-only (message: "cannot connect to REDACTED_URL: cause")
     */
    public static ReadOnlySession open(DatabaseUrl url, Timeouts timeouts) {
        Connection c = null;
        try {
            c = switch (url.dialect()) {
                case POSTGRESQL -> connectPostgres(url, timeouts);
                case MYSQL, MARIADB -> connectMariaDb(url, timeouts);
                case SQLITE -> connectSqlite(url, timeouts);
                case MSSQL -> throw new InputException("SQL Server databases are not supported: " + url.redacted());
            };
            ReadOnlySession session = new ReadOnlySession(url, c, url.dialect(), c.getMetaData().getDatabaseProductVersion());
            session.makeReadOnly(timeouts);
            LOG.debug("read-only session open on {}", url.redacted());
            return session;
        } catch (SQLException e) {
            closeQuietly(c);
            throw new InputException("cannot connect to " + url.redacted() + ": " + url.scrub(causeLine(e)));
        } catch (RuntimeException e) {
            closeQuietly(c);
            if (e instanceof InputException) throw e;
            throw new InputException("cannot connect to " + url.redacted() + ": " + url.scrub(causeLine(e)));
        }
    }

    private static Connection connectPostgres(DatabaseUrl url, Timeouts t) throws SQLException {
        Properties p = credentials(url);
        p.setProperty("connectTimeout", String.valueOf(Math.max(1, t.connect().toSeconds())));
        p.setProperty("loginTimeout", String.valueOf(Math.max(1, t.connect().toSeconds())));
        p.setProperty("socketTimeout", String.valueOf(Math.max(1, t.statement().toSeconds() + 5)));
        p.setProperty("ApplicationName", "db-migrate (read-only)");
        p.setProperty("readOnly", "true");
        p.setProperty("readOnlyMode", "always");
        forward(url, p, "sslmode", "ssl", "sslrootcert", "sslcert", "sslkey", "sslfactory", "targetServerType", "gssEncMode");
        String host = url.host() == null ? "localhost" : url.host();
        String jdbc = "jdbc:postgresql://" + host + ":" + url.effectivePort() + "/" + (url.database() == null ? "" : url.database());
        if (url.scheme().startsWith("jdbc:")) forwardAll(url, p);
        return DriverManager.getConnection(jdbc, p);
    }

    private static Connection connectMariaDb(DatabaseUrl url, Timeouts t) throws SQLException {
        Properties p = credentials(url);
        p.setProperty("connectTimeout", String.valueOf(Math.max(1000, t.connect().toMillis())));
        p.setProperty("socketTimeout", String.valueOf(t.statement().toMillis() + 5000));
        p.setProperty("allowPublicKeyRetrieval", "true");
        forward(url, p, "sslMode", "useSsl", "serverSslCert", "sslmode");
        if (url.params().containsKey("ssl-mode")) p.setProperty("sslMode", url.params().get("ssl-mode").toLowerCase(Locale.ROOT));
        if (url.scheme().startsWith("jdbc:")) forwardAll(url, p);
        String host = url.host() == null ? "localhost" : url.host();
        String jdbc = "jdbc:mariadb://" + host + ":" + url.effectivePort() + "/" + (url.database() == null ? "" : url.database());
        return DriverManager.getConnection(jdbc, p);
    }

    private static Connection connectSqlite(DatabaseUrl url, Timeouts t) throws SQLException {
        if (!Files.isRegularFile(url.sqliteFile())) {
            throw new InputException("cannot open " + url.redacted() + ": no such SQLite database file");
        }
        SQLiteConfig cfg = new SQLiteConfig();
        cfg.setReadOnly(true);
        cfg.setBusyTimeout((int) Math.min(Integer.MAX_VALUE, t.lock().toMillis()));
        return DriverManager.getConnection("jdbc:sqlite:" + url.sqliteFile(), cfg.toProperties());
    }

    private static Properties credentials(DatabaseUrl url) {
        Properties p = new Properties();
        if (url.user() != null) p.setProperty("user", url.user());
        if (url.password() != null) p.setProperty("password", url.password());
        return p;
    }

    private static void forward(DatabaseUrl url, Properties p, String... keys) {
        for (String k : keys) {
            String v = url.params().get(k);
            if (v != null) p.setProperty(k, v);
        }
    }

    /** A jdbc: URL's own parameters are the driver's: pass them on (credentials were taken already). */
    private static void forwardAll(DatabaseUrl url, Properties p) {
        url.params().forEach((k, v) -> {
            if (!k.equalsIgnoreCase("user") && !k.equalsIgnoreCase("password")) p.putIfAbsent(k, v);
        });
    }

    private void makeReadOnly(Timeouts t) throws SQLException {
        long stmtMs = t.statement().toMillis();
        long lockMs = t.lock().toMillis();
        switch (dialect) {
            case POSTGRESQL -> {
                exec("SET SESSION CHARACTERISTICS AS TRANSACTION READ ONLY");
                exec("SET statement_timeout = " + stmtMs);
                exec("SET lock_timeout = " + lockMs);
                exec("SET idle_in_transaction_session_timeout = " + (stmtMs * 2));
            }
            case MYSQL, MARIADB -> {
                exec("SET SESSION TRANSACTION READ ONLY");
                exec("SET SESSION lock_wait_timeout = " + Math.max(1, t.lock().toSeconds()));
                if (isMariaDb()) {
                    exec("SET SESSION max_statement_time = " + (stmtMs / 1000.0));
                } else {
                    exec("SET SESSION max_execution_time = " + stmtMs);
                }
            }
            default -> { }
        }
        connection.setReadOnly(true);
    }

    private void exec(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private static String causeLine(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) root = root.getCause();
        String msg = e.getMessage();
        if (msg == null || msg.isBlank()) msg = root.getMessage();
        if (msg == null || msg.isBlank()) msg = root.getClass().getSimpleName();
        if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) {
            msg = msg + " (" + root.getMessage() + ")";
        }
        return msg.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    private static void closeQuietly(Connection c) {
        if (c == null) return;
        try {
            c.close();
        } catch (SQLException ignored) {
            // nothing to do
        }
    }

    // ---- what readers use ----------------------------------------------------------------

    public DatabaseUrl url() {
        return url;
    }

    public Dialect dialect() {
        return dialect;
    }

    /** The server's product version string ("15.4", "11.4.2-MariaDB", "3.50.3"). */
    public String serverVersion() {
        return serverVersion;
    }

    public boolean isMariaDb() {
        return dialect.isMysqlFamily() && serverVersion != null && serverVersion.toLowerCase(Locale.ROOT).contains("mariadb");
    }

    /** The JDBC connection, read-only. Callers must not close it (close the session). */
    public Connection connection() {
        return connection;
    }

    /** The schema unqualified names resolve to: PostgreSQL {@code current_schema()}, MySQL {@code database()}, SQLite "main". */
    public String currentSchema() throws SQLException {
        return switch (dialect) {
            case POSTGRESQL -> queryString("SELECT current_schema()");
            case MYSQL, MARIADB -> queryString("SELECT DATABASE()");
            default -> "main";
        };
    }

    /** Quotes an identifier for this dialect. */
    public String quote(String identifier) {
        if (dialect.isMysqlFamily()) return "`" + identifier.replace("`", "``") + "`";
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    /** "schema"."table" (or just "table" when schema is null), quoted. */
    public String qualified(String schema, String table) {
        return schema == null ? quote(table) : quote(schema) + "." + quote(table);
    }

    /** A table found in the catalog, with its real spelling. */
    public record FoundTable(String schema, String name) {
        public String display() {
            return schema == null ? name : schema + "." + name;
        }
    }

    /**
     * Finds a table case-insensitively: in {@code schema} when given, else in the current schema,
     * else (when {@code searchAll}) in exactly one other schema that has it.
     */
    public Optional<FoundTable> findTable(String schema, String table, boolean searchAll) throws SQLException {
        List<FoundTable> all = tablesNamed(table);
        String wanted = schema != null ? schema : currentSchema();
        for (FoundTable f : all) {
            if (sameSchema(f.schema(), wanted)) return Optional.of(f);
        }
        if (schema == null && searchAll && all.size() == 1) return Optional.of(all.get(0));
        return Optional.empty();
    }

    /** Every table (or view) of that name, case-insensitive, in every schema of this database. */
    public List<FoundTable> tablesNamed(String table) throws SQLException {
        List<FoundTable> out = new ArrayList<>();
        if (dialect == Dialect.SQLITE) {
            try (PreparedStatement ps = connection.prepareStatement(
                    "SELECT name FROM sqlite_master WHERE type IN ('table','view') AND lower(name) = lower(?)")) {
                ps.setString(1, table);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) out.add(new FoundTable(null, rs.getString(1)));
                }
            }
            return out;
        }
        String sql = dialect.isMysqlFamily()
                ? "SELECT table_schema, table_name FROM information_schema.tables WHERE lower(table_name) = lower(?) AND table_schema = DATABASE()"
                : "SELECT table_schema, table_name FROM information_schema.tables WHERE lower(table_name) = lower(?)"
                        + " AND table_schema NOT IN ('pg_catalog','information_schema') ORDER BY table_schema";
        try (PreparedStatement ps = connection.prepareStatement(sql)) {
            ps.setString(1, table);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new FoundTable(rs.getString(1), rs.getString(2)));
            }
        }
        // an exact-case match first (PostgreSQL may hold both "SequelizeMeta" and "sequelizemeta")
        out.sort((a, b) -> Boolean.compare(!a.name().equals(table), !b.name().equals(table)));
        return out;
    }

    private boolean sameSchema(String a, String b) {
        if (dialect == Dialect.SQLITE) return true;
        return a != null && b != null && (dialect == Dialect.POSTGRESQL ? a.equals(b) : a.equalsIgnoreCase(b));
    }

    /** Column names of a table, lower-cased. */
    public List<String> columns(FoundTable t) throws SQLException {
        List<String> out = new ArrayList<>();
        DatabaseMetaData md = connection.getMetaData();
        String catalog = dialect.isMysqlFamily() ? t.schema() : null;
        String schemaPattern = dialect == Dialect.POSTGRESQL ? t.schema() : null;
        try (ResultSet rs = md.getColumns(catalog, schemaPattern, t.name(), "%")) {
            while (rs.next()) out.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
        }
        return out;
    }

    /** A single string value, or null. */
    public String queryString(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        }
    }

    /** Runs a SELECT and maps each row. */
    public <T> List<T> query(String sql, RowMapper<T> mapper) throws SQLException {
        List<T> out = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(mapper.map(rs));
        }
        return out;
    }

    @FunctionalInterface
    public interface RowMapper<T> {
        T map(ResultSet rs) throws SQLException;
    }

    @Override
    public void close() {
        closeQuietly(connection);
    }
}

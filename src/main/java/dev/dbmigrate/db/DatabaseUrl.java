package dev.dbmigrate.db;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A database URL as users and migration tools write it, parsed once:
 * {@code postgresql://} / {@code postgres://} (also SQLAlchemy's {@code postgresql+psycopg2://}),
 * {@code mysql://} / {@code mysql2://} / {@code mariadb://}, {@code sqlite:path} / {@code sqlite:///abs}
 * / {@code sqlite3://path} / Prisma's {@code file:./dev.db} / a plain {@code .db}/{@code .sqlite} path,
 * and {@code jdbc:postgresql:}, {@code jdbc:mysql:}, {@code jdbc:mariadb:}, {@code jdbc:sqlite:} URLs.
 *
 * <p>Not a record on purpose: the password must never reach {@code toString()}, JSON or logs.
 * {@link #toString()} is {@link #redacted()}.
 */
public final class DatabaseUrl {

    private static final Pattern SCHEME = Pattern.compile("^([A-Za-z][A-Za-z0-9+.\\-]*):(.*)$", Pattern.DOTALL);
    private static final Pattern AUTHORITY = Pattern.compile("^//([^/?#]*)(/[^?#]*)?(?:\\?([^#]*))?(?:#.*)?$", Pattern.DOTALL);
    /** Query parameters whose values are secrets. */
    private static final Set<String> SECRET_PARAMS = Set.of("password", "pass", "pwd", "sslpassword", "sslkeypassword", "secret", "token", "access_token", "authtoken");

    private final Dialect dialect;
    private final String scheme;
    private final String host;
    private final Integer port;
    private final String database;
    private final String user;
    private final String password;
    private final Map<String, String> params;
    private final Path sqliteFile;

    private DatabaseUrl(Dialect dialect, String scheme, String host, Integer port, String database, String user, String password, Map<String, String> params, Path sqliteFile) {
        this.dialect = dialect;
        this.scheme = scheme;
        this.host = host;
        this.port = port;
        this.database = database;
        this.user = user;
        this.password = password;
        this.params = Collections.unmodifiableMap(new LinkedHashMap<>(params));
        this.sqliteFile = sqliteFile;
    }

    /** Parses {@code raw}; relative SQLite paths resolve against the current directory. */
    public static DatabaseUrl parse(String raw) {
        return parse(raw, Path.of("").toAbsolutePath());
    }

    /**
     * Parses {@code raw}; relative SQLite paths resolve against {@code baseDir}.
     *
     * @throws InputException for an empty, malformed or unsupported URL (the message never holds the password)
     */
    public static DatabaseUrl parse(String raw, Path baseDir) {
        if (raw == null || raw.isBlank()) throw new InputException("database URL is empty");
        String s = raw.trim();
        try {
            return doParse(s, baseDir);
        } catch (InputException e) {
            throw new InputException(scrub(e.getMessage(), s));
        } catch (RuntimeException e) {
            throw new InputException("malformed database URL " + roughRedact(s) + ": " + scrub(String.valueOf(e.getMessage()), s));
        }
    }

    private static DatabaseUrl doParse(String s, Path baseDir) {
        Matcher m = SCHEME.matcher(s);
        if (!m.matches() || m.group(1).length() == 1) {
            // no scheme, or a Windows drive letter: a plain file path means SQLite
            if (looksLikeSqliteFile(s)) return sqlite("sqlite", s, baseDir);
            throw new InputException("not a database URL: " + roughRedact(s)
                    + " (expected postgresql://, mysql://, mariadb://, sqlite:path or jdbc:...)");
        }
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        String rest = m.group(2);
        if (scheme.equals("jdbc")) return parseJdbc(rest, baseDir);
        String base = scheme.contains("+") ? scheme.substring(0, scheme.indexOf('+')) : scheme;
        return switch (base) {
            case "postgresql", "postgres", "pgsql" -> network(Dialect.POSTGRESQL, scheme, rest, s);
            case "mysql", "mysql2" -> network(Dialect.MYSQL, scheme, rest, s);
            case "mariadb" -> network(Dialect.MARIADB, scheme, rest, s);
            case "sqlite", "sqlite3", "file" -> sqlite(scheme, sqlitePathPart(rest), baseDir);
            default -> throw new InputException("unsupported database URL scheme '" + scheme + "' in " + roughRedact(s)
                    + " (supported: postgresql, mysql, mariadb, sqlite, jdbc)");
        };
    }

    private static DatabaseUrl parseJdbc(String rest, Path baseDir) {
        Matcher m = SCHEME.matcher(rest);
        if (!m.matches()) throw new InputException("malformed JDBC URL jdbc:" + roughRedact(rest));
        String sub = m.group(1).toLowerCase(Locale.ROOT);
        String after = m.group(2);
        return switch (sub) {
            case "postgresql", "postgres" -> network(Dialect.POSTGRESQL, "jdbc:postgresql", after.startsWith("//") ? after : "///" + after, "jdbc:" + rest);
            case "mysql" -> network(Dialect.MYSQL, "jdbc:mysql", after, "jdbc:" + rest);
            case "mariadb" -> network(Dialect.MARIADB, "jdbc:mariadb", after, "jdbc:" + rest);
            case "sqlite" -> sqlite("jdbc:sqlite", after.startsWith("//") ? sqlitePathPart(after) : after, baseDir);
            default -> throw new InputException("unsupported JDBC URL jdbc:" + sub + ":... (supported: postgresql, mysql, mariadb, sqlite)");
        };
    }

    private static DatabaseUrl network(Dialect dialect, String scheme, String rest, String whole) {
        Matcher a = AUTHORITY.matcher(rest);
        if (!a.matches()) throw new InputException("malformed database URL " + roughRedact(whole) + " (expected " + scheme + "://host[:port]/database)");
        String authority = a.group(1);
        String path = a.group(2) == null ? "" : a.group(2);
        Map<String, String> params = query(a.group(3));
        String user = null;
        String password = null;
        String hostPort = authority;
        int at = authority.lastIndexOf('@');
        if (at >= 0) {
            String userInfo = authority.substring(0, at);
            hostPort = authority.substring(at + 1);
            int colon = userInfo.indexOf(':');
            user = decode(colon >= 0 ? userInfo.substring(0, colon) : userInfo);
            if (colon >= 0) password = decode(userInfo.substring(colon + 1));
        }
        String host = hostPort;
        Integer port = null;
        if (hostPort.startsWith("[")) {
            int close = hostPort.indexOf(']');
            if (close < 0) throw new InputException("malformed IPv6 host in database URL " + roughRedact(whole));
            host = hostPort.substring(0, close + 1);
            String after = hostPort.substring(close + 1);
            if (after.startsWith(":") && after.length() > 1) port = port(after.substring(1), whole);
        } else if (!hostPort.contains(",")) {
            int colon = hostPort.lastIndexOf(':');
            if (colon >= 0) {
                host = hostPort.substring(0, colon);
                if (colon + 1 < hostPort.length()) port = port(hostPort.substring(colon + 1), whole);
            }
        }
        host = host.isEmpty() ? null : decode(host);
        // libpq / JDBC style: credentials and host may also come as parameters
        if (user == null) user = firstParam(params, "user", "username");
        if (password == null) password = firstParam(params, "password");
        if (host == null && params.containsKey("host")) host = params.get("host");
        String db = path.startsWith("/") ? path.substring(1) : path;
        db = db.isEmpty() ? firstParam(params, "dbname", "database") : decode(db);
        return new DatabaseUrl(dialect, scheme, host, port, db, emptyToNull(user), emptyToNull(password), params, null);
    }

    private static Integer port(String s, String whole) {
        try {
            int p = Integer.parseInt(s);
            if (p <= 0 || p > 65535) throw new NumberFormatException();
            return p;
        } catch (NumberFormatException e) {
            throw new InputException("bad port '" + s + "' in database URL " + roughRedact(whole));
        }
    }

    /** The path part after {@code sqlite:}: {@code //rel}, {@code ///abs}, {@code ////abs} (SQLAlchemy) or a bare path. */
    private static String sqlitePathPart(String rest) {
        String p = rest;
        int q = p.indexOf('?');
        if (q >= 0) p = p.substring(0, q);
        if (p.startsWith("////")) return p.substring(3);
        if (p.startsWith("///")) return p.substring(2);
        if (p.startsWith("//")) return p.substring(2);
        return p;
    }

    private static DatabaseUrl sqlite(String scheme, String path, Path baseDir) {
        String p = decode(path);
        if (p.isEmpty() || p.equals(":memory:")) {
            throw new InputException("SQLite URL " + scheme + ":" + p + " names no database file");
        }
        Path file = Path.of(p);
        if (!file.isAbsolute()) {
            file = baseDir.resolve(p);
        } else if (!Files.exists(file) && p.startsWith("/") && Files.exists(baseDir.resolve(p.substring(1)))) {
            // sqlite:///db.sqlite3 is relative in SQLAlchemy and absolute elsewhere: take the one that exists
            file = baseDir.resolve(p.substring(1));
        }
        return new DatabaseUrl(Dialect.SQLITE, scheme, null, null, null, null, null, Map.of(), file.toAbsolutePath().normalize());
    }

    private static boolean looksLikeSqliteFile(String s) {
        String lower = s.toLowerCase(Locale.ROOT);
        return lower.endsWith(".db") || lower.endsWith(".sqlite") || lower.endsWith(".sqlite3") || lower.endsWith(".db3");
    }

    private static Map<String, String> query(String q) {
        Map<String, String> out = new LinkedHashMap<>();
        if (q == null || q.isEmpty()) return out;
        for (String pair : q.split("[&;]")) {
            if (pair.isEmpty()) continue;
            int eq = pair.indexOf('=');
            String k = decode(eq >= 0 ? pair.substring(0, eq) : pair);
            String v = eq >= 0 ? decode(pair.substring(eq + 1)) : "";
            out.put(k, v);
        }
        return out;
    }

    private static String firstParam(Map<String, String> params, String... names) {
        for (String n : names) {
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (e.getKey().equalsIgnoreCase(n) && !e.getValue().isEmpty()) return e.getValue();
            }
        }
        return null;
    }

    private static String decode(String s) {
        return s == null ? null : URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8);
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    // ---- accessors -------------------------------------------------------------------------

    public Dialect dialect() {
        return dialect;
    }

    /** The scheme as written ("postgresql", "postgres", "jdbc:mariadb", "sqlite"...). */
    public String scheme() {
        return scheme;
    }

    /** Host (IPv6 in brackets), or null (local socket / SQLite). */
    public String host() {
        return host;
    }

    /** Port, or null for the dialect's default. */
    public Integer port() {
        return port;
    }

    /** The port the driver will use. */
    public int effectivePort() {
        if (port != null) return port;
        return dialect == Dialect.POSTGRESQL ? 5432 : 3306;
    }

    /** Database name, or null. */
    public String database() {
        return database;
    }

    public String user() {
        return user;
    }

    /** Whether a password was given (the password itself is only handed to the JDBC driver). */
    public boolean hasPassword() {
        return password != null;
    }

    /** Query parameters as written (secret values included: never print them; use {@link #redacted()}). */
    public Map<String, String> params() {
        return params;
    }

    /** The SQLite database file (absolute), or null. */
    public Path sqliteFile() {
        return sqliteFile;
    }

    /**
     * The schema named by the URL ({@code ?schema=} (Prisma), {@code currentSchema=} (JDBC),
     * {@code search_path=} (dbmate, first entry)), or null.
     */
    public String schema() {
        String s = firstParam(params, "schema", "currentSchema", "search_path");
        if (s == null) return null;
        String first = s.split(",")[0].trim();
        return first.isEmpty() ? null : first;
    }

    /** A short label for tables and headings: "host/db" or the SQLite file name. */
    public String label() {
        if (dialect == Dialect.SQLITE) return sqliteFile.getFileName().toString();
        return (host == null ? "localhost" : host) + (database == null ? "" : "/" + database);
    }

    /**
     * The URL with the password and secret parameters replaced by {@code ***}: the only form that
     * may be printed, logged or put into results.
     */
    public String redacted() {
        if (dialect == Dialect.SQLITE) return scheme + ":" + sqliteFile;
        StringBuilder sb = new StringBuilder(scheme).append("://");
        if (user != null) {
            sb.append(encodeUserInfo(user));
            if (password != null) sb.append(":***");
            sb.append('@');
        }
        if (host != null) sb.append(host);
        if (port != null) sb.append(':').append(port);
        if (database != null) sb.append('/').append(database);
        if (!params.isEmpty()) {
            sb.append('?');
            boolean first = true;
            for (Map.Entry<String, String> e : params.entrySet()) {
                if (!first) sb.append('&');
                first = false;
                sb.append(e.getKey());
                if (!e.getValue().isEmpty()) {
                    sb.append('=').append(isSecretParam(e.getKey()) ? "***" : e.getValue());
                }
            }
        }
        return sb.toString();
    }

    private static String encodeUserInfo(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8).replace("+", "%20");
    }

    private static boolean isSecretParam(String key) {
        return SECRET_PARAMS.contains(key.toLowerCase(Locale.ROOT));
    }

    /**
     * Removes the password (and secret parameter values) from a message: driver errors sometimes
     * echo the URL. Use it on every exception text that may hold connection details.
     */
    public String scrub(String message) {
        if (message == null) return null;
        String out = message;
        if (password != null && !password.isEmpty()) {
            out = out.replace(password, "***");
            String enc = URLEncoder.encode(password, StandardCharsets.UTF_8);
            if (!enc.equals(password)) out = out.replace(enc, "***");
        }
        for (Map.Entry<String, String> e : params.entrySet()) {
            if (isSecretParam(e.getKey()) && !e.getValue().isEmpty()) out = out.replace(e.getValue(), "***");
        }
        return out;
    }

    /** A best-effort redaction of an unparsable URL text for error messages. */
    static String roughRedact(String s) {
        String out = s.replaceAll("(//[^/:@?#]*):[^@/?#]*@", "$1:***@");
        out = out.replaceAll("(?i)((?:password|pass|pwd|sslpassword|secret|token)=)[^&;]*", "$1***");
        return out;
    }

    private static String scrub(String message, String raw) {
        if (message == null) return null;
        Matcher m = Pattern.compile("//[^/:@?#]*:([^@/?#]+)@").matcher(raw);
        String out = message;
        while (m.find()) {
            out = out.replace(m.group(1), "***");
            try {
                out = out.replace(decode(m.group(1)), "***");
            } catch (IllegalArgumentException ignored) {
                // not decodable: the raw form was replaced above
            }
        }
        Matcher p = Pattern.compile("(?i)(?:password|pass|pwd|sslpassword|secret|token)=([^&;]+)").matcher(raw);
        while (p.find()) out = out.replace(p.group(1), "***");
        return out;
    }

    /** Password for the JDBC driver only. Package-private: nothing outside {@code db} needs it. */
    String password() {
        return password;
    }

    @Override
    public String toString() {
        return redacted();
    }
}

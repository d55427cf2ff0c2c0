package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Maps the names each tool and ecosystem uses for a database (Prisma providers, knex clients, Django
 * engines, Rails adapters, URL schemes, JDBC prefixes, driver packages) to a {@link Dialect}.
 */
final class Dialects {

    private Dialects() {}

    /** Names {@link Dialect#fromId} does not know. */
    private static final Map<String, Dialect> EXTRA = Map.ofEntries(
            Map.entry("postgresql_psycopg2", Dialect.POSTGRESQL),
            Map.entry("pgnative", Dialect.POSTGRESQL),
            Map.entry("pgx", Dialect.POSTGRESQL),
            Map.entry("pgx5", Dialect.POSTGRESQL),
            Map.entry("pglite", Dialect.POSTGRESQL),
            Map.entry("crdb-postgres", Dialect.POSTGRESQL),
            Map.entry("cockroach", Dialect.POSTGRESQL),
            Map.entry("django_cockroachdb", Dialect.POSTGRESQL),
            Map.entry("aurora-postgres", Dialect.POSTGRESQL),
            Map.entry("aurora-postgresql", Dialect.POSTGRESQL),
            Map.entry("aws-data-api", Dialect.POSTGRESQL),
            Map.entry("jdbcpostgresql", Dialect.POSTGRESQL),
            Map.entry("trilogy", Dialect.MYSQL),
            Map.entry("aurora-mysql", Dialect.MYSQL),
            Map.entry("mysqlx", Dialect.MYSQL),
            Map.entry("jdbcmysql", Dialect.MYSQL),
            Map.entry("better-sqlite", Dialect.SQLITE),
            Map.entry("sqljs", Dialect.SQLITE),
            Map.entry("spatialite", Dialect.SQLITE),
            Map.entry("d1-http", Dialect.SQLITE),
            Map.entry("durable-sqlite", Dialect.SQLITE),
            Map.entry("expo", Dialect.SQLITE),
            Map.entry("capacitor", Dialect.SQLITE),
            Map.entry("cordova", Dialect.SQLITE),
            Map.entry("react-native", Dialect.SQLITE),
            Map.entry("nativescript", Dialect.SQLITE),
            Map.entry("jdbcsqlite3", Dialect.SQLITE),
            Map.entry("mssql-django", Dialect.MSSQL),
            Map.entry("sql_server.pyodbc", Dialect.MSSQL));

    /** Databases the projects name that db-migrate does not analyse (reported in evidence, dialect null). */
    private static final Set<String> UNSUPPORTED = Set.of(
            "oracle", "oracledb", "h2", "hsqldb", "derby", "mongodb", "db2", "snowflake", "clickhouse", "singlestore",
            "gel", "bigquery", "spanner", "vertica", "ydb", "tidb", "starrocks", "redis", "cassandra", "firebird");

    private static final Pattern URL_SCHEME = Pattern.compile("^\\s*['\"]?(?:jdbc:)?(?:tc:)?([a-z][a-z0-9+._-]*):", Pattern.CASE_INSENSITIVE);

    /** A tool's name for a database ("pg", "mysql2", "django.db.backends.sqlite3", "trilogy"...), or null. */
    static Dialect of(String name) {
        if (name == null || name.isBlank()) return null;
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.startsWith("django.") || s.contains(".backends.")) s = s.substring(s.lastIndexOf('.') + 1);
        Dialect d = Dialect.fromId(s).orElse(null);
        if (d == null) d = EXTRA.get(s);
        if (d == null && s.startsWith("jdbc")) d = Dialect.fromId(s.substring(4)).orElse(null);
        return d;
    }

    /** The dialect of a database URL ("postgresql+psycopg2://", "jdbc:mysql://", "sqlite:///..."), or null. */
    static Dialect ofUrl(String url) {
        String scheme = scheme(url);
        if (scheme == null) return null;
        int plus = scheme.indexOf('+');
        return of(plus > 0 ? scheme.substring(0, plus) : scheme);
    }

    /** The scheme of a URL, without "jdbc:" (lower case), or null when the text is not a URL. */
    static String scheme(String url) {
        if (url == null) return null;
        Matcher m = URL_SCHEME.matcher(url);
        if (!m.find()) return null;
        String rest = url.substring(m.end());
        String scheme = m.group(1).toLowerCase(Locale.ROOT);
        // "host:5432" is not a scheme; URLs go on with "//" or (sqlite, jdbc) a path
        if (!rest.startsWith("//") && !rest.startsWith("/") && !url.toLowerCase(Locale.ROOT).contains("jdbc:")
                && !scheme.startsWith("sqlite")) return null;
        return scheme;
    }

    static boolean unsupported(String name) {
        if (name == null) return false;
        String s = name.trim().toLowerCase(Locale.ROOT);
        if (s.contains(".")) s = s.substring(s.lastIndexOf('.') + 1);
        int plus = s.indexOf('+');
        if (plus > 0) s = s.substring(0, plus);
        return UNSUPPORTED.contains(s);
    }

    /** The one dialect the given driver packages point to, or null when none or several. */
    static Dialect fromDrivers(Collection<String> packages, Map<String, Dialect> drivers) {
        Set<Dialect> found = EnumSet.noneOf(Dialect.class);
        for (String p : packages) {
            Dialect d = drivers.get(p.toLowerCase(Locale.ROOT));
            if (d != null) found.add(d);
        }
        return found.size() == 1 ? found.iterator().next() : null;
    }

    static final Map<String, Dialect> NODE_DRIVERS = Map.ofEntries(
            Map.entry("pg", Dialect.POSTGRESQL), Map.entry("postgres", Dialect.POSTGRESQL),
            Map.entry("pg-promise", Dialect.POSTGRESQL), Map.entry("@neondatabase/serverless", Dialect.POSTGRESQL),
            Map.entry("@vercel/postgres", Dialect.POSTGRESQL), Map.entry("@electric-sql/pglite", Dialect.POSTGRESQL),
            Map.entry("mysql", Dialect.MYSQL), Map.entry("mysql2", Dialect.MYSQL), Map.entry("@planetscale/database", Dialect.MYSQL),
            Map.entry("mariadb", Dialect.MARIADB),
            Map.entry("sqlite3", Dialect.SQLITE), Map.entry("better-sqlite3", Dialect.SQLITE),
            Map.entry("@libsql/client", Dialect.SQLITE), Map.entry("sql.js", Dialect.SQLITE),
            Map.entry("tedious", Dialect.MSSQL), Map.entry("mssql", Dialect.MSSQL));

    static final Map<String, Dialect> PYTHON_DRIVERS = Map.ofEntries(
            Map.entry("psycopg2", Dialect.POSTGRESQL), Map.entry("psycopg2-binary", Dialect.POSTGRESQL),
            Map.entry("psycopg", Dialect.POSTGRESQL), Map.entry("psycopg-binary", Dialect.POSTGRESQL),
            Map.entry("asyncpg", Dialect.POSTGRESQL), Map.entry("pg8000", Dialect.POSTGRESQL),
            Map.entry("pymysql", Dialect.MYSQL), Map.entry("mysqlclient", Dialect.MYSQL),
            Map.entry("mysql-connector-python", Dialect.MYSQL), Map.entry("aiomysql", Dialect.MYSQL),
            Map.entry("asyncmy", Dialect.MYSQL), Map.entry("mariadb", Dialect.MARIADB),
            Map.entry("aiosqlite", Dialect.SQLITE), Map.entry("pymssql", Dialect.MSSQL), Map.entry("mssql-django", Dialect.MSSQL));

    static final Map<String, Dialect> GO_DRIVERS = Map.ofEntries(
            Map.entry("github.com/lib/pq", Dialect.POSTGRESQL), Map.entry("github.com/jackc/pgx/v4", Dialect.POSTGRESQL),
            Map.entry("github.com/jackc/pgx/v5", Dialect.POSTGRESQL), Map.entry("github.com/go-sql-driver/mysql", Dialect.MYSQL),
            Map.entry("github.com/mattn/go-sqlite3", Dialect.SQLITE), Map.entry("modernc.org/sqlite", Dialect.SQLITE),
            Map.entry("github.com/glebarez/go-sqlite", Dialect.SQLITE), Map.entry("github.com/ncruces/go-sqlite3", Dialect.SQLITE),
            Map.entry("github.com/microsoft/go-mssqldb", Dialect.MSSQL), Map.entry("github.com/denisenkom/go-mssqldb", Dialect.MSSQL));

    static final Map<String, Dialect> RUBY_DRIVERS = Map.ofEntries(
            Map.entry("pg", Dialect.POSTGRESQL), Map.entry("activerecord-postgis-adapter", Dialect.POSTGRESQL),
            Map.entry("mysql2", Dialect.MYSQL), Map.entry("trilogy", Dialect.MYSQL), Map.entry("sqlite3", Dialect.SQLITE),
            Map.entry("activerecord-sqlserver-adapter", Dialect.MSSQL), Map.entry("tiny_tds", Dialect.MSSQL));

    static final Map<String, Dialect> JVM_DRIVERS = Map.ofEntries(
            Map.entry("org.postgresql:postgresql", Dialect.POSTGRESQL), Map.entry("com.impossibl.pgjdbc-ng:pgjdbc-ng", Dialect.POSTGRESQL),
            Map.entry("org.postgresql:r2dbc-postgresql", Dialect.POSTGRESQL), Map.entry("org.flywaydb:flyway-database-postgresql", Dialect.POSTGRESQL),
            Map.entry("com.mysql:mysql-connector-j", Dialect.MYSQL), Map.entry("mysql:mysql-connector-java", Dialect.MYSQL),
            Map.entry("io.asyncer:r2dbc-mysql", Dialect.MYSQL), Map.entry("org.flywaydb:flyway-mysql", Dialect.MYSQL),
            Map.entry("org.mariadb.jdbc:mariadb-java-client", Dialect.MARIADB), Map.entry("org.mariadb:r2dbc-mariadb", Dialect.MARIADB),
            Map.entry("org.xerial:sqlite-jdbc", Dialect.SQLITE),
            Map.entry("com.microsoft.sqlserver:mssql-jdbc", Dialect.MSSQL), Map.entry("org.flywaydb:flyway-sqlserver", Dialect.MSSQL));

    /** Cargo features of sqlx / diesel. */
    static final Map<String, Dialect> RUST_FEATURES = Map.of(
            "postgres", Dialect.POSTGRESQL, "mysql", Dialect.MYSQL, "sqlite", Dialect.SQLITE,
            "sqlite-unbundled", Dialect.SQLITE, "returning_clauses_for_sqlite_3_35", Dialect.SQLITE);
}

package dev.dbmigrate.detect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.read.support.IniFile;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The small readers the detectors share: JS config values, INI, .env, dialect names, redaction, versions. */
class DetectHelpersTest {

    @Test
    void jsTextReadsLiteralsAndPathExpressions() {
        String code = JsText.stripComments("""
                // dialect: 'mysql'
                module.exports = {
                  client: process.env.DB_CLIENT ?? 'pg', /* note: 'sqlite3' */
                  connection: "postgres://u:p@h/db", // a URL keeps its slashes
                  migrations: { directory: path.join(__dirname, 'db', 'migrations'), tableName: 'knex_migrations' },
                  'migrations-path': path.resolve('db', "migrations"),
                  out: `${__dirname}/drizzle`,
                };
                """);
        assertThat(JsText.literal(JsText.expr(code, "client"))).isEqualTo("pg");
        assertThat(JsText.literal(JsText.expr(code, "connection"))).isEqualTo("postgres://u:p@h/db");
        String migrations = JsText.expr(code, "migrations");
        assertThat(JsText.path(JsText.expr(migrations.substring(1), "directory"))).isEqualTo("db/migrations");
        assertThat(JsText.path(JsText.expr(code, "migrations-path"))).isEqualTo("db/migrations");
        assertThat(JsText.path(JsText.expr(code, "out"))).isEqualTo("drizzle");
        assertThat(JsText.expr(code, "dialect")).isNull();
        assertThat(JsText.literal("process.env.X")).isNull();
    }

    @Test
    void iniFollowsConfigparserRules() {
        IniFile ini = IniFile.parse("""
                # comment
                [alembic]
                Script_Location = %(here)s/alembic
                version_locations: %(here)s/a
                    %(here)s/b
                ; other comment
                [loggers]
                keys = root
                """, "/srv/app");
        assertThat(ini.raw("alembic", "script_location")).contains("%(here)s/alembic");
        assertThat(ini.raw("alembic", "version_locations")).contains("%(here)s/a\n%(here)s/b");
        assertThat(ini.get("alembic", "script_location")).contains("/srv/app/alembic");
        assertThat(ini.get("loggers", "keys")).contains("root");
    }

    @Test
    void envFilesAllowExportQuotesAndComments() {
        Map<String, String> env = ConfigFiles.parseEnv("""
                # local
                export DATABASE_URL="postgres://a:b@h/db"
                GOOSE_DRIVER=postgres # the driver
                EMPTY=
                """);
        assertThat(env).containsEntry("DATABASE_URL", "postgres://a:b@h/db").containsEntry("GOOSE_DRIVER", "postgres").containsEntry("EMPTY", "");
    }

    @Test
    void dialectNamesOfEveryEcosystem() {
        assertThat(Dialects.of("django.db.backends.postgresql")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialects.of("django.contrib.gis.db.backends.postgis")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialects.of("django.db.backends.sqlite3")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialects.of("trilogy")).isEqualTo(Dialect.MYSQL);
        assertThat(Dialects.of("better-sqlite3")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialects.of("aurora-postgres")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialects.of("oracle")).isNull();
        assertThat(Dialects.ofUrl("postgresql+asyncpg://u:p@h/db")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialects.ofUrl("jdbc:mariadb://h:3306/db")).isEqualTo(Dialect.MARIADB);
        assertThat(Dialects.ofUrl("jdbc:tc:postgresql:15:///db")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(Dialects.ofUrl("sqlite:///app.db")).isEqualTo(Dialect.SQLITE);
        assertThat(Dialects.ofUrl("sqlserver://h:1433?database=x")).isEqualTo(Dialect.MSSQL);
        assertThat(Dialects.ofUrl("localhost:5432")).isNull();
        assertThat(DbHints.imageDialect("mcr.microsoft.com/mssql/server:2022-latest")).isEqualTo(Dialect.MSSQL);
        assertThat(DbHints.imageDialect("postgis/postgis:16-3.4")).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DbHints.imageDialect("redis:7")).isNull();
    }

    @Test
    void redactionHidesPasswordsInUrlsAndParameters() {
        assertThat(Redact.secrets("postgres://app:s3cret@db:5432/app")).isEqualTo("postgres://app:***@db:5432/app");
        assertThat(Redact.secrets("jdbc:mysql://h/db?user=u&password=x&ssl=true")).isEqualTo("jdbc:mysql://h/db?user=u&password=***&ssl=true");
        assertThat(Redact.secrets("mysql://:only@h/db")).isEqualTo("mysql://:***@h/db");
        assertThat(Redact.secrets("postgres://app@db/app")).isEqualTo("postgres://app@db/app");
        assertThat(Redact.secrets("host:5432/db")).isEqualTo("host:5432/db");
    }

    @Test
    void versionsCompareNumericallyAndNextKeepsTheWidth() {
        assertThat(SqlLayout.compareVersions("1.10", "1.9")).isPositive();
        assertThat(SqlLayout.compareVersions("2", "10")).isNegative();
        assertThat(new SqlLayout(SqlLayout.Kind.NUMBERED, java.util.List.of(), true, "0009").nextVersion()).isEqualTo("0010");
        assertThat(new SqlLayout(SqlLayout.Kind.FLYWAY, java.util.List.of(), true, "1.1").nextVersion()).isEqualTo("2");
    }
}

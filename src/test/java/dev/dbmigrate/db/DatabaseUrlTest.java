package dev.dbmigrate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DatabaseUrlTest {

    @TempDir
    Path dir;

    @Test
    void postgresUrlWithEverything() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app_user:s3cr%40t@db.example.com:6543/orders?sslmode=require&schema=billing");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(u.user()).isEqualTo("app_user");
        assertThat(u.password()).isEqualTo("s3cr@t");
        assertThat(u.host()).isEqualTo("db.example.com");
        assertThat(u.port()).isEqualTo(6543);
        assertThat(u.database()).isEqualTo("orders");
        assertThat(u.params()).containsEntry("sslmode", "require");
        assertThat(u.schema()).isEqualTo("billing");
        assertThat(u.redacted()).isEqualTo("postgresql://app_user:***@db.example.com:6543/orders?sslmode=require&schema=billing");
        assertThat(u.toString()).doesNotContain("s3cr").doesNotContain("%40t");
    }

    @Test
    void postgresAliasesAndDefaults() {
        DatabaseUrl u = DatabaseUrl.parse("postgres://localhost/app");
        assertThat(u.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(u.port()).isNull();
        assertThat(u.effectivePort()).isEqualTo(5432);
        assertThat(u.user()).isNull();
        assertThat(u.hasPassword()).isFalse();
        assertThat(DatabaseUrl.parse("postgresql+psycopg2://u:p@h/db").dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5433/db").host()).isEqualTo("[::1]");
        assertThat(DatabaseUrl.parse("postgresql://u@[::1]:5433/db").port()).isEqualTo(5433);
        assertThat(DatabaseUrl.parse("postgresql:///app?host=/var/run/postgresql").host()).isEqualTo("/var/run/postgresql");
        assertThat(DatabaseUrl.parse("postgres://h/app?search_path=tenant_a,public").schema()).isEqualTo("tenant_a");
    }

    @Test
    void mysqlAndMariaDb() {
        DatabaseUrl my = DatabaseUrl.parse("mysql://root:pw@127.0.0.1:3307/shop");
        assertThat(my.dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(my.effectivePort()).isEqualTo(3307);
        assertThat(my.database()).isEqualTo("shop");
        assertThat(DatabaseUrl.parse("mysql2://root@localhost/shop").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(DatabaseUrl.parse("mariadb://root@localhost/shop").dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(DatabaseUrl.parse("mysql+pymysql://u:p@h/db").redacted()).isEqualTo("mysql+pymysql://u:***@h/db");
        assertThat(DatabaseUrl.parse("mariadb://localhost/shop").effectivePort()).isEqualTo(3306);
    }

    @Test
    void jdbcUrls() {
        DatabaseUrl pg = DatabaseUrl.parse("jdbc:postgresql://db:5432/app?user=flyway&password=hunter2&currentSchema=app");
        assertThat(pg.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(pg.user()).isEqualTo("flyway");
        assertThat(pg.password()).isEqualTo("hunter2");
        assertThat(pg.schema()).isEqualTo("app");
        assertThat(pg.redacted()).doesNotContain("hunter2").contains("password=***");
        assertThat(DatabaseUrl.parse("jdbc:postgresql:app").database()).isEqualTo("app");
        assertThat(DatabaseUrl.parse("jdbc:mysql://h:3306/db").dialect()).isEqualTo(Dialect.MYSQL);
        assertThat(DatabaseUrl.parse("jdbc:mariadb://h/db").dialect()).isEqualTo(Dialect.MARIADB);
        DatabaseUrl lite = DatabaseUrl.parse("jdbc:sqlite:data/app.db", dir);
        assertThat(lite.sqliteFile()).isEqualTo(dir.resolve("data/app.db"));
    }

    @Test
    void sqliteForms() throws Exception {
        Files.createDirectories(dir.resolve("db"));
        Files.createFile(dir.resolve("db/dev.sqlite3"));
        assertThat(DatabaseUrl.parse("sqlite:db/dev.sqlite3", dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        assertThat(DatabaseUrl.parse("file:./db/dev.sqlite3", dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        assertThat(DatabaseUrl.parse("sqlite3://db/dev.sqlite3", dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        assertThat(DatabaseUrl.parse("db/dev.sqlite3", dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        assertThat(DatabaseUrl.parse("sqlite:///" + dir.resolve("db/dev.sqlite3"), dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        // SQLAlchemy: three slashes and a relative path that exists
        assertThat(DatabaseUrl.parse("sqlite:///db/dev.sqlite3", dir).sqliteFile()).isEqualTo(dir.resolve("db/dev.sqlite3"));
        // four slashes: absolute
        assertThat(DatabaseUrl.parse("sqlite:////tmp/x.db", dir).sqliteFile()).isEqualTo(Path.of("/tmp/x.db"));
        assertThat(DatabaseUrl.parse("sqlite:db/dev.sqlite3", dir).dialect()).isEqualTo(Dialect.SQLITE);
        assertThat(DatabaseUrl.parse("sqlite:db/dev.sqlite3", dir).label()).isEqualTo("dev.sqlite3");
    }

    @Test
    void badUrlsAreInputErrorsWithoutThePassword() {
        assertThatThrownBy(() -> DatabaseUrl.parse("")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("oracle://scott:tiger99@h/db"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("unsupported database URL scheme 'oracle'")
                .hasMessageNotContaining("tiger99");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:topsecret@h:notaport/db"))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("bad port")
                .hasMessageNotContaining("topsecret");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgresql://u:pa%zzss@h/db"))
                .isInstanceOf(InputException.class)
                .hasMessageNotContaining("pa%zzss");
        assertThatThrownBy(() -> DatabaseUrl.parse("just some words")).isInstanceOf(InputException.class);
        assertThatThrownBy(() -> DatabaseUrl.parse("sqlite::memory:")).isInstanceOf(InputException.class);
    }

    @Test
    void scrubRemovesThePasswordFromDriverMessages() {
        DatabaseUrl u = DatabaseUrl.parse("postgresql://app:p%40ss w0rd@h/db?sslpassword=keypw");
        assertThat(u.scrub("FATAL: bad login app/p@ss w0rd via keypw")).isEqualTo("FATAL: bad login app/*** via ***");
    }
}

package dev.dbmigrate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReadOnlySessionTest {

    @TempDir
    Path dir;

    private static final ReadOnlySession.Timeouts SHORT = new ReadOnlySession.Timeouts(Duration.ofSeconds(2), Duration.ofMillis(1500), Duration.ofMillis(700));

    @Test
    void postgresSessionIsReadOnlyWithTimeouts() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customers (id int)");
            }
            try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse(db.jdbcUrl()), SHORT)) {
                assertThat(s.queryString("SHOW transaction_read_only")).isEqualTo("on");
                assertThat(s.queryString("SHOW default_transaction_read_only")).isEqualTo("on");
                assertThat(s.queryString("SHOW statement_timeout")).isEqualTo("1500ms");
                assertThat(s.queryString("SHOW lock_timeout")).isEqualTo("700ms");
                assertThat(s.currentSchema()).isEqualTo("public");
                assertThatThrownBy(() -> s.connection().createStatement().execute("INSERT INTO customers VALUES (1)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only transaction");
                assertThatThrownBy(() -> s.connection().createStatement().execute("DROP TABLE customers"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("read-only transaction");
                assertThat(s.findTable(null, "CUSTOMERS", false)).isPresent();
            }
        }
    }

    @Test
    void sqliteIsOpenedReadOnlyAndNeverCreated() throws Exception {
        Path file = dir.resolve("app.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE customers (id integer)");
        }
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse("sqlite:" + file), SHORT)) {
            assertThat(s.findTable(null, "Customers", false)).isPresent();
            assertThatThrownBy(() -> s.connection().createStatement().execute("INSERT INTO customers VALUES (1)"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("readonly");
        }
        Path absent = dir.resolve("nope.db");
        assertThatThrownBy(() -> ReadOnlySession.open(DatabaseUrl.parse("sqlite:" + absent), SHORT))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("no such SQLite database file");
        assertThat(absent).doesNotExist();
    }

    @Test
    void unreachableServerIsOneLineWithoutPassword() {
        DatabaseUrl url = DatabaseUrl.parse("postgresql://deploy:Sup3rS3cret!@127.0.0.1:1/orders");
        assertThatThrownBy(() -> ReadOnlySession.open(url, SHORT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot connect to postgresql://deploy:***@127.0.0.1:1/orders: ")
                .hasMessageNotContaining("Sup3rS3cret")
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("\n"));
        DatabaseUrl my = DatabaseUrl.parse("mysql://root:Sup3rS3cret!@127.0.0.1:1/shop");
        assertThatThrownBy(() -> ReadOnlySession.open(my, SHORT))
                .isInstanceOf(InputException.class)
                .hasMessageStartingWith("cannot connect to mysql://root:***@127.0.0.1:1/shop: ")
                .hasMessageNotContaining("Sup3rS3cret");
    }

    @Test
    void wrongDatabaseNameIsReported() {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            String url = db.jdbcUrl().replace(db.name(), "no_such_db_here");
            assertThatThrownBy(() -> ReadOnlySession.open(DatabaseUrl.parse(url), SHORT))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("no_such_db_here")
                    .hasMessageContaining("does not exist");
        }
    }
}

package dev.dbmigrate.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Against the live servers (mvn verify -Plive-db). */
@Tag("live-db")
class LiveReadOnlySessionTest {

    private static final ReadOnlySession.Timeouts T = new ReadOnlySession.Timeouts(Duration.ofSeconds(5), Duration.ofMillis(2500), Duration.ofSeconds(3));

    @Test
    void mariaDbSessionIsReadOnlyWithStatementTimeout() throws Exception {
        try (ScratchDb db = TestDatabases.liveMariaDb()) {
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE customers (id int)");
            }
            DatabaseUrl url = DatabaseUrl.parse("mariadb://root@127.0.0.1:3306/" + db.name());
            try (ReadOnlySession s = ReadOnlySession.open(url, T)) {
                assertThat(s.isMariaDb()).isTrue();
                assertThat(s.queryString("SELECT @@session.tx_read_only")).isEqualTo("1");
                assertThat(Double.parseDouble(s.queryString("SELECT @@session.max_statement_time"))).isEqualTo(2.5);
                assertThat(s.currentSchema()).isEqualTo(db.name());
                assertThatThrownBy(() -> s.connection().createStatement().execute("INSERT INTO customers VALUES (1)"))
                        .isInstanceOf(SQLException.class)
                        .hasMessageContaining("READ ONLY");
            }
            // the mysql:// scheme reaches the same server through the MariaDB driver
            try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse("mysql://root@127.0.0.1/" + db.name()), T)) {
                assertThat(s.findTable(null, "CUSTOMERS", false)).isPresent();
            }
        }
    }

    @Test
    void livePostgresWrongPasswordIsCleanError() throws Exception {
        try (ScratchDb db = TestDatabases.livePostgres()) {
            DatabaseUrl url = DatabaseUrl.parse("postgresql://postgres:NotThePassw0rd@127.0.0.1:5432/" + db.name());
            // the live server trusts local connections: the password is ignored, the session opens read-only
            try (ReadOnlySession s = ReadOnlySession.open(url, T)) {
                assertThat(s.queryString("SHOW transaction_read_only")).isEqualTo("on");
            }
            DatabaseUrl noUser = DatabaseUrl.parse("postgresql://nobody_here:NotThePassw0rd@127.0.0.1:5432/" + db.name());
            assertThatThrownBy(() -> ReadOnlySession.open(noUser, T))
                    .isInstanceOf(InputException.class)
                    .hasMessageContaining("nobody_here")
                    .hasMessageNotContaining("NotThePassw0rd");
        }
    }
}

package dev.dbmigrate.db.probe;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.model.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The same evidence questions against every real database: a customers / orders fixture with
 * NULLs, duplicates, long values and orphans, a table whose name needs quoting, and a table big
 * enough to hit the count cap.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class DataProbeContract {

    static final TableRef CUSTOMERS = TableRef.of("customers");
    static final TableRef ORDERS = TableRef.of("orders");
    static final TableRef ODD = TableRef.of("Order Lines");
    static final TableRef BIG = TableRef.of("big");
    static final String LONG_250 = "x".repeat(250);
    static final String LONG_120 = "y".repeat(120);

    Connection connection;

    /** Creates the scratch database and opens a connection to it. */
    abstract Connection open() throws SQLException;

    /** Drops the scratch database. */
    abstract void drop();

    /** Quotes an identifier in the fixture DDL. */
    abstract String q(String name);

    /** Fills {@code big(id, v)} with {@code n} rows whose v is NULL. */
    abstract void fillBig(Statement s, int n) throws SQLException;

    abstract Class<? extends DataProbe> expectedProbe();

    DataProbe probe() {
        return DataProbes.of(connection, Duration.ofSeconds(10));
    }

    @BeforeAll
    void setUp() throws SQLException {
        connection = open();
        try (Statement s = connection.createStatement()) {
            s.execute("CREATE TABLE customers (id INT PRIMARY KEY, email VARCHAR(200), nickname VARCHAR(50))");
            s.execute("CREATE TABLE orders (id INT PRIMARY KEY, customer_id INT, note VARCHAR(300))");
            s.execute("CREATE TABLE " + q("Order Lines") + " (" + q("Id") + " INT PRIMARY KEY, " + q("Note") + " VARCHAR(20))");
            s.execute("CREATE TABLE big (id INT PRIMARY KEY, v INT)");
            s.execute("INSERT INTO customers VALUES (1, 'a@x.io', 'al'), (2, 'a@x.io', NULL), (3, 'b@x.io', NULL), (4, NULL, 'dee'), (5, NULL, 'eve')");
            s.execute("INSERT INTO orders VALUES (1, 1, 'short'), (2, 2, '" + LONG_250 + "'), (3, 9, 'x'), (4, NULL, 'y'), (5, 8, '" + LONG_120 + "')");
            s.execute("INSERT INTO " + q("Order Lines") + " VALUES (1, NULL), (2, 'ok')");
            fillBig(s, (int) Counts.CAP + 10);
        }
    }

    @AfterAll
    void tearDown() throws SQLException {
        if (connection != null) connection.close();
        drop();
    }

    @Test
    void picksTheProbeForTheDatabase() {
        assertThat(probe()).isInstanceOf(expectedProbe());
    }

    @Test
    void rowEstimates() {
        DataProbe p = probe();
        assertThat(p.rowEstimate(CUSTOMERS)).hasValue(5);
        assertThat(p.rowEstimate(ODD)).hasValue(2);
        assertThat(p.rowEstimate(BIG).orElseThrow()).isGreaterThan(Counts.CAP);
        assertThat(p.rowEstimate(TableRef.of("no_such_table"))).isEmpty();
    }

    @Test
    void nullCounts() {
        DataProbe p = probe();
        assertThat(p.nullCount(CUSTOMERS, "email")).hasValue(2);
        assertThat(p.nullCount(CUSTOMERS, "id")).hasValue(0);
        assertThat(p.nullCount(ODD, "Note")).as("quoted mixed-case names").hasValue(1);
        assertThat(p.nullCount(CUSTOMERS, "no_such_column")).isEmpty();
        assertThat(p.nullCount(TableRef.of("no_such_table"), "x")).isEmpty();
    }

    @Test
    void countsStopAtTheCap() {
        OptionalLong n = probe().nullCount(BIG, "v");
        assertThat(n).hasValue(Counts.CAP + 1);
        assertThat(Counts.atLeast(n.getAsLong())).isEqualTo("more than 100,000");
    }

    @Test
    void duplicateCounts() {
        DataProbe p = probe();
        assertThat(p.duplicateCount(CUSTOMERS, List.of("email"))).as("two rows share a@x.io; NULLs never collide").hasValue(2);
        assertThat(p.duplicateCount(CUSTOMERS, List.of("email", "nickname"))).hasValue(0);
        assertThat(p.duplicateCount(CUSTOMERS, List.of("id"))).hasValue(0);
        assertThat(p.duplicateCount(CUSTOMERS, List.of())).isEmpty();
    }

    @Test
    void valuesLongerThanANewLength() {
        DataProbe p = probe();
        assertThat(p.longerThan(ORDERS, "note", 100)).hasValue(2);
        assertThat(p.longerThan(ORDERS, "note", 200)).hasValue(1);
        assertThat(p.longerThan(ORDERS, "note", 300)).hasValue(0);
    }

    @Test
    void orphanRowsForANewForeignKey() {
        DataProbe p = probe();
        assertThat(p.orphanCount(ORDERS, List.of("customer_id"), CUSTOMERS, List.of("id"))).as("customers 9 and 8 do not exist").hasValue(2);
        assertThat(p.orphanCount(ORDERS, List.of("customer_id"), CUSTOMERS, List.of())).as("the referenced primary key is looked up").hasValue(2);
        assertThat(p.orphanCount(ORDERS, List.of("id"), TableRef.of("no_such_table"), List.of("id"))).isEmpty();
    }

    @Test
    void aFailedQueryInsideTheCallersTransactionDoesNotPoisonTheNextOne() throws SQLException {
        boolean auto = connection.getAutoCommit();
        connection.setAutoCommit(false);
        try {
            DataProbe p = probe();
            assertThat(p.nullCount(TableRef.of("no_such_table"), "x")).isEmpty();
            assertThat(p.nullCount(CUSTOMERS, "nickname")).hasValue(2);
        } finally {
            connection.rollback();
            connection.setAutoCommit(auto);
        }
    }
}

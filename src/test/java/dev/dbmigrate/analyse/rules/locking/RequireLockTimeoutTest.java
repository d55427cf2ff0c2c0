package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireLockTimeoutTest {

    final RuleTester t = RuleTester.of(RequireLockTimeout::new).history(
            "CREATE TABLE customers (id bigint PRIMARY KEY);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text);");

    @Test
    void bad_reportedOnceAtTheFirstLockingStatementWithTheCount() {
        Finding f = t.assertFires("""
                CREATE TABLE refunds (id bigint, order_id bigint);
                ALTER TABLE orders ADD COLUMN note text;
                CREATE INDEX orders_status_idx ON orders (status);
                ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).startsWith("This statement and 2 more in this migration take");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on orders (blocks reads and writes)");
        assertThat(f.fix()).contains("SET lock_timeout = '2s';");
    }

    @Test
    void bad_aNewTableReferencingABusyOneLocksIt() {
        Finding f = t.assertFires("CREATE TABLE refunds (id bigint, order_id bigint REFERENCES orders (id));");
        assertThat(f.message()).startsWith("This statement takes");
        assertThat(f.lock()).isEqualTo("SHARE ROW EXCLUSIVE on orders (blocks writes, allows reads)");
    }

    @Test
    void bad_timeoutSetAfterTheFirstStatement() {
        assertThat(t.assertFires("ALTER TABLE orders ADD COLUMN note text;\nSET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN note;").line()).isEqualTo(1);
        t.assertFires("SET lock_timeout = 0;\nALTER TABLE orders ADD COLUMN note text;");
    }

    @Test
    void good_timeoutSetFirst() {
        t.assertClean("SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX orders_status_idx ON orders (status);");
        t.assertClean("BEGIN;\nSET LOCAL lock_timeout = '3s';\nALTER TABLE orders ALTER COLUMN status SET NOT NULL;\nCOMMIT;");
    }

    @Test
    void good_onlyNewTablesOrNonBlockingLocks() {
        t.assertClean("CREATE TABLE refunds (id bigint, order_id bigint);\nALTER TABLE refunds ADD COLUMN note text;\nCREATE INDEX refunds_idx ON refunds (order_id);");
        t.assertClean("CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status);");
        t.assertClean("ALTER TABLE orders VALIDATE CONSTRAINT fk;");
        t.assertClean("UPDATE orders SET status = 'new' WHERE status IS NULL;");
    }
}

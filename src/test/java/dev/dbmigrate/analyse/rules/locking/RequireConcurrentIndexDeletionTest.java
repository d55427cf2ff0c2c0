package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexDeletionTest {

    final RuleTester t = RuleTester.of(RequireConcurrentIndexDeletion::new).history(
            "CREATE TABLE orders (id bigint PRIMARY KEY, status text);",
            "CREATE INDEX orders_status_idx ON orders (status);");

    @Test
    void bad_dropIndexOfAnExistingTableNamesTheTableAndLock() {
        Finding f = t.assertFires("SET statement_timeout = '5s';\nDROP INDEX orders_status_idx;");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on orders (blocks reads and writes)");
        assertThat(f.message()).contains("orders_status_idx", "orders", "reads included");
        assertThat(f.fix()).contains("DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;").contains("outside any transaction");
    }

    @Test
    void bad_indexUnknownToTheHistoryStillFires() {
        Finding f = RuleTester.of(RequireConcurrentIndexDeletion::new).assertFires("DROP INDEX IF EXISTS legacy_idx CASCADE;");
        assertThat(f.lock()).contains("the table of index legacy_idx");
        assertThat(f.fix()).contains("cannot CASCADE");
    }

    @Test
    void good_concurrentlyOrAnIndexOfATableCreatedInThisMigration() {
        t.assertClean("DROP INDEX CONCURRENTLY IF EXISTS orders_status_idx;");
        t.assertClean("CREATE TABLE refunds (id bigint, order_id bigint);\nCREATE INDEX refunds_order_idx ON refunds (order_id);\nDROP INDEX refunds_order_idx;");
    }

    @Test
    void good_notPostgres() {
        RuleTester.of(RequireConcurrentIndexDeletion::new).dialect(Dialect.MYSQL).assertClean("DROP INDEX idx ON orders;");
    }
}

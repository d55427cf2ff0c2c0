package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentIndexCreationTest {

    final RuleTester t = RuleTester.of(RequireConcurrentIndexCreation::new)
            .history("CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, status text);");

    @Test
    void bad_plainCreateIndexOnAnExistingTable() {
        Finding f = t.assertFires("CREATE INDEX orders_status_idx ON orders (status) WHERE status <> 'done';");
        assertThat(f.lock()).startsWith("SHARE on orders");
        assertThat(f.fix()).contains("CREATE INDEX CONCURRENTLY orders_status_idx ON orders (status) WHERE status <> 'done';");
    }

    @Test
    void good_concurrentlyOrOnANewTable() {
        t.assertClean("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status_idx ON orders (status);");
        t.assertClean("CREATE TABLE refunds (id bigint, order_id bigint);\nCREATE INDEX refunds_order_id_idx ON refunds (order_id);");
    }
}

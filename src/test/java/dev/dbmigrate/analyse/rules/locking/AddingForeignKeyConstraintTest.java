package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddingForeignKeyConstraintTest {

    final RuleTester t = RuleTester.of(AddingForeignKeyConstraint::new).history(
            "CREATE TABLE customers (id bigint PRIMARY KEY);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint);");

    @Test
    void bad_addForeignKeyWithoutNotValidLocksBothTables() {
        Finding f = t.assertFires("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE;");
        assertThat(f.lock()).isEqualTo("SHARE ROW EXCLUSIVE on orders (blocks writes, allows reads); SHARE ROW EXCLUSIVE on customers (blocks writes, allows reads)");
        assertThat(f.message()).contains("orders_customer_id_fkey", "orders", "customers");
        assertThat(f.fix()).isEqualTo("""
                ALTER TABLE orders ADD CONSTRAINT orders_customer_id_fkey FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE NOT VALID;
                -- in a separate transaction (a later migration, or after COMMIT):
                -- (VALIDATE takes SHARE UPDATE EXCLUSIVE on orders and ROW SHARE on customers: reads and writes go on)
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;""");
    }

    @Test
    void bad_inlineReferencesInAddColumn() {
        Finding f = t.assertFires("ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES customers (id);");
        assertThat(f.lock()).startsWith("ACCESS EXCLUSIVE on orders").contains("SHARE ROW EXCLUSIVE on customers");
        assertThat(f.fix()).startsWith("ALTER TABLE orders ADD COLUMN coupon_id bigint;\n")
                .contains("ADD CONSTRAINT orders_coupon_id_fkey FOREIGN KEY (coupon_id) REFERENCES customers (id) NOT VALID;");
    }

    @Test
    void bad_orphanRowsAreEvidence() {
        Finding f = t.data(DataProbeStub.answering("orphanCount", 12)).assertFires("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);");
        assertThat(f.evidence()).startsWith("12 rows of orders point at no row of customers");
    }

    @Test
    void good_notValidThenValidateOrANewTable() {
        t.assertClean("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;");
        t.assertClean("ALTER TABLE orders VALIDATE CONSTRAINT fk;");
        t.assertClean("CREATE TABLE refunds (id bigint, order_id bigint);\nALTER TABLE refunds ADD FOREIGN KEY (order_id) REFERENCES orders (id);");
        t.assertClean("CREATE TABLE refunds (id bigint, order_id bigint REFERENCES orders (id));");
    }
}

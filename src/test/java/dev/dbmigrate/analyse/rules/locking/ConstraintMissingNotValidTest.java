package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConstraintMissingNotValidTest {

    final RuleTester t = RuleTester.of(ConstraintMissingNotValid::new).history(
            "CREATE TABLE customers (id bigint PRIMARY KEY);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, price numeric(10,2));");

    @Test
    void bad_addCheckWithoutNotValid() {
        Finding f = t.assertFires("ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0);");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on orders (blocks reads and writes)");
        assertThat(f.fix()).isEqualTo("""
                ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0) NOT VALID;
                -- in a separate transaction (a later migration, or after COMMIT):
                -- (VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)
                ALTER TABLE orders VALIDATE CONSTRAINT orders_price_positive;""");
    }

    @Test
    void bad_unnamedCheckGetsTheImplicitName() {
        Finding f = t.assertFires("ALTER TABLE orders ADD CHECK (price >= 0);");
        assertThat(f.fix()).contains("ADD CONSTRAINT orders_price_check CHECK (price >= 0) NOT VALID;");
    }

    @Test
    void bad_validateInTheSameExplicitTransaction() {
        List<Finding> f = t.assertFires(1, """
                BEGIN;
                ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_price_positive;
                COMMIT;""");
        assertThat(f.get(0).line()).isEqualTo(3);
        assertThat(f.get(0).lock()).isEqualTo("ACCESS EXCLUSIVE on orders (blocks reads and writes) held until COMMIT");
        assertThat(f.get(0).fix()).startsWith("-- COMMIT after the ADD ... NOT VALID");
    }

    @Test
    void bad_validateAnUnnamedForeignKeyInTheRunnersTransaction() {
        Finding f = t.runnerWrapsInTransaction().assertFires("""
                ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.lock()).contains("SHARE ROW EXCLUSIVE on orders", "SHARE ROW EXCLUSIVE on customers");
        assertThat(f.fix()).startsWith("-- move it to the next migration");
    }

    @Test
    void good_notValidThenValidateAfterCommit() {
        t.assertClean("""
                BEGIN;
                ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0) NOT VALID;
                COMMIT;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_price_positive;""");
    }

    @Test
    void good_validateInALaterMigrationOrCheckOnANewTable() {
        t.history("ALTER TABLE orders ADD CONSTRAINT orders_price_positive CHECK (price > 0) NOT VALID;")
                .runnerWrapsInTransaction()
                .assertClean("ALTER TABLE orders VALIDATE CONSTRAINT orders_price_positive;");
        t.assertClean("CREATE TABLE refunds (amount int);\nALTER TABLE refunds ADD CONSTRAINT refunds_amount_check CHECK (amount > 0);");
    }
}

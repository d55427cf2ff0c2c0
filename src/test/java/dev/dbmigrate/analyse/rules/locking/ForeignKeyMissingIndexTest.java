package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import java.util.List;
import org.junit.jupiter.api.Test;

class ForeignKeyMissingIndexTest {

    final RuleTester t = RuleTester.of(ForeignKeyMissingIndex::new).history(
            "CREATE TABLE customers (id bigint PRIMARY KEY);",
            "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, coupon_id bigint);");

    @Test
    void bad_foreignKeyOnAnExistingTableWithoutIndex() {
        Finding f = t.assertFires("SET lock_timeout = '2s';\nALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("orders (customer_id) -> customers", "every DELETE of a customers row");
        assertThat(f.fix()).isEqualTo("""
                -- outside any transaction (a migration the runner does not wrap in one):
                CREATE INDEX CONCURRENTLY orders_customer_id_idx ON orders (customer_id);""");
    }

    @Test
    void bad_newTableGetsAPlainIndexAndEachForeignKeyIsReported() {
        List<Finding> f = t.assertFires(2, """
                CREATE TABLE order_items (
                    id bigint PRIMARY KEY,
                    order_id bigint NOT NULL REFERENCES orders (id),
                    customer_id bigint,
                    FOREIGN KEY (customer_id) REFERENCES customers (id)
                );""");
        assertThat(f).extracting(Finding::fix).containsExactlyInAnyOrder(
                "CREATE INDEX order_items_order_id_idx ON order_items (order_id);",
                "CREATE INDEX order_items_customer_id_idx ON order_items (customer_id);");
    }

    @Test
    void bad_sqlite() {
        Finding f = RuleTester.of(ForeignKeyMissingIndex::new).dialect(Dialect.SQLITE)
                .assertFires("CREATE TABLE pets (id integer PRIMARY KEY, owner_id integer REFERENCES owners (id));");
        assertThat(f.fix()).isEqualTo("CREATE INDEX pets_owner_id_idx ON pets (owner_id);");
        assertThat(f.message()).contains("when foreign keys are enforced");
    }

    @Test
    void good_indexedLaterInTheSameMigrationOrAlready() {
        t.assertClean("""
                ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);
                CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id, id);""");
        t.history("CREATE INDEX orders_coupon_idx ON orders (coupon_id);")
                .assertClean("ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES customers (id);");
        t.assertClean("CREATE TABLE profiles (customer_id bigint PRIMARY KEY REFERENCES customers (id));");
    }

    @Test
    void good_partialIndexDoesNotCountButForeignKeyDroppedAgainIsNotReported() {
        t.assertFires("ALTER TABLE orders ADD FOREIGN KEY (customer_id) REFERENCES customers (id);\nCREATE INDEX p ON orders (customer_id) WHERE customer_id IS NOT NULL;");
        t.assertClean("ALTER TABLE orders ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES customers (id);\nALTER TABLE orders DROP CONSTRAINT fk;");
    }

    @Test
    void good_tableKnownOnlyFromAltersHasUnknownIndexes() {
        // the history never created invoices (created before the first migration, or by code): its indexes are unknown
        RuleTester.of(ForeignKeyMissingIndex::new).history("CREATE TABLE customers (id bigint PRIMARY KEY);", "ALTER TABLE invoices ADD COLUMN customer_id bigint;")
                .assertClean("ALTER TABLE invoices ADD CONSTRAINT invoices_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id);");
    }

    @Test
    void good_mysqlIndexesForeignKeysItself() {
        RuleTester.of(ForeignKeyMissingIndex::new).dialect(Dialect.MYSQL)
                .assertClean("CREATE TABLE pets (id int PRIMARY KEY, owner_id int, FOREIGN KEY (owner_id) REFERENCES owners (id));");
    }
}

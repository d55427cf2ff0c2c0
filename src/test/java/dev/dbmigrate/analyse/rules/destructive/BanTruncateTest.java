package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanTruncateTest {

    static final String[] HISTORY = {
        "CREATE TABLE customers (id bigint PRIMARY KEY, email text);",
        "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\n"
                + "CREATE TABLE order_lines (id bigint PRIMARY KEY, order_id bigint REFERENCES orders (id));",
        "CREATE TABLE audit (id bigint PRIMARY KEY);"
    };

    @Test
    void bad_cascadeListsEveryTableItEmpties() {
        Finding f = RuleTester.of(BanTruncate::new).history(HISTORY)
                .data(new FixedProbe().rows("customers", 1200).rows("orders", 50_000))
                .assertFires("TRUNCATE customers CASCADE;");
        assertThat(f.message()).contains("CASCADE also empties").contains("orders").contains("order_lines").doesNotContain("audit");
        assertThat(f.lock()).startsWith("ACCESS EXCLUSIVE on customers");
        assertThat(f.fix()).contains("DELETE FROM customers WHERE id IN (SELECT id FROM customers WHERE <condition> LIMIT 10000);");
        assertThat(f.evidence()).contains("customers: ~1,200 rows").contains("orders: ~50,000 rows");
    }

    @Test
    void bad_withoutCascadeAReferencedTableIsRefused() {
        Finding f = RuleTester.of(BanTruncate::new).history(HISTORY).assertFires("TRUNCATE TABLE orders;");
        assertThat(f.message()).contains("order_lines references it").contains("PostgreSQL refuses without CASCADE");
    }

    @Test
    void bad_mysqlTruncateCannotBeRolledBack() {
        Finding f = RuleTester.of(BanTruncate::new).dialect(Dialect.MYSQL).history("CREATE TABLE audit (id bigint PRIMARY KEY);")
                .assertFires("TRUNCATE TABLE audit;");
        assertThat(f.message()).contains("cannot be rolled back");
        assertThat(f.fix()).contains("DELETE FROM audit WHERE <condition> ORDER BY id LIMIT 10000;");
        assertThat(f.lock()).isNull();
    }

    @Test
    void good_tableCreatedInTheSameMigration() {
        RuleTester.of(BanTruncate::new).history(HISTORY).assertClean("CREATE TABLE import_rows (id int);\nTRUNCATE import_rows;");
    }
}

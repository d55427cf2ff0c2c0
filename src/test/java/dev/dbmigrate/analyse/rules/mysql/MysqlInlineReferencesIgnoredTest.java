package dev.dbmigrate.analyse.rules.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class MysqlInlineReferencesIgnoredTest {

    @Test
    void bad_createTableWithAColumnLevelReference() {
        Finding f = RuleTester.of(MysqlInlineReferencesIgnored::new).dialect(Dialect.MYSQL)
                .assertFires("CREATE TABLE orders (\n  id bigint PRIMARY KEY,\n  customer_id bigint REFERENCES customers (id) ON DELETE CASCADE\n);");
        assertThat(f.message()).contains("orders.customer_id REFERENCES customers(id)").contains("silently ignores");
        assertThat(f.fix()).contains("FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE");
    }

    @Test
    void bad_addColumnWithAReference() {
        Finding f = RuleTester.of(MysqlInlineReferencesIgnored::new).dialect(Dialect.MYSQL)
                .assertFires("ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);");
        assertThat(f.fix()).contains("ALTER TABLE orders ADD FOREIGN KEY (coupon_id) REFERENCES coupons (id);");
    }

    @Test
    void good_tableLevelForeignKeyOrMariaDb() {
        RuleTester.of(MysqlInlineReferencesIgnored::new).dialect(Dialect.MYSQL).assertClean(
                "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint, FOREIGN KEY (customer_id) REFERENCES customers (id));");
        // MariaDB 10.5+ creates the foreign key (MDEV-20729): the rule is not registered for MariaDB
        assertThat(new MysqlInlineReferencesIgnored().appliesTo(Dialect.MARIADB)).isFalse();
    }
}

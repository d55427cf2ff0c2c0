package dev.dbmigrate.analyse.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class RenamingTableTest {

    @Test
    void bad_postgresFixKeepsTheOldNameAsAView() {
        Finding f = RuleTester.of(RenamingTable::new).history("CREATE TABLE orders (id bigint PRIMARY KEY);")
                .assertFires("ALTER TABLE orders RENAME TO purchases;");
        assertThat(f.fix()).contains("ALTER TABLE orders RENAME TO purchases;").contains("CREATE VIEW orders AS SELECT * FROM purchases;");
    }

    @Test
    void bad_mysqlRenameTable() {
        Finding f = RuleTester.of(RenamingTable::new).dialect(Dialect.MYSQL).history("CREATE TABLE orders (id bigint PRIMARY KEY);")
                .assertFires("RENAME TABLE orders TO purchases;");
        assertThat(f.fix()).contains("RENAME TABLE orders TO purchases;").contains("not transactional");
    }

    @Test
    void bad_sqliteViewsAreReadOnly() {
        Finding f = RuleTester.of(RenamingTable::new).dialect(Dialect.SQLITE).assertFires("ALTER TABLE orders RENAME TO purchases;");
        assertThat(f.fix()).contains("read-only").doesNotContain("CREATE VIEW");
    }

    @Test
    void good_tableCreatedInTheSameMigration() {
        RuleTester.of(RenamingTable::new).assertClean("CREATE TABLE tmp_orders (id int);\nALTER TABLE tmp_orders RENAME TO orders_v2;");
    }
}

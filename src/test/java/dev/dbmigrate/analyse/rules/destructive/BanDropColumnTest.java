package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanDropColumnTest {

    static final String HISTORY = "CREATE TABLE orders (id bigint PRIMARY KEY, note text, total numeric(10,2));";

    @Test
    void bad_dropsAColumnOfAnExistingTable() {
        Finding f = RuleTester.of(BanDropColumn::new).history(HISTORY)
                .assertFires("SELECT 1;\nALTER TABLE orders DROP COLUMN note;");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.message()).contains("orders.note");
        assertThat(f.fix()).contains("CREATE TABLE orders_note_backup AS SELECT id, note FROM orders;")
                .contains("ALTER TABLE orders DROP COLUMN note;");
    }

    @Test
    void bad_withDataEvidence() {
        Finding f = RuleTester.of(BanDropColumn::new).history(HISTORY).data(new FixedProbe().rows("orders", 2_400_000))
                .assertFires("ALTER TABLE orders DROP COLUMN note;");
        assertThat(f.evidence()).isEqualTo("orders: ~2,400,000 rows lose their note value");
    }

    @Test
    void bad_onMysqlAndSqliteToo() {
        Finding my = RuleTester.of(BanDropColumn::new).dialect(Dialect.MYSQL).history("CREATE TABLE orders (id bigint PRIMARY KEY, note text);")
                .assertFires("ALTER TABLE orders DROP COLUMN note;");
        assertThat(my.fix()).contains("ALTER TABLE orders DROP COLUMN note;");
        RuleTester.of(BanDropColumn::new).dialect(Dialect.SQLITE).assertFires("ALTER TABLE legacy DROP COLUMN flag;");
    }

    @Test
    void bad_mysqlDropInsideAGuardedPreparedStatement() {
        Finding f = RuleTester.of(BanDropColumn::new).dialect(Dialect.MYSQL).history("CREATE TABLE orders (id bigint PRIMARY KEY, note text);")
                .assertFires("""
                        SET @q = IF(@has_note, 'ALTER TABLE orders DROP COLUMN note', 'SELECT 1');
                        PREPARE drop_note FROM @q;
                        EXECUTE drop_note;""");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.message()).contains("orders.note");
    }

    @Test
    void good_columnOrTableAddedInTheSameMigration() {
        RuleTester t = RuleTester.of(BanDropColumn::new).history(HISTORY);
        t.assertClean("ALTER TABLE orders ADD COLUMN tmp int;\nALTER TABLE orders DROP COLUMN tmp;");
        t.assertClean("CREATE TABLE staging (id int, x int);\nALTER TABLE staging DROP COLUMN x;");
        t.assertClean("ALTER TABLE orders ADD COLUMN flag boolean;");
    }
}

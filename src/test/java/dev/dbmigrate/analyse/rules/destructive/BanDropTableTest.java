package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanDropTableTest {

    final RuleTester t = RuleTester.of(BanDropTable::new).history("CREATE TABLE orders (id bigint PRIMARY KEY);");

    @Test
    void bad_dropsAnExistingTable() {
        Finding f = t.assertFires("SELECT 1;\nDROP TABLE orders;");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.fix()).contains("DROP TABLE orders;");
    }

    @Test
    void bad_onEveryDialectAndForTablesNotInTheHistory() {
        RuleTester.of(BanDropTable::new).dialect(Dialect.MYSQL).assertFires("DROP TABLE legacy_events;");
        RuleTester.of(BanDropTable::new).dialect(Dialect.SQLITE).assertFires(2, "DROP TABLE a; DROP TABLE IF EXISTS b;");
    }

    @Test
    void good_dropsATableCreatedInTheSameMigration() {
        t.assertClean("CREATE TABLE tmp_import (id int);\nDROP TABLE tmp_import;");
    }

    @Test
    void good_ignoreCommentSilencesIt() {
        t.assertClean("-- db-migrate-ignore ban-drop-table\nDROP TABLE orders;");
    }
}

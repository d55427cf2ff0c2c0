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
    void good_tableRebuildKeepsTheTable() {
        // SQLite's way to change a table: new table, copy, drop the old one, take its name
        RuleTester.of(BanDropTable::new).dialect(Dialect.SQLITE).history("CREATE TABLE songs (id integer PRIMARY KEY, title text);")
                .assertClean("""
                        CREATE TABLE songs_new (id integer PRIMARY KEY, title text NOT NULL);
                        INSERT INTO songs_new (id, title) SELECT id, coalesce(title, '') FROM songs;
                        DROP TABLE songs;
                        ALTER TABLE songs_new RENAME TO songs;""");
        t.assertClean("""
                CREATE TABLE orders_copy (id bigint PRIMARY KEY);
                INSERT INTO orders_copy SELECT id FROM orders;
                DROP TABLE orders;
                ALTER TABLE orders_copy RENAME TO orders;""");
    }

    @Test
    void bad_dropThatNoFilledTableReplaces() {
        // renamed into place, but nothing was copied into it
        t.assertFires("CREATE TABLE orders2 (id bigint PRIMARY KEY);\nDROP TABLE orders;\nALTER TABLE orders2 RENAME TO orders;");
        // copied, but renamed before the drop: the name is taken again only by a later statement, if ever
        t.assertFires("CREATE TABLE orders2 (id bigint);\nINSERT INTO orders2 SELECT id FROM orders;\nALTER TABLE orders2 RENAME TO orders_old;\nDROP TABLE orders;");
        // dropped and created again, empty
        Finding f = t.assertFires("DROP TABLE orders;\nCREATE TABLE orders (id bigint PRIMARY KEY);");
        assertThat(f.line()).isEqualTo(1);
    }

    @Test
    void good_ignoreCommentSilencesIt() {
        t.assertClean("-- db-migrate-ignore ban-drop-table\nDROP TABLE orders;");
    }
}

package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.db.probe.PostgresDataProbe;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

class NarrowingColumnTypeTest {

    static final String HISTORY = "CREATE TABLE products (id bigint PRIMARY KEY, title varchar(255), body text, stock integer, price numeric(10,2));";
    final RuleTester pg = RuleTester.of(NarrowingColumnType::new).history(HISTORY);

    @Test
    void bad_shorterVarchar() {
        Finding f = pg.assertFires("ALTER TABLE products ALTER COLUMN title TYPE varchar(100);");
        assertThat(f.message()).contains("products.title").contains("varchar(255)").contains("varchar(100)").contains("PostgreSQL aborts");
        assertThat(f.fix()).contains("SELECT count(*) FROM products WHERE char_length(title) > 100;");
    }

    @Test
    void bad_textToVarcharSmallerIntAndLowerScale() {
        pg.assertFires("ALTER TABLE products ALTER COLUMN body TYPE varchar(500);");
        Finding i = pg.assertFires("ALTER TABLE products ALTER COLUMN stock TYPE smallint;");
        assertThat(i.fix()).contains("NOT BETWEEN -32768 AND 32767");
        Finding n = pg.assertFires("ALTER TABLE products ALTER COLUMN price TYPE numeric(10,1);");
        assertThat(n.message()).contains("rounds");
    }

    @Test
    void bad_mysqlModifyAndChange() {
        RuleTester my = RuleTester.of(NarrowingColumnType::new).dialect(Dialect.MYSQL)
                .history("CREATE TABLE products (id bigint PRIMARY KEY, title varchar(255) NOT NULL, status ENUM('draft','live','archived'));");
        Finding f = my.assertFires("ALTER TABLE products MODIFY title varchar(80) NOT NULL;");
        assertThat(f.message()).contains("strict SQL mode");
        assertThat(f.fix()).contains("CHAR_LENGTH(title) > 80");
        my.assertFires("ALTER TABLE products CHANGE title name varchar(40) NOT NULL;");
        Finding e = my.assertFires("ALTER TABLE products MODIFY status ENUM('draft','live');");
        assertThat(e.message()).contains("archived");
    }

    @Test
    void bad_evidenceOfValuesThatDoNotFit() {
        Finding f = pg.data(new FixedProbe().longer("products", "title", 100, 37)).assertFires("ALTER TABLE products ALTER COLUMN title TYPE varchar(100);");
        assertThat(f.evidence()).isEqualTo("37 row(s) of products hold a value of title longer than 100 characters");
        assertThat(f.failsOnData()).as("the data proves the ALTER fails").isTrue();
        assertThat(f.severity()).isEqualTo("error");
    }

    @Test
    void bad_evidenceFromARealPostgres() throws Exception {
        try (TestDatabases.ScratchDb db = TestDatabases.embeddedPostgres(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE products (id bigint PRIMARY KEY, title varchar(255))");
            s.execute("INSERT INTO products VALUES (1, 'short'), (2, repeat('x', 150)), (3, repeat('y', 101)), (4, NULL)");
            Finding f = RuleTester.of(NarrowingColumnType::new).history(HISTORY).data(new PostgresDataProbe(c))
                    .assertFires("ALTER TABLE products ALTER COLUMN title TYPE varchar(100);");
            assertThat(f.evidence()).isEqualTo("2 row(s) of products hold a value of title longer than 100 characters");
        }
    }

    @Test
    void good_wideningOrSameType() {
        pg.assertClean("ALTER TABLE products ALTER COLUMN title TYPE text;");
        pg.assertClean("ALTER TABLE products ALTER COLUMN title TYPE varchar(300);");
        pg.assertClean("ALTER TABLE products ALTER COLUMN stock TYPE bigint;");
        pg.assertClean("ALTER TABLE products ALTER COLUMN price TYPE numeric(12,2);");
    }

    @Test
    void good_unknownPreviousTypeIsNotGuessed() {
        RuleTester.of(NarrowingColumnType::new).assertClean("ALTER TABLE legacy ALTER COLUMN code TYPE varchar(10);");
    }

    @Test
    void good_newColumnOrTable() {
        pg.assertClean("ALTER TABLE products ADD COLUMN sku text;\nALTER TABLE products ALTER COLUMN sku TYPE varchar(20);");
    }
}

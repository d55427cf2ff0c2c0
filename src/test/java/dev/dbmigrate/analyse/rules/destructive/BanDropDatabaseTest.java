package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanDropDatabaseTest {

    @Test
    void bad_dropSchemaCascadeListsTheKnownTables() {
        Finding f = RuleTester.of(BanDropDatabase::new)
                .history("CREATE SCHEMA billing;\nCREATE TABLE billing.invoices (id int);\nCREATE TABLE billing.payments (id int);\nCREATE TABLE public.users (id int);")
                .assertFires("DROP SCHEMA billing CASCADE;");
        assertThat(f.message()).contains("schema billing with CASCADE").contains("billing.invoices").contains("billing.payments").doesNotContain("users");
        assertThat(f.fix()).contains("pg_dump -n billing");
    }

    @Test
    void bad_dropDatabase() {
        RuleTester.of(BanDropDatabase::new).assertFires("DROP DATABASE shop;");
        Finding my = RuleTester.of(BanDropDatabase::new).dialect(Dialect.MYSQL).assertFires("DROP DATABASE IF EXISTS shop;");
        assertThat(my.fix()).contains("mysqldump shop");
    }

    @Test
    void bad_dropSchemaIsDropDatabaseOnMysql() {
        RuleTester.of(BanDropDatabase::new).dialect(Dialect.MARIADB).assertFires("DROP SCHEMA shop;");
    }

    @Test
    void good_postgresDropSchemaWithoutCascadeOnlyDropsAnEmptySchema() {
        RuleTester.of(BanDropDatabase::new).assertClean("DROP SCHEMA IF EXISTS scratch;");
    }
}

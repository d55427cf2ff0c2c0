package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentReindexTest {

    static final String HISTORY = "CREATE TABLE orders (id bigint PRIMARY KEY, email text);\nCREATE INDEX orders_email_idx ON orders (lower(email));";

    @Test
    void bad_reindexIndexOnPg12Plus() {
        Finding f = RuleTester.of(RequireConcurrentReindex::new).history(HISTORY).assertFires("REINDEX INDEX orders_email_idx;");
        assertThat(f.lock()).isEqualTo("SHARE on orders (blocks writes, allows reads); ACCESS EXCLUSIVE on index orders_email_idx (queries that would use it wait)");
        assertThat(f.fix()).contains("REINDEX INDEX CONCURRENTLY orders_email_idx;");
        assertThat(f.message()).doesNotContain("PostgreSQL 12+");
    }

    @Test
    void bad_beforePg12TheFixRebuildsByHand() {
        Finding f = RuleTester.of(RequireConcurrentReindex::new).pgVersion(11).history(HISTORY).assertFires("REINDEX TABLE orders;");
        assertThat(f.message()).contains("needs PostgreSQL 12+", "targets PostgreSQL 11");
        assertThat(f.fix()).doesNotContain("REINDEX TABLE")
                .contains("CREATE INDEX CONCURRENTLY orders_email_idx_new ON orders (lower(email));")
                .contains("DROP INDEX CONCURRENTLY orders_email_idx;")
                .contains("ALTER INDEX orders_email_idx_new RENAME TO orders_email_idx;");
    }

    @Test
    void bad_reindexSchema() {
        Finding f = RuleTester.of(RequireConcurrentReindex::new).assertFires("REINDEX SCHEMA public;");
        assertThat(f.lock()).startsWith("SHARE on every table of schema public");
    }

    @Test
    void good_concurrentlyOrANewTable() {
        RuleTester t = RuleTester.of(RequireConcurrentReindex::new).history(HISTORY);
        t.assertClean("REINDEX INDEX CONCURRENTLY orders_email_idx;");
        t.assertClean("CREATE TABLE tmp (id int);\nCREATE INDEX tmp_idx ON tmp (id);\nREINDEX TABLE tmp;");
    }
}

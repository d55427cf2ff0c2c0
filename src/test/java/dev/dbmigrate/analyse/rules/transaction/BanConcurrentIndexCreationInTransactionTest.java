package dev.dbmigrate.analyse.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

class BanConcurrentIndexCreationInTransactionTest {

    final RuleTester t = RuleTester.of(BanConcurrentIndexCreationInTransaction::new)
            .history("CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nCREATE INDEX orders_status_idx ON orders (status);");

    @Test
    void bad_insideAnExplicitBegin() {
        Finding f = t.assertFires("""
                BEGIN;
                CREATE INDEX CONCURRENTLY orders_status2_idx ON orders (status);
                COMMIT;""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.message()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block", "the BEGIN on line 1");
    }

    @Test
    void bad_insideTheRunnersTransactionNamesTheRunner() {
        List<Finding> f = t.runnerWrapsInTransaction().assertFires(3, """
                DROP INDEX CONCURRENTLY orders_status_idx;
                REINDEX TABLE CONCURRENTLY orders;
                CREATE UNIQUE INDEX CONCURRENTLY orders_id_status_idx ON orders (id, status);""");
        assertThat(f.get(0).message()).startsWith("DROP INDEX CONCURRENTLY cannot run").endsWith("Prisma runs each migration in a transaction");
        assertThat(f.get(1).message()).startsWith("REINDEX ... CONCURRENTLY");
        assertThat(f.get(0).fix()).contains("prisma migrate resolve --applied");
    }

    @Test
    void bad_golangMigrateSendsAMultiStatementFileAsOneImplicitTransaction() {
        Finding f = t.assertFires("ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("golang-migrate sends the whole file as one query", "implicit transaction");
        assertThat(f.fix()).contains("x-multi-statement=true");
    }

    @Test
    void good_aloneInItsFileOrAfterCommit() {
        t.assertClean("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status2_idx ON orders (status);");
        t.assertClean("-- a comment is not a statement\nDROP INDEX CONCURRENTLY orders_status_idx;");
        t.runnerWrapsInTransaction().assertClean("CREATE INDEX orders_status2_idx ON orders (status);");
    }
}

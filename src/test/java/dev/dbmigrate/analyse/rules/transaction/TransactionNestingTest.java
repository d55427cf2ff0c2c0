package dev.dbmigrate.analyse.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class TransactionNestingTest {

    @Test
    void bad_beginInsideAnOpenBegin() {
        Finding f = RuleTester.of(TransactionNesting::new).assertFires("""
                BEGIN;
                CREATE TABLE a (id int);
                START TRANSACTION;
                CREATE TABLE b (id int);
                COMMIT;
                COMMIT;""");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.message()).contains("line 1", "there is already a transaction in progress", "the first COMMIT ends the outer transaction");
        assertThat(f.fix()).contains("SAVEPOINT");
    }

    @Test
    void bad_beginInsideTheRunnersTransaction() {
        Finding f = RuleTester.of(TransactionNesting::new).runnerWrapsInTransaction().assertFires("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;");
        assertThat(f.line()).isEqualTo(1);
        assertThat(f.message()).startsWith("Prisma runs each migration in a transaction").contains("ends the runner's transaction early", "no longer commit or roll back together");
        assertThat(f.fix()).contains("remove BEGIN and COMMIT");
    }

    @Test
    void bad_dialectSpecificConsequences() {
        assertThat(RuleTester.of(TransactionNesting::new).dialect(Dialect.SQLITE).runnerWrapsInTransaction().assertFires("BEGIN;\nCOMMIT;").message())
                .contains("cannot start a transaction within a transaction");
        assertThat(RuleTester.of(TransactionNesting::new).dialect(Dialect.MYSQL).assertFires("START TRANSACTION;\nSTART TRANSACTION;\nCOMMIT;").message())
                .contains("silently commits the open transaction");
    }

    @Test
    void good_sequentialTransactionsAndSavepoints() {
        RuleTester.of(TransactionNesting::new).assertClean("""
                BEGIN;
                CREATE TABLE a (id int);
                SAVEPOINT s1;
                CREATE TABLE b (id int);
                RELEASE SAVEPOINT s1;
                COMMIT;
                BEGIN;
                CREATE TABLE c (id int);
                COMMIT;""");
    }
}

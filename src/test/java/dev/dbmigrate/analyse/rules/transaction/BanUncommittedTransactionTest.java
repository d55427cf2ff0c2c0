package dev.dbmigrate.analyse.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanUncommittedTransactionTest {

    @Test
    void bad_beginWithoutCommit() {
        Finding f = RuleTester.of(BanUncommittedTransaction::new).assertFires("""
                BEGIN;
                CREATE TABLE a (id int);
                COMMIT;
                BEGIN;
                CREATE TABLE b (id int);""");
        assertThat(f.line()).isEqualTo(4);
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.fix()).endsWith("COMMIT;");
    }

    @Test
    void bad_onSqlite() {
        RuleTester.of(BanUncommittedTransaction::new).dialect(Dialect.SQLITE).assertFires("BEGIN TRANSACTION;\nCREATE TABLE a (id int);");
    }

    @Test
    void good_committedRolledBackOrInsideTheRunnersTransaction() {
        RuleTester.of(BanUncommittedTransaction::new).assertClean("BEGIN;\nCREATE TABLE a (id int);\nCOMMIT;");
        RuleTester.of(BanUncommittedTransaction::new).assertClean("BEGIN;\nCREATE TABLE a (id int);\nROLLBACK;");
        RuleTester.of(BanUncommittedTransaction::new).runnerWrapsInTransaction().assertClean("BEGIN;\nCREATE TABLE a (id int);");
    }
}

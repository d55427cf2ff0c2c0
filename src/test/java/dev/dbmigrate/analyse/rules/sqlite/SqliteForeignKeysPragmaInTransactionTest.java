package dev.dbmigrate.analyse.rules.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class SqliteForeignKeysPragmaInTransactionTest {

    @Test
    void bad_afterAnExplicitBegin() {
        Finding f = RuleTester.of(SqliteForeignKeysPragmaInTransaction::new).dialect(Dialect.SQLITE)
                .assertFires("BEGIN;\nPRAGMA foreign_keys = OFF;\nCOMMIT;");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.fix()).contains("PRAGMA foreign_keys = OFF;\nBEGIN;");
    }

    @Test
    void bad_insideTheRunnersTransaction() {
        Finding f = RuleTester.of(SqliteForeignKeysPragmaInTransaction::new).dialect(Dialect.SQLITE).runnerWrapsInTransaction()
                .assertFires("PRAGMA foreign_keys=OFF;");
        assertThat(f.message()).contains("prisma");
        assertThat(f.fix()).contains("PRAGMA defer_foreign_keys = ON;");
    }

    @Test
    void good_outsideATransaction() {
        RuleTester.of(SqliteForeignKeysPragmaInTransaction::new).dialect(Dialect.SQLITE)
                .assertClean("PRAGMA foreign_keys = OFF;\nBEGIN;\nCREATE TABLE t (id INTEGER);\nCOMMIT;\nPRAGMA foreign_keys = ON;");
        RuleTester.of(SqliteForeignKeysPragmaInTransaction::new).dialect(Dialect.SQLITE)
                .assertClean("BEGIN;\nPRAGMA defer_foreign_keys = ON;\nCOMMIT;");
    }
}

package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RuleTester runs migrations that the runner does not wrap as golang-migrate ones: single-statement files here. */
class PreferRobustStmtsTest {

    final RuleTester t = RuleTester.of(PreferRobustStmts::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);");

    @Test
    void bad_eachFormGetsItsRobustVersion() {
        assertThat(t.assertFires("CREATE TABLE audit (id bigint)").fix()).isEqualTo("CREATE TABLE IF NOT EXISTS audit (id bigint);");
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN note text, ADD COLUMN tag text;").fix())
                .isEqualTo("ALTER TABLE users ADD COLUMN IF NOT EXISTS note text, ADD COLUMN IF NOT EXISTS tag text;");
        assertThat(t.assertFires("DROP INDEX CONCURRENTLY users_email_idx;").fix()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;");
        assertThat(t.assertFires("ALTER TABLE users DROP COLUMN email;").fix()).isEqualTo("ALTER TABLE users DROP COLUMN IF EXISTS email;");
        assertThat(t.assertFires("CREATE UNIQUE INDEX users_email_key ON users (email);").fix())
                .isEqualTo("CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (email);");
    }

    @Test
    void bad_concurrentIndexIsDroppedFirstInsteadOfIfNotExists() {
        Finding f = t.assertFires("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
        assertThat(f.fix()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
    }

    @Test
    void bad_addConstraintHasNoIfNotExists() {
        Finding f = t.assertFires("ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;");
        assertThat(f.message()).contains("no IF NOT EXISTS for it");
        assertThat(f.fix()).contains("DROP CONSTRAINT IF EXISTS users_email_check;");
    }

    @Test
    void good_robustAlready() {
        t.assertClean("CREATE TABLE IF NOT EXISTS audit (id bigint);");
        t.assertClean("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;");
        t.assertClean("ALTER TABLE users ADD COLUMN IF NOT EXISTS note text;");
    }

    @Test
    void good_insideATransactionTheWholeMigrationRollsBack() {
        t.runnerWrapsInTransaction().assertClean("CREATE TABLE audit (id bigint);\nALTER TABLE users ADD COLUMN note text;");
        t.assertClean("BEGIN;\nCREATE TABLE audit (id bigint);\nCOMMIT;");
    }

    @Test
    void good_golangMigrateMultiStatementFileIsOneImplicitTransaction() {
        List<Finding> f = t.findings("CREATE TABLE audit (id bigint);\nALTER TABLE users ADD COLUMN note text;");
        assertThat(f).isEmpty();
    }
}

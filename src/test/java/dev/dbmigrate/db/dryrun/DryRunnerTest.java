package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Test;

/** Statement-by-statement execution with lock observation on the embedded PostgreSQL, and on SQLite. */
class DryRunnerTest {

    static ParsedScript sql(Dialect d, String text) {
        return Parsers.parse(Script.sql(Path.of("/p/migrations/002_change.sql").toAbsolutePath(), text), d);
    }

    static DryRunner runner(Connection c, Dialect d) {
        return new DryRunner(c, d, f -> Path.of("/p").toAbsolutePath().relativize(Path.of(f)).toString());
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static boolean tableExists(Connection c, String name) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT to_regclass('" + name + "') IS NOT NULL")) {
            return rs.next() && rs.getBoolean(1);
        }
    }

    @Test
    void locksOfEachStatementAreObservedInsideTheRunnersTransactionAndNewObjectsAreLeftOut() throws Exception {
        try (var db = TestDatabases.embeddedPostgres(); Connection c = db.connect()) {
            exec(c, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
            DryRunner.ScriptRun r = runner(c, Dialect.POSTGRESQL).run(sql(Dialect.POSTGRESQL, """
                    CREATE TABLE invoices (id bigint PRIMARY KEY, account_id bigint REFERENCES accounts (id));
                    ALTER TABLE accounts ADD COLUMN plan text;
                    CREATE INDEX invoices_account_idx ON invoices (account_id);
                    CREATE INDEX accounts_email_idx ON accounts (email);
                    """), DryRunner.Wrap.SCRIPT, true);
            assertThat(r.ok()).isTrue();
            assertThat(r.statements()).hasSize(4);
            // the foreign key locks the referenced table (reads of it are not needed: ACCESS SHARE is left out); the new table blocks nobody
            assertThat(r.statements().get(0).locks()).extracting(LockTaken::describe).containsExactly("SHARE ROW EXCLUSIVE on accounts");
            assertThat(r.statements().get(0).locks().get(0).blocks()).isEqualTo("writes");
            assertThat(r.statements().get(1).locks()).extracting(LockTaken::describe).containsExactly("ACCESS EXCLUSIVE on accounts");
            assertThat(r.statements().get(1).locks().get(0).blocks()).isEqualTo("reads and writes");
            assertThat(r.statements().get(2).locks()).isEmpty();
            assertThat(r.statements().get(3).locks()).as("SHARE adds nothing to the ACCESS EXCLUSIVE the transaction holds").isEmpty();
            assertThat(r.statements().get(3).line()).isEqualTo(4);
            assertThat(r.statements().get(3).file()).isEqualTo("migrations/002_change.sql");
            assertThat(tableExists(c, "invoices")).isTrue();
        }
    }

    @Test
    void theFirstErrorStopsTheScriptAndTheRunnersTransactionIsRolledBack() throws Exception {
        try (var db = TestDatabases.embeddedPostgres(); Connection c = db.connect()) {
            exec(c, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
            exec(c, "INSERT INTO accounts VALUES (1, null)");
            DryRunner.ScriptRun r = runner(c, Dialect.POSTGRESQL).run(sql(Dialect.POSTGRESQL, """
                    CREATE TABLE audit (id bigint);

                    ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
                    ALTER TABLE accounts ADD COLUMN never text;
                    """), DryRunner.Wrap.SCRIPT, true);
            assertThat(r.ok()).isFalse();
            assertThat(r.statements()).hasSize(2);
            assertThat(r.failure().line()).isEqualTo(3);
            assertThat(r.failure().error()).contains("email").contains("null values");
            assertThat(tableExists(c, "audit")).as("rolled back with the migration").isFalse();
        }
    }

    @Test
    void withoutTheRunnersTransactionEachStatementCommitsAndConcurrentIndexesRunOutsideATransaction() throws Exception {
        try (var db = TestDatabases.embeddedPostgres(); Connection c = db.connect()) {
            exec(c, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
            ParsedScript script = sql(Dialect.POSTGRESQL, """
                    CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);
                    ALTER TABLE accounts ADD CONSTRAINT accounts_email_check CHECK (email <> '') NOT VALID;
                    """);
            DryRunner.ScriptRun r = runner(c, Dialect.POSTGRESQL).run(script, DryRunner.Wrap.STATEMENT, true);
            assertThat(r.ok()).isTrue();
            assertThat(r.statements().get(0).note()).contains("outside a transaction");
            assertThat(r.statements().get(0).locks()).isEmpty();
            assertThat(r.statements().get(1).locks()).extracting(LockTaken::describe).containsExactly("ACCESS EXCLUSIVE on accounts");
            assertThat(tableExists(c, "accounts_email_idx")).isTrue();
        }
    }

    @Test
    void aConcurrentIndexInsideTheRunnersTransactionFailsAsItWouldForReal() throws Exception {
        try (var db = TestDatabases.embeddedPostgres(); Connection c = db.connect()) {
            exec(c, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
            DryRunner.ScriptRun r = runner(c, Dialect.POSTGRESQL).run(sql(Dialect.POSTGRESQL,
                    "CREATE INDEX CONCURRENTLY accounts_email_idx ON accounts (email);"), DryRunner.Wrap.SCRIPT, true);
            assertThat(r.ok()).isFalse();
            assertThat(r.failure().error()).contains("cannot run inside a transaction block");
            assertThat(r.failure().note()).contains("runner wraps this migration in a transaction");
        }
    }

    @Test
    void aScriptWithItsOwnTransactionIsRunAsWritten() throws Exception {
        try (var db = TestDatabases.embeddedPostgres(); Connection c = db.connect()) {
            exec(c, "CREATE TABLE accounts (id bigint PRIMARY KEY, email text)");
            DryRunner.ScriptRun r = runner(c, Dialect.POSTGRESQL).run(sql(Dialect.POSTGRESQL, """
                    BEGIN;
                    ALTER TABLE accounts DROP COLUMN email;
                    ALTER TABLE accounts ADD COLUMN email text NOT NULL;
                    COMMIT;
                    """), DryRunner.Wrap.SCRIPT, true);
            assertThat(r.ok()).isTrue();
            assertThat(r.statements()).hasSize(4);
            assertThat(r.statements().get(1).locks()).extracting(LockTaken::describe).containsExactly("ACCESS EXCLUSIVE on accounts");
            assertThat(r.statements().get(2).locks()).as("already held").isEmpty();
        }
    }

    @Test
    void sqliteRunsWithItsOwnTransactionsAndReportsErrors() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqliteTemp()) {
            Connection c = db.connection();
            exec(c, "CREATE TABLE notes (id INTEGER PRIMARY KEY, title TEXT)");
            exec(c, "INSERT INTO notes (title) VALUES ('first')");
            DryRunner.ScriptRun r = runner(c, Dialect.SQLITE).run(sql(Dialect.SQLITE, """
                    ALTER TABLE notes ADD COLUMN body TEXT;
                    ALTER TABLE notes ADD COLUMN pinned INTEGER NOT NULL;
                    """), DryRunner.Wrap.SCRIPT, true);
            assertThat(r.ok()).isFalse();
            assertThat(r.failure().line()).isEqualTo(2);
            assertThat(r.failure().error()).containsIgnoringCase("NOT NULL");
            assertThat(r.statements().get(0).locks()).isEmpty();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT count(*) FROM pragma_table_info('notes') WHERE name = 'body'")) {
                assertThat(rs.next() && rs.getInt(1) == 0).as("the first ALTER is rolled back with the runner's transaction").isTrue();
            }
        }
    }
}

package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BackfillInDdlTransactionTest {

    final RuleTester t = RuleTester.of(BackfillInDdlTransaction::new)
            .history("CREATE TABLE users (id bigint PRIMARY KEY, email text, status text);");

    @Test
    void bad_updateAfterAlterInTheSameExplicitTransaction() {
        Finding f = t.assertFires("""
                BEGIN;
                ALTER TABLE users ADD COLUMN email_lower text;
                UPDATE users SET email_lower = lower(email);
                COMMIT;""");
        assertThat(f.line()).isEqualTo(3);
        assertThat(f.message()).contains("schema change on line 2", "ACCESS EXCLUSIVE", "all reads and writes on users");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on users (blocks reads and writes) held until COMMIT");
        assertThat(f.fix()).startsWith("-- COMMIT the schema change before the backfill")
                .contains("UPDATE users SET email_lower = lower(email)\nWHERE id IN (SELECT id FROM users WHERE <rows not yet done> LIMIT 10000);");
    }

    @Test
    void bad_deleteAfterCreateIndexInTheRunnersTransaction() {
        Finding f = t.runnerWrapsInTransaction().assertFires("""
                CREATE INDEX users_status_idx ON users (status);
                DELETE FROM users WHERE status = 'spam';""");
        assertThat(f.message()).contains("Prisma runs each migration in a transaction", "SHARE lock", "all writes on users");
        assertThat(f.fix()).startsWith("-- move the backfill into a migration of its own")
                .contains("DELETE FROM users WHERE id IN (SELECT id FROM users WHERE status = 'spam' LIMIT 10000);");
    }

    @Test
    void bad_whereThatCannotTellDoneRowsGetsAPlaceholder() {
        // repeating "SET visits = visits + 1 WHERE status = 'active'" until 0 rows would never end: the batch must say which rows are left
        Finding f = t.assertFires("""
                BEGIN;
                ALTER TABLE users ADD COLUMN visits int;
                UPDATE users SET visits = 0 WHERE status = 'active';
                COMMIT;""");
        assertThat(f.fix()).contains("WHERE id IN (SELECT id FROM users WHERE status = 'active' AND <rows not yet done> LIMIT 10000);");
        Finding own = t.assertFires("""
                BEGIN;
                ALTER TABLE users ADD COLUMN visits int;
                UPDATE users SET visits = 0 WHERE visits IS NULL;
                COMMIT;""");
        assertThat(own.fix()).contains("WHERE id IN (SELECT id FROM users WHERE visits IS NULL LIMIT 10000);");
    }

    @Test
    void bad_noPrimaryKeyBatchesByCtid() {
        Finding f = RuleTester.of(BackfillInDdlTransaction::new).history("CREATE TABLE events (kind text, payload jsonb);").assertFires("""
                BEGIN;
                ALTER TABLE events ADD COLUMN source text;
                UPDATE events SET source = 'web' WHERE source IS NULL;
                COMMIT;""");
        assertThat(f.fix()).contains("UPDATE events SET source = 'web'\nWHERE ctid IN (SELECT ctid FROM events WHERE source IS NULL LIMIT 10000);");
    }

    @Test
    void bad_subqueryInSetFallsBackToPlaceholders() {
        Finding f = t.assertFires("""
                BEGIN;
                ALTER TABLE users ADD COLUMN orders_count int;
                UPDATE users SET orders_count = (SELECT count(*) FROM orders o WHERE o.user_id = users.id);
                COMMIT;""");
        assertThat(f.fix()).contains("UPDATE users SET orders_count = <value>");
    }

    @Test
    void good_backfillAfterCommitOrWithoutTransaction() {
        t.assertClean("BEGIN;\nALTER TABLE users ADD COLUMN email_lower text;\nCOMMIT;\nUPDATE users SET email_lower = lower(email);");
        t.assertClean("ALTER TABLE users ADD COLUMN email_lower text;\nUPDATE users SET email_lower = lower(email);");
    }

    @Test
    void good_otherTableOrNonBlockingDdlOrNewTable() {
        t.runnerWrapsInTransaction().assertClean("""
                ALTER TABLE users VALIDATE CONSTRAINT users_email_check;
                UPDATE users SET status = 'active' WHERE status IS NULL;
                CREATE TABLE audit (id bigint, note text);
                ALTER TABLE audit ADD COLUMN at timestamptz;
                UPDATE audit SET note = 'x';""");
    }
}

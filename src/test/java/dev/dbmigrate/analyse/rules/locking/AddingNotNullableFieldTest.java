package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddingNotNullableFieldTest {

    final RuleTester t = RuleTester.of(AddingNotNullableField::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);");

    @Test
    void bad_setNotNullOnAnExistingTable() {
        Finding f = t.assertFires("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on users (blocks reads and writes)");
        assertThat(f.message()).contains("users.email", "every row");
        assertThat(f.fix()).isEqualTo("""
                ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
                -- in a separate transaction (a later migration, or after COMMIT):
                -- (VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)
                ALTER TABLE users VALIDATE CONSTRAINT users_email_not_null;
                -- PostgreSQL 12+ sees the validated constraint and skips the scan:
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                ALTER TABLE users DROP CONSTRAINT users_email_not_null;""");
    }

    @Test
    void bad_beforePg12EvenAValidatedCheckDoesNotHelp() {
        Finding f = t.pgVersion(11).history("ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL);")
                .assertFires("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        assertThat(f.message()).contains("Before PostgreSQL 12");
        assertThat(f.fix()).doesNotContain("SET NOT NULL;").contains("keep the validated CHECK constraint");
    }

    @Test
    void bad_checkStillNotValidated() {
        Finding f = t.history("ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;")
                .assertFires("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        assertThat(f.message()).contains("users_email_nn", "NOT VALID");
        assertThat(f.fix()).startsWith("-- in a separate transaction").contains("VALIDATE CONSTRAINT users_email_nn;", "DROP CONSTRAINT users_email_nn;");
    }

    @Test
    void bad_nullsInTheDataAreEvidence() {
        Finding f = t.data(DataProbeStub.answering("nullCount", 1204)).assertFires("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        assertThat(f.evidence()).isEqualTo("1204 rows have NULL in email: SET NOT NULL will fail until they are backfilled");
    }

    @Test
    void good_validatedCheckOnPg12PlusInHistoryOrEarlierInTheMigration() {
        t.history("ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK ((\"email\" IS NOT NULL));")
                .assertClean("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
        RuleTester.of(AddingNotNullableField::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);").assertClean("""
                ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
                ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;
                ALTER TABLE users ALTER COLUMN email SET NOT NULL;""");
    }

    @Test
    void good_dropNotNullOrANewTable() {
        t.assertClean("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");
        t.assertClean("CREATE TABLE tags (name text);\nALTER TABLE tags ALTER COLUMN name SET NOT NULL;");
    }
}

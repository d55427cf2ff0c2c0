package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddingFieldWithDefaultTest {

    final RuleTester t = RuleTester.of(AddingFieldWithDefault::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text, price int);");

    @Test
    void bad_volatileDefault() {
        Finding f = t.assertFires("ALTER TABLE users ADD COLUMN token uuid NOT NULL DEFAULT gen_random_uuid();");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on users (blocks reads and writes)");
        assertThat(f.message()).contains("users.token", "gen_random_uuid() is volatile", "every existing row");
        assertThat(f.fix()).isEqualTo("""
                ALTER TABLE users ADD COLUMN token uuid;
                -- new rows get the default from now on:
                ALTER TABLE users ALTER COLUMN token SET DEFAULT gen_random_uuid();
                -- in batches, each in its own transaction; repeat until it updates 0 rows:
                UPDATE users SET token = gen_random_uuid()
                WHERE id IN (SELECT id FROM users WHERE token IS NULL LIMIT 10000);
                -- then make it NOT NULL without a long lock: CHECK (token IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (see adding-not-nullable-field)""");
    }

    @Test
    void bad_otherRewritingColumns() {
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN jitter float DEFAULT random();").message()).contains("random() is volatile");
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN seen_at timestamptz DEFAULT clock_timestamp();").message()).contains("clock_timestamp()");
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN doubled int GENERATED ALWAYS AS (price * 2) STORED;").fix())
                .contains("BEFORE INSERT OR UPDATE trigger", "SET doubled = price * 2");
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;").fix())
                .contains("CREATE SEQUENCE users_seq_seq AS bigint OWNED BY users.seq;");
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN n serial;").message()).contains("nextval()");
    }

    @Test
    void bad_anyDefaultBeforePg11() {
        Finding f = t.pgVersion(10).assertFires("ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;");
        assertThat(f.message()).contains("before PostgreSQL 11", "targets 10");
        assertThat(f.fix()).contains("SET DEFAULT true;", "UPDATE users SET active = true");
    }

    @Test
    void good_constantAndStableDefaultsOnPg11Plus() {
        t.assertClean("ALTER TABLE users ADD COLUMN active boolean NOT NULL DEFAULT true;");
        t.assertClean("ALTER TABLE users ADD COLUMN created_at timestamptz NOT NULL DEFAULT now();");
        t.assertClean("ALTER TABLE users ADD COLUMN created_at2 timestamptz DEFAULT CURRENT_TIMESTAMP;");
        t.assertClean("ALTER TABLE users ADD COLUMN note text DEFAULT NULL;");
        t.assertClean("ALTER TABLE users ADD COLUMN upper_name text GENERATED ALWAYS AS (upper(name)) VIRTUAL;");
    }

    @Test
    void good_newTableOrAPrimaryKeyColumnLeftToTheOtherRule() {
        t.assertClean("CREATE TABLE t (id int);\nALTER TABLE t ADD COLUMN token uuid DEFAULT gen_random_uuid();");
        t.assertClean("ALTER TABLE users ADD COLUMN uid bigserial PRIMARY KEY;");
    }
}

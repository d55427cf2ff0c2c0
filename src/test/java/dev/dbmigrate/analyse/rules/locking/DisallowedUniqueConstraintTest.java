package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class DisallowedUniqueConstraintTest {

    final RuleTester t = RuleTester.of(DisallowedUniqueConstraint::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text, tenant_id bigint);");

    @Test
    void bad_addUniqueBuiltInPlace() {
        Finding f = t.assertFires("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (tenant_id, email);");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on users (blocks reads and writes)");
        assertThat(f.fix()).isEqualTo("""
                -- outside any transaction (a migration the runner does not wrap in one):
                CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (tenant_id, email);
                -- then attach it (a brief ACCESS EXCLUSIVE lock, no scan):
                ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;""");
    }

    @Test
    void bad_unnamedUniqueAndInlineUniqueColumn() {
        assertThat(t.assertFires("ALTER TABLE users ADD UNIQUE (email);").fix()).contains("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);");
        Finding f = t.assertFires("ALTER TABLE users ADD COLUMN handle text UNIQUE;");
        assertThat(f.fix()).startsWith("ALTER TABLE users ADD COLUMN handle text;\n").contains("UNIQUE USING INDEX users_handle_key;");
    }

    @Test
    void bad_duplicatesAreEvidence() {
        Finding f = t.data(DataProbeStub.answering("duplicateCount", 45)).assertFires("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email);");
        assertThat(f.evidence()).startsWith("45 rows share their (email)");
    }

    @Test
    void good_usingIndexOrANewTable() {
        t.assertClean("ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE USING INDEX users_email_key;");
        t.assertClean("CREATE TABLE tags (name text);\nALTER TABLE tags ADD CONSTRAINT tags_name_key UNIQUE (name);");
    }
}

package dev.dbmigrate.analyse.rules.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class ConcurrentIndexIfNotExistsTest {

    final RuleTester t = RuleTester.of(ConcurrentIndexIfNotExists::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);");

    @Test
    void bad_concurrentlyIfNotExists() {
        Finding f = t.assertFires("CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_email_key ON users (lower(email));");
        assertThat(f.message()).contains("INVALID index named users_email_key", "skips the build", "without enforced uniqueness");
        assertThat(f.fix()).isEqualTo("""
                -- drop a leftover from an earlier failed run first, then build:
                DROP INDEX CONCURRENTLY IF EXISTS users_email_key;
                CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (lower(email));
                -- check for invalid indexes: SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid;""");
    }

    @Test
    void good_withoutIfNotExistsOrWithoutConcurrently() {
        t.assertClean("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
        t.assertClean("CREATE INDEX IF NOT EXISTS users_email_idx ON users (email);");
    }
}

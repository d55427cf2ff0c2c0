package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class RequireConcurrentPartitionDetachTest {

    static final String HISTORY = """
            CREATE TABLE events (id bigint, created_at date) PARTITION BY RANGE (created_at);
            CREATE TABLE events_2023 PARTITION OF events FOR VALUES FROM ('2023-01-01') TO ('2024-01-01');""";

    @Test
    void bad_detachOnPg14Plus() {
        Finding f = RuleTester.of(RequireConcurrentPartitionDetach::new).history(HISTORY).assertFires("ALTER TABLE events DETACH PARTITION events_2023;");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on events (blocks reads and writes); ACCESS EXCLUSIVE on events_2023 (blocks reads and writes)");
        assertThat(f.fix()).contains("ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;", "FINALIZE", "DEFAULT partition");
    }

    @Test
    void bad_beforePg14TheFixSaysConcurrentlyIsMissing() {
        Finding f = RuleTester.of(RequireConcurrentPartitionDetach::new).pgVersion(13).history(HISTORY)
                .assertFires("ALTER TABLE events DETACH PARTITION events_2023;");
        assertThat(f.message()).contains("needs PostgreSQL 14+", "targets PostgreSQL 13");
        assertThat(f.fix()).doesNotContain("CONCURRENTLY;").contains("SET lock_timeout");
    }

    @Test
    void good_concurrently() {
        RuleTester.of(RequireConcurrentPartitionDetach::new).history(HISTORY).assertClean("ALTER TABLE events DETACH PARTITION events_2023 CONCURRENTLY;");
    }
}

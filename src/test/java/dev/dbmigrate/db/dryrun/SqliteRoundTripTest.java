package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.service.Progress;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated rollbacks on temporary SQLite files (foreign_keys=ON), for every migration of a dbmate
 * history: ADD COLUMN ... REFERENCES, partial and expression indexes, RENAME COLUMN / TABLE, DROP COLUMN,
 * CHECK, and the 12-step table rebuild (whose inverse renames back without dragging references).
 */
class SqliteRoundTripTest {

    static final RoundTrips ROUND_TRIPS = new RoundTrips("sqlite");

    static Stream<Arguments> migrations() {
        return RoundTrips.migrationsOf("src/test/resources/projects/rollback/sqlite-notes-dbmate");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("migrations")
    void theGeneratedRollbackRestoresTheSchema(String project, String migration) {
        ROUND_TRIPS.check(project, migration, null);
    }

    @Test
    void aWrongHandWrittenDownIsCaught() {
        DryRunResult r = RoundTrips.SERVICE.dryRun(new DryRunRequest(Path.of("src/test/resources/projects/rollback/sqlite-notes-dbmate"), "20240415093000",
                null, false, null, DryRunRequest.Rollback.DOWN), Progress.NONE);
        assertThat(r.passed()).isFalse();
        assertThat(r.database()).startsWith("SQLite 3.");
        assertThat(r.roundTrip().differences()).containsExactlyInAnyOrder("column notes.pinned is left behind",
                "constraint notes.notes_title_check is left behind", "constraint notes.notes_pinned_check is left behind");
    }

    @AfterAll
    static void report() {
        ROUND_TRIPS.print();
    }
}

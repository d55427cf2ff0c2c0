package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.service.Progress;
import dev.dbmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated rollbacks on the live MariaDB (a fresh database per migration, dropped after), for every
 * migration of a MySQL-style golang-migrate history: MODIFY / CHANGE / ALTER ... SET DEFAULT, RENAME
 * COLUMN / INDEX / TABLE, inline ENUMs, ALGORITHM=INPLACE, unique keys and indexes, CHECKs, FKs with ON
 * DELETE, DROP FOREIGN KEY and DROP TABLE.
 */
@Tag("live-db")
class MariaDbRoundTripTest {

    static final RoundTrips ROUND_TRIPS = new RoundTrips("mariadb");

    static Stream<Arguments> migrations() {
        return RoundTrips.migrationsOf("src/test/resources/projects/rollback/mariadb-inventory");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("migrations")
    void theGeneratedRollbackRestoresTheSchema(String project, String migration) {
        try (TestDatabases.ScratchDb db = TestDatabases.liveMariaDb()) {
            ROUND_TRIPS.check(project, migration, "mariadb://root@127.0.0.1:3306/" + db.name());
        }
    }

    @Test
    void aWrongHandWrittenDownIsCaughtOnTheServer() {
        String project = "src/test/resources/projects/rollback/mariadb-inventory";
        try (TestDatabases.ScratchDb db = TestDatabases.liveMariaDb()) {
            DryRunResult r = RoundTrips.SERVICE.dryRun(new DryRunRequest(Path.of(project), "3", "mariadb://root@127.0.0.1:3306/" + db.name(), true, null,
                    DryRunRequest.Rollback.DOWN), Progress.NONE);
            assertThat(r.passed()).isFalse();
            assertThat(r.database()).contains("MariaDB");
            assertThat(r.phases().get(2).statements()).extracting(StatementRun::file).containsOnly("migrations/000003_rework_products.down.sql");
            assertThat(r.roundTrip().differences()).containsExactlyInAnyOrder(
                    "column products.status differs (type enum('draft','active','retired') vs enum('draft','active','retired','archived'))",
                    "column suppliers.email differs (nullable vs NOT NULL)",
                    "column suppliers.country is not restored",
                    "column suppliers.country_code is left behind");
        }
    }

    @AfterAll
    static void report() {
        ROUND_TRIPS.print();
    }
}

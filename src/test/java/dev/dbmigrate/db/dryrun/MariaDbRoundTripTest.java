package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.testing.TestDatabases;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Tag;
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

    @AfterAll
    static void report() {
        ROUND_TRIPS.print();
    }
}

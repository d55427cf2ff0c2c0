package dev.dbmigrate.db.dryrun;

import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Generated rollbacks on the embedded PostgreSQL, for every migration of three histories: golang-migrate
 * billing (enums, identity, partial and expression indexes, NOT VALID, renames, drops with FKs), the
 * Prisma shop example (enum ADD VALUE, FKs with ON DELETE, narrowing, backfill), and a Flyway CRM in its
 * own schema (serial and identity, INCLUDE, USING INDEX, VALIDATE, renames of every kind, DROP ... CASCADE).
 */
class PostgresRoundTripTest {

    static final RoundTrips ROUND_TRIPS = new RoundTrips("postgresql");

    static Stream<Arguments> migrations() {
        return RoundTrips.migrationsOf("src/test/resources/projects/rollback/pg-billing", "examples/shop",
                "src/test/resources/projects/rollback/pg-flyway-crm");
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("migrations")
    void theGeneratedRollbackRestoresTheSchema(String project, String migration) {
        ROUND_TRIPS.check(project, migration, null);
    }

    @AfterAll
    static void report() {
        ROUND_TRIPS.print();
    }
}

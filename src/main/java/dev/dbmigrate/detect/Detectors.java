package dev.dbmigrate.detect;

import java.util.List;

/** Every detector, in the order they run on each directory (raw-sql last: it only takes what no tool claims). */
final class Detectors {

    private Detectors() {}

    static List<Detector> all() {
        return List.of(
                new PrismaDetector(),
                new DrizzleDetector(),
                new TypeormDetector(),
                new SequelizeDetector(),
                new KnexDetector(),
                new DjangoDetector(),
                new AlembicDetector(),
                new RailsDetector(),
                new GolangMigrateDetector(),
                new GooseDetector(),
                new FlywayDetector(),
                new LiquibaseDetector(),
                new DieselDetector(),
                new DbmateDetector(),
                new SqlxDetector(),
                new RawSqlDetector());
    }
}

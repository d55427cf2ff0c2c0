package dev.dbmigrate.analyse.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real Flyway migrates the Flyway fixture project (versions 1, 1.2, 1.10, 1.11, 2, a sub-folder,
 * two repeatables) into PostgreSQL; the service then reads the project with the Flyway reader and
 * the history table read-only, and every recorded checksum matches ours. Edits after that are seen
 * as Flyway would: a versioned file is modified, a repeatable one is due to run again.
 */
class FlywayProjectEndToEndTest {

    static final Path FIXTURE = Path.of("src/test/resources/projects/read/flyway").toAbsolutePath();

    @TempDir
    Path dir;

    private Path copyProject() throws IOException {
        try (Stream<Path> all = Files.walk(FIXTURE)) {
            for (Path p : all.toList()) {
                // undo migrations need Flyway Teams; community Flyway refuses them
                if (p.getFileName().toString().startsWith("U")) continue;
                Path target = dir.resolve(FIXTURE.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(target);
                else Files.copy(p, target);
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        return dir;
    }

    @Test
    void everyChecksumMatchesWhatFlywayRecorded() throws Exception {
        Path project = copyProject();
        Path migrations = project.resolve("src/main/resources/db/migration");
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            // CREATE INDEX CONCURRENTLY waits for every open transaction: Flyway must not hold its lock in one
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("filesystem:" + migrations)
                    .configuration(java.util.Map.of("flyway.postgresql.transactional.lock", "false")).load().migrate();
            DbMigrateService service = new DbMigrateService();
            HistoryResult r = service.history(project, List.of(db.jdbcUrl()), List.of());
            assertThat(r.tool().id()).isEqualTo("flyway");
            assertThat(r.migrations()).hasSize(8);
            assertThat(r.migrations()).allSatisfy(m -> {
                assertThat(m.status()).as(m.id()).isEqualTo(MigrationStatus.APPLIED);
                assertThat(m.checksum()).as(m.id()).isEqualTo(m.recordedChecksum());
            });
            assertThat(r.problems()).extracting(p -> p.kind()).doesNotContain("modified", "missing", "failed");
            assertThat(r.current()).isEqualTo("3");

            Files.writeString(migrations.resolve("V1_2__add_name.sql"), "ALTER TABLE users ADD COLUMN name VARCHAR(250);\n");
            Files.writeString(migrations.resolve("R__views.sql"), "CREATE OR REPLACE VIEW active_users AS SELECT id, email FROM users;\n");
            r = service.history(project, List.of(db.jdbcUrl()), List.of());
            assertThat(r.migrations()).filteredOn(m -> m.id().equals("1.2")).singleElement()
                    .extracting(HistoryResult.Entry::status).isEqualTo(MigrationStatus.MODIFIED);
            assertThat(r.migrations()).filteredOn(m -> m.file().getFileName().toString().equals("R__views.sql")).singleElement()
                    .satisfies(m -> {
                        assertThat(m.status()).isEqualTo(MigrationStatus.PENDING);
                        assertThat(m.note()).contains("runs it again");
                    });

            // the edited V1_2 now says varchar(250): that is what drift sees against the database
            DriftResult d = service.drift(project, db.jdbcUrl(), null, List.of());
            assertThat(d.excludedTables()).contains("flyway_schema_history");
            assertThat(d.differences()).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + "." + i.name() + ": " + i.detail())
                    .containsExactly("different column users.name: type varchar(250) vs varchar(200)");
        }
    }
}

package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.history.MigrationSource;
import dev.dbmigrate.db.catalog.CatalogReader;
import dev.dbmigrate.db.history.Checksums;
import dev.dbmigrate.db.history.TestMigrations;
import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import dev.dbmigrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole drift flow on a Prisma-style project: the history table says which migrations the
 * database applied, only those are replayed (here by running them in a scratch database, a shadow
 * database), and the hotfix made by hand shows up with its SQL.
 */
class DriftServiceTest {

    @TempDir
    Path dir;

    private List<Migration> project() {
        String[][] files = {
            {"20240101000000_init", "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, \"email\" TEXT NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n"
                    + "CREATE UNIQUE INDEX \"User_email_key\" ON \"User\"(\"email\");\n"},
            {"20240102000000_posts", "CREATE TABLE \"Post\" (\"id\" SERIAL NOT NULL, \"authorId\" INTEGER NOT NULL, \"title\" TEXT NOT NULL, CONSTRAINT \"Post_pkey\" PRIMARY KEY (\"id\"));\n"
                    + "ALTER TABLE \"Post\" ADD CONSTRAINT \"Post_authorId_fkey\" FOREIGN KEY (\"authorId\") REFERENCES \"User\"(\"id\") ON DELETE RESTRICT ON UPDATE CASCADE;\n"},
            {"20240103000000_tags", "CREATE TABLE \"Tag\" (\"id\" SERIAL NOT NULL, \"label\" TEXT NOT NULL, CONSTRAINT \"Tag_pkey\" PRIMARY KEY (\"id\"));\n"},
        };
        List<Migration> out = new ArrayList<>();
        for (String[] f : files) {
            Path p = TestMigrations.write(dir.resolve("prisma/migrations/" + f[0] + "/migration.sql"), f[1]);
            out.add(TestMigrations.of(Tool.PRISMA, f[0], f[0].substring(0, 14), p, List.of(), Map.of("checksumInput", p.toString())));
        }
        return out;
    }

    /** Replays by running the migrations' SQL in a scratch PostgreSQL and reading it back. */
    private static DriftService.Replayer shadow(List<ScratchDb> opened) {
        return (migrations, dialect, notes) -> {
            ScratchDb shadow = TestDatabases.embeddedPostgres();
            opened.add(shadow);
            try (Connection c = shadow.connect(); Statement s = c.createStatement()) {
                for (Migration m : migrations) s.execute(Files.readString(m.file()));
                return CatalogReader.read(c, Dialect.POSTGRESQL, CatalogReader.Options.DEFAULT);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
    }

    @Test
    void onlyAppliedMigrationsAreReplayedAndTheHotfixIsDrift() throws Exception {
        List<Migration> files = project();
        List<ScratchDb> opened = new ArrayList<>();
        try (ScratchDb live = TestDatabases.embeddedPostgres()) {
            try (Connection c = live.connect(); Statement s = c.createStatement()) {
                s.execute(Files.readString(files.get(0).file()));
                s.execute(Files.readString(files.get(1).file()));
                s.execute("CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) NOT NULL PRIMARY KEY, \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" TIMESTAMPTZ,"
                        + " \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ, \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),"
                        + " \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0)");
                for (int i = 0; i < 2; i++) {
                    s.execute("INSERT INTO _prisma_migrations VALUES ('" + i + "', '" + Checksums.sha256Hex(Files.readAllBytes(files.get(i).file()))
                            + "', now(), '" + files.get(i).id() + "', NULL, NULL, now(), 1)");
                }
                // the hotfix someone ran on production
                s.execute("CREATE INDEX \"Post_title_idx\" ON \"Post\" (\"title\")");
                s.execute("ALTER TABLE \"User\" ADD COLUMN \"nickname\" TEXT");
            }
            MigrationSource source = path -> new MigrationSource.Project(dir, Tool.PRISMA, Dialect.POSTGRESQL,
                    new ReadResult(files, List.of()), Map.of("prod", ProjectConfig.Environment.of("prod", live.jdbcUrl())), List.of());
            DriftResult r = new DriftService(source, shadow(opened)).drift(dir, null, "prod", List.of());

            assertThat(r.replayed()).isEqualTo(2);
            assertThat(r.notReplayed()).containsExactly("20240103000000_tags");
            assertThat(r.excludedTables()).containsExactly("_prisma_migrations");
            assertThat(r.drift()).isTrue();
            assertThat(r.differences()).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + "." + i.name())
                    .containsExactlyInAnyOrder("extra column User.nickname", "extra index Post.Post_title_idx");
            assertThat(r.sql()).contains("DROP INDEX CONCURRENTLY \"Post_title_idx\";").contains("ALTER TABLE \"User\" DROP COLUMN nickname;");
            String text = TextRenderer.render(r);
            assertThat(text).contains("db-migrate | Schema drift")
                    .contains("the 2 applied migration(s), replayed")
                    .contains("1 not applied there, left out")
                    .contains("EXTRA     column     User.nickname")
                    .contains("[fix loses data]");
            assertThat(Json.toMap(r)).containsEntry("drift", true);
        } finally {
            opened.forEach(ScratchDb::close);
        }
    }

    @Test
    void noDriftAndBadRequests() throws Exception {
        List<Migration> files = project();
        List<ScratchDb> opened = new ArrayList<>();
        try (ScratchDb live = TestDatabases.embeddedPostgres()) {
            try (Connection c = live.connect(); Statement s = c.createStatement()) {
                for (Migration m : files) s.execute(Files.readString(m.file()));
            }
            // raw SQL has no history table: every migration is replayed
            MigrationSource raw = path -> new MigrationSource.Project(dir, Tool.RAW_SQL, Dialect.POSTGRESQL, new ReadResult(files, List.of()), Map.of(), List.of());
            DriftService service = new DriftService(raw, shadow(opened));
            DriftResult r = service.drift(dir, live.jdbcUrl(), null, List.of());
            assertThat(r.drift()).isFalse();
            assertThat(r.sql()).isEmpty();
            assertThat(r.replayed()).isEqualTo(3);
            assertThat(TextRenderer.render(r)).contains("No drift");

            assertThatThrownBy(() -> service.drift(dir, null, null, List.of())).isInstanceOf(InputException.class).hasMessageContaining("one database");
            assertThatThrownBy(() -> service.drift(dir, "postgresql://app:S3cret@127.0.0.1:1/app", null, List.of()))
                    .isInstanceOf(InputException.class).hasMessageContaining("cannot connect").hasMessageNotContaining("S3cret");
            Schema none = new Schema(Dialect.POSTGRESQL);
            assertThat(DriftAnalyzer.compare(none, none)).isEmpty();
        } finally {
            opened.forEach(ScratchDb::close);
        }
    }

    @Test
    void excludedTablesOfEachToolIncludeTheirLocks() {
        assertThat(dev.dbmigrate.db.history.HistoryTables.forTool(Tool.KNEX).orElseThrow().ownTables())
                .containsExactly("knex_migrations", "knex_migrations_lock");
        assertThat(dev.dbmigrate.db.history.HistoryTables.forTool(Tool.LIQUIBASE).orElseThrow().ownTables())
                .containsExactly("databasechangelog", "databasechangeloglock");
        assertThat(Set.copyOf(dev.dbmigrate.db.history.HistoryTables.forTool(Tool.RAILS).orElseThrow().ownTables()))
                .containsExactlyInAnyOrder("schema_migrations", "ar_internal_metadata");
    }
}

package dev.dbmigrate.analyse.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.history.Checksums;
import dev.dbmigrate.db.history.TestMigrations;
import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import dev.dbmigrate.testing.TestDatabases;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History across environments: two real databases at different points, one unreachable, and the renderings. */
class HistoryServiceTest {

    @TempDir
    Path dir;

    private static final ReadOnlySession.Timeouts FAST = new ReadOnlySession.Timeouts(Duration.ofSeconds(2), Duration.ofSeconds(5), Duration.ofSeconds(1));

    private List<Migration> prismaProject() {
        Path m = dir.resolve("prisma/migrations");
        List<Migration> out = new ArrayList<>();
        String[][] files = {
            {"20240101000000_init", "CREATE TABLE \"User\" (\"id\" SERIAL NOT NULL, CONSTRAINT \"User_pkey\" PRIMARY KEY (\"id\"));\n"},
            {"20240102000000_users", "ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;\n"},
            {"20240103000000_prefs", "CREATE TABLE \"Pref\" (\"id\" SERIAL NOT NULL);\n"},
            {"20240104000000_avatar", "ALTER TABLE \"User\" ADD COLUMN \"avatar\" TEXT;\n"},
        };
        for (String[] f : files) {
            Path p = TestMigrations.write(m.resolve(f[0] + "/migration.sql"), f[1]);
            out.add(TestMigrations.of(Tool.PRISMA, f[0], f[0].substring(0, 14), p, List.of(), Map.of("checksumInput", p.toString())));
        }
        return out;
    }

    private static void applied(ScratchDb db, List<Migration> files, int count) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) NOT NULL, \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" TIMESTAMPTZ,"
                    + " \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ, \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),"
                    + " \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0, CONSTRAINT \"_prisma_migrations_pkey\" PRIMARY KEY (\"id\"))");
            for (int i = 0; i < count; i++) {
                Migration m = files.get(i);
                s.execute("INSERT INTO _prisma_migrations VALUES ('id-" + i + "', '" + Checksums.sha256Hex(Files.readAllBytes(m.file()))
                        + "', '2024-01-0" + (i + 1) + " 12:00:00+00', '" + m.id() + "', NULL, NULL, '2024-01-0" + (i + 1) + " 11:59:59+00', 1)");
            }
        }
    }

    @Test
    void environmentsSideBySideWithAnUnreachableOne() throws Exception {
        List<Migration> files = prismaProject();
        try (ScratchDb dev = TestDatabases.embeddedPostgres(); ScratchDb staging = TestDatabases.embeddedPostgres()) {
            applied(dev, files, 4);
            applied(staging, files, 3);
            Map<String, ProjectConfig.Environment> envs = new LinkedHashMap<>();
            envs.put("dev", ProjectConfig.Environment.of("dev", dev.jdbcUrl()));
            envs.put("staging", ProjectConfig.Environment.of("staging", staging.jdbcUrl()));
            envs.put("prod", ProjectConfig.Environment.of("prod", "postgresql://deploy:Pr0dPassw0rd@127.0.0.1:1/app"));
            MigrationSource source = path -> new MigrationSource.Project(dir, Tool.PRISMA, Dialect.POSTGRESQL,
                    new ReadResult(files, List.of()), envs, List.of());
            HistoryResult r = new HistoryService(source, FAST).history(dir, List.of(), List.of("all"));

            assertThat(r.environments()).extracting(HistoryResult.Environment::name).containsExactly("dev", "staging", "prod");
            assertThat(r.environments()).extracting(HistoryResult.Environment::reachable).containsExactly(true, true, false);
            assertThat(r.environments().get(2).error()).startsWith("cannot connect to postgresql://deploy:***@127.0.0.1:1/app");
            assertThat(r.environments().get(1).counts()).containsEntry("applied", 3).containsEntry("pending", 1);
            assertThat(r.migrations()).hasSize(4);
            assertThat(r.migrations().get(3).states()).extracting(HistoryResult.State::status)
                    .containsExactly(MigrationStatus.APPLIED, MigrationStatus.PENDING, null);
            assertThat(r.current()).isEqualTo("20240104000000_avatar");
            assertThat(r.lastAppliedAt()).isEqualTo("2024-01-04T12:00:00Z");

            String text = TextRenderer.render(r);
            assertThat(text).contains("db-migrate | Migration history")
                    .contains("[prod] postgresql://deploy:***@127.0.0.1:1/app")
                    .contains("NOT READ: cannot connect")
                    .contains("staging is 1 migration(s) behind")
                    .containsPattern("20240104000000_avatar\\s+applied\\s+pending\\s+\\?")
                    .doesNotContain("Pr0dPassw0rd");
            assertThat(Json.pretty(r)).doesNotContain("Pr0dPassw0rd");
        }
    }

    @Test
    void singleDatabaseGroupedLikeAStatusReport() throws Exception {
        List<Migration> files = prismaProject();
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            applied(db, files, 2);
            MigrationSource source = path -> new MigrationSource.Project(dir, Tool.PRISMA, Dialect.POSTGRESQL,
                    new ReadResult(files, List.of(new ReadResult.Problem("duplicate-version", "two migrations share 20240103000000", List.of("x")))),
                    Map.of(), List.of("dialect not configured: assuming postgresql"));
            HistoryResult r = new HistoryService(source, FAST).history(dir, List.of("local=" + db.jdbcUrl()), List.of());
            assertThat(r.environments()).singleElement().extracting(HistoryResult.Environment::name).isEqualTo("local");
            assertThat(r.migrations()).extracting(HistoryResult.Entry::status)
                    .containsExactly(MigrationStatus.APPLIED, MigrationStatus.APPLIED, MigrationStatus.PENDING, MigrationStatus.PENDING);
            assertThat(r.migrations().get(0).checksum()).isEqualTo(Checksums.sha256Hex(Files.readAllBytes(files.get(0).file())));
            String text = TextRenderer.render(r);
            assertThat(text).contains("Applied (2):").contains("Pending (2):")
                    .contains("last applied 2024-01-02 12:00:00 UTC")
                    .contains("[duplicate-version] two migrations share")
                    .contains("Note:     dialect not configured");
        }
    }

    @Test
    void withoutDatabaseTheFilesAreListed() {
        List<Migration> files = prismaProject();
        MigrationSource source = path -> new MigrationSource.Project(dir, Tool.PRISMA, Dialect.POSTGRESQL, new ReadResult(files, List.of()), Map.of(), List.of());
        HistoryResult r = new HistoryService(source, FAST).history(dir, List.of(), List.of());
        assertThat(r.environments()).isEmpty();
        assertThat(r.migrations()).extracting(HistoryResult.Entry::status).containsOnlyNulls();
        assertThat(r.message()).contains("give a database URL");
        assertThat(TextRenderer.render(r)).contains("Migrations (4, in apply order):")
                .contains("prisma/migrations/20240101000000_init/migration.sql");
    }

    @Test
    void badInputIsAnInputError() {
        Map<String, ProjectConfig.Environment> envs = new LinkedHashMap<>();
        envs.put("dev", ProjectConfig.Environment.of("dev", "postgresql://localhost/dev"));
        envs.put("ci", ProjectConfig.Environment.of("ci", ""));
        envs.put("staging", new ProjectConfig.Environment("staging", "${DB_MIGRATE_TEST_UNSET_VARIABLE}", dir.resolve(".db-migrate.yml")));
        MigrationSource source = path -> new MigrationSource.Project(dir, Tool.PRISMA, Dialect.POSTGRESQL,
                new ReadResult(List.of(), List.of()), envs, List.of());
        HistoryService s = new HistoryService(source, FAST);
        assertThatThrownBy(() -> s.history(dir, List.of(), List.of("qa")))
                .isInstanceOf(InputException.class).hasMessageContaining("no environment 'qa'").hasMessageContaining("dev, ci, staging");
        assertThatThrownBy(() -> s.history(dir, List.of("mongodb://x/y"), List.of()))
                .isInstanceOf(InputException.class).hasMessageContaining("unsupported database URL scheme");
        // an environment with an empty url is an error of that environment only
        HistoryResult r = s.history(dir, List.of(), List.of("ci"));
        assertThat(r.environments()).singleElement().satisfies(e -> {
            assertThat(e.reachable()).isFalse();
            assertThat(e.error()).contains("empty url");
        });
        // an unset ${VAR} is an error of that environment only, naming the file, the key and the variable
        HistoryResult unset = s.history(dir, List.of(), List.of("staging"));
        assertThat(unset.environments()).singleElement().extracting(HistoryResult.Environment::error).isEqualTo(dir.resolve(".db-migrate.yml")
                + ": environments.staging.url uses ${DB_MIGRATE_TEST_UNSET_VARIABLE}, which is not set");
    }

    @Test
    void toolsWithoutHistoryTableSaySo() {
        Migration one = TestMigrations.of(Tool.RAW_SQL, "001_init.sql", "001", TestMigrations.write(dir.resolve("sql/001_init.sql"), "SELECT 1;"));
        MigrationSource source = path -> new MigrationSource.Project(dir, Tool.RAW_SQL, null, new ReadResult(List.of(one), List.of()), Map.of(), List.of());
        HistoryResult r = new HistoryService(source, FAST).history(dir, List.of("sqlite:" + dir.resolve("x.db")), List.of());
        assertThat(r.message()).contains("raw-sql keeps no history table");
        assertThat(r.environments()).singleElement().extracting(HistoryResult.Environment::error).asString().contains("no history table");
    }
}

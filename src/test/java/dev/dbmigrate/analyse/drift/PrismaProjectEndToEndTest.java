package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.cli.Cli;
import dev.dbmigrate.db.history.Checksums;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The real pipeline on the Prisma fixture project (detect -> Prisma reader -> history table ->
 * SQL parser -> schema replay -> live catalog): production applied two migrations, one of them
 * edited afterwards, and someone ran hotfix.sql by hand.
 */
class PrismaProjectEndToEndTest {

    static final Path PROJECT = Path.of("src/test/resources/projects/read/prisma").toAbsolutePath();
    static final Path MIGRATIONS = PROJECT.resolve("prisma/migrations");

    private static void production(ScratchDb db) throws Exception {
        Path init = MIGRATIONS.resolve("20240101120000_init/migration.sql");
        Path orders = MIGRATIONS.resolve("20240115093000_add_orders/migration.sql");
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(Files.readString(init));
            s.execute(Files.readString(orders));
            s.execute(Files.readString(MIGRATIONS.resolve("hotfix.sql")));
            s.execute("CREATE TABLE \"_prisma_migrations\" (\"id\" VARCHAR(36) NOT NULL, \"checksum\" VARCHAR(64) NOT NULL, \"finished_at\" TIMESTAMPTZ,"
                    + " \"migration_name\" VARCHAR(255) NOT NULL, \"logs\" TEXT, \"rolled_back_at\" TIMESTAMPTZ, \"started_at\" TIMESTAMPTZ NOT NULL DEFAULT now(),"
                    + " \"applied_steps_count\" INTEGER NOT NULL DEFAULT 0, CONSTRAINT \"_prisma_migrations_pkey\" PRIMARY KEY (\"id\"))");
            s.execute("INSERT INTO _prisma_migrations VALUES ('a1', '" + Checksums.sha256Hex(Files.readAllBytes(init))
                    + "', '2024-01-01 12:00:05+00', '20240101120000_init', NULL, NULL, '2024-01-01 12:00:00+00', 1)");
            // recorded before someone edited the file in the repository
            s.execute("INSERT INTO _prisma_migrations VALUES ('a2', '" + Checksums.sha256Hex("-- an older version\n".getBytes())
                    + "', '2024-01-15 09:30:05+00', '20240115093000_add_orders', NULL, NULL, '2024-01-15 09:30:00+00', 1)");
        }
    }

    @Test
    void historyAndDriftThroughTheService() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            production(db);
            DbMigrateService service = new DbMigrateService();
            HistoryResult h = service.history(PROJECT, List.of("prod=" + db.jdbcUrl()), List.of());
            assertThat(h.tool().id()).isEqualTo("prisma");
            assertThat(h.migrations()).extracting(HistoryResult.Entry::id, HistoryResult.Entry::status).containsExactly(
                    org.assertj.core.groups.Tuple.tuple("20240101120000_init", MigrationStatus.APPLIED),
                    org.assertj.core.groups.Tuple.tuple("20240115093000_add_orders", MigrationStatus.MODIFIED),
                    org.assertj.core.groups.Tuple.tuple("20240201100000_user_role", MigrationStatus.PENDING));
            assertThat(h.current()).isEqualTo("20240115093000_add_orders");
            assertThat(h.problems()).extracting(p -> p.kind()).contains("modified");

            DriftResult d = service.drift(PROJECT, db.jdbcUrl(), null, List.of());
            assertThat(d.replayed()).isEqualTo(2);
            assertThat(d.notReplayed()).containsExactly("20240201100000_user_role");
            assertThat(d.differences()).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + "." + i.name())
                    .containsExactly("extra column User.phone");
            assertThat(d.sql()).isEqualTo("-- DESTRUCTIVE: loses data; review before running\nALTER TABLE \"User\" DROP COLUMN phone;\n");
        }
    }

    @Test
    void cliExitCodes() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            production(db);
            StringWriter out = new StringWriter();
            StringWriter err = new StringWriter();
            int code = Cli.run(new PrintWriter(out), new PrintWriter(err), "history", PROJECT.toString(), "--database-url", db.jdbcUrl());
            assertThat(code).as(err.toString()).isEqualTo(Cli.PROBLEMS);
            assertThat(out.toString()).contains("Modified (1):").contains("Pending (1):");

            out = new StringWriter();
            code = Cli.run(new PrintWriter(out), new PrintWriter(err), "drift", PROJECT.toString(), "--database-url", db.jdbcUrl(), "--format", "sql");
            assertThat(code).isEqualTo(Cli.PROBLEMS);
            assertThat(out.toString()).contains("DROP COLUMN phone");

            err = new StringWriter();
            code = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "drift", PROJECT.toString());
            assertThat(code).isEqualTo(Cli.USAGE);
            assertThat(err.toString()).contains("give either --database-url or --env");

            err = new StringWriter();
            code = Cli.run(new PrintWriter(new StringWriter()), new PrintWriter(err), "history", PROJECT.toString(), "--database-url", "postgresql://u:Hunter2x@127.0.0.1:1/x");
            assertThat(code).isEqualTo(Cli.PROBLEMS);
            assertThat(err.toString()).doesNotContain("Hunter2x");
        }
    }
}

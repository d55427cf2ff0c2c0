package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.db.EmbeddedPostgresHolder;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import dev.dbmigrate.service.WriteGuard;
import dev.dbmigrate.testing.TestDatabases;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** dry_run_migration on the embedded PostgreSQL: phases, locks, errors with file:line, hand-written downs, refusals. */
class DryRunServiceTest {

    static final Path BILLING = Path.of("src/test/resources/projects/rollback/pg-billing");
    static final Path FAILING = Path.of("src/test/resources/projects/rollback/pg-failing");
    final DbMigrateService service = new DbMigrateService();

    DryRunResult run(Path project, String migration, DryRunRequest.Rollback rollback) {
        return service.dryRun(new DryRunRequest(project, migration, null, false, null, rollback), Progress.NONE);
    }

    static List<String> locks(DryRunResult.Phase phase, int statement) {
        return phase.statements().get(statement).locks().stream().map(LockTaken::describe).toList();
    }

    @Test
    void theLocksOfEveryStatementAreReportedAndTheToolsOwnDownIsProvenOnTheDatabase() {
        DryRunResult r = run(BILLING, "4", DryRunRequest.Rollback.PLAN);
        assertThat(r.passed()).as(r.verdict()).isTrue();
        assertThat(r.rollbackSource()).isEqualTo("down");
        assertThat(r.database()).startsWith("embedded PostgreSQL 15");
        DryRunResult.Phase migration = r.phases().get(1);
        assertThat(migration.name()).isEqualTo("migration");
        assertThat(migration.statements()).hasSize(7);
        assertThat(migration.statements().get(0).file()).isEqualTo("migrations/000004_invoice_constraints.up.sql");
        assertThat(locks(migration, 0)).containsExactly("ACCESS EXCLUSIVE on invoices");
        // golang-migrate sends the file as one query: PostgreSQL runs its 7 statements as one implicit transaction,
        // so each statement's locks accumulate (CREATE INDEX's SHARE is covered by the ACCESS EXCLUSIVE held since line 1)
        assertThat(migration.statements().get(5).sql()).startsWith("CREATE INDEX invoices_account_paid_idx");
        assertThat(r.phases().get(2).statements()).extracting(StatementRun::file).containsOnly("migrations/000004_invoice_constraints.down.sql");
        assertThat(r.phases().get(0).migrations()).isEqualTo(3);
    }

    @Test
    void aWrongHandWrittenDownIsCaughtOnTheDatabase() {
        DryRunResult r = run(BILLING, "3", DryRunRequest.Rollback.DOWN);
        assertThat(r.passed()).isFalse();
        assertThat(r.rollbackSource()).isEqualTo("down");
        assertThat(r.phases()).extracting(DryRunResult.Phase::status).containsExactly("ok", "ok", "ok");
        assertThat(r.roundTrip().checked()).isTrue();
        assertThat(r.roundTrip().differences()).contains("column accounts.seats is left behind")
                .anyMatch(d -> d.contains("accounts.email") && d.contains("varchar(200) vs text"))
                .anyMatch(d -> d.contains("enum account_status"));
        assertThat(r.verdict()).startsWith("FAIL: the down rollback of 3 does not restore the schema");
    }

    @Test
    void byDefaultAWrongDownIsReplacedByTheGeneratedInverseWhichRestores() {
        DryRunResult r = run(BILLING, "3", DryRunRequest.Rollback.PLAN);
        assertThat(r.passed()).as(r.verdict()).isTrue();
        assertThat(r.rollbackSource()).isEqualTo("generated");
        assertThat(r.notes()).anyMatch(n -> n.contains("000003_rework_accounts.down.sql does not restore the schema"))
                .contains("the columns of accounts come back in another order (id, email, status, created_at, legacy_code; was id, email, status, "
                        + "legacy_code, created_at): re-added columns go last, which SELECT * and positional COPY / INSERT see");
        assertThat(r.irreversible()).anyMatch(i -> i.contains("ADD VALUE 'suspended'"));
        assertThat(r.phases().get(2).statements()).anyMatch(s -> s.sql().startsWith("ALTER TYPE account_status RENAME TO account_status_old"));
    }

    @Test
    void aFailingStatementIsReportedWithItsFileAndLine() {
        DryRunResult r = run(FAILING, "002", DryRunRequest.Rollback.PLAN);
        assertThat(r.passed()).isFalse();
        assertThat(r.phases()).extracting(DryRunResult.Phase::status).containsExactly("ok", "failed", "skipped");
        assertThat(r.firstError().phase()).isEqualTo("migration");
        assertThat(r.firstError().file()).isEqualTo("migrations/002_require_email.sql");
        assertThat(r.firstError().line()).isEqualTo(2);
        assertThat(r.firstError().message()).contains("email").contains("null values");
        assertThat(r.roundTrip().checked()).isFalse();
        assertThat(r.verdict()).isEqualTo("FAIL: 002_require_email fails at migrations/002_require_email.sql:2: " + r.firstError().message());
    }

    @Test
    void aFailureInTheHistoryStopsBeforeTheMigration() {
        List<String> progress = new ArrayList<>();
        DryRunResult r = service.dryRun(new DryRunRequest(FAILING, "003", null, false, null, null),
                (done, total, message) -> progress.add(done + "/" + total + " " + message));
        assertThat(r.phases()).extracting(DryRunResult.Phase::status).containsExactly("failed", "skipped", "skipped");
        assertThat(r.firstError().phase()).isEqualTo("history");
        assertThat(r.firstError().migration()).isEqualTo("002_require_email");
        assertThat(r.verdict()).startsWith("FAIL: the history fails before 003_plans: 002_require_email at migrations/002_require_email.sql:2");
        assertThat(progress).containsExactly("1/4 applied 001_accounts", "2/4 applied 002_require_email");
    }

    @Test
    void progressIsReportedPerMigration() {
        List<String> progress = new ArrayList<>();
        DryRunResult r = service.dryRun(new DryRunRequest(BILLING, null, null, false, null, null),
                (done, total, message) -> progress.add(done + "/" + total + " " + message));
        assertThat(r.migration()).isEqualTo("5");
        assertThat(progress).containsExactly("1/6 applied 1", "2/6 applied 2", "3/6 applied 3", "4/6 applied 4", "5/6 applied 5", "6/6 rolled back 5");
    }

    @Test
    void aUrlWithoutTheScratchFlagIsRefusedWithoutShowingItsPassword() {
        assertThatThrownBy(() -> service.dryRun(new DryRunRequest(BILLING, null, "postgresql://app:s3cret@db.example.com:5432/prod", false, null, null),
                Progress.NONE))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("refusing to run a dry run on postgresql://app:***@db.example.com:5432/prod")
                .hasMessageContaining("scratch: true")
                .hasMessageNotContaining("s3cret");
    }

    @Test
    void readOnlyModeRefusesTheDryRun() {
        DbMigrateService readOnly = new DbMigrateService(WriteGuard.READ_ONLY);
        assertThatThrownBy(() -> readOnly.dryRun(new DryRunRequest(BILLING, null, null, false, null, null), Progress.NONE))
                .isInstanceOf(InputException.class).hasMessageContaining("read-only");
    }

    @Test
    void aNamedScratchDatabaseIsUsedWhenEmptyAndRefusedWhenNot() throws Exception {
        try (TestDatabases.ScratchDb db = TestDatabases.embeddedPostgres()) {
            String url = "postgresql://postgres@localhost:" + EmbeddedPostgresHolder.get().getPort() + "/" + db.name();
            DryRunResult r = service.dryRun(new DryRunRequest(BILLING, "2", url, true, null, null), Progress.NONE);
            assertThat(r.passed()).as(r.verdict()).isTrue();
            assertThat(r.database()).startsWith(url + " (scratch, PostgreSQL 15");
            // the history and the migration's rollback are left behind: the database is no longer empty
            assertThatThrownBy(() -> service.dryRun(new DryRunRequest(BILLING, "2", url, true, null, null), Progress.NONE))
                    .isInstanceOf(InputException.class).hasMessageContaining("is not empty (it holds public.accounts");
            try (Connection c = db.connect()) {
                assertThat(c.getMetaData().getTables(null, "public", "invoices", null).next()).as("rolled back").isFalse();
            }
        }
    }

    @Test
    void mysqlProjectsNeedAScratchDatabase() {
        assertThatThrownBy(() -> run(Path.of("src/test/resources/projects/rollback/mariadb-inventory"), null, null))
                .isInstanceOf(InputException.class).hasMessageContaining("needs a scratch mariadb database");
    }

    @Test
    void ormMigrationsSayHowToGetTheirSql() {
        assertThatThrownBy(() -> run(Path.of("src/test/resources/projects/detect/alembic-mysql"), null, null))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("a dry run executes SQL")
                .hasMessageContaining("is Python code")
                .hasMessageContaining("the up of 3f1c2a9b7d10 (alembic/versions/20240110_3f1c2a9b7d10_create_products.py)")
                .hasMessageContaining("alembic upgrade 8e4d0c1b2a33 --sql");
    }

    @Test
    void forcingTheDownOfAMigrationWithoutOneIsAClearError() {
        assertThatThrownBy(() -> run(BILLING, "5", DryRunRequest.Rollback.DOWN))
                .isInstanceOf(InputException.class).hasMessageContaining("5 has no hand-written down migration");
    }

    @Test
    void prismaSendsAFileAsOneQuerySoALoneConcurrentIndexRunsOutsideATransaction(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        Path m = java.nio.file.Files.createDirectories(dir.resolve("prisma/migrations"));
        java.nio.file.Files.writeString(dir.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
        java.nio.file.Files.writeString(m.resolve("migration_lock.toml"), "provider = \"postgresql\"\n");
        java.nio.file.Files.createDirectories(m.resolve("20240101000000_init"));
        java.nio.file.Files.writeString(m.resolve("20240101000000_init/migration.sql"), "CREATE TABLE \"orders\" (\"id\" BIGSERIAL PRIMARY KEY, \"created_at\" TIMESTAMP(3));\n");
        java.nio.file.Files.createDirectories(m.resolve("20240102000000_idx"));
        java.nio.file.Files.writeString(m.resolve("20240102000000_idx/migration.sql"), "CREATE INDEX CONCURRENTLY \"orders_created_at_idx\" ON \"orders\"(\"created_at\");\n");
        assertThat(run(dir, null, null).passed()).as("one statement: no transaction, as Prisma runs it").isTrue();

        java.nio.file.Files.createDirectories(m.resolve("20240103000000_two"));
        java.nio.file.Files.writeString(m.resolve("20240103000000_two/migration.sql"),
                "ALTER TABLE \"orders\" ADD COLUMN \"note\" TEXT;\nCREATE INDEX CONCURRENTLY \"orders_note_idx\" ON \"orders\"(\"note\");\n");
        DryRunResult two = run(dir, null, null);
        assertThat(two.passed()).as("two statements: one implicit transaction, where CONCURRENTLY fails").isFalse();
        assertThat(two.firstError().message()).contains("CONCURRENTLY").contains("transaction block");
    }
}

package dev.dbmigrate.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** plan_rollback on a realistic golang-migrate history with hand-written downs, one of them wrong. */
class RollbackServiceTest {

    static final Path BILLING = Path.of("src/test/resources/projects/rollback/pg-billing").toAbsolutePath();
    final DbMigrateService service = new DbMigrateService();

    RollbackResult plan(String migration, String target) {
        return service.planRollback(new RollbackRequest(BILLING, migration, target, null));
    }

    @Test
    void latestMigrationWithoutADownIsGeneratedFromTheSchemaBeforeIt() {
        RollbackResult r = plan(null, null);
        assertThat(r.migrations()).containsExactly("5");
        assertThat(r.sql()).startsWith("BEGIN;")
                .contains("CREATE TABLE bills (", "CONSTRAINT invoices_pkey PRIMARY KEY (id)",
                        "REFERENCES accounts (id) ON DELETE CASCADE",
                        "ADD CONSTRAINT invoices_amount_positive CHECK (amount > 0) NOT VALID",
                        "CREATE INDEX invoices_account_paid_idx ON bills (account_id, paid_at);",
                        "COMMENT ON COLUMN bills.note IS 'free text from support';");
        assertThat(r.irreversible()).singleElement().satisfies(i -> {
            assertThat(i.line()).isEqualTo(1);
            assertThat(i.reason()).contains("UPDATE on accounts");
        });
        assertThat(r.pointOfNoReturn()).contains("000005_drop_bills.up.sql:1");
        assertThat(r.nativeCommand()).isEqualTo("migrate -path migrations -database \"$DATABASE_URL\" down 1");
        assertThat(r.backup()).contains("pg_dump").contains("--table=accounts").contains("--table=bills");
    }

    @Test
    void aHandWrittenDownThatRestoresIsUsedAsIs() {
        RollbackResult r = plan("4", null);
        assertThat(r.downChecks()).singleElement().satisfies(c -> assertThat(c.restores()).isTrue());
        assertThat(r.steps()).singleElement().satisfies(s -> assertThat(s.source()).isEqualTo("down"));
        assertThat(r.sql()).startsWith("BEGIN;").contains("ALTER TABLE bills RENAME TO invoices;", "DROP INDEX invoices_account_paid_idx;");
    }

    @Test
    void aHandWrittenDownThatDoesNotRestoreIsReportedAndReplacedByTheGeneratedInverse() {
        RollbackResult r = plan("3", null);
        RollbackResult.DownCheck check = r.downChecks().get(0);
        assertThat(check.restores()).isFalse();
        assertThat(check.problems()).contains("column accounts.seats is left behind")
                .anyMatch(p -> p.contains("accounts.email") && p.contains("varchar(200) vs text"));
        assertThat(r.steps()).allMatch(s -> s.source().equals("generated"));
        assertThat(r.sql()).contains("ALTER TABLE accounts DROP COLUMN seats;",
                "ALTER TABLE accounts ALTER COLUMN email_address TYPE varchar(200) USING email_address::varchar(200);",
                "ALTER TABLE accounts RENAME COLUMN email_address TO email;",
                "ALTER TABLE accounts ADD COLUMN legacy_code char(8);");
        // order: last statement of the up is undone first
        assertThat(r.sql().indexOf("DROP COLUMN seats")).isLessThan(r.sql().indexOf("RENAME COLUMN email_address TO email"));
        assertThat(r.irreversible()).anyMatch(i -> i.reason().contains("ADD VALUE 'suspended' cannot be undone"));
        assertThat(r.notes()).anyMatch(n -> n.contains("2 later migration(s)"));
    }

    @Test
    void targetRollsBackEverythingAfterItNewestFirst() {
        RollbackResult r = plan(null, "2");
        assertThat(r.migrations()).containsExactly("5", "4", "3");
        assertThat(r.sql().indexOf("-- undo 5")).isLessThan(r.sql().indexOf("-- undo 4"));
        assertThat(r.sql().indexOf("-- undo 4")).isLessThan(r.sql().indexOf("-- undo 3"));
        assertThat(r.nativeCommand()).endsWith("down 3");
    }

    @Test
    void unknownOrAmbiguousMigrationsAreClearErrors() {
        assertThatThrownBy(() -> plan("99", null)).isInstanceOf(InputException.class).hasMessageContaining("matches no migration");
        assertThatThrownBy(() -> plan(null, "5")).isInstanceOf(InputException.class).hasMessageContaining("latest migration");
        assertThatThrownBy(() -> plan("1", "2")).isInstanceOf(InputException.class).hasMessageContaining("not both");
    }
}

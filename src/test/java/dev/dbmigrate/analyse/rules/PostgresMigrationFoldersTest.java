package dev.dbmigrate.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Realistic PostgreSQL migration folders run through the whole validate pipeline (config -> reader
 * -> parser -> schema replay -> rules), for the rules that depend on history, on the runner's
 * transaction and on earlier statements of the same file. Only the PostgreSQL locking, transaction,
 * style and "ours" rules are asserted here; other rules may add findings of their own.
 */
class PostgresMigrationFoldersTest {

    static final Path ROOT = Path.of("src/test/resources/projects/rules");

    static final Set<String> RULES = Set.of(
            "require-concurrent-index-deletion", "require-concurrent-reindex", "require-concurrent-partition-detach",
            "adding-foreign-key-constraint", "constraint-missing-not-valid", "adding-not-nullable-field", "disallowed-unique-constraint",
            "adding-serial-primary-key-field", "changing-column-type", "adding-field-with-default", "require-lock-timeout",
            "ban-concurrent-index-creation-in-transaction", "transaction-nesting", "ban-uncommitted-transaction",
            "prefer-bigint-over-int", "prefer-identity", "prefer-text-field", "prefer-timestamptz", "ban-char-field", "prefer-jsonb",
            "identifier-too-long", "prefer-robust-stmts", "concurrent-index-if-not-exists", "foreign-key-missing-index",
            "foreign-key-missing-on-delete", "ddl-in-do-block", "backfill-in-ddl-transaction", "missing-reverse-code");

    static ValidateResult validate(Path path, Path project) {
        return new DbMigrateService().validate(new ValidateRequest(path.toAbsolutePath(), null, project == null ? null : project.toAbsolutePath(),
                null, null, null), Progress.NONE);
    }

    /** "file:line rule" for the findings of the rules under test, in report order. */
    static List<String> mine(ValidateResult r) {
        return r.findings().stream().filter(f -> RULES.contains(f.rule()))
                .map(f -> Path.of(f.file()).getFileName() + ":" + f.line() + " " + f.rule()).toList();
    }

    @Test
    void golangMigrateFolder() {
        ValidateResult r = validate(ROOT.resolve("pg-golang-migrate"), null);
        assertThat(r.tool()).isEqualTo("golang-migrate");
        assertThat(r.files()).hasSize(6);
        assertThat(mine(r)).containsExactlyInAnyOrder(
                // 1: new tables with indexed, explicit foreign keys: nothing
                // 2: no down file, varchar(n), no lock_timeout (one statement: nothing to half-apply)
                "000002_add_order_note.up.sql:2 prefer-text-field",
                "000002_add_order_note.up.sql:2 require-lock-timeout",
                "000002_add_order_note.up.sql:2 missing-reverse-code",
                // 3: two statements sent as one query: CONCURRENTLY fails; SET NOT NULL on a table from migration 1
                "000003_require_status.up.sql:1 concurrent-index-if-not-exists",
                "000003_require_status.up.sql:1 ban-concurrent-index-creation-in-transaction",
                "000003_require_status.up.sql:3 adding-not-nullable-field",
                "000003_require_status.up.sql:3 require-lock-timeout",
                // 4: backfill inside the explicit transaction of the ALTER
                "000004_total_cents.up.sql:3 require-lock-timeout",
                "000004_total_cents.up.sql:5 backfill-in-ddl-transaction",
                // 5: lock_timeout set; NOT VALID then VALIDATE before any COMMIT, and no COMMIT at all
                "000005_referrer.up.sql:3 ban-uncommitted-transaction",
                "000005_referrer.up.sql:5 foreign-key-missing-on-delete",
                "000005_referrer.up.sql:5 foreign-key-missing-index",
                "000005_referrer.up.sql:6 constraint-missing-not-valid",
                // 6: varchar(500) -> text is free (known from migration 2); integer -> bigint rewrites
                "000006_widen_columns.up.sql:3 changing-column-type");
    }

    @Test
    void oneFileOfTheFolderIsCheckedAgainstTheSchemaOfTheEarlierOnes() {
        Path project = ROOT.resolve("pg-golang-migrate");
        ValidateResult r = validate(project.resolve("migrations/000006_widen_columns.up.sql"), project);
        assertThat(r.migrationsReplayed()).isEqualTo(5);
        assertThat(mine(r)).containsExactly("000006_widen_columns.up.sql:3 changing-column-type");
        assertThat(r.findings().stream().filter(f -> f.rule().equals("changing-column-type")).findFirst().orElseThrow().message())
                .contains("orders.total from integer to bigint");
    }

    @Test
    void prismaFolderNamesTheRunnerInTransactionFindings() {
        ValidateResult r = validate(ROOT.resolve("pg-prisma"), null);
        assertThat(r.tool()).isEqualTo("prisma");
        assertThat(mine(r)).containsExactlyInAnyOrder(
                // init: Prisma's defaults (SERIAL, INTEGER foreign key, TIMESTAMP(3), no index on the foreign key)
                "migration.sql:2 prefer-bigint-over-int",
                "migration.sql:2 prefer-identity",
                "migration.sql:2 prefer-timestamptz",
                "migration.sql:11 prefer-bigint-over-int",
                "migration.sql:11 prefer-identity",
                "migration.sql:23 prefer-bigint-over-int",
                "migration.sql:23 foreign-key-missing-index",
                // two CONCURRENTLY statements in one Prisma migration: one batch, one transaction
                "migration.sql:2 ban-concurrent-index-creation-in-transaction",
                "migration.sql:5 ban-concurrent-index-creation-in-transaction",
                // add, backfill, SET NOT NULL in one (Prisma) transaction
                "migration.sql:2 require-lock-timeout",
                "migration.sql:4 backfill-in-ddl-transaction",
                "migration.sql:6 adding-not-nullable-field",
                // BEGIN inside Prisma's transaction
                "migration.sql:1 transaction-nesting",
                "migration.sql:3 require-lock-timeout");
        Finding cic = r.findings().stream().filter(f -> f.rule().equals("ban-concurrent-index-creation-in-transaction")).findFirst().orElseThrow();
        assertThat(cic.file()).contains("20240201000000_post_author_index");
        assertThat(cic.message()).contains("Prisma runs each migration in a transaction", "one batch");
        Finding backfill = r.findings().stream().filter(f -> f.rule().equals("backfill-in-ddl-transaction")).findFirst().orElseThrow();
        assertThat(backfill.fix()).startsWith("-- move the backfill into a migration of its own");
        assertThat(r.findings()).noneMatch(f -> f.rule().equals("missing-reverse-code")); // Prisma has no down migrations
    }
}

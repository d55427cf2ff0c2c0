package dev.dbmigrate.db.dryrun;

import java.util.List;

/**
 * Result of {@code dry_run_migration} / {@code dry-run}: the history applied, the migration applied
 * with the locks each statement took, its rollback applied, and whether the schema after the
 * rollback equals the schema before the migration.
 *
 * @param passed          every statement ran and the rollback restores the schema exactly
 * @param verdict         one line: PASS / FAIL and why
 * @param projectPath     project root
 * @param tool            migration tool id
 * @param dialect         dialect
 * @param database        where it ran ("embedded PostgreSQL 15 (temporary database)", or the redacted URL)
 * @param migration       the migration tried
 * @param rollbackSource  "down" (the tool's hand-written down) or "generated" (the inverse db-migrate planned)
 * @param phases          history, migration, rollback, in order
 * @param firstError      the first failing statement, or null
 * @param roundTrip       the schema comparison before the migration vs after the rollback
 * @param irreversible    what the rollback cannot undo (from the rollback plan)
 * @param notes           assumptions and remarks
 */
public record DryRunResult(
        boolean passed,
        String verdict,
        String projectPath,
        String tool,
        String dialect,
        String database,
        String migration,
        String rollbackSource,
        List<Phase> phases,
        FirstError firstError,
        RoundTrip roundTrip,
        List<String> irreversible,
        List<String> notes) {

    public DryRunResult {
        phases = List.copyOf(phases);
        irreversible = List.copyOf(irreversible);
        notes = List.copyOf(notes);
    }

    /**
     * One phase.
     *
     * @param name       "history", "migration" or "rollback"
     * @param status     "ok", "failed" or "skipped"
     * @param millis     wall time of its statements
     * @param migrations migrations applied in this phase (history: those before the target)
     * @param statements every statement run (history: only a failing one, to keep results short)
     */
    public record Phase(String name, String status, double millis, int migrations, List<StatementRun> statements) {
        public Phase {
            statements = List.copyOf(statements);
        }

        public boolean ok() {
            return status.equals("ok");
        }
    }

    /** The first statement that failed: where, and the database's message. */
    public record FirstError(String phase, String migration, String file, int line, String statement, String message) {}

    /**
     * @param checked     false when a phase failed before the comparison
     * @param restored    true when the schema after the rollback equals the schema before the migration
     * @param differences what differs ("missing column accounts.seats"...)
     */
    public record RoundTrip(boolean checked, boolean restored, List<String> differences) {
        public RoundTrip {
            differences = List.copyOf(differences);
        }
    }
}

package dev.dbmigrate.analyse.rollback;

import java.util.List;

/**
 * Result of {@code plan_rollback} / {@code rollback}.
 *
 * @param projectPath     project root
 * @param tool            migration tool id
 * @param dialect         dialect
 * @param migrations      the migrations rolled back, newest first
 * @param sql             the complete rollback script, in the order it must run
 * @param steps           one entry per undone operation (or per hand-written down), newest first
 * @param irreversible    what cannot be undone by SQL
 * @param pointOfNoReturn when rolling back stops restoring everything (the first data-losing
 *                        operation in apply order), or null when everything comes back
 * @param nativeCommand   the tool's own way to roll back, with what to run around it
 * @param backup          a backup command for the tables touched, to run before the migration
 * @param downChecks      for migrations with a hand-written down: whether it restores the schema
 * @param notes           assumptions and remarks
 */
public record RollbackResult(
        String projectPath,
        String tool,
        String dialect,
        List<String> migrations,
        String sql,
        List<Step> steps,
        List<Irreversible> irreversible,
        String pointOfNoReturn,
        String nativeCommand,
        String backup,
        List<DownCheck> downChecks,
        List<String> notes) {

    public RollbackResult {
        migrations = List.copyOf(migrations);
        steps = List.copyOf(steps);
        irreversible = List.copyOf(irreversible);
        downChecks = List.copyOf(downChecks);
        notes = List.copyOf(notes);
    }

    /**
     * @param migration  migration id
     * @param source     "generated" (from the schema) or "down" (the tool's own down migration)
     * @param undoes     the statement it undoes ("file:line  SQL"), or the down file for source "down"
     * @param sql        the SQL of this step
     * @param reversible false when this part cannot be undone by SQL
     * @param dataLoss   true when data does not come back
     * @param notes      what to know
     */
    public record Step(String migration, String source, String undoes, String sql, boolean reversible, boolean dataLoss, List<String> notes) {
        public Step {
            notes = List.copyOf(notes);
        }
    }

    /** Something the rollback cannot undo. */
    public record Irreversible(String migration, String file, int line, String statement, String reason) {}

    /**
     * @param migration the migration id
     * @param file      the down file
     * @param restores  true when up + down leaves the schema as it was
     * @param problems  what the down leaves different ("column orders.note is missing"...)
     */
    public record DownCheck(String migration, String file, boolean restores, List<String> problems) {
        public DownCheck {
            problems = List.copyOf(problems);
        }
    }
}

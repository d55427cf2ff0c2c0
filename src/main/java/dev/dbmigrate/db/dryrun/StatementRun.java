package dev.dbmigrate.db.dryrun;

import java.util.List;

/**
 * One statement executed in a dry run.
 *
 * @param file   the file it comes from (relative to the project when known)
 * @param line   its 1-based line
 * @param sql    the statement (shortened)
 * @param millis how long it ran
 * @param locks  the relation locks it took that were not held before it, as "MODE on relation"
 *               (observed in pg_locks inside the transaction); empty outside a transaction, where
 *               locks are released at once and cannot be observed
 * @param error  the database error, or null
 */
public record StatementRun(String file, int line, String sql, long millis, List<String> locks, String error) {
    public StatementRun {
        locks = List.copyOf(locks);
    }
}

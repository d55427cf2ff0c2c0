package dev.dbmigrate.db.dryrun;

import java.util.List;

/**
 * One statement executed in a dry run.
 *
 * @param file   the file it comes from (relative to the project when known)
 * @param line   its 1-based line
 * @param sql    the statement (shortened)
 * @param millis how long it ran
 * @param locks  relation locks it took that were not held before it, on relations that existed before
 *               the script (locks on objects the script creates block nobody); observed in pg_locks
 *               inside the transaction. Empty on MySQL / SQLite and for statements that must run
 *               outside a transaction (CREATE INDEX CONCURRENTLY), where they cannot be observed
 * @param note   how it ran when that is not the obvious way ("ran outside a transaction: ..."), or null
 * @param error  the database error, or null
 */
public record StatementRun(String file, int line, String sql, double millis, List<LockTaken> locks, String note, String error) {
    public StatementRun {
        locks = List.copyOf(locks);
    }

    public boolean failed() {
        return error != null;
    }
}

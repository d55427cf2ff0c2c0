package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import java.util.Set;

/** What {@link Rule#check} sees for one operation. */
public interface OperationContext {

    Dialect dialect();

    int pgVersion();

    /** The migration being checked, or null for inline SQL. */
    Migration migration();

    /** The statement holding the operation. */
    Statement statement();

    /** The schema just before this operation (earlier migrations + earlier statements of this one). */
    Schema schema();

    /** The schema before this migration started (built on demand: prefer {@link #tableBeforeMigration}). */
    Schema schemaBeforeMigration();

    /** A table as it was before this migration started (cheap). */
    java.util.Optional<dev.dbmigrate.schema.Table> tableBeforeMigration(TableRef table);

    /** The table was created earlier in this migration (empty, invisible to traffic). */
    boolean isNewTable(TableRef table);

    /** Known from earlier migrations or not created in this migration. */
    default boolean isExistingTable(TableRef table) {
        return !isNewTable(table);
    }

    /** The statement runs inside a transaction: an explicit BEGIN is open, or the runner wraps the migration. */
    boolean inTransaction();

    /** An explicit BEGIN / START TRANSACTION is open in the file. */
    boolean explicitTransactionOpen();

    /** The migration runner wraps the whole migration in a transaction. */
    boolean runnerWraps();

    /** A lock_timeout (PostgreSQL) was set earlier in the migration and is still in force. */
    boolean lockTimeoutSet();

    /** Tables that DDL earlier in the current transaction has locked (for backfill-in-ddl-transaction). */
    Set<String> tablesLockedInTransaction();

    /** The schema key of a table, to compare with {@link #tablesLockedInTransaction()}. */
    String tableKey(TableRef table);

    /** A constraint validated earlier in the same transaction as its NOT VALID add. */
    boolean addedNotValidInThisTransaction(TableRef table, String constraint);

    DataProbe data();

    /** Reports a finding at the current statement. */
    void report(Rule rule, String message, String lock, String fix);

    /** Reports a finding with data-aware evidence. */
    void report(Rule rule, String message, String lock, String fix, String evidence);

    /**
     * Reports a finding whose evidence from the live database proves the statement will fail there
     * (NULLs for NOT NULL, duplicates for UNIQUE, orphans for a foreign key, values too long for the
     * new type): an error whatever the rule's default severity or the table's size.
     */
    void reportFailing(Rule rule, String message, String lock, String fix, String evidence);
}

package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;

/** What {@link Rule#finish} sees: the whole migration and the schema after it. */
public interface MigrationContext {

    Dialect dialect();

    int pgVersion();

    /** The migration being checked, or null for inline SQL. */
    Migration migration();

    ParsedScript script();

    /** The schema before the migration. */
    Schema schemaBefore();

    /** The schema after the migration. */
    Schema schemaAfter();

    /** True when an explicit BEGIN is still open at the end of the file. */
    boolean explicitTransactionOpen();

    /** The line of the BEGIN that is still open, or 0. */
    int openTransactionLine();

    /** Whether the runner wraps this migration in a transaction. */
    boolean runnerWraps();

    /** Created in this migration (and still there at the end). */
    boolean isNewTable(TableRef table);

    DataProbe data();

    /** Reports a finding located at a statement of this migration. */
    void report(Rule rule, Statement at, String message, String lock, String fix);

    /** Reports a finding with data-aware evidence. */
    void report(Rule rule, Statement at, String message, String lock, String fix, String evidence);
}

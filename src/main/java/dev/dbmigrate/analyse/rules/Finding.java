package dev.dbmigrate.analyse.rules;

/**
 * One problem found in a migration.
 *
 * @param rule      rule id (catalog id)
 * @param severity  "error" | "warning" | "info" after config overrides and data-aware adjustment
 * @param category  rule category id
 * @param file      the migration file (path as given / relative to the project when known)
 * @param line      1-based line of the statement (or of the ignore directive for unused-ignore)
 * @param column    1-based column
 * @param statement the statement text (shortened for very long statements)
 * @param message   what is wrong, naming the objects
 * @param lock      the lock the statement takes and what it blocks, or null
 * @param fix       the safe alternative, as SQL / steps, or null
 * @param evidence  data-aware evidence ("orders: ~2.4M rows; 1,204 rows have NULL in email"), or null
 * @param failsOnData true when that evidence proves the statement fails on the live database's rows
 *                  (NULLs for NOT NULL, duplicates for UNIQUE, orphans for a foreign key, values too long)
 */
public record Finding(
        String rule,
        String severity,
        String category,
        String file,
        int line,
        int column,
        String statement,
        String message,
        String lock,
        String fix,
        String evidence,
        boolean failsOnData) {

    public Finding(String rule, String severity, String category, String file, int line, int column, String statement,
                   String message, String lock, String fix, String evidence) {
        this(rule, severity, category, file, line, column, statement, message, lock, fix, evidence, false);
    }
}

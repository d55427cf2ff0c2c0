package dev.dbmigrate.analyse.drift;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;

/**
 * Result of {@code check_drift} / {@code drift}: the schema the applied migrations build versus the
 * live database.
 *
 * @param projectPath     the project (absolute)
 * @param tool            its migration tool
 * @param dialect         the database's dialect
 * @param database        the database URL, password replaced by ***
 * @param drift           true when anything differs
 * @param differences     each difference with the SQL that makes the database match the migrations
 * @param sql             all reconciliation statements in order (destructive ones included, marked
 *                        with a comment), or "" when there is no drift
 * @param replayed        how many migrations were replayed (those applied in the database)
 * @param notReplayed     ids of migrations left out because the database has not applied them
 * @param excludedTables  tables not compared (the migration tool's own history tables)
 * @param notes           how the comparison was made and what could not be seen
 */
public record DriftResult(
        Path projectPath,
        Tool tool,
        Dialect dialect,
        String database,
        boolean drift,
        List<Item> differences,
        String sql,
        int replayed,
        List<String> notReplayed,
        List<String> excludedTables,
        List<String> notes) {

    public DriftResult {
        differences = List.copyOf(differences);
        notReplayed = List.copyOf(notReplayed);
        excludedTables = List.copyOf(excludedTables);
        notes = List.copyOf(notes);
    }

    /**
     * One difference.
     *
     * @param kind        "missing" (the migrations have it, the database does not), "extra" (only
     *                    the database has it), "different"
     * @param object      "table", "column", "index", "constraint", "enum", "comment"
     * @param table       the table (null for enums)
     * @param name        the column / index / constraint / enum name, or null
     * @param expected    the definition the migrations give, or null
     * @param actual      the definition in the database, or null
     * @param detail      what differs, or null
     * @param sql         statements that make the database match the migrations
     * @param destructive true when that SQL drops data (drop table / column, narrowing type)
     */
    public record Item(String kind, String object, String table, String name, String expected, String actual, String detail,
                       List<String> sql, boolean destructive) {
        public Item {
            sql = List.copyOf(sql);
        }
    }
}

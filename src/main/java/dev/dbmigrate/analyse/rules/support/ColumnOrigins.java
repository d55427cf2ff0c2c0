package dev.dbmigrate.analyse.rules.support;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Follows column renames through one migration, so that "was this column there before the
 * migration?" is answered for a column renamed earlier in it (MySQL CHANGE old new ... arrives as a
 * rename followed by a redefinition of the new name). A rule keeps one per migration (rules are
 * fresh per migration) and feeds it every operation it sees.
 */
public final class ColumnOrigins {

    private final Map<String, String> original = new HashMap<>();

    /** Call for every operation, before judging it. */
    public void observe(OperationContext ctx, Operation op) {
        if (op instanceof Operation.RenameColumn rc) {
            record(ctx, rc.table(), rc.column(), rc.newName());
        } else if (op instanceof Operation.RedefineColumn rd && !RuleSupport.sameName(ctx.dialect(), rd.column(), rd.definition().name())) {
            record(ctx, rd.table(), rd.column(), rd.definition().name());
        }
    }

    private void record(OperationContext ctx, TableRef table, String from, String to) {
        if (table == null || from == null || to == null) return;
        original.put(key(ctx, table, to), originalName(ctx, table, from));
    }

    /** The name the column had when the migration started. */
    public String originalName(OperationContext ctx, TableRef table, String column) {
        return original.getOrDefault(key(ctx, table, column), column);
    }

    /**
     * True when the column holds no data that running code depends on yet: its table was created in
     * this migration, or the table was fully known before the migration and had no such column
     * (under the name it had then).
     */
    public boolean isNew(OperationContext ctx, TableRef table, String column) {
        if (ctx.isNewTable(table)) return true;
        Optional<Table> before = ctx.tableBeforeMigration(table);
        return before.isPresent() && before.get().complete() && !before.get().hasColumn(originalName(ctx, table, column));
    }

    private static String key(OperationContext ctx, TableRef table, String column) {
        return ctx.tableKey(table) + "|" + column.toLowerCase(Locale.ROOT);
    }
}

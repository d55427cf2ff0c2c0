package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.List;

@RuleSpec(
        id = "prefer-jsonb",
        summary = "json columns: use jsonb",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class PreferJsonb extends ColumnTypeStyleRule {

    @Override
    protected boolean flags(OperationContext ctx, Operation op, ColumnDef c, String base) {
        return base.equals("json");
    }

    @Override
    protected String message(TableRef table, List<ColumnDef> cols) {
        return subject(table, cols) + "json: it is stored as text and re-parsed on every access, has no equality operator (so no DISTINCT,"
                + " GROUP BY or UNIQUE on it) and no GIN indexing; jsonb has all of these";
    }

    @Override
    protected String preferredType(ColumnDef c) {
        return "jsonb";
    }
}

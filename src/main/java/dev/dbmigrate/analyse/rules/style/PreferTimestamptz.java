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
        id = "prefer-timestamptz",
        summary = "timestamp without time zone columns: use timestamptz",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class PreferTimestamptz extends ColumnTypeStyleRule {

    @Override
    protected boolean flags(OperationContext ctx, Operation op, ColumnDef c, String base) {
        return base.equals("timestamp");
    }

    @Override
    protected String message(TableRef table, List<ColumnDef> cols) {
        return subject(table, cols) + "timestamp without time zone: it stores wall-clock values with no zone, so values written by servers or"
                + " sessions in different time zones cannot be compared, and daylight-saving changes make some of them ambiguous; timestamptz"
                + " stores an absolute instant and takes no more space";
    }

    @Override
    protected String preferredType(ColumnDef c) {
        return "timestamptz" + (c.type().args().isEmpty() ? "" : "(" + String.join(",", c.type().args()) + ")");
    }
}

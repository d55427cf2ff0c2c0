package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.List;

@RuleSpec(
        id = "ban-char-field",
        summary = "char(n) columns pad values with spaces; use text (or varchar) instead",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class BanCharField extends ColumnTypeStyleRule {

    @Override
    protected boolean flags(OperationContext ctx, Operation op, ColumnDef c, String base) {
        return base.equals("char");
    }

    @Override
    protected String message(TableRef table, List<ColumnDef> cols) {
        return subject(table, cols) + "char(n): shorter values are padded with spaces, the padding is ignored in some comparisons and not in others"
                + " (LIKE, regular expressions, concatenation), and it is no faster than text in PostgreSQL";
    }

    @Override
    protected String preferredType(ColumnDef c) {
        return "text";
    }

    @Override
    protected String preservingCheck(Dialect d, ColumnDef c) {
        int n = c.type().length() < 0 ? 1 : c.type().length();
        return "char_length(" + SqlText.quote(d, c.name()) + ") <= " + n;
    }
}

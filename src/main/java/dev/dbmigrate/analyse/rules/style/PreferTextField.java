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
        id = "prefer-text-field",
        summary = "varchar(n) columns: changing n later takes locks; use text with a CHECK",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class PreferTextField extends ColumnTypeStyleRule {

    @Override
    protected boolean flags(OperationContext ctx, Operation op, ColumnDef c, String base) {
        return base.equals("varchar") && c.type().length() >= 0;
    }

    @Override
    protected String message(TableRef table, List<ColumnDef> cols) {
        return subject(table, cols) + "varchar(n): in PostgreSQL it is no faster than text, and shrinking the limit later rewrites the table under an"
                + " ACCESS EXCLUSIVE lock; text with a CHECK on the length keeps the limit and can be changed with NOT VALID + VALIDATE, no rewrite";
    }

    @Override
    protected String preferredType(ColumnDef c) {
        return "text";
    }

    @Override
    protected String preservingCheck(Dialect d, ColumnDef c) {
        return "char_length(" + SqlText.quote(d, c.name()) + ") <= " + c.type().length();
    }
}

package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.ColumnOrigins;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

/**
 * DROP COLUMN of a column that holds data: the values are gone, and every running instance that
 * still names the column (ORMs select every mapped column) fails. Not reported for a column or table
 * created in the same migration.
 */
@RuleSpec(
        id = "ban-drop-column",
        summary = "DROP COLUMN loses the column's data and breaks code that still uses it",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class BanDropColumn extends Rule {

    private final ColumnOrigins origins = new ColumnOrigins();

    @Override
    public void check(OperationContext ctx, Operation op) {
        origins.observe(ctx, op);
        if (!(op instanceof Operation.DropColumn drop) || origins.isNew(ctx, drop.table(), drop.column())) return;
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, drop.table());
        String c = SqlText.quote(d, drop.column());
        String key = SqlText.quote(d, RuleSupport.keyColumn(ctx, drop.table()));
        String backup = SqlText.quote(d, drop.table().name() + "_" + drop.column() + "_backup");
        String rows = RuleSupport.rowsEvidence(ctx, drop.table());
        ctx.report(this,
                "Dropping column " + drop.table() + "." + drop.column() + " deletes its value in every row, and every running instance of the"
                        + " application that still reads or writes " + drop.column() + " fails (ORMs select every mapped column) until the new code is out",
                null,
                """
                -- 1. stop using %4$s in the application (remove it from the model / mark it ignored, e.g. Rails ignored_columns); deploy
                -- 2. keep a copy if the data may be needed again:
                CREATE TABLE %3$s AS SELECT %5$s, %2$s FROM %1$s;
                -- 3. drop it in a later migration, once no deployed code uses it:
                ALTER TABLE %1$s DROP COLUMN %2$s;""".formatted(t, c, backup, drop.column(), key),
                rows == null ? null : rows + " lose their " + drop.column() + " value");
    }
}

package dev.dbmigrate.analyse.rules.sqlite;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.regex.Pattern;

/**
 * ADD COLUMN forms SQLite refuses (checked on SQLite 3.50 through the JDBC driver):
 * <ul>
 *   <li>PRIMARY KEY or UNIQUE: always ("Cannot add a PRIMARY KEY column" / "Cannot add a UNIQUE column").</li>
 *   <li>A non-constant default (CURRENT_TIMESTAMP / CURRENT_DATE / CURRENT_TIME, an expression in
 *       parentheses), a GENERATED ... STORED column, and REFERENCES with a non-NULL default while
 *       foreign keys are on: refused as soon as the table has a row, so not reported on a table
 *       created in the same migration.</li>
 * </ul>
 * NOT NULL without a default (refused on a table with rows) is adding-required-field's, to avoid
 * saying it twice.
 */
@RuleSpec(
        id = "sqlite-add-column-restriction",
        summary = "ADD COLUMN form SQLite refuses (PRIMARY KEY/UNIQUE, non-constant default, STORED generated)",
        category = Category.UNSUPPORTED,
        severity = Severity.ERROR,
        dialects = Dialect.SQLITE)
public final class SqliteAddColumnRestriction extends Rule {

    private static final Pattern NON_CONSTANT = Pattern.compile("(?is)\\s*(current_timestamp|current_date|current_time|\\(.*)\\s*");

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.AddColumn ac)) return;
        ColumnDef c = ac.column();
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, ac.table());
        String col = SqlText.quote(d, c.name());
        String name = ac.table() + "." + c.name();
        boolean hasRows = !ctx.isNewTable(ac.table());
        ColumnDef plain = new ColumnDef(c.name(), c.type(), false, null, false, false, null, null, null, false, c.collation(), null);
        if (c.primaryKey()) {
            report(ctx, "SQLite cannot add the PRIMARY KEY column " + name + " (\"Cannot add a PRIMARY KEY column\")",
                    "-- a primary key needs the table rebuilt: CREATE TABLE " + ac.table().name() + "__dbm_new (... " + c.name()
                            + " ... PRIMARY KEY ...), copy the rows, DROP TABLE, ALTER TABLE ... RENAME TO (see sqlite-unsupported-alter)");
        } else if (c.unique()) {
            String idx = SqlText.quote(d, ac.table().name() + "_" + c.name() + "_key");
            report(ctx, "SQLite cannot add the UNIQUE column " + name + " (\"Cannot add a UNIQUE column\")",
                    """
                    -- add the column plain, then enforce uniqueness with an index (same effect, no rebuild):
                    ALTER TABLE %s ADD COLUMN %s;
                    CREATE UNIQUE INDEX %s ON %s (%s);""".formatted(t, FixSql.column(d, c), idx, t, col));
        } else if (hasRows && c.generated() != null && !c.generated().identity() && c.generated().stored()) {
            report(ctx, "SQLite refuses to add the STORED generated column " + name + " to a table that has rows (\"cannot add a STORED column\")",
                    """
                    -- a VIRTUAL generated column can be added (computed when read):
                    ALTER TABLE %s ADD COLUMN %s GENERATED ALWAYS AS (%s) VIRTUAL;
                    -- or rebuild the table to store it (see sqlite-unsupported-alter)""".formatted(t, FixSql.column(d, plain), c.generated().expression()));
        } else if (hasRows && c.defaultExpr() != null && NON_CONSTANT.matcher(c.defaultExpr()).matches()) {
            report(ctx, "SQLite refuses to add " + name + " with the non-constant default " + c.defaultExpr()
                            + " to a table that has rows (\"Cannot add a column with non-constant default\")",
                    """
                    -- add it without the default and fill the existing rows once:
                    ALTER TABLE %s ADD COLUMN %s;
                    UPDATE %s SET %s = %s WHERE %s IS NULL;
                    -- new rows must then get the value from the application (or a trigger), or rebuild the table with the default""".formatted(
                            t, FixSql.column(d, plain), t, col, c.defaultExpr(), col));
        } else if (hasRows && c.references() != null && c.defaultExpr() != null && !c.defaultExpr().trim().equalsIgnoreCase("null")) {
            report(ctx, "With foreign keys on, SQLite refuses to add the REFERENCES column " + name + " with the non-NULL default " + c.defaultExpr()
                            + " to a table that has rows (\"Cannot add a REFERENCES column with non-NULL default value\")",
                    """
                    -- add it with a NULL default and set the value afterwards:
                    ALTER TABLE %s ADD COLUMN %s REFERENCES %s%s;
                    UPDATE %s SET %s = %s;""".formatted(t, FixSql.column(d, plain), SqlText.table(d, c.references().table()),
                            c.references().column() == null ? "" : " (" + SqlText.quote(d, c.references().column()) + ")", t, col, c.defaultExpr()));
        }
    }

    private void report(OperationContext ctx, String message, String fix) {
        ctx.report(this, message, null, fix);
    }
}

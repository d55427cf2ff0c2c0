package dev.dbmigrate.analyse.rules.compat;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.ColumnOrigins;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;

/**
 * Renaming a column that running code uses: RENAME COLUMN, MySQL CHANGE old new ..., and ORM
 * renames (which the readers turn into the same operations). Not for columns or tables created in
 * the same migration.
 */
@RuleSpec(
        id = "renaming-column",
        summary = "Renaming a column breaks the code that is running now",
        category = Category.COMPAT,
        severity = Severity.ERROR)
public final class RenamingColumn extends Rule {

    private final ColumnOrigins origins = new ColumnOrigins();

    @Override
    public void check(OperationContext ctx, Operation op) {
        origins.observe(ctx, op);
        TableRef table;
        String from;
        String to;
        SqlType type;
        if (op instanceof Operation.RenameColumn rc) {
            table = rc.table();
            from = rc.column();
            to = rc.newName();
            type = RuleSupport.column(ctx, table, from).map(ColumnDef::type).orElse(null);
        } else if (op instanceof Operation.RedefineColumn rd && !RuleSupport.sameName(ctx.dialect(), rd.column(), rd.definition().name())) {
            table = rd.table();
            from = rd.column();
            to = rd.definition().name();
            type = rd.definition().type();
        } else {
            return;
        }
        if (origins.isNew(ctx, table, from)) return;
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        ctx.report(this,
                "Renaming " + table + "." + from + " to " + to + " breaks every running instance of the application that still reads or writes "
                        + from + ": its queries fail from the moment the migration runs until the new code is deployed everywhere"
                        + " (and the old code can no longer be rolled back to)",
                null,
                """
                -- expand and contract instead of renaming in place:
                ALTER TABLE %1$s ADD COLUMN %3$s %4$s;
                -- deploy code that writes both %5$s and %6$s, then backfill the old rows:
                %7$s
                -- deploy code that reads %6$s; stop writing %5$s; then, in a later migration:
                ALTER TABLE %1$s DROP COLUMN %2$s;""".formatted(t, SqlText.quote(d, from), SqlText.quote(d, to),
                        type == null ? "<type>" : type.toString(), from, to,
                        FixSql.batchedUpdate(ctx, table, SqlText.quote(d, to) + " = " + SqlText.quote(d, from),
                                SqlText.quote(d, to) + " IS NULL AND " + SqlText.quote(d, from) + " IS NOT NULL")));
    }
}

package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

@RuleSpec(
        id = "ban-drop-table",
        summary = "DROP TABLE of an existing table loses all its rows",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class BanDropTable extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DropTable drop) || ctx.isNewTable(drop.table())) return;
        String t = SqlText.table(ctx.dialect(), drop.table());
        String rows = ctx.data().rowEstimate(drop.table()).isPresent()
                ? " (~" + ctx.data().rowEstimate(drop.table()).getAsLong() + " rows)" : "";
        ctx.report(this,
                "Dropping table " + drop.table() + rows + " deletes all of its data and breaks any code that still reads it",
                null,
                """
                -- 1. stop reading and writing %1$s in the application; deploy
                -- 2. back it up, e.g. CREATE TABLE %2$s AS TABLE %1$s; (or pg_dump -t %1$s)
                -- 3. drop it in a later migration, once nothing uses it:
                DROP TABLE %1$s;""".formatted(t, SqlText.quote(ctx.dialect(), drop.table().name() + "_archive")));
    }
}

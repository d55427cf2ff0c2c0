package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * DROP TABLE of a table that exists before the migration. Not the table rebuild that SQLite
 * migrations (and generated ones: Prisma, TypeORM, Django, Alembic batch mode) use to change a table:
 * a table created in this migration, filled with INSERT, and renamed to the dropped table's name
 * after the drop; the table is still there when the migration ends. (Whether the copy keeps every
 * column is another matter, not judged here.) Reported when the migration is done, once it is known
 * whether a rebuild follows the drop.
 */
@RuleSpec(
        id = "ban-drop-table",
        summary = "DROP TABLE of an existing table loses all its rows",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class BanDropTable extends Rule {

    private record Drop(String key, Statement at, String message, String fix) {}

    private final List<Drop> drops = new ArrayList<>();
    /** Tables created in this migration that an INSERT filled. */
    private final Set<String> filled = new HashSet<>();
    /** Dropped tables that a filled new table took the name of, after the drop. */
    private final Set<String> rebuilt = new HashSet<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.DataChange dc && dc.kind() == Operation.DataKind.INSERT && dc.table() != null && ctx.isNewTable(dc.table())) {
            filled.add(ctx.tableKey(dc.table()));
        } else if (op instanceof Operation.RenameTable rt && filled.contains(ctx.tableKey(rt.table()))) {
            String target = ctx.tableKey(new TableRef(rt.table().schema(), rt.newName()));
            if (drops.stream().anyMatch(d -> d.key().equals(target))) rebuilt.add(target);
        }
        if (!(op instanceof Operation.DropTable drop) || ctx.isNewTable(drop.table())) return;
        String t = SqlText.table(ctx.dialect(), drop.table());
        String rows = ctx.data().rowEstimate(drop.table()).isPresent()
                ? " (~" + ctx.data().rowEstimate(drop.table()).getAsLong() + " rows)" : "";
        drops.add(new Drop(ctx.tableKey(drop.table()), ctx.statement(),
                "Dropping table " + drop.table() + rows + " deletes all of its data and breaks any code that still reads it",
                """
                -- 1. stop reading and writing %1$s in the application; deploy
                -- 2. back it up, e.g. CREATE TABLE %2$s AS TABLE %1$s; (or pg_dump -t %1$s)
                -- 3. drop it in a later migration, once nothing uses it:
                DROP TABLE %1$s;""".formatted(t, SqlText.quote(ctx.dialect(), drop.table().name() + "_archive"))));
    }

    @Override
    public void finish(MigrationContext ctx) {
        for (Drop d : drops) {
            if (!rebuilt.contains(d.key())) ctx.report(this, d.at(), d.message(), null, d.fix());
        }
    }
}

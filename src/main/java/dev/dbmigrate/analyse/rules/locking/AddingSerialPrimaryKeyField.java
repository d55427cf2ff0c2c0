package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.List;

@RuleSpec(
        id = "adding-serial-primary-key-field",
        summary = "ADD PRIMARY KEY on an existing table builds its index under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class AddingSerialPrimaryKeyField extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        Dialect d = ctx.dialect();
        if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY && ac.constraint().usingIndex() == null) {
            TableRef table = ac.table();
            List<String> cols = ac.constraint().columns();
            String name = RuleSupport.nameOf(ctx, ac);
            String n = SqlText.quote(d, name);
            boolean nullable = cols.stream().anyMatch(c -> ctx.schema().table(table).flatMap(t -> t.column(c)).map(x -> !x.notNull()).orElse(true));
            String fix = (nullable ? "-- the key columns must be NOT NULL first, or the ADD scans for NULLs under the lock (see adding-not-nullable-field)\n" : "")
                    + FixSql.NO_TX + "\n"
                    + FixSql.createIndex(d, new IndexDef(name, table, cols, true, null, null, null), name, true) + "\n"
                    + "-- then attach it (a brief ACCESS EXCLUSIVE lock, no index build):\n"
                    + "ALTER TABLE " + SqlText.table(d, table) + " ADD CONSTRAINT " + n + " PRIMARY KEY USING INDEX " + n + ";";
            ctx.report(this,
                    "Adding primary key " + name + " on " + table + " (" + String.join(", ", cols) + ") builds its unique index"
                            + (nullable ? " and checks the columns for NULLs" : "") + " while holding an ACCESS EXCLUSIVE lock: all reads and writes on "
                            + table + " wait for the whole build",
                    PgLocks.describe(PgLocks.of(op, ctx.schema())), fix);
        } else if (op instanceof Operation.AddColumn add && add.column().primaryKey()) {
            reportNewKeyColumn(ctx, op, add);
        }
    }

    private void reportNewKeyColumn(OperationContext ctx, Operation op, Operation.AddColumn add) {
        Dialect d = ctx.dialect();
        TableRef table = add.table();
        ColumnDef col = add.column();
        String name = RuleSupport.added(ctx, table, op, ConstraintDef.Kind.PRIMARY_KEY).map(ConstraintDef::name).orElse(table.name() + "_pkey");
        String n = SqlText.quote(d, name);
        String fix = FixSql.addThenBackfill(ctx, table, col) + "\n"
                + FixSql.NO_TX + "\n"
                + FixSql.createIndex(d, new IndexDef(name, table, List.of(col.name()), true, null, null, null), name, true) + "\n"
                + "ALTER TABLE " + SqlText.table(d, table) + " ADD CONSTRAINT " + n + " PRIMARY KEY USING INDEX " + n + ";";
        String serial = FixSql.serialBase(col.type()) != null ? " (" + col.type() + ")" : "";
        ctx.report(this,
                "Adding column " + table + "." + col.name() + serial + " as PRIMARY KEY writes a value into every existing row and builds the key's index"
                        + " while holding an ACCESS EXCLUSIVE lock: all reads and writes on " + table + " wait until the whole table is rewritten and indexed",
                PgLocks.describe(PgLocks.of(op, ctx.schema())), fix);
    }
}

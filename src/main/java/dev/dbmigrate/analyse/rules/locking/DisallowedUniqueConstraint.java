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
import java.util.OptionalLong;

@RuleSpec(
        id = "disallowed-unique-constraint",
        summary = "ADD UNIQUE builds its index under an ACCESS EXCLUSIVE lock; build it concurrently and attach it with USING INDEX",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class DisallowedUniqueConstraint extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        Dialect d = ctx.dialect();
        TableRef table;
        List<String> cols;
        String name;
        String prefix = "";
        String what;
        if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.UNIQUE && ac.constraint().usingIndex() == null) {
            table = ac.table();
            cols = ac.constraint().columns();
            name = RuleSupport.nameOf(ctx, ac);
            what = "Adding unique constraint " + name + " on " + table + " (" + String.join(", ", cols) + ")";
        } else if (op instanceof Operation.AddColumn add && add.column().unique()) {
            table = add.table();
            cols = List.of(add.column().name());
            name = RuleSupport.added(ctx, table, op, ConstraintDef.Kind.UNIQUE).map(ConstraintDef::name).orElse(table.name() + "_" + add.column().name() + "_key");
            ColumnDef plain = new ColumnDef(add.column().name(), add.column().type(), add.column().notNull(), add.column().defaultExpr(),
                    false, false, null, add.column().generated(), null, false, add.column().collation(), null);
            prefix = "ALTER TABLE " + SqlText.table(d, table) + " ADD COLUMN " + FixSql.column(d, plain) + ";\n";
            what = "Adding column " + table + "." + add.column().name() + " as UNIQUE";
        } else {
            return;
        }
        String n = SqlText.quote(d, name);
        String fix = prefix + FixSql.NO_TX + "\n"
                + FixSql.createIndex(d, new IndexDef(name, table, cols, true, null, null, null), name, true) + "\n"
                + "-- then attach it (a brief ACCESS EXCLUSIVE lock, no scan):\n"
                + "ALTER TABLE " + SqlText.table(d, table) + " ADD CONSTRAINT " + n + " UNIQUE USING INDEX " + n + ";";
        String evidence = null;
        OptionalLong dups = ctx.data().duplicateCount(table, cols);
        if (dups.isPresent() && dups.getAsLong() > 0) {
            evidence = dups.getAsLong() + " rows share their (" + String.join(", ", cols) + ") with another row: the constraint will fail until they are deduplicated";
        }
        if (evidence != null) {
            ctx.reportFailing(this,
                what + " builds its unique index while holding an ACCESS EXCLUSIVE lock: all reads and writes on " + table + " wait for the whole build",
                PgLocks.describe(PgLocks.of(op, ctx.schema())), fix, evidence);
        } else {
            ctx.report(this,
                what + " builds its unique index while holding an ACCESS EXCLUSIVE lock: all reads and writes on " + table + " wait for the whole build",
                PgLocks.describe(PgLocks.of(op, ctx.schema())), fix, evidence);
        }
    }
}

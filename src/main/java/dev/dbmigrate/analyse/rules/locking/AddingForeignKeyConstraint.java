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
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.OptionalLong;

@RuleSpec(
        id = "adding-foreign-key-constraint",
        summary = "ADD FOREIGN KEY without NOT VALID scans the table while blocking writes to it and to the referenced table",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class AddingForeignKeyConstraint extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY && !ac.constraint().notValid()) {
            ConstraintDef fk = ac.constraint().withName(RuleSupport.nameOf(ctx, ac));
            report(ctx, op, ac.table(), fk, null);
        } else if (op instanceof Operation.AddColumn add && add.column().references() != null) {
            String name = RuleSupport.added(ctx, add.table(), op, ConstraintDef.Kind.FOREIGN_KEY).map(ConstraintDef::name).orElse(null);
            report(ctx, op, add.table(), FixSql.foreignKeyOf(add.column(), name), add.column());
        }
    }

    private void report(OperationContext ctx, Operation op, TableRef table, ConstraintDef fk, ColumnDef newColumn) {
        Dialect d = ctx.dialect();
        TableRef ref = fk.refTable();
        String cols = String.join(", ", fk.columns());
        String what = newColumn == null
                ? "Adding foreign key " + fk.name() + " on " + table + " (" + cols + ") -> " + ref
                : "Adding column " + table + "." + newColumn.name() + " with REFERENCES " + ref;
        String message = what + " checks every existing row of " + table + " while it holds a lock on both tables: writes to "
                + table + " and to " + ref + " are blocked until the scan finishes";
        String t = SqlText.table(d, table);
        String name = fk.name() == null ? SqlText.quote(d, table.name() + "_" + String.join("_", fk.columns()) + "_fkey") : SqlText.quote(d, fk.name());
        String fix = (newColumn == null ? "" : "ALTER TABLE " + t + " ADD COLUMN " + FixSql.column(d, newColumn) + ";\n")
                + "ALTER TABLE " + t + " ADD CONSTRAINT " + name + " " + FixSql.body(d, fk) + " NOT VALID;\n"
                + FixSql.SEPARATE_TX + "\n"
                + "-- (VALIDATE takes SHARE UPDATE EXCLUSIVE on " + table + " and ROW SHARE on " + ref + ": reads and writes go on)\n"
                + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + name + ";";
        String evidence = null;
        if (newColumn == null && ref != null) {
            OptionalLong orphans = ctx.data().orphanCount(table, fk.columns(), ref, fk.refColumns());
            if (orphans.isPresent() && orphans.getAsLong() > 0) {
                evidence = orphans.getAsLong() + " rows of " + table + " point at no row of " + ref + ": the constraint cannot be added (or validated) until they are fixed";
            }
        }
        if (evidence != null) ctx.reportFailing(this, message, PgLocks.describe(PgLocks.of(op, ctx.schema())), fix, evidence);
        else ctx.report(this, message, PgLocks.describe(PgLocks.of(op, ctx.schema())), fix, evidence);
    }
}

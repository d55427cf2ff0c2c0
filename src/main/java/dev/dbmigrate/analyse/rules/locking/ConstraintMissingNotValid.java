package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.Optional;

@RuleSpec(
        id = "constraint-missing-not-valid",
        summary = "ADD CHECK without NOT VALID (or VALIDATE in the same transaction) scans the table under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class ConstraintMissingNotValid extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        Dialect d = ctx.dialect();
        if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.CHECK && !ac.constraint().notValid()) {
            String name = RuleSupport.nameOf(ctx, ac);
            String t = SqlText.table(d, ac.table());
            ctx.report(this,
                    "Adding check constraint " + name + " on " + ac.table() + " reads every row to verify it while holding an ACCESS EXCLUSIVE lock:"
                            + " all reads and writes on " + ac.table() + " wait until the scan finishes",
                    PgLocks.describe(PgLocks.of(op, ctx.schema())),
                    "ALTER TABLE " + t + " ADD CONSTRAINT " + SqlText.quote(d, name) + " " + FixSql.body(d, ac.constraint()) + " NOT VALID;\n"
                            + FixSql.SEPARATE_TX + "\n"
                            + "-- (VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)\n"
                            + "ALTER TABLE " + t + " VALIDATE CONSTRAINT " + SqlText.quote(d, name) + ";");
        } else if (op instanceof Operation.ValidateConstraint vc && ctx.addedNotValidInThisTransaction(vc.table(), vc.name())) {
            Optional<ConstraintDef> c = ctx.schema().table(vc.table()).flatMap(t -> t.constraint(vc.name()));
            boolean fk = c.isPresent() && c.get().kind() == ConstraintDef.Kind.FOREIGN_KEY;
            String lock = fk
                    ? PgLocks.describe(PgLocks.of(new Operation.AddConstraint(vc.table(), c.get()), ctx.schema()))
                    : PgLocks.describe(PgLocks.of(new Operation.AddConstraint(vc.table(), ConstraintDef.check(vc.name(), null)), ctx.schema()));
            String how = ctx.explicitTransactionOpen()
                    ? "-- COMMIT after the ADD ... NOT VALID, then in a new transaction:"
                    : "-- move it to the next migration (this one runs in a single transaction):";
            ctx.report(this,
                    "Constraint " + vc.name() + " is validated in the same transaction that added it NOT VALID: the "
                            + (fk ? "SHARE ROW EXCLUSIVE locks" : "ACCESS EXCLUSIVE lock") + " taken by the ADD "
                            + "stay held for the whole validation scan, so NOT VALID gains nothing",
                    lock + " held until COMMIT",
                    how + "\nALTER TABLE " + SqlText.table(d, vc.table()) + " VALIDATE CONSTRAINT " + SqlText.quote(d, vc.name()) + ";");
        }
    }

}

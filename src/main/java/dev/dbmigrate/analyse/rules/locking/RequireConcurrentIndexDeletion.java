package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;

@RuleSpec(
        id = "require-concurrent-index-deletion",
        summary = "DROP INDEX without CONCURRENTLY locks the table against reads and writes",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class RequireConcurrentIndexDeletion extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DropIndex di) || di.concurrently()) return;
        TableRef table = di.table() != null ? di.table() : ctx.schema().tableOfIndex(di.name()).map(Table::ref).orElse(null);
        if (table != null && ctx.isNewTable(table)) return;
        PgLocks.Lock lock = PgLocks.of(op, ctx.schema()).get(0);
        String on = table == null ? "its table" : table.toString();
        ctx.report(this,
                "Dropping index " + di.name() + " without CONCURRENTLY takes an ACCESS EXCLUSIVE lock on " + on
                        + ": every query on it, reads included, waits until the drop is done, and the lock request itself queues behind"
                        + " any long-running transaction that touches " + on,
                lock.describe(),
                FixSql.NO_TX + "\n"
                        + (di.cascade() ? "-- CONCURRENTLY cannot CASCADE: drop the objects that depend on the index first\n" : "")
                        + "DROP INDEX CONCURRENTLY IF EXISTS " + FixSql.name(ctx.dialect(), di.name()) + ";");
    }
}

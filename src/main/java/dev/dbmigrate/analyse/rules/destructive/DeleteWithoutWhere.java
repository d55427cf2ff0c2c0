package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

/** DELETE with no WHERE clause on an existing table: every row goes, in one long transaction. */
@RuleSpec(
        id = "delete-without-where",
        summary = "DELETE without WHERE deletes every row of the table",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class DeleteWithoutWhere extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DataChange dc) || dc.kind() != Operation.DataKind.DELETE || dc.hasWhere()
                || dc.table() == null || ctx.isNewTable(dc.table())) return;
        ctx.report(this,
                "DELETE FROM " + dc.table() + " has no WHERE clause: it deletes every row, and on a large table holds a lock on each of them"
                        + " and grows the WAL / binlog until it commits",
                Locks.rowLocks(dc.table()),
                """
                -- say which rows go, and delete them in batches (repeat until it deletes nothing):
                %s""".formatted(FixSql.batchedDelete(ctx, dc.table(), null)),
                RuleSupport.rowsEvidence(ctx, dc.table()));
    }
}

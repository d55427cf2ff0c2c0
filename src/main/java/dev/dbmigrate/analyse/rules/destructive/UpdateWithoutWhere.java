package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

/**
 * UPDATE with no WHERE clause on an existing table: a whole-table rewrite in one transaction
 * (PostgreSQL writes a new version of every row; MySQL fills the undo log and binlog and lags
 * replicas), holding a lock on every row until it commits.
 */
@RuleSpec(
        id = "update-without-where",
        summary = "UPDATE without WHERE rewrites every row in one transaction",
        category = Category.DESTRUCTIVE,
        severity = Severity.WARNING)
public final class UpdateWithoutWhere extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DataChange dc) || dc.kind() != Operation.DataKind.UPDATE || dc.hasWhere()
                || dc.table() == null || ctx.isNewTable(dc.table())) return;
        Dialect d = ctx.dialect();
        String cols = dc.setColumns().isEmpty() ? "" : " (" + String.join(", ", dc.setColumns()) + ")";
        String cost = d == Dialect.POSTGRESQL ? "PostgreSQL writes a new version of every row (table and index bloat, a burst of WAL)"
                : d.isMysqlFamily() ? "MySQL fills the undo log and writes the whole table to the binlog, so replicas fall behind"
                : "SQLite holds the database write lock until it commits";
        ctx.report(this,
                "UPDATE " + dc.table() + cols + " has no WHERE clause: it rewrites every row in one transaction and locks all of them until it"
                        + " commits; " + cost,
                Locks.rowLocks(dc.table()),
                """
                -- run it as a backfill outside the DDL transaction (a migration of its own, or a job); say which rows are not done yet:
                %s""".formatted(FixSql.batchedUpdate(ctx, dc.table(), FixSql.setValues(d, dc.setColumns()), null)),
                RuleSupport.rowsEvidence(ctx, dc.table()));
    }
}

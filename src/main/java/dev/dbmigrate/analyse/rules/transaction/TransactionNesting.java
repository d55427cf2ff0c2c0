package dev.dbmigrate.analyse.rules.transaction;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

@RuleSpec(
        id = "transaction-nesting",
        summary = "BEGIN inside a transaction that is already open (the file's own or the runner's)",
        category = Category.TRANSACTION,
        severity = Severity.WARNING)
public final class TransactionNesting extends Rule {

    private int openLine;

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.TransactionControl tc) || tc.kind() != Operation.TxKind.BEGIN) return;
        Dialect d = ctx.dialect();
        if (ctx.explicitTransactionOpen()) {
            ctx.report(this,
                    "BEGIN while the transaction opened on line " + openLine + " is still open: " + consequence(d,
                            "PostgreSQL ignores it with a warning (\"there is already a transaction in progress\"), and the first COMMIT ends the outer transaction"),
                    null,
                    "-- COMMIT the first transaction before this BEGIN, or drop this inner BEGIN and its COMMIT;\n"
                            + "-- for a nested unit of work use a savepoint:\nSAVEPOINT step;\n-- ...\nRELEASE SAVEPOINT step;");
        } else if (ctx.runnerWraps()) {
            openLine = ctx.statement().line();
            ctx.report(this,
                    Runners.wraps(ctx.migration()) + ", so this BEGIN is nested inside the runner's transaction: "
                            + consequence(d, "the file's COMMIT ends the runner's transaction early: the statements after it, and the runner's own"
                                    + " bookkeeping, no longer commit or roll back together with the ones before"),
                    null,
                    "-- remove BEGIN and COMMIT from the file: the runner already wraps the migration in one transaction");
        } else {
            openLine = ctx.statement().line();
        }
    }

    private static String consequence(Dialect d, String pg) {
        if (d == Dialect.SQLITE) return "SQLite fails with \"cannot start a transaction within a transaction\"";
        if (d.isMysqlFamily()) return "MySQL silently commits the open transaction at BEGIN and starts a new one, so the two are no longer atomic";
        return pg;
    }
}

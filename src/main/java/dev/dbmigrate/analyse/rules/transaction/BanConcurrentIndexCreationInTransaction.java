package dev.dbmigrate.analyse.rules.transaction;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CREATE / DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY
 * fail inside a transaction block: an explicit BEGIN, the runner's transaction, or the implicit
 * transaction PostgreSQL opens for a multi-statement query (golang-migrate sends a whole file as
 * one query unless x-multi-statement is on; verified on PostgreSQL 15 with psql -c).
 */
@RuleSpec(
        id = "ban-concurrent-index-creation-in-transaction",
        summary = "CONCURRENTLY operations fail inside a transaction block",
        category = Category.TRANSACTION,
        severity = Severity.ERROR,
        dialects = Dialect.POSTGRESQL)
public final class BanConcurrentIndexCreationInTransaction extends Rule {

    private int beginLine;
    private final List<Map.Entry<Statement, String>> multiStatementCandidates = new ArrayList<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.TransactionControl tc && tc.kind() == Operation.TxKind.BEGIN && !ctx.explicitTransactionOpen()) {
            beginLine = ctx.statement().line();
            return;
        }
        String what = concurrentStatement(op);
        if (what == null) return;
        String fails = what + " cannot run inside a transaction block, so PostgreSQL rejects it and the migration fails: ";
        if (ctx.explicitTransactionOpen()) {
            ctx.report(this, fails + "the BEGIN on line " + beginLine + " opened one", null,
                    "-- remove BEGIN / COMMIT around it, and keep it in a migration that runs outside a transaction:\n" + Runners.optOut(ctx.migration()));
        } else if (ctx.runnerWraps()) {
            ctx.report(this, fails + Runners.wraps(ctx.migration()), null, Runners.optOut(ctx.migration()));
        } else if (ctx.migration() != null && ctx.migration().tool() == Tool.GOLANG_MIGRATE) {
            multiStatementCandidates.add(Map.entry(ctx.statement(), what));
        }
    }

    /** golang-migrate: a file of more than one statement is one implicit transaction. */
    @Override
    public void finish(MigrationContext ctx) {
        if (ctx.script().statements().size() < 2) return;
        for (Map.Entry<Statement, String> c : multiStatementCandidates) {
            ctx.report(this, c.getKey(), c.getValue() + " cannot run inside a transaction block, so PostgreSQL rejects it and the migration fails:"
                            + " golang-migrate sends the whole file as one query (unless x-multi-statement=true), and PostgreSQL runs a multi-statement"
                            + " query as one implicit transaction", null,
                    "-- put this statement alone in a migration file of its own, or add x-multi-statement=true to the database URL");
        }
    }

    /** "CREATE INDEX CONCURRENTLY" etc., or null when the operation is not a CONCURRENTLY form. */
    static String concurrentStatement(Operation op) {
        if (op instanceof Operation.CreateIndex ci && ci.concurrently()) return "CREATE INDEX CONCURRENTLY";
        if (op instanceof Operation.DropIndex di && di.concurrently()) return "DROP INDEX CONCURRENTLY";
        if (op instanceof Operation.Reindex ri && ri.concurrently()) return "REINDEX ... CONCURRENTLY";
        if (op instanceof Operation.DetachPartition dp && dp.concurrently()) return "DETACH PARTITION ... CONCURRENTLY";
        return null;
    }
}

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

/**
 * CREATE / DROP INDEX CONCURRENTLY, REINDEX ... CONCURRENTLY and DETACH PARTITION ... CONCURRENTLY
 * fail inside a transaction block: an explicit BEGIN, the runner's transaction, or the implicit
 * transaction PostgreSQL opens for a query string of several statements (verified on PostgreSQL 15
 * with {@code psql -c}).
 *
 * <p>Whether the runner's transaction applies depends on the file as a whole, so these cases are
 * decided in {@link #finish}: golang-migrate and Prisma send a file as one query, so only a file of
 * more than one statement is a (implicit) transaction; Flyway runs a migration outside a transaction
 * when all its statements are CREATE / DROP INDEX CONCURRENTLY, and refuses to mix them with others.
 */
@RuleSpec(
        id = "ban-concurrent-index-creation-in-transaction",
        summary = "CONCURRENTLY operations fail inside a transaction block",
        category = Category.TRANSACTION,
        severity = Severity.ERROR,
        dialects = Dialect.POSTGRESQL)
public final class BanConcurrentIndexCreationInTransaction extends Rule {

    private static final String FAILS = " cannot run inside a transaction block, so PostgreSQL rejects it and the migration fails: ";

    private record Pending(Statement at, String what) {}

    private int beginLine;
    private final List<Pending> pending = new ArrayList<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.TransactionControl tc && tc.kind() == Operation.TxKind.BEGIN && !ctx.explicitTransactionOpen()) {
            beginLine = ctx.statement().line();
            return;
        }
        String what = concurrentStatement(op);
        if (what == null) return;
        Tool tool = ctx.migration() == null ? null : ctx.migration().tool();
        if (ctx.explicitTransactionOpen()) {
            ctx.report(this, what + FAILS + "the BEGIN on line " + beginLine + " opened one", null,
                    "-- remove BEGIN / COMMIT around it, and keep it in a migration that runs outside a transaction:\n" + Runners.optOut(ctx.migration()));
        } else if (tool == Tool.GOLANG_MIGRATE || (ctx.runnerWraps() && (tool == Tool.PRISMA || tool == Tool.FLYWAY))) {
            pending.add(new Pending(ctx.statement(), what));
        } else if (ctx.runnerWraps()) {
            ctx.report(this, what + FAILS + Runners.wraps(ctx.migration()), null, Runners.optOut(ctx.migration()));
        }
    }

    @Override
    public void finish(MigrationContext ctx) {
        if (pending.isEmpty()) return;
        List<Statement> statements = ctx.script().statements();
        Tool tool = ctx.migration().tool();
        String why;
        if (tool == Tool.FLYWAY) {
            if (statements.stream().allMatch(BanConcurrentIndexCreationInTransaction::onlyConcurrentIndexes)) return;
            why = "Flyway runs a migration outside a transaction only when every statement in it needs that; this one mixes them, so Flyway"
                    + " refuses it (or, with mixed=true, runs all of it without a transaction)";
        } else if (statements.size() < 2) {
            return;
        } else if (tool == Tool.PRISMA) {
            why = Runners.wraps(ctx.migration()) + ": it sends the file as one batch, which PostgreSQL runs as a single transaction";
        } else {
            why = "golang-migrate sends the whole file as one query (unless x-multi-statement=true), and PostgreSQL runs a multi-statement"
                    + " query as one implicit transaction";
        }
        for (Pending p : pending) {
            ctx.report(this, p.at(), p.what() + FAILS + why, null,
                    tool == Tool.GOLANG_MIGRATE
                            ? "-- put this statement alone in a migration file of its own, or add x-multi-statement=true to the database URL"
                            : Runners.optOut(ctx.migration()));
        }
    }

    private static boolean onlyConcurrentIndexes(Statement st) {
        return !st.operations().isEmpty() && st.operations().stream().allMatch(op ->
                (op instanceof Operation.CreateIndex ci && ci.concurrently()) || (op instanceof Operation.DropIndex di && di.concurrently()));
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

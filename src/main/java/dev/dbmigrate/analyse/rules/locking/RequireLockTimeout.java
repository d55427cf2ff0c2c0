package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * Statements that take a write-blocking lock (ACCESS EXCLUSIVE, SHARE ROW EXCLUSIVE, SHARE) on an
 * existing table with no lock_timeout set before them. SHARE UPDATE EXCLUSIVE (VALIDATE, the
 * CONCURRENTLY forms) does not count: ordinary reads and writes do not queue behind it. Reported
 * once per migration, at the first such statement, with the number of statements affected.
 */
@RuleSpec(
        id = "require-lock-timeout",
        summary = "Statements that lock existing tables without a lock_timeout can stall all traffic while they wait",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class RequireLockTimeout extends Rule {

    private final List<Statement> affected = new ArrayList<>();
    private String firstLock;

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (ctx.lockTimeoutSet()) return;
        List<PgLocks.Lock> locks = PgLocks.of(op, ctx.schema()).stream()
                .filter(l -> l.mode().blocksWrites() && (l.table() == null || !ctx.isNewTable(l.table())))
                .toList();
        if (locks.isEmpty()) return;
        Statement st = ctx.statement();
        if (affected.isEmpty() || affected.get(affected.size() - 1) != st) affected.add(st);
        if (firstLock == null) firstLock = PgLocks.describe(locks);
    }

    @Override
    public void finish(MigrationContext ctx) {
        if (affected.isEmpty()) return;
        int n = affected.size();
        String which = n == 1 ? "This statement takes" : "This statement and " + (n - 1) + " more in this migration take";
        ctx.report(this, affected.get(0),
                which + " a lock that blocks writes on an existing table, and no lock_timeout is set: if a long-running query or an idle"
                        + " transaction holds the table, the migration waits in the lock queue and every later query on that table queues behind it"
                        + " (an outage with no error) until it gets the lock",
                firstLock,
                """
                -- first statement of the migration: give up quickly instead of queueing, and retry the migration later
                SET lock_timeout = '2s';""");
    }
}

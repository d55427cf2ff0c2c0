package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

@RuleSpec(
        id = "require-concurrent-partition-detach",
        summary = "DETACH PARTITION without CONCURRENTLY locks the partitioned table against reads and writes",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class RequireConcurrentPartitionDetach extends Rule {

    /** DETACH PARTITION ... CONCURRENTLY exists from PostgreSQL 14. */
    static final int CONCURRENT_SINCE = 14;

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DetachPartition dp) || dp.concurrently()) return;
        Dialect d = ctx.dialect();
        String parent = SqlText.table(d, dp.table());
        String part = dp.partition() == null ? "<partition>" : SqlText.table(d, dp.partition());
        String message = "Detaching partition " + dp.partition() + " from " + dp.table()
                + " takes an ACCESS EXCLUSIVE lock on the whole partitioned table: every query on " + dp.table() + ", on any partition, waits until it is done";
        String fix;
        if (ctx.pgVersion() >= CONCURRENT_SINCE) {
            fix = """
                    %s
                    ALTER TABLE %s DETACH PARTITION %s CONCURRENTLY;
                    -- not possible when %s has a DEFAULT partition; if it is interrupted, finish it with:
                    -- ALTER TABLE %s DETACH PARTITION %s FINALIZE;""".formatted(FixSql.NO_TX, parent, part, dp.table(), parent, part);
        } else {
            message += ". DETACH PARTITION ... CONCURRENTLY needs PostgreSQL 14+, and this project targets PostgreSQL " + ctx.pgVersion();
            fix = """
                    -- PostgreSQL < 14 has no DETACH PARTITION CONCURRENTLY: upgrade, or keep the lock wait short and retry:
                    SET lock_timeout = '2s';
                    ALTER TABLE %s DETACH PARTITION %s;""".formatted(parent, part);
        }
        ctx.report(this, message, PgLocks.describe(PgLocks.of(op, ctx.schema())), fix);
    }
}

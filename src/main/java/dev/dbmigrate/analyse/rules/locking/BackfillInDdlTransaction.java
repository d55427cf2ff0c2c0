package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.transaction.Runners;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * UPDATE / DELETE of a table that DDL earlier in the same transaction has locked: the DDL's lock
 * (ACCESS EXCLUSIVE for most ALTER TABLE forms) is held until COMMIT, so for the whole backfill.
 */
@RuleSpec(
        id = "backfill-in-ddl-transaction",
        summary = "UPDATE/DELETE on a table that the same transaction has locked with DDL holds that lock for the whole backfill",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class BackfillInDdlTransaction extends Rule {

    /** The strongest lock that DDL in the current transaction took, per table key. */
    private record Held(PgLocks.Lock lock, int line) {}

    private final Map<String, Held> held = new HashMap<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.TransactionControl tc && (tc.kind() == Operation.TxKind.COMMIT || tc.kind() == Operation.TxKind.ROLLBACK)) {
            if (!ctx.runnerWraps()) held.clear();
            return;
        }
        if (op instanceof Operation.DataChange dc && (dc.kind() == Operation.DataKind.UPDATE || dc.kind() == Operation.DataKind.DELETE) && dc.table() != null) {
            String key = ctx.tableKey(dc.table());
            Held h = held.get(key);
            if (h != null && ctx.tablesLockedInTransaction().contains(key)) report(ctx, dc, h);
            return;
        }
        if (!ctx.inTransaction()) return;
        for (PgLocks.Lock l : PgLocks.of(op, ctx.schema())) {
            if (l.table() == null || !l.mode().blocksWrites()) continue;
            String key = ctx.tableKey(l.table());
            Held prev = held.get(key);
            if (prev == null || prev.lock().mode().compareTo(l.mode()) < 0) held.put(key, new Held(l, ctx.statement().line()));
        }
    }

    /** SET ... up to WHERE / FROM / RETURNING, and WHERE ... up to RETURNING, of a simple UPDATE / DELETE. */
    private static final Pattern SET = Pattern.compile("(?is)\\bSET\\s+(.+?)(?:\\s+(?:WHERE|FROM|RETURNING)\\b.*)?$");
    private static final Pattern WHERE = Pattern.compile("(?is)\\bWHERE\\s+(.+?)(?:\\s+RETURNING\\b.*)?$");

    private static Optional<String> clause(String text, Pattern p) {
        Matcher m = p.matcher(text.trim());
        if (!m.find()) return Optional.empty();
        String c = m.group(1).trim();
        // a subquery cut in half (SET x = (SELECT ... WHERE ...)) is no use in a fix
        return c.chars().filter(ch -> ch == '(').count() == c.chars().filter(ch -> ch == ')').count() ? Optional.of(c) : Optional.empty();
    }

    /**
     * Whether the UPDATE's own WHERE can tell rows already done (it tests a column the UPDATE sets);
     * otherwise repeating the batch would update the same rows again.
     */
    private static boolean excludesDone(String where, Operation.DataChange dc) {
        String w = where.toLowerCase(java.util.Locale.ROOT);
        return dc.setColumns().stream().anyMatch(c -> Pattern.compile("\\b" + Pattern.quote(c.toLowerCase(java.util.Locale.ROOT)) + "\\b").matcher(w).find());
    }

    private void report(OperationContext ctx, Operation.DataChange dc, Held h) {
        Dialect d = ctx.dialect();
        TableRef t = dc.table();
        String verb = dc.kind() == Operation.DataKind.UPDATE ? "UPDATE" : "DELETE";
        String tx = ctx.explicitTransactionOpen() ? "the same transaction" : "the same transaction (" + Runners.wraps(ctx.migration()) + ")";
        String message = verb + " of " + t + " runs in " + tx + " as the schema change on line " + h.line() + ", so the " + h.lock().mode().sql()
                + " lock that statement took on " + t + " is held until the whole " + verb + " has finished and the transaction commits: "
                + (h.lock().mode() == PgLocks.Mode.ACCESS_EXCLUSIVE ? "all reads and writes" : "all writes") + " on " + t + " wait for the backfill";
        String text = ctx.statement().text() == null || ctx.statement().status() == Statement.ParseStatus.ORM ? "" : ctx.statement().text();
        Optional<String> where = clause(text, WHERE);
        String batch;
        if (dc.kind() == Operation.DataKind.UPDATE) {
            String set = clause(text, SET).orElseGet(() -> FixSql.setValues(d, dc.setColumns()));
            batch = FixSql.batchedUpdate(ctx, t, set, where.map(w -> excludesDone(w, dc) ? w : w + " AND " + FixSql.NOT_YET_DONE).orElse(null));
        } else {
            batch = "-- in batches, each in its own transaction; repeat until it deletes 0 rows:\n"
                    + FixSql.batchedDelete(ctx, t, where.orElse(FixSql.NOT_YET_DONE));
        }
        String first = ctx.explicitTransactionOpen()
                ? "-- COMMIT the schema change before the backfill, then:\n"
                : "-- move the backfill into a migration of its own (this one runs in a single transaction), then:\n";
        ctx.report(this, message, h.lock().describe() + " held until COMMIT", first + batch);
    }
}

package dev.dbmigrate.analyse.rules.mysql;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An ALTER that explicitly asks for ALGORITHM=COPY or LOCK=SHARED / LOCK=EXCLUSIVE: the table is
 * copied, or locked against writes (SHARED) or reads and writes (EXCLUSIVE), for the whole ALTER.
 * Asking for ALGORITHM=INPLACE / INSTANT and LOCK=NONE instead makes the server refuse a change it
 * cannot do online, rather than silently blocking.
 */
@RuleSpec(
        id = "mysql-lock-option",
        summary = "Explicit ALGORITHM=COPY or LOCK=SHARED/EXCLUSIVE blocks the table for the whole ALTER",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = {Dialect.MYSQL, Dialect.MARIADB})
public final class MysqlLockOption extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.TableAlgorithmLock tal) || tal.table() == null) return;
        String algorithm = tal.algorithm() == null ? "" : tal.algorithm().toUpperCase(Locale.ROOT);
        String lockMode = tal.lock() == null ? "" : tal.lock().toUpperCase(Locale.ROOT);
        boolean copy = algorithm.equals("COPY");
        boolean exclusive = lockMode.equals("EXCLUSIVE");
        boolean shared = lockMode.equals("SHARED");
        if (!copy && !exclusive && !shared) return;
        List<String> what = new ArrayList<>();
        if (copy) what.add("ALGORITHM=COPY rebuilds " + tal.table() + " by copying every row, with writes blocked");
        if (exclusive) what.add("LOCK=EXCLUSIVE blocks reads and writes on " + tal.table());
        else if (shared) what.add("LOCK=SHARED blocks writes on " + tal.table());
        String lock = exclusive ? "exclusive lock on " + tal.table() + " (blocks reads and writes for the whole ALTER)"
                : copy ? Locks.mysqlCopy(tal.table())
                : "shared lock on " + tal.table() + " (blocks writes for the whole ALTER)";
        ctx.report(this,
                String.join("; ", what) + ", for the whole ALTER however long it takes",
                lock,
                """
                -- ask for the online path and let MySQL refuse (instead of blocking) when it cannot take it:
                ALTER TABLE %s <the same clauses>, ALGORITHM=INPLACE, LOCK=NONE;  -- or ALGORITHM=INSTANT where it applies
                -- if it is refused, run the change with gh-ost or pt-online-schema-change""".formatted(SqlText.table(ctx.dialect(), tal.table())),
                RuleSupport.rowsEvidence(ctx, tal.table()));
    }
}

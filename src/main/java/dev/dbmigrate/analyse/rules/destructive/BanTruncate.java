package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * TRUNCATE of an existing table. With CASCADE (PostgreSQL) it also empties every table that
 * references it, transitively; those are listed from the schema. Without CASCADE, PostgreSQL and
 * MySQL refuse to truncate a table that another table references.
 */
@RuleSpec(
        id = "ban-truncate",
        summary = "TRUNCATE deletes every row (with CASCADE: of the referencing tables too)",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class BanTruncate extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.Truncate tr)) return;
        List<TableRef> targets = tr.tables().stream().filter(t -> !ctx.isNewTable(t)).toList();
        if (targets.isEmpty()) return;
        Dialect d = ctx.dialect();
        Set<String> truncated = new LinkedHashSet<>();
        for (TableRef t : tr.tables()) truncated.add(ctx.tableKey(t));
        List<TableRef> referencing = referencing(ctx, targets, truncated, tr.cascade());

        StringBuilder msg = new StringBuilder("TRUNCATE deletes every row of ").append(join(targets)).append(" at once, with no WHERE and no way back");
        if (d.isMysqlFamily()) msg.append(" (on MySQL it is DDL: it commits implicitly and cannot be rolled back)");
        if (tr.cascade() && !referencing.isEmpty()) {
            msg.append("; CASCADE also empties every table that references ").append(targets.size() == 1 ? "it" : "them")
                    .append(": ").append(join(referencing));
        } else if (!tr.cascade() && !referencing.isEmpty()) {
            msg.append("; ").append(join(referencing)).append(referencing.size() == 1 ? " references" : " reference").append(" it, so ")
                    .append(d == Dialect.POSTGRESQL ? "PostgreSQL refuses without CASCADE" : d.isMysqlFamily() ? "MySQL refuses it" : "its foreign keys break");
        }
        List<String> ev = new ArrayList<>();
        for (TableRef t : targets) ev.add(RuleSupport.rowsEvidence(ctx, t));
        if (tr.cascade()) for (TableRef t : referencing) ev.add(RuleSupport.rowsEvidence(ctx, t));
        StringBuilder fix = new StringBuilder("-- delete only the rows that must go, in batches (repeat until it deletes nothing):\n");
        for (TableRef t : targets) fix.append(FixSql.batchedDelete(ctx, t, null)).append('\n');
        if (tr.cascade() && !referencing.isEmpty()) fix.append("-- and decide explicitly what happens to the referencing rows in ").append(join(referencing)).append('\n');
        ctx.report(this, msg.toString(),
                d == Dialect.POSTGRESQL ? Locks.accessExclusive(targets.get(0)) : null,
                fix.toString().strip(),
                RuleSupport.evidence(ev.toArray(String[]::new)));
    }

    /** Tables whose foreign keys point at the targets; transitively when cascading. */
    private static List<TableRef> referencing(OperationContext ctx, List<TableRef> targets, Set<String> truncated, boolean transitive) {
        List<TableRef> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>(truncated);
        List<TableRef> queue = new ArrayList<>(targets);
        while (!queue.isEmpty()) {
            TableRef t = queue.remove(0);
            for (Map.Entry<Table, ConstraintDef> e : ctx.schema().referencing(t)) {
                TableRef child = e.getKey().ref();
                if (seen.add(ctx.tableKey(child))) {
                    out.add(child);
                    if (transitive) queue.add(child);
                }
            }
        }
        return out;
    }

    private static String join(List<TableRef> ts) {
        return String.join(", ", ts.stream().map(Object::toString).toList());
    }
}

package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@RuleSpec(
        id = "require-concurrent-reindex",
        summary = "REINDEX without CONCURRENTLY blocks writes to the table and reads that use the index",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class RequireConcurrentReindex extends Rule {

    /** REINDEX ... CONCURRENTLY exists from PostgreSQL 12. */
    static final int CONCURRENT_SINCE = 12;

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.Reindex ri) || ri.concurrently()) return;
        String kind = ri.kind() == null ? "INDEX" : ri.kind().toUpperCase(Locale.ROOT);
        Optional<Table> table = switch (kind) {
            case "INDEX" -> ctx.schema().tableOfIndex(ri.target());
            case "TABLE" -> ctx.schema().table(TableRef.of(ri.target()));
            default -> Optional.empty();
        };
        TableRef ref = table.map(Table::ref).orElse(kind.equals("TABLE") ? TableRef.of(ri.target()) : null);
        if (ref != null && ctx.isNewTable(ref)) return;
        Dialect d = ctx.dialect();
        String what = kind.toLowerCase(Locale.ROOT) + " " + ri.target();
        String lock = PgLocks.of(op, ctx.schema()).get(0).describe()
                + "; ACCESS EXCLUSIVE on " + (kind.equals("INDEX") ? "index " + ri.target() : "each index while it is rebuilt")
                + " (queries that would use it wait)";
        String message = "REINDEX " + what + " rebuilds the index" + (kind.equals("INDEX") ? "" : "es") + " from scratch while blocking every write to "
                + (ref == null ? "the tables" : ref.toString()) + " and every read that would use " + (kind.equals("INDEX") ? "it" : "them");
        String fix;
        if (kind.equals("SYSTEM")) {
            fix = "-- system catalogs cannot be reindexed concurrently: run REINDEX SYSTEM in a maintenance window, not in a migration";
        } else if (ctx.pgVersion() >= CONCURRENT_SINCE) {
            fix = FixSql.NO_TX + "\nREINDEX " + kind + " CONCURRENTLY " + FixSql.name(d, ri.target()) + ";";
        } else {
            message += ". REINDEX ... CONCURRENTLY needs PostgreSQL 12+, and this project targets PostgreSQL " + ctx.pgVersion();
            fix = rebuildByHand(d, kind, ri.target(), table);
        }
        ctx.report(this, message, lock, fix);
    }

    /** Before PostgreSQL 12: build a copy concurrently, swap it in, drop the old one. */
    private static String rebuildByHand(Dialect d, String kind, String target, Optional<Table> table) {
        StringBuilder sb = new StringBuilder("-- PostgreSQL < 12 has no REINDEX CONCURRENTLY (upgrade, or rebuild by hand):\n" + FixSql.NO_TX + "\n");
        List<IndexDef> indexes = table.map(Table::indexes).orElse(List.of()).stream()
                .filter(i -> !kind.equals("INDEX") || i.name().equals(target)).toList();
        if (indexes.isEmpty()) {
            String n = kind.equals("INDEX") ? target : "<index>";
            return sb.append("CREATE INDEX CONCURRENTLY ").append(FixSql.name(d, n + "_new")).append(" ON <table> (<same columns>);\n")
                    .append("DROP INDEX CONCURRENTLY ").append(FixSql.name(d, n)).append(";\n")
                    .append("ALTER INDEX ").append(FixSql.name(d, n + "_new")).append(" RENAME TO ").append(FixSql.name(d, n)).append(";").toString();
        }
        for (IndexDef i : indexes) {
            sb.append(FixSql.createIndex(d, i, i.name() + "_new", true)).append('\n')
                    .append("DROP INDEX CONCURRENTLY ").append(FixSql.name(d, i.name())).append(";\n")
                    .append("ALTER INDEX ").append(FixSql.name(d, i.name() + "_new")).append(" RENAME TO ").append(FixSql.name(d, i.name())).append(";\n");
        }
        return sb.append("-- indexes behind PRIMARY KEY / UNIQUE constraints: build the new one concurrently, then swap the constraint with ADD CONSTRAINT ... USING INDEX")
                .toString();
    }
}

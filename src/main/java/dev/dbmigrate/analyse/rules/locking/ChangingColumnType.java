package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.TypeChanges;
import java.util.Optional;

/**
 * A column type change that rewrites the table. PostgreSQL: every change that is not
 * binary-coercible ({@link TypeChanges}). MySQL / MariaDB are left to {@code mysql-table-copy},
 * which names the copy algorithm, so that one statement does not get two findings saying the same.
 * SQLite has no ALTER COLUMN TYPE (that is {@code sqlite-unsupported-alter}); the rule fires there
 * only when the statement carries a {@link Operation.TableRebuild} marker: the ORM (Django's schema
 * editor, Alembic batch mode) changes the type by copying the table into a new one. Such a marker
 * makes any type change a full copy on PostgreSQL too.
 */
@RuleSpec(
        id = "changing-column-type",
        summary = "A column type change that rewrites the whole table under an exclusive lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.SQLITE})
public final class ChangingColumnType extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        Optional<RuleSupport.TypeChange> tc = RuleSupport.typeChange(op);
        if (tc.isEmpty()) return;
        TableRef table = tc.get().table();
        String column = tc.get().column();
        SqlType to = tc.get().to();
        Dialect d = ctx.dialect();
        Optional<Operation.TableRebuild> rebuild = rebuildMarker(ctx, table);
        if (d == Dialect.SQLITE && rebuild.isEmpty()) return; // SQLite itself cannot do it: sqlite-unsupported-alter
        SqlType from = RuleSupport.column(ctx, table, column).map(ColumnDef::type).orElse(null);
        if (from == null && op instanceof Operation.RedefineColumn) return; // nothing to compare a redefinition with
        TypeChanges.Change change = TypeChanges.classify(d, from, to);
        if (change.same() || (!change.rewrite() && rebuild.isEmpty())) return;
        String what = table + "." + column + (from == null ? "" : " from " + from) + " to " + to;
        String message;
        String lock;
        if (rebuild.isPresent()) {
            message = "Changing " + what + " rebuilds " + table + " (" + rebuild.get().reason() + "): every row is copied into a new table"
                    + (d == Dialect.SQLITE ? " inside one write transaction, and every other writer to the database waits until the copy is done"
                            : " while the old one is locked, and all reads and writes on " + table + " wait until the copy is done");
            lock = d == Dialect.SQLITE ? "database write lock (SQLite) for the whole table copy" : Locks.accessExclusive(table) + " for the whole table copy";
        } else {
            message = "Changing " + what + " rewrites the whole table and rebuilds its indexes while holding an ACCESS EXCLUSIVE lock: all reads and writes on "
                    + table + " wait until it finishes (" + (from == null ? "the previous type is not known; only changes such as varchar(n) to a longer varchar or to text avoid the rewrite" : change.reason()) + ")";
            lock = PgLocks.describe(PgLocks.of(op, ctx.schema()));
        }
        ctx.report(this, message, lock, fix(ctx, table, column, to, tc.get().using(), change));
    }

    /** The statement's marker saying that the runner rebuilds {@code table} (Django / Alembic batch on SQLite). */
    private static Optional<Operation.TableRebuild> rebuildMarker(OperationContext ctx, TableRef table) {
        for (Operation o : ctx.statement().operations()) {
            if (o instanceof Operation.TableRebuild tr && tr.table() != null && ctx.tableKey(tr.table()).equals(ctx.tableKey(table))) return Optional.of(tr);
        }
        return Optional.empty();
    }

    private static String fix(OperationContext ctx, TableRef table, String column, SqlType to, String using, TypeChanges.Change change) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String c = SqlText.quote(d, column);
        String tmp = SqlText.quote(d, column + "_new");
        String old = SqlText.quote(d, column + "_old");
        StringBuilder sb = new StringBuilder();
        if (d == Dialect.POSTGRESQL && ctx.pgVersion() >= 12 && change.reason().contains("UTC")) {
            sb.append("-- PostgreSQL 12+ skips the rewrite when the session time zone is UTC (and the values are meant as UTC):\n")
                    .append("SET timezone = 'UTC';\n")
                    .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" TYPE ").append(to).append(";\n")
                    .append("-- otherwise, expand/contract:\n");
        } else {
            sb.append("-- expand/contract instead of rewriting the table in place:\n");
        }
        String cast = using != null ? using : c + "::" + to;
        sb.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(tmp).append(' ').append(to).append(";\n")
                .append("-- deploy code that writes both ").append(column).append(" and ").append(column).append("_new (or a trigger that copies it)\n")
                .append(FixSql.batchedUpdate(ctx, table, tmp + " = " + cast, tmp + " IS NULL AND " + c + " IS NOT NULL")).append('\n')
                .append("-- switch reads to ").append(column).append("_new and deploy; then, in a later migration (brief locks, no rewrite):\n")
                .append("ALTER TABLE ").append(t).append(" RENAME COLUMN ").append(c).append(" TO ").append(old).append(";\n")
                .append("ALTER TABLE ").append(t).append(" RENAME COLUMN ").append(tmp).append(" TO ").append(c).append(";\n")
                .append("-- once nothing reads it any more:\n")
                .append("ALTER TABLE ").append(t).append(" DROP COLUMN ").append(old).append(';');
        return sb.toString();
    }
}

package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.ImplicitNames;
import dev.dbmigrate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Foreign keys added in this migration whose referencing columns have no index leading with them
 * once the migration is done. Not for MySQL / MariaDB: InnoDB creates that index itself. Not for a
 * table whose definition is unknown (only ever altered in the history): its indexes are unknown too.
 */
@RuleSpec(
        id = "foreign-key-missing-index",
        summary = "A foreign key whose referencing columns have no index: parent deletes and updates scan the child table",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.SQLITE})
public final class ForeignKeyMissingIndex extends Rule {

    private record Added(TableRef table, List<String> columns, TableRef refTable, Statement at) {}

    private final List<Added> added = new ArrayList<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (op instanceof Operation.CreateTable ct) {
            for (ColumnDef c : ct.columns()) {
                if (c.references() != null) remember(ctx, ct.table(), List.of(c.name()), c.references().table());
            }
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) remember(ctx, ct.table(), c.columns(), c.refTable());
            }
        } else if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            remember(ctx, ac.table(), ac.constraint().columns(), ac.constraint().refTable());
        } else if (op instanceof Operation.AddColumn ac && ac.column().references() != null) {
            remember(ctx, ac.table(), List.of(ac.column().name()), ac.column().references().table());
        } else if (op instanceof Operation.RedefineColumn rd && rd.definition().references() != null) {
            remember(ctx, rd.table(), List.of(rd.definition().name()), rd.definition().references().table());
        }
    }

    private void remember(OperationContext ctx, TableRef table, List<String> cols, TableRef ref) {
        if (cols.isEmpty()) return;
        for (Added a : added) {
            if (ctx.tableKey(a.table()).equals(ctx.tableKey(table)) && a.columns().equals(cols)) return;
        }
        added.add(new Added(table, cols, ref, ctx.statement()));
    }

    @Override
    public void finish(MigrationContext ctx) {
        Dialect d = ctx.dialect();
        for (Added a : added) {
            Optional<Table> t = ctx.schemaAfter().table(a.table());
            if (t.isEmpty() || !t.get().complete()) continue;
            boolean stillThere = t.get().constraints().stream()
                    .anyMatch(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.columns().equals(a.columns()));
            if (!stillThere || t.get().hasIndexLeadingWith(a.columns())) continue;
            String cols = String.join(", ", a.columns());
            String parent = a.refTable() == null ? "the referenced table" : a.refTable().toString();
            String name = ImplicitNames.pgObjectName(a.table().name(), ImplicitNames.pgColumnPart(a.columns()), "idx");
            IndexDef index = new IndexDef(name, a.table(), a.columns(), false, null, null, null);
            boolean concurrently = d == Dialect.POSTGRESQL && !ctx.isNewTable(a.table());
            String fix = (concurrently ? FixSql.NO_TX + "\n" : "") + FixSql.createIndex(d, index, name, concurrently);
            ctx.report(this, a.at(),
                    "Foreign key " + a.table() + " (" + cols + ") -> " + parent + " has no index on " + a.table() + " (" + cols + ") by the end of this"
                            + " migration: every DELETE of a " + parent + " row, and every change of its key, scans " + a.table()
                            + " for referencing rows" + (d == Dialect.SQLITE ? " (when foreign keys are enforced)" : " while holding locks")
                            + ", and joins on the key cannot use an index",
                    null, fix);
        }
    }
}

package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

@RuleSpec(
        id = "foreign-key-missing-on-delete",
        summary = "A foreign key without an explicit ON DELETE behaviour",
        category = Category.STYLE,
        severity = Severity.INFO)
public final class ForeignKeyMissingOnDelete extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        // Django carries out on_delete (required on every ForeignKey) in Python and always creates NO ACTION constraints
        if (ctx.migration() != null && ctx.migration().tool() == Tool.DJANGO) return;
        List<ConstraintDef> fks = new ArrayList<>();
        if (op instanceof Operation.CreateTable ct) {
            for (ColumnDef c : ct.columns()) {
                if (c.references() != null) fks.add(FixSql.foreignKeyOf(c, null));
            }
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) fks.add(c);
            }
        } else if (op instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            fks.add(ac.constraint());
        } else if (op instanceof Operation.AddColumn ac && ac.column().references() != null) {
            fks.add(FixSql.foreignKeyOf(ac.column(), null));
        } else if (op instanceof Operation.RedefineColumn rd && rd.definition().references() != null) {
            fks.add(FixSql.foreignKeyOf(rd.definition(), null));
        }
        List<ConstraintDef> missing = fks.stream().filter(fk -> fk.onDelete() == null).toList();
        if (missing.isEmpty()) return;
        TableRef table = op.table();
        String list = missing.stream().map(fk -> table + " (" + String.join(", ", fk.columns()) + ") -> " + fk.refTable())
                .collect(Collectors.joining(", "));
        ConstraintDef first = missing.get(0);
        Dialect d = ctx.dialect();
        String parent = first.refTable() == null ? "referenced" : first.refTable().toString();
        ctx.report(this,
                (missing.size() == 1 ? "Foreign key " : "Foreign keys ") + list + (missing.size() == 1 ? " has" : " have")
                        + " no ON DELETE clause, so deleting a " + parent + " row that " + table + " still references fails with a foreign key"
                        + " error (NO ACTION); state what should happen to the " + table + " rows",
                null,
                "-- pick one, e.g. for " + table + " (" + String.join(", ", first.columns()) + "):\n"
                        + FixSql.body(d, withOnDelete(first, "CASCADE")) + "   -- delete them with their " + parent + " row\n"
                        + FixSql.body(d, withOnDelete(first, "SET NULL")) + "  -- keep them, unlinked (the column must be nullable)\n"
                        + FixSql.body(d, withOnDelete(first, "RESTRICT")) + "  -- refuse the delete (today's behaviour, made explicit)");
    }

    private static ConstraintDef withOnDelete(ConstraintDef c, String action) {
        return new ConstraintDef(c.name(), c.kind(), c.columns(), c.refTable(), c.refColumns(), action, c.onUpdate(), c.expression(),
                c.notValid(), c.usingIndex(), c.deferrable());
    }
}

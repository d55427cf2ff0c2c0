package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.TypeChanges;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

@RuleSpec(
        id = "prefer-bigint-over-int",
        summary = "Primary and foreign key columns of type int/integer/serial overflow at 2^31",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class PreferBigintOverInt extends ColumnTypeStyleRule {

    private static final Set<String> SMALL_INTS = Set.of("integer", "serial", "smallint", "smallserial");

    /** Also a foreign key added to existing columns (the way Prisma and most ORMs write it: CREATE TABLE, then ADD CONSTRAINT). */
    @Override
    public void check(OperationContext ctx, Operation op) {
        super.check(ctx, op);
        if (!(op instanceof Operation.AddConstraint ac) || ac.constraint().kind() != ConstraintDef.Kind.FOREIGN_KEY) return;
        List<ColumnDef> small = ac.constraint().columns().stream()
                .map(c -> ctx.schema().table(ac.table()).flatMap(t -> t.column(c)).orElse(null))
                .filter(c -> c != null && c.type() != null && SMALL_INTS.contains(TypeChanges.base(c.type())))
                .toList();
        if (small.isEmpty()) return;
        String where = ctx.isNewTable(ac.table()) ? "in the CREATE TABLE " + ac.table() + " above" : "in a new column (changing the type in place rewrites " + ac.table() + ")";
        ctx.report(this, message(ac.table(), small), null,
                "-- declare " + names(ac.table(), small) + " as bigint " + where + ", and the referenced key too");
    }

    @Override
    protected boolean flags(OperationContext ctx, Operation op, ColumnDef c, String base) {
        return SMALL_INTS.contains(base) && isKey(ctx, op, c);
    }

    private static boolean isKey(OperationContext ctx, Operation op, ColumnDef c) {
        if (c.primaryKey() || c.references() != null) return true;
        Stream<ConstraintDef> constraints = op instanceof Operation.CreateTable ct
                ? ct.constraints().stream()
                : ctx.schema().table(op.table()).map(t -> t.constraints().stream()).orElse(Stream.empty());
        return constraints.anyMatch(k -> (k.kind() == ConstraintDef.Kind.PRIMARY_KEY || k.kind() == ConstraintDef.Kind.FOREIGN_KEY)
                && k.columns().contains(c.name()));
    }

    @Override
    protected String message(TableRef table, List<ColumnDef> cols) {
        boolean small = cols.stream().allMatch(c -> TypeChanges.base(c.type()).startsWith("small"));
        return (cols.size() == 1 ? "Key column " : "Key columns ") + names(table, cols) + (cols.size() == 1 ? " is " : " are ")
                + cols.stream().map(c -> typeText(c.type())).distinct().reduce((a, b) -> a + "/" + b).orElse("")
                + ": such keys run out at " + (small ? "32,767" : "2,147,483,647 (2^31 - 1)") + " values, and moving to bigint later"
                + " rewrites the table and every table that references it under ACCESS EXCLUSIVE locks";
    }

    @Override
    protected String preferredType(ColumnDef c) {
        return TypeChanges.base(c.type()).endsWith("serial") ? "bigint GENERATED ALWAYS AS IDENTITY" : "bigint";
    }
}

package dev.dbmigrate.analyse.rules.support;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.db.probe.Counts;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.ImplicitNames;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.stream.Collectors;

/** What rules look up: the schema before an operation, the names the database will give, evidence from a database. The SQL of fixes is {@link FixSql}. */
public final class RuleSupport {

    private RuleSupport() {}

    /** The column as the schema knew it just before this operation. */
    public static Optional<ColumnDef> column(OperationContext ctx, TableRef table, String column) {
        if (table == null || column == null) return Optional.empty();
        return ctx.schema().table(table).flatMap(t -> t.column(column));
    }

    /** Names compare case-sensitively on PostgreSQL (names are already folded), case-insensitively elsewhere. */
    public static boolean sameName(Dialect d, String a, String b) {
        if (a == null || b == null) return a == b;
        return d == Dialect.POSTGRESQL ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    /**
     * The constraint that {@code op} adds to {@code table}, with the name the database will give
     * it (PostgreSQL's implicit {@code orders_customer_id_fkey}...), found by a trial application of
     * the operation to the schema.
     */
    public static Optional<ConstraintDef> added(OperationContext ctx, TableRef table, Operation op, ConstraintDef.Kind kind) {
        Schema before = ctx.schema();
        Set<String> had = new HashSet<>();
        before.table(table).ifPresent(t -> t.constraints().forEach(c -> had.add(c.name())));
        return before.trial(op, after -> {
            Optional<Table> t = after.table(table);
            if (t.isEmpty()) return Optional.<ConstraintDef>empty();
            List<ConstraintDef> cs = t.get().constraints();
            for (int i = cs.size() - 1; i >= 0; i--) {
                ConstraintDef c = cs.get(i);
                if (c.kind() == kind && !had.contains(c.name())) return Optional.of(c);
            }
            return Optional.<ConstraintDef>empty();
        });
    }

    /** The constraint's name: as written, else as the database will name it. */
    public static String nameOf(OperationContext ctx, Operation.AddConstraint ac) {
        if (ac.constraint().name() != null) return ac.constraint().name();
        return added(ctx, ac.table(), ac, ac.constraint().kind()).map(ConstraintDef::name)
                .orElseGet(() -> ImplicitNames.pgObjectName(ac.table().name(), ImplicitNames.pgColumnPart(ac.constraint().columns()),
                        ImplicitNames.pgLabel(ac.constraint().kind())));
    }

    /** A column's new type, from ALTER COLUMN ... TYPE (with its USING, else null) or a redefinition that states a type. */
    public record TypeChange(TableRef table, String column, SqlType to, String using) {}

    /** The type change that {@code op} makes, if it makes one. */
    public static Optional<TypeChange> typeChange(Operation op) {
        if (op instanceof Operation.AlterColumnType at) return Optional.of(new TypeChange(at.table(), at.column(), at.type(), at.using()));
        if (op instanceof Operation.RedefineColumn rd && rd.definition().type() != null) {
            return Optional.of(new TypeChange(rd.table(), rd.column(), rd.definition().type(), null));
        }
        return Optional.empty();
    }

    /** The column that identifies a row: the single-column primary key, SQLite's rowid, or "id". */
    public static String keyColumn(OperationContext ctx, TableRef table) {
        Optional<ConstraintDef> pk = ctx.schema().table(table).flatMap(Table::primaryKey);
        if (pk.isPresent() && pk.get().columns().size() == 1) return pk.get().columns().get(0);
        return ctx.dialect() == Dialect.SQLITE ? "rowid" : "id";
    }

    /** "orders: ~12,000 rows", or null without a database. */
    public static String rowsEvidence(OperationContext ctx, TableRef table) {
        OptionalLong n = ctx.data().rowEstimate(table);
        return n.isPresent() ? Counts.tableRows(table, n.getAsLong()) : null;
    }

    /** Joins evidence parts, skipping nulls; null when none. */
    public static String evidence(String... parts) {
        String s = java.util.Arrays.stream(parts).filter(p -> p != null && !p.isBlank()).collect(Collectors.joining("; "));
        return s.isEmpty() ? null : s;
    }

    /** Lower-case type base name, or "". */
    public static String typeName(ColumnDef c) {
        return c == null || c.type() == null ? "" : c.type().name().toLowerCase(Locale.ROOT);
    }
}

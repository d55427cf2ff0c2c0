package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.ImplicitNames;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** SQL pieces for the fixes of the PostgreSQL rules, using the statement's own names. */
public final class PgSql {

    private PgSql() {}

    /** Rows per batch in generated backfill loops. */
    static final int BATCH = 10_000;

    /**
     * The constraint that {@code op} adds to {@code table}, with the name the database will give
     * it (PostgreSQL's implicit {@code orders_customer_id_fkey}...), found by replaying the
     * operation on a copy of the schema.
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

    /** An object name that may carry a schema ("public.orders_email_idx"), quoted part by part. */
    public static String name(Dialect d, String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? SqlText.quote(d, name.substring(0, dot)) + "." + SqlText.quote(d, name.substring(dot + 1)) : SqlText.quote(d, name);
    }

    /** {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] name ON t [USING m] (cols) [INCLUDE (...)] [WHERE ...];} */
    public static String createIndex(Dialect d, IndexDef i, String name, boolean concurrently) {
        return "CREATE " + (i.unique() ? "UNIQUE " : "") + "INDEX " + (concurrently ? "CONCURRENTLY " : "")
                + (name == null ? "" : name(d, name) + " ") + "ON " + SqlText.table(d, i.table())
                + (i.method() == null || i.method().equalsIgnoreCase("btree") ? "" : " USING " + i.method())
                + " (" + SqlText.columns(d, i.columns()) + ")"
                + (i.include().isEmpty() ? "" : " INCLUDE (" + SqlText.columns(d, i.include()) + ")")
                + (i.where() == null ? "" : " WHERE " + i.where()) + ";";
    }

    /** A column definition without its inline constraints: {@code name type [DEFAULT x] [NOT NULL]}. */
    public static String column(Dialect d, ColumnDef c) {
        return SqlText.quote(d, c.name()) + (c.type() == null ? "" : " " + c.type())
                + (c.defaultExpr() == null ? "" : " DEFAULT " + c.defaultExpr()) + (c.notNull() ? " NOT NULL" : "");
    }

    /** The table-level form of a column's inline REFERENCES. */
    public static ConstraintDef foreignKeyOf(ColumnDef c, String name) {
        ColumnDef.ForeignKeyRef r = c.references();
        return ConstraintDef.foreignKey(name, List.of(c.name()), r.table(), r.column() == null ? List.of() : List.of(r.column()), r.onDelete(), r.onUpdate());
    }

    /** The body of a constraint definition: {@code FOREIGN KEY (a) REFERENCES t (id) ON DELETE CASCADE}, {@code CHECK (x > 0)}... */
    public static String body(Dialect d, ConstraintDef c) {
        String cols = SqlText.columns(d, c.columns());
        return switch (c.kind()) {
            case PRIMARY_KEY -> "PRIMARY KEY (" + cols + ")";
            case UNIQUE -> "UNIQUE (" + cols + ")";
            case CHECK -> "CHECK (" + unwrap(c.expression()) + ")";
            case EXCLUDE -> "EXCLUDE " + (c.expression() == null ? "" : c.expression());
            case FOREIGN_KEY -> "FOREIGN KEY (" + cols + ") REFERENCES " + (c.refTable() == null ? "?" : SqlText.table(d, c.refTable()))
                    + (c.refColumns().isEmpty() ? "" : " (" + SqlText.columns(d, c.refColumns()) + ")")
                    + (c.onDelete() == null ? "" : " ON DELETE " + c.onDelete())
                    + (c.onUpdate() == null ? "" : " ON UPDATE " + c.onUpdate());
        };
    }

    /** Strips one pair of parentheses that wraps the whole expression. */
    static String unwrap(String expr) {
        if (expr == null) return "";
        String s = expr.trim();
        if (!s.startsWith("(") || !s.endsWith(")")) return s;
        int depth = 0;
        for (int i = 0; i < s.length(); i++) {
            char ch = s.charAt(i);
            if (ch == '(') depth++;
            else if (ch == ')' && --depth == 0 && i < s.length() - 1) return s;
        }
        return s.substring(1, s.length() - 1).trim();
    }

    /**
     * A batched backfill: updates {@value #BATCH} rows per statement by primary key (or ctid /
     * rowid when the key is unknown), to repeat until it reports 0 rows, each batch in its own transaction.
     */
    public static String batchedUpdate(Dialect d, Schema schema, TableRef table, String set, String pendingWhere) {
        String key = schema.table(table).flatMap(Table::primaryKey)
                .filter(pk -> pk.columns().size() == 1).map(pk -> SqlText.quote(d, pk.columns().get(0))).orElse(d == Dialect.SQLITE ? "rowid" : "ctid");
        String t = SqlText.table(d, table);
        return """
                -- in batches, each in its own transaction; repeat until it updates 0 rows:
                UPDATE %1$s SET %2$s
                WHERE %3$s IN (SELECT %3$s FROM %1$s WHERE %4$s LIMIT %5$d);""".formatted(t, set, key, pendingWhere, BATCH);
    }

    private static final Map<String, String> SERIAL_BASE = Map.of("serial", "integer", "serial4", "integer", "bigserial", "bigint",
            "serial8", "bigint", "smallserial", "smallint", "serial2", "smallint");

    /** The integer type behind serial / bigserial / smallserial, or null for other types. */
    public static String serialBase(SqlType t) {
        return t == null ? null : SERIAL_BASE.get(t.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Adding a column whose values must be computed per row, without rewriting the table: add it
     * empty, give new rows their value, backfill the old rows in batches. Serial and identity
     * columns get a sequence; stored generated columns get their expression.
     */
    public static String addThenBackfill(Dialect d, Schema schema, TableRef table, ColumnDef col) {
        String t = SqlText.table(d, table);
        String c = SqlText.quote(d, col.name());
        StringBuilder sb = new StringBuilder();
        String base = serialBase(col.type());
        String fill;
        if (base != null || (col.generated() != null && col.generated().identity())) {
            String seq = table.name() + "_" + col.name() + "_seq";
            String type = base != null ? base : String.valueOf(col.type());
            sb.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(c).append(' ').append(type).append(";\n")
                    .append("CREATE SEQUENCE ").append(SqlText.quote(d, seq)).append(" AS ").append(type).append(" OWNED BY ").append(t).append('.').append(c).append(";\n")
                    .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" SET DEFAULT nextval('").append(seq).append("');\n");
            fill = "nextval('" + seq + "')";
        } else if (col.generated() != null && col.generated().expression() != null) {
            sb.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(column(d, ColumnDef.of(col.name(), col.type(), false, null))).append(";\n")
                    .append("-- keep it current for new and updated rows with a BEFORE INSERT OR UPDATE trigger that sets NEW.")
                    .append(col.name()).append(" := ").append(unwrap(col.generated().expression())).append(";\n");
            fill = unwrap(col.generated().expression());
        } else {
            sb.append("ALTER TABLE ").append(t).append(" ADD COLUMN ").append(column(d, ColumnDef.of(col.name(), col.type(), false, null))).append(";\n");
            if (col.defaultExpr() != null) {
                sb.append("-- new rows get the default from now on:\n")
                        .append("ALTER TABLE ").append(t).append(" ALTER COLUMN ").append(c).append(" SET DEFAULT ").append(col.defaultExpr()).append(";\n");
            }
            fill = col.defaultExpr() != null ? col.defaultExpr() : "<value>";
        }
        sb.append(batchedUpdate(d, schema, table, c + " = " + fill, c + " IS NULL"));
        if (col.notNull() || col.primaryKey()) {
            sb.append("\n-- then make it NOT NULL without a long lock: CHECK (").append(c).append(" IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (see adding-not-nullable-field)");
        }
        return sb.toString();
    }

    /** The line that tells the user where the next statements must run. */
    static final String SEPARATE_TX = "-- in a separate transaction (a later migration, or after COMMIT):";

    /** The comment for statements that cannot run inside a transaction block. */
    static final String NO_TX = "-- outside any transaction (a migration the runner does not wrap in one):";
}

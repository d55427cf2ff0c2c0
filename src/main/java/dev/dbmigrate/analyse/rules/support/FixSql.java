package dev.dbmigrate.analyse.rules.support;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The SQL that rules write into their fixes, using the statement's own names: column and constraint
 * definitions, index builds, and batched DML.
 *
 * <p>Batched DML has one form: a statement that touches at most {@value #BATCH} rows that still need
 * it, to repeat (each run in its own transaction) until it reports 0 rows. It runs as written, it can
 * be stopped and resumed, and it needs no particular key type (uuid or sparse keys work), because the
 * WHERE condition, not a key range, says which rows are left. Rows are picked by the single-column
 * primary key, else by PostgreSQL's {@code ctid} / SQLite's {@code rowid}; MySQL and MariaDB do not
 * allow LIMIT in an IN subquery, so there the statement carries {@code LIMIT} itself.
 */
public final class FixSql {

    /** Rows per batch in batched DML. */
    public static final int BATCH = 10_000;

    /** The line that tells the user where the next statements must run. */
    public static final String SEPARATE_TX = "-- in a separate transaction (a later migration, or after COMMIT):";

    /** The comment for statements that cannot run inside a transaction block. */
    public static final String NO_TX = "-- outside any transaction (a migration the runner does not wrap in one):";

    /** Stands for the condition that picks rows not yet backfilled when the rule cannot say it. */
    public static final String NOT_YET_DONE = "<rows not yet done>";

    private FixSql() {}

    /** An object name that may carry a schema ("public.orders_email_idx"), quoted part by part. */
    public static String name(Dialect d, String name) {
        int dot = name.indexOf('.');
        return dot > 0 ? SqlText.quote(d, name.substring(0, dot)) + "." + SqlText.quote(d, name.substring(dot + 1)) : SqlText.quote(d, name);
    }

    /** A column definition without its inline constraints: {@code name type [NOT NULL] [DEFAULT x]}. */
    public static String column(Dialect d, ColumnDef c) {
        StringBuilder sb = new StringBuilder(SqlText.quote(d, c.name()));
        if (c.type() != null) sb.append(' ').append(c.type());
        if (c.notNull()) sb.append(" NOT NULL");
        if (c.defaultExpr() != null) sb.append(" DEFAULT ").append(c.defaultExpr());
        return sb.toString();
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
    public static String unwrap(String expr) {
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

    /** SQL for the length in characters of a column. */
    public static String charLength(Dialect d, String quotedColumn) {
        return switch (d) {
            case MYSQL, MARIADB -> "CHAR_LENGTH(" + quotedColumn + ")";
            case SQLITE -> "length(" + quotedColumn + ")";
            default -> "char_length(" + quotedColumn + ")";
        };
    }

    /** A SET list with placeholders, {@code a = <value>, b = <value>} ({@code <column> = <value>} when no column is known). */
    public static String setValues(Dialect d, List<String> columns) {
        return columns.isEmpty() ? "<column> = <value>" : columns.stream().map(c -> SqlText.quote(d, c) + " = <value>").collect(Collectors.joining(", "));
    }

    /**
     * A batched UPDATE with the comment that says how to run it: {@code set} is the SET list as SQL,
     * {@code pending} the condition true only for rows still to do (after the update it must be false
     * for them, or the repetition never ends); null writes {@link #NOT_YET_DONE} for the user to fill in.
     */
    public static String batchedUpdate(OperationContext ctx, TableRef table, String set, String pending) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String where = pending == null ? NOT_YET_DONE : pending;
        String key = batchKey(ctx, table);
        String stmt;
        if (d.isMysqlFamily()) {
            stmt = "UPDATE " + t + " SET " + set + "\nWHERE " + where + (key == null ? "" : " ORDER BY " + key) + " LIMIT " + BATCH + ";";
        } else {
            stmt = "UPDATE " + t + " SET " + set + "\nWHERE " + key + " IN (SELECT " + key + " FROM " + t + " WHERE " + where + " LIMIT " + BATCH + ");";
        }
        return "-- in batches, each in its own transaction; repeat until it updates 0 rows:\n" + stmt;
    }

    /** A DELETE of at most {@value #BATCH} rows matching {@code where} (null: {@code <condition>}), to repeat until it deletes nothing. */
    public static String batchedDelete(OperationContext ctx, TableRef table, String where) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String w = where == null ? "<condition>" : where;
        String key = batchKey(ctx, table);
        if (d.isMysqlFamily()) return "DELETE FROM " + t + " WHERE " + w + (key == null ? "" : " ORDER BY " + key) + " LIMIT " + BATCH + ";";
        return "DELETE FROM " + t + " WHERE " + key + " IN (SELECT " + key + " FROM " + t + " WHERE " + w + " LIMIT " + BATCH + ");";
    }

    /** The quoted single-column primary key; else ctid (PostgreSQL), rowid (SQLite), null (MySQL: no key needed). */
    private static String batchKey(OperationContext ctx, TableRef table) {
        Dialect d = ctx.dialect();
        return ctx.schema().table(table).flatMap(Table::primaryKey).filter(pk -> pk.columns().size() == 1)
                .map(pk -> SqlText.quote(d, pk.columns().get(0)))
                .orElse(switch (d) {
                    case SQLITE -> "rowid";
                    case MYSQL, MARIADB -> null;
                    default -> "ctid";
                });
    }

    private static final Map<String, String> SERIAL_BASE = Map.of("serial", "integer", "serial4", "integer", "bigserial", "bigint",
            "serial8", "bigint", "smallserial", "smallint", "serial2", "smallint");

    /** The integer type behind serial / bigserial / smallserial, or null for other types. */
    public static String serialBase(SqlType t) {
        return t == null ? null : SERIAL_BASE.get(t.name().toLowerCase(Locale.ROOT));
    }

    /**
     * Adding a column whose values must be computed per row, without rewriting the table (PostgreSQL):
     * add it empty, give new rows their value, backfill the old rows in batches. Serial and identity
     * columns get a sequence; stored generated columns get their expression.
     */
    public static String addThenBackfill(OperationContext ctx, TableRef table, ColumnDef col) {
        Dialect d = ctx.dialect();
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
        sb.append(batchedUpdate(ctx, table, c + " = " + fill, c + " IS NULL"));
        if (col.notNull() || col.primaryKey()) {
            sb.append("\n-- then make it NOT NULL without a long lock: CHECK (").append(c).append(" IS NOT NULL) NOT VALID, VALIDATE, SET NOT NULL (see adding-not-nullable-field)");
        }
        return sb.toString();
    }
}

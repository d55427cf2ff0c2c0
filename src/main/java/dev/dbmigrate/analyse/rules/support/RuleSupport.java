package dev.dbmigrate.analyse.rules.support;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.db.probe.Counts;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Table;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.stream.Collectors;

/** Small pieces the destructive, data, compat, MySQL and SQLite rules share: schema look-ups, evidence, batched DML. */
public final class RuleSupport {

    /** Rows per batch in the batched DML of fixes. */
    public static final int BATCH = 10_000;

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

    /** The column to batch by: the single-column primary key, SQLite's rowid, or "id". */
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

    /** SQL for the length in characters of a column. */
    public static String charLength(Dialect d, String quotedColumn) {
        return switch (d) {
            case MYSQL, MARIADB -> "CHAR_LENGTH(" + quotedColumn + ")";
            case SQLITE -> "length(" + quotedColumn + ")";
            default -> "char_length(" + quotedColumn + ")";
        };
    }

    /** A DELETE that removes at most {@link #BATCH} rows per run, to repeat until it deletes nothing. */
    public static String batchedDelete(OperationContext ctx, TableRef table) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String key = SqlText.quote(d, keyColumn(ctx, table));
        if (d.isMysqlFamily()) {
            return "DELETE FROM " + t + " WHERE <condition> ORDER BY " + key + " LIMIT " + BATCH + ";";
        }
        return "DELETE FROM " + t + " WHERE " + key + " IN (SELECT " + key + " FROM " + t + " WHERE <condition> LIMIT " + BATCH + ");";
    }

    /** An UPDATE over one key range, to run range after range. */
    public static String batchedUpdate(OperationContext ctx, TableRef table, List<String> setColumns, String where) {
        Dialect d = ctx.dialect();
        String key = SqlText.quote(d, keyColumn(ctx, table));
        String set = setColumns.isEmpty() ? "<column> = <value>"
                : setColumns.stream().map(c -> SqlText.quote(d, c) + " = <value>").collect(Collectors.joining(", "));
        return "UPDATE " + SqlText.table(d, table) + " SET " + set + " WHERE " + key + " >= :from AND " + key + " < :from + " + BATCH
                + (where == null ? "" : " AND " + where) + ";";
    }

    /** A column definition for fix SQL: name, type, NOT NULL, DEFAULT. */
    public static String columnSql(Dialect d, ColumnDef c) {
        StringBuilder sb = new StringBuilder(SqlText.quote(d, c.name()));
        if (c.type() != null) sb.append(' ').append(c.type());
        if (c.notNull()) sb.append(" NOT NULL");
        if (c.defaultExpr() != null) sb.append(" DEFAULT ").append(c.defaultExpr());
        return sb.toString();
    }

    /** Lower-case type base name, or "". */
    public static String typeName(ColumnDef c) {
        return c == null || c.type() == null ? "" : c.type().name().toLowerCase(Locale.ROOT);
    }
}

package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.DataChange;
import dev.dbmigrate.model.Operation.DataKind;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Data statements. The target table and, for UPDATE / DELETE, whether the rows it touches are
 * restricted: by a WHERE clause of the statement itself (only a WHERE at parenthesis depth 0 after
 * the target counts, so a WHERE in a subquery, a CTE or a SET expression does not) or, in MySQL's
 * multi-table form, by an inner join with ON / USING ({@code UPDATE t JOIN s ON ... SET ...}: only
 * the rows of t that have a match change; a LEFT / RIGHT / CROSS / NATURAL join restricts nothing).
 * Data-modifying CTEs ({@code WITH d AS (DELETE ...)}) yield their own operations before the main
 * statement's.
 *
 * <p>{@code setColumns}: the assigned columns of UPDATE (and MySQL INSERT ... SET), the column list
 * of INSERT / COPY. {@code SELECT ... INTO new_table} (PostgreSQL) creates a table;
 * {@code SELECT set_config('name', 'value', is_local)} is a session setting.
 */
final class DmlReader {

    private DmlReader() {}

    static List<Operation> read(TokenCursor c, StatementReader r) {
        List<Operation> ops = new ArrayList<>(1);
        if (c.is("WITH")) ctes(c, r, ops);
        if (c.isOp('(')) {
            c.pos = c.end;
            ops.add(new DataChange(DataKind.SELECT, null, false, null));
            return ops;
        }
        String w = c.peekWord();
        switch (w) {
            case "INSERT", "REPLACE" -> ops.add(insert(c));
            case "UPDATE" -> ops.add(update(c));
            case "DELETE" -> ops.add(delete(c));
            case "MERGE" -> {
                c.pos++;
                c.accept("INTO");
                TableRef t = c.tableName();
                c.pos = c.end;
                ops.add(new DataChange(DataKind.MERGE, t, false, null));
            }
            case "SELECT" -> ops.add(select(c));
            case "VALUES", "TABLE" -> {
                c.pos = c.end;
                ops.add(new DataChange(DataKind.SELECT, null, false, null));
            }
            case "COPY" -> ops.add(copy(c));
            case "TRUNCATE" -> ops.add(truncate(c));
            case "CALL" -> {
                c.pos = c.end;
                ops.add(new DataChange(DataKind.CALL, null, false, null));
            }
            default -> throw c.error("expected a data statement, found " + (c.atEnd() ? "end" : TokenCursor.describe(c.peek())));
        }
        return ops;
    }

    /** WITH [RECURSIVE] name [(cols)] AS [[NOT] MATERIALIZED] (body) [, ...]: reads data-modifying bodies. */
    private static void ctes(TokenCursor c, StatementReader r, List<Operation> ops) {
        c.expect("WITH");
        c.accept("RECURSIVE");
        do {
            c.ident();
            if (c.isOp('(')) c.skipGroup();
            c.expect("AS");
            c.accept("NOT");
            c.accept("MATERIALIZED");
            if (!c.isOp('(')) throw c.error("expected '(' after AS in WITH");
            int open = c.pos;
            c.skipGroup();
            TokenCursor body = c.sub(open + 1, c.pos - 1);
            if (body.isAny("INSERT", "UPDATE", "DELETE", "MERGE")) ops.addAll(read(body, r));
            while (c.isAny("SEARCH", "CYCLE")) { // SEARCH / CYCLE clauses run to the next comma
                c.pos = c.nextTopComma();
            }
        } while (c.acceptOp(','));
    }

    private static DataChange insert(TokenCursor c) {
        c.pos++;
        while (c.isAny("LOW_PRIORITY", "DELAYED", "HIGH_PRIORITY", "IGNORE")) c.pos++;
        if (c.accept("OR")) c.next(); // SQLite INSERT OR REPLACE
        c.accept("INTO");
        TableRef t = c.tableName();
        if (c.accept("PARTITION")) c.skipGroup();
        if (c.accept("AS")) c.ident();
        List<String> cols = null;
        if (c.isOp('(') && !c.is(1, "SELECT") && !c.is(1, "WITH") && !c.is(1, "VALUES")) {
            cols = c.nameList();
        } else if (c.accept("SET")) {
            cols = assignedColumns(c, c.pos, c.end);
        }
        c.pos = c.end; // VALUES / SELECT / ON CONFLICT / ON DUPLICATE KEY UPDATE / RETURNING
        return new DataChange(DataKind.INSERT, t, false, cols);
    }

    private static DataChange update(TokenCursor c) {
        c.pos++;
        while (c.isAny("LOW_PRIORITY", "IGNORE")) c.pos++;
        if (c.accept("OR")) c.next();
        c.accept("ONLY");
        TableRef t = c.tableName();
        c.acceptOp('*');
        int set = c.findTop("SET");
        if (set < 0) throw c.error("UPDATE without SET");
        int endSet = c.end;
        for (String stop : new String[] {"FROM", "WHERE", "RETURNING", "ORDER", "LIMIT"}) {
            int k = c.findTop(set + 1, stop);
            if (k >= 0 && k < endSet) endSet = k;
        }
        List<String> cols = assignedColumns(c, set + 1, endSet);
        boolean where = c.findTop(set + 1, "WHERE") >= 0 || c.mysql && innerJoin(c, c.pos, set);
        c.pos = c.end;
        return new DataChange(DataKind.UPDATE, t, where, cols);
    }

    /** Targets of {@code a = x, t.b = y, (c, d) = (...)} in [a, b). */
    private static List<String> assignedColumns(TokenCursor c, int a, int b) {
        List<String> cols = new ArrayList<>();
        for (int[] p : c.splitTop(a, b)) {
            TokenCursor e = c.sub(p[0], p[1]);
            if (e.isOp('(')) {
                cols.addAll(e.nameList());
            } else {
                List<String> name = e.dottedName();
                cols.add(name.get(name.size() - 1));
            }
        }
        return cols;
    }

    private static DataChange delete(TokenCursor c) {
        c.pos++;
        while (c.isAny("LOW_PRIORITY", "QUICK", "IGNORE")) c.pos++;
        TableRef t;
        if (c.accept("FROM")) {
            c.accept("ONLY");
            t = c.tableName();
            if (c.acceptOp('.')) c.acceptOp('*');
            c.acceptOp('*');
        } else {
            // MySQL multi-table form: DELETE a [, b] FROM t AS a JOIN ... (the names before FROM may be aliases)
            TableRef target = c.tableName();
            int from = c.findTop("FROM");
            if (from < 0) throw c.error("DELETE without FROM");
            t = resolveAlias(c, from + 1, target);
        }
        boolean where = c.findTop(c.pos, "WHERE") >= 0 || c.mysql && innerJoin(c, c.pos, c.end);
        c.pos = c.end;
        return new DataChange(DataKind.DELETE, t, where, null);
    }

    /** Whether the table references in [a, b) join with an inner JOIN ... ON / USING (MySQL multi-table UPDATE / DELETE). */
    private static boolean innerJoin(TokenCursor c, int a, int b) {
        TokenCursor f = c.sub(a, b);
        boolean inner = false;
        while (!f.atEnd()) {
            if (f.isOp('(')) {
                f.skipGroup();
                continue;
            }
            Token t = f.peek();
            if (t.is("JOIN") || t.is("STRAIGHT_JOIN")) {
                Token before = f.pos > a ? f.get(f.pos - 1) : null;
                inner = before == null || !(before.is("LEFT") || before.is("RIGHT") || before.is("OUTER") || before.is("CROSS")
                        || before.is("NATURAL") || before.is("FULL"));
            } else if (inner && (t.is("ON") || t.is("USING"))) {
                return true;
            }
            f.pos++;
        }
        return false;
    }

    /** In a FROM clause starting at {@code a}, the table that {@code target} names or aliases. */
    private static TableRef resolveAlias(TokenCursor c, int a, TableRef target) {
        if (target.schema() != null) return target;
        String key = Identifiers.key(c.dialect, target.name());
        TokenCursor f = c.sub(a, c.end);
        while (!f.atEnd()) {
            if (f.isIdent() && !f.isAny("JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "OUTER", "NATURAL", "STRAIGHT_JOIN", "ON", "USING", "WHERE", "AS")) {
                TableRef t = f.tableName();
                f.accept("AS");
                if (Identifiers.key(c.dialect, t.name()).equals(key)) return t;
                if (f.isIdent() && !f.isAny("JOIN", "INNER", "LEFT", "RIGHT", "CROSS", "NATURAL", "STRAIGHT_JOIN", "ON", "USING", "WHERE")) {
                    String alias = f.ident();
                    if (Identifiers.key(c.dialect, alias).equals(key)) return t;
                }
            } else if (f.isOp('(')) {
                f.skipGroup();
            } else if (f.is("WHERE")) {
                break;
            } else {
                f.pos++;
            }
        }
        return target;
    }

    private static Operation select(TokenCursor c) {
        c.expect("SELECT");
        int a = c.pos;
        // SELECT [pg_catalog.]set_config('name', 'value', is_local)
        if (c.isIdent()) {
            int save = c.pos;
            List<String> fn = c.dottedName();
            if (fn.get(fn.size() - 1).equalsIgnoreCase("set_config") && c.isOp('(')) {
                int open = c.pos;
                c.skipGroup();
                List<int[]> args = c.splitTop(open + 1, c.pos - 1);
                if (c.atEnd() && args.size() == 3 && args.get(0)[1] - args.get(0)[0] == 1 && c.get(args.get(0)[0]).kind == Token.Kind.STRING) {
                    String name = SqlLexer.literalValue(c.get(args.get(0)[0]), c.dialect).toLowerCase(Locale.ROOT);
                    int[] v = args.get(1);
                    String value = v[1] - v[0] == 1 && c.get(v[0]).kind == Token.Kind.STRING
                            ? SqlLexer.literalValue(c.get(v[0]), c.dialect) : c.text(v[0], v[1]);
                    boolean local = c.get(args.get(2)[0]).is("TRUE");
                    return new Operation.SessionSetting(name, value, local);
                }
            }
            c.pos = save;
        }
        int from = c.findTop(a, "FROM");
        int into = c.findTop(a, "INTO");
        if (c.pg && into >= 0 && (from < 0 || into < from)) {
            c.pos = into + 1;
            boolean temp = c.accept("TEMP") || c.accept("TEMPORARY");
            if (!temp) c.accept("UNLOGGED");
            c.accept("TABLE");
            TableRef t = c.tableName();
            c.pos = c.end;
            return new Operation.CreateTable(t, null, null, false, temp, true, null);
        }
        TableRef table = null;
        if (from >= 0 && from + 1 < c.end && c.isIdentToken(c.get(from + 1))) {
            c.pos = from + 1;
            c.accept("ONLY");
            if (c.isIdent()) table = c.tableName();
        }
        c.pos = c.end;
        return new DataChange(DataKind.SELECT, table, false, null);
    }

    private static DataChange copy(TokenCursor c) {
        c.expect("COPY");
        if (c.isOp('(')) {
            c.pos = c.end;
            return new DataChange(DataKind.COPY, null, false, null);
        }
        TableRef t = c.tableName();
        List<String> cols = c.isOp('(') ? c.nameList() : null;
        if (!c.isAny("FROM", "TO")) throw c.error("expected FROM or TO in COPY");
        c.pos = c.end;
        return new DataChange(DataKind.COPY, t, false, cols);
    }

    private static Operation truncate(TokenCursor c) {
        c.expect("TRUNCATE");
        c.accept("TABLE");
        List<TableRef> tables = c.tableList();
        boolean cascade = false;
        while (!c.atEnd()) {
            if (c.accept("RESTART", "IDENTITY") || c.accept("CONTINUE", "IDENTITY") || c.accept("RESTRICT")) continue;
            if (c.accept("CASCADE")) {
                cascade = true;
                continue;
            }
            throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " in TRUNCATE");
        }
        return new Operation.Truncate(tables, cascade);
    }
}

package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.DataChange;
import dev.dbmigrate.model.Operation.DataKind;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import net.sf.jsqlparser.JSQLParserException;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import net.sf.jsqlparser.schema.Column;
import net.sf.jsqlparser.schema.Table;
import net.sf.jsqlparser.statement.Commit;
import net.sf.jsqlparser.statement.DeclareStatement;
import net.sf.jsqlparser.statement.DescribeStatement;
import net.sf.jsqlparser.statement.RollbackStatement;
import net.sf.jsqlparser.statement.SavepointStatement;
import net.sf.jsqlparser.statement.ShowColumnsStatement;
import net.sf.jsqlparser.statement.ShowStatement;
import net.sf.jsqlparser.statement.Statement;
import net.sf.jsqlparser.statement.UseStatement;
import net.sf.jsqlparser.statement.delete.Delete;
import net.sf.jsqlparser.statement.execute.Execute;
import net.sf.jsqlparser.statement.grant.Grant;
import net.sf.jsqlparser.statement.insert.Insert;
import net.sf.jsqlparser.statement.merge.Merge;
import net.sf.jsqlparser.statement.select.PlainSelect;
import net.sf.jsqlparser.statement.select.Select;
import net.sf.jsqlparser.statement.show.ShowIndexStatement;
import net.sf.jsqlparser.statement.show.ShowTablesStatement;
import net.sf.jsqlparser.statement.truncate.Truncate;
import net.sf.jsqlparser.statement.update.Update;
import net.sf.jsqlparser.statement.update.UpdateSet;
import net.sf.jsqlparser.statement.upsert.Upsert;

/**
 * The second chance for statements the recogniser does not read: JSqlParser 5.3 with a time limit
 * per statement (its parser runs on a shared daemon pool and is abandoned after
 * {@link #TIMEOUT_MS}). Only statement classes whose mapping to the model is complete are accepted
 * (data statements, transaction control, USE, EXECUTE, GRANT, read-only statements); a DDL
 * statement that JSqlParser reads but the recogniser did not (CREATE TABLE, ALTER...) stays
 * unparsed rather than being mapped half-way.
 */
final class JsqlFallback {

    private JsqlFallback() {}

    static final long TIMEOUT_MS = 2000;
    /** Longer statements are not handed to JSqlParser (its cost grows steeply with size). */
    static final int MAX_LENGTH = 100_000;

    private static final AtomicInteger THREADS = new AtomicInteger();
    private static final ExecutorService POOL = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "jsqlparser-" + THREADS.incrementAndGet());
        t.setDaemon(true);
        return t;
    });

    /** Operations, or null with the reason in {@code error}. */
    record Result(List<Operation> ops, String error) {}

    static Result parse(String sql, Dialect dialect) {
        if (sql.length() > MAX_LENGTH) return new Result(null, "statement too long for JSqlParser");
        boolean mysql = dialect != null && dialect.isMysqlFamily();
        boolean brackets = dialect == Dialect.SQLITE || dialect == Dialect.MSSQL;
        Statement st;
        try {
            st = CCJSqlParserUtil.parse(sql, POOL, p -> p.withSquareBracketQuotation(brackets)
                    .withBackslashEscapeCharacter(mysql).withTimeOut(TIMEOUT_MS));
        } catch (JSQLParserException | RuntimeException | StackOverflowError e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int nl = m.indexOf('\n');
            return new Result(null, "JSqlParser: " + (nl > 0 ? m.substring(0, nl) : m).trim());
        }
        if (st == null) return new Result(null, "JSqlParser: no statement");
        List<Operation> ops = map(st, dialect);
        return ops != null ? new Result(ops, null)
                : new Result(null, "JSqlParser reads it as " + st.getClass().getSimpleName() + ", which is not mapped");
    }

    private static List<Operation> map(Statement st, Dialect d) {
        if (st instanceof Select s) {
            if (s instanceof PlainSelect ps && ps.getIntoTables() != null && !ps.getIntoTables().isEmpty() && d == Dialect.POSTGRESQL) {
                return List.of(new Operation.CreateTable(table(ps.getIntoTables().get(0), d), null, null, false, false, true, null));
            }
            TableRef from = s instanceof PlainSelect ps && ps.getFromItem() instanceof Table t ? table(t, d) : null;
            return List.of(new DataChange(DataKind.SELECT, from, false, null));
        }
        if (st instanceof Insert i) {
            List<String> cols = new ArrayList<>();
            if (i.getColumns() != null) for (Column c : i.getColumns()) cols.add(column(c, d));
            if (i.getSetUpdateSets() != null) cols.addAll(setColumns(i.getSetUpdateSets(), d));
            return List.of(new DataChange(DataKind.INSERT, table(i.getTable(), d), false, cols));
        }
        if (st instanceof Upsert u) {
            List<String> cols = new ArrayList<>();
            if (u.getColumns() != null) for (Column c : u.getColumns()) cols.add(column(c, d));
            return List.of(new DataChange(DataKind.INSERT, table(u.getTable(), d), false, cols));
        }
        if (st instanceof Update u) {
            return List.of(new DataChange(DataKind.UPDATE, table(u.getTable(), d), u.getWhere() != null, setColumns(u.getUpdateSets(), d)));
        }
        if (st instanceof Delete del) {
            Table t = del.getTable() != null ? del.getTable() : del.getTables() == null || del.getTables().isEmpty() ? null : del.getTables().get(0);
            return List.of(new DataChange(DataKind.DELETE, table(t, d), del.getWhere() != null, null));
        }
        if (st instanceof Merge m) return List.of(new DataChange(DataKind.MERGE, table(m.getTable(), d), false, null));
        if (st instanceof Truncate t) {
            List<TableRef> tables = new ArrayList<>();
            if (t.getTables() != null) for (Table x : t.getTables()) tables.add(table(x, d));
            else if (t.getTable() != null) tables.add(table(t.getTable(), d));
            return List.of(new Operation.Truncate(tables, t.getCascade()));
        }
        if (st instanceof UseStatement u) return List.of(new Operation.SessionSetting("database", Identifiers.normalize(d, u.getName()), false));
        if (st instanceof Commit) return List.of(new Operation.TransactionControl(Operation.TxKind.COMMIT));
        if (st instanceof RollbackStatement r) {
            return List.of(new Operation.TransactionControl(r.getSavepointName() != null ? Operation.TxKind.ROLLBACK_TO : Operation.TxKind.ROLLBACK));
        }
        if (st instanceof SavepointStatement) return List.of(new Operation.TransactionControl(Operation.TxKind.SAVEPOINT));
        if (st instanceof Execute) return List.of(new Operation.OpaqueCode("sql", "EXECUTE", false, List.of()));
        if (st instanceof Grant) return List.of(new Operation.OtherDdl("GRANT", "PRIVILEGES", null, null, false, false));
        if (st instanceof DescribeStatement || st instanceof ShowStatement || st instanceof ShowColumnsStatement
                || st instanceof ShowTablesStatement || st instanceof ShowIndexStatement || st instanceof DeclareStatement) {
            return List.of();
        }
        return null;
    }

    private static List<String> setColumns(List<UpdateSet> sets, Dialect d) {
        List<String> cols = new ArrayList<>();
        if (sets == null) return cols;
        for (UpdateSet s : sets) for (Column c : s.getColumns()) cols.add(column(c, d));
        return cols;
    }

    private static String column(Column c, Dialect d) {
        return Identifiers.normalize(d, c.getColumnName());
    }

    private static TableRef table(Table t, Dialect d) {
        if (t == null) return null;
        String schema = t.getSchemaName();
        return new TableRef(schema == null ? null : Identifiers.normalize(d, schema), Identifiers.normalize(d, t.getName()));
    }
}

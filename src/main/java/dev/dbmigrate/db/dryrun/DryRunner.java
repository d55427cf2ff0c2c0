package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Executes parsed SQL scripts on a scratch database the way a migration runner would, statement
 * by statement, recording timings, the first error, and (PostgreSQL) the relation locks each
 * statement took, read from {@code pg_locks} inside the transaction before it ends.
 *
 * <p>Transactions: {@link Wrap#SCRIPT} runs the whole script in one transaction (the runner's
 * transaction per migration); {@link Wrap#STATEMENT} commits after every statement, each in its
 * own transaction on PostgreSQL so that its locks can be observed (a statement that cannot run in a
 * transaction block, such as CREATE INDEX CONCURRENTLY, is retried on its own);
 * {@link Wrap#NONE} runs in autocommit. A script with its own BEGIN / COMMIT is run as written.
 * MySQL and MariaDB commit every DDL statement implicitly: they always run in autocommit, without
 * lock observation.
 */
public final class DryRunner {

    /** How the runner wraps a script in transactions. */
    public enum Wrap { SCRIPT, STATEMENT, NONE }

    /** PostgreSQL: "cannot run inside a transaction block". */
    private static final String ACTIVE_SQL_TRANSACTION = "25001";
    private static final int MAX_SQL = 200;

    /** Lock rows of this session; names come from the relations that existed before the script (dropped ones included). */
    private static final String LOCKS_SQL = """
            SELECT mode, relation FROM pg_locks
             WHERE pid = pg_backend_pid() AND granted AND locktype = 'relation' AND relation IS NOT NULL
            """;

    /** User relations with, for indexes and owned sequences, the table they belong to. */
    private static final String RELATIONS_SQL = """
            SELECT c.oid, n.nspname, c.relname, c.relkind, coalesce(i.indrelid, d.refobjid, 0) AS parent
              FROM pg_class c
              JOIN pg_namespace n ON n.oid = c.relnamespace
              LEFT JOIN pg_index i ON i.indexrelid = c.oid
              LEFT JOIN pg_depend d ON c.relkind = 'S' AND d.classid = 'pg_class'::regclass AND d.objid = c.oid
                                   AND d.refclassid = 'pg_class'::regclass AND d.deptype IN ('a', 'i')
             WHERE n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
               AND n.nspname NOT LIKE 'pg_temp%'
            """;

    /** A relation that existed before the script: its display name, pg_class.relkind, and owning table (0 for tables). */
    private record Rel(String name, String kind, long parent) {}

    private final Connection connection;
    private final Dialect dialect;
    private final Function<String, String> relativize;

    /**
     * @param connection a connection to the scratch database
     * @param dialect    its dialect
     * @param relativize maps a statement's file to the path shown in results
     */
    public DryRunner(Connection connection, Dialect dialect, Function<String, String> relativize) {
        this.connection = connection;
        this.dialect = dialect;
        this.relativize = relativize;
    }

    /** Result of running one script: every statement run (the last one failed when {@code ok} is false). */
    public record ScriptRun(List<StatementRun> statements, boolean ok, double millis) {

        public StatementRun failure() {
            return ok || statements.isEmpty() ? null : statements.get(statements.size() - 1);
        }
    }

    /**
     * Runs a script and stops at its first error (rolling back the open transaction).
     *
     * @param script       the parsed script; statement texts are executed as written
     * @param wrap         the transaction strategy
     * @param observeLocks record per-statement locks (PostgreSQL)
     */
    public ScriptRun run(ParsedScript script, Wrap wrap, boolean observeLocks) throws SQLException {
        boolean pg = dialect == Dialect.POSTGRESQL;
        boolean ownControl = script.statements().stream().anyMatch(DryRunner::isTransactionControl);
        if (dialect.isMysqlFamily() || ownControl) wrap = Wrap.NONE;
        observeLocks &= pg;
        Map<Long, Rel> existing = observeLocks ? relations() : Map.of();
        List<StatementRun> out = new ArrayList<>();
        long t0 = System.nanoTime();
        connection.setAutoCommit(true);
        boolean open = false;
        if (wrap == Wrap.SCRIPT) {
            exec("BEGIN");
            open = true;
        }
        Map<String, LockTaken> held = new LinkedHashMap<>();
        boolean ok = true;
        for (Statement st : script.statements()) {
            if (blank(st.text())) continue;
            String note = null;
            boolean ownTx = wrap == Wrap.STATEMENT && pg && !isTransactionControl(st);
            if (ownTx) exec("BEGIN");
            if (isTransactionControl(st)) open = tracksOpen(st, open);
            long s0 = System.nanoTime();
            SQLException error = execute(st.text());
            if (error != null && ownTx && ACTIVE_SQL_TRANSACTION.equals(error.getSQLState())) {
                exec("ROLLBACK");
                ownTx = false;
                note = "ran outside a transaction (it cannot run inside one): its locks cannot be observed";
                s0 = System.nanoTime();
                error = execute(st.text());
            } else if (error != null && open && ACTIVE_SQL_TRANSACTION.equals(error.getSQLState())) {
                note = "the runner wraps this migration in a transaction, and this statement cannot run inside one";
            }
            double ms = (System.nanoTime() - s0) / 1_000_000.0;
            List<LockTaken> taken = new ArrayList<>();
            if (error == null && observeLocks && (open || ownTx)) {
                Map<String, LockTaken> now = locks(existing);
                for (Map.Entry<String, LockTaken> e : now.entrySet()) {
                    LockTaken before = held.get(e.getKey());
                    if (before == null || LockTaken.strength(e.getValue().mode()) > LockTaken.strength(before.mode())) taken.add(e.getValue());
                }
                held = open ? now : new LinkedHashMap<>();
            } else if (!open) {
                held.clear();
            }
            if (ownTx) {
                SQLException commit = execute(error == null ? "COMMIT" : "ROLLBACK");
                if (error == null) error = commit;
            }
            out.add(new StatementRun(st.file() == null ? null : relativize.apply(st.file()), st.line(), shorten(st.text()), round(ms), taken, note,
                    error == null ? null : message(error)));
            if (error != null) {
                ok = false;
                break;
            }
        }
        if (open) {
            SQLException end = execute(ok ? "COMMIT" : "ROLLBACK");
            if (end != null && ok) {
                ok = false;
                out.add(new StatementRun(null, 0, "COMMIT", 0, List.of(), null, message(end)));
            }
        }
        return new ScriptRun(out, ok, round((System.nanoTime() - t0) / 1_000_000.0));
    }

    static boolean isTransactionControl(Statement st) {
        return st.operations().stream().anyMatch(o -> o instanceof Operation.TransactionControl);
    }

    private static boolean tracksOpen(Statement st, boolean open) {
        for (Operation o : st.operations()) {
            if (o instanceof Operation.TransactionControl tc) {
                switch (tc.kind()) {
                    case BEGIN -> open = true;
                    case COMMIT, ROLLBACK -> open = false;
                    default -> { }
                }
            }
        }
        return open;
    }

    private SQLException execute(String sql) {
        try {
            exec(sql);
            return null;
        } catch (SQLException e) {
            return e;
        }
    }

    private void exec(String sql) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    /** Relations that exist now (their locks matter; locks on relations the script creates block nobody). */
    private Map<Long, Rel> relations() throws SQLException {
        Map<Long, Rel> out = new HashMap<>();
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(RELATIONS_SQL)) {
            while (rs.next()) {
                String schema = rs.getString(2);
                out.put(rs.getLong(1), new Rel(schema.equals("public") ? rs.getString(3) : schema + "." + rs.getString(3), rs.getString(4), rs.getLong(5)));
            }
        }
        return out;
    }

    /**
     * The strongest lock this session holds on each relation that existed before the script. ACCESS
     * SHARE (what every read takes) is left out: it only conflicts with ACCESS EXCLUSIVE. So are
     * locks on an index or owned sequence no stronger than the lock on its table (the table's says it all).
     */
    private Map<String, LockTaken> locks(Map<Long, Rel> existing) throws SQLException {
        Map<Long, LockTaken> byOid = new LinkedHashMap<>();
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(LOCKS_SQL)) {
            while (rs.next()) {
                Rel rel = existing.get(rs.getLong(2));
                if (rel == null) continue;
                LockTaken l = LockTaken.of(rs.getString(1), rel.name(), rel.kind());
                if (l.mode().equals("ACCESS SHARE")) continue;
                LockTaken prev = byOid.get(rs.getLong(2));
                if (prev == null || LockTaken.strength(l.mode()) > LockTaken.strength(prev.mode())) byOid.put(rs.getLong(2), l);
            }
        }
        Map<String, LockTaken> out = new LinkedHashMap<>();
        for (Map.Entry<Long, LockTaken> e : byOid.entrySet()) {
            long parent = existing.get(e.getKey()).parent();
            LockTaken onTable = parent == 0 ? null : byOid.get(parent);
            if (onTable != null && LockTaken.strength(e.getValue().mode()) <= LockTaken.strength(onTable.mode())) continue;
            out.put(e.getValue().kind() + " " + e.getValue().relation(), e.getValue());
        }
        return out;
    }

    /** True when the text holds nothing but whitespace and comments. */
    static boolean blank(String sql) {
        if (sql == null) return true;
        String s = sql.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)--.*$", " ").replace(";", " ");
        return s.isBlank();
    }

    private static String message(SQLException e) {
        String s = e.getMessage();
        if (s == null) return "error " + e.getSQLState();
        int nl = s.indexOf('\n');
        s = nl < 0 ? s : s.substring(0, nl);
        return s.replaceFirst("^\\[SQLITE_ERROR\\] SQL error or missing database \\((.*)\\)$", "$1").replaceFirst("^\\(conn=\\d+\\) ", "");
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= MAX_SQL ? t : t.substring(0, MAX_SQL - 3) + "...";
    }

    public static double round(double ms) {
        return Math.round(ms * 100) / 100.0;
    }
}

package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Executes parsed SQL scripts on a PostgreSQL connection the way a migration runner would (inside
 * one transaction when the runner wraps migrations), statement by statement, recording timings,
 * the first error, and the relation locks each statement took (read from pg_locks inside the
 * transaction, before it commits).
 */
public final class DryRunner {

    private static final int MAX_SQL = 200;

    private static final String LOCKS_SQL = """
            SELECT l.mode, coalesce(n.nspname || '.', '') || c.relname AS rel, c.relkind
              FROM pg_locks l
              JOIN pg_class c ON c.oid = l.relation
              JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE l.pid = pg_backend_pid() AND l.granted AND l.locktype = 'relation'
               AND n.nspname NOT IN ('pg_catalog', 'information_schema') AND n.nspname NOT LIKE 'pg_toast%'
            """;

    private final Connection connection;
    private final Function<String, String> relativize;

    /**
     * @param connection an autocommit connection to the scratch database
     * @param relativize maps a statement's file to the path shown in results
     */
    public DryRunner(Connection connection, Function<String, String> relativize) {
        this.connection = connection;
        this.relativize = relativize;
    }

    /** Result of running one script. */
    public record ScriptRun(List<StatementRun> statements, boolean ok, long millis) {}

    /**
     * Runs a script.
     *
     * @param script       the parsed script (statement texts are executed as written)
     * @param inTransaction wrap the whole script in BEGIN/COMMIT (the runner's transaction)
     * @param observeLocks record per-statement locks (needs a transaction)
     */
    public ScriptRun run(ParsedScript script, boolean inTransaction, boolean observeLocks) throws SQLException {
        List<StatementRun> out = new ArrayList<>();
        long t0 = System.nanoTime();
        connection.setAutoCommit(true);
        boolean open = false;
        if (inTransaction) {
            exec("BEGIN");
            open = true;
        }
        Set<String> held = new LinkedHashSet<>();
        boolean ok = true;
        for (Statement st : script.statements()) {
            if (st.text() == null || st.text().isBlank()) continue;
            if (isTransactionControl(st)) {
                open = tracksOpen(st, open);
            }
            long s0 = System.nanoTime();
            String error = null;
            try {
                exec(st.text());
            } catch (SQLException e) {
                error = firstLine(e.getMessage());
            }
            long ms = (System.nanoTime() - s0) / 1_000_000;
            List<String> taken = new ArrayList<>();
            if (error == null && open && observeLocks) {
                Set<String> now = locks();
                for (String l : now) {
                    if (!held.contains(l)) taken.add(l);
                }
                held = now;
            } else if (!open) {
                held.clear();
            }
            out.add(new StatementRun(st.file() == null ? null : relativize.apply(st.file()), st.line(), shorten(st.text()), ms, taken, error));
            if (error != null) {
                ok = false;
                break;
            }
        }
        if (open) {
            try {
                exec(ok ? "COMMIT" : "ROLLBACK");
            } catch (SQLException e) {
                if (ok) {
                    ok = false;
                    out.add(new StatementRun(null, 0, "COMMIT", 0, List.of(), firstLine(e.getMessage())));
                }
            }
        }
        return new ScriptRun(out, ok, (System.nanoTime() - t0) / 1_000_000);
    }

    private static boolean isTransactionControl(Statement st) {
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

    private void exec(String sql) throws SQLException {
        try (java.sql.Statement s = connection.createStatement()) {
            s.execute(sql);
        }
    }

    private Set<String> locks() throws SQLException {
        Set<String> out = new LinkedHashSet<>();
        try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(LOCKS_SQL)) {
            while (rs.next()) {
                String kind = switch (rs.getString(3)) {
                    case "i" -> "index ";
                    case "S" -> "sequence ";
                    default -> "";
                };
                out.add(pretty(rs.getString(1)) + " on " + kind + rs.getString(2).replaceFirst("^public\\.", ""));
            }
        }
        return out;
    }

    /** AccessExclusiveLock -> ACCESS EXCLUSIVE. */
    static String pretty(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(java.util.Locale.ROOT);
    }

    private static String shorten(String s) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= MAX_SQL ? t : t.substring(0, MAX_SQL - 3) + "...";
    }

    private static String firstLine(String s) {
        if (s == null) return "error";
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}

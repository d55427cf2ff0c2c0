package dev.dbmigrate.db.probe;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.model.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.StringJoiner;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The evidence queries shared by the dialects, over a {@link Connection} that the caller opened
 * read-only and closes. Every query is a SELECT built from quoted identifiers (values go in as
 * parameters), runs under a statement timeout, and stops counting at {@link Counts#CAP} rows
 * (LIMIT inside a derived table) so that a count over a huge table stays cheap. A query that fails
 * for any reason (missing table or column, no permission, timeout) answers empty and never fails
 * the validation. Answers are cached per probe: rules and the engine ask the same question often.
 */
public abstract class JdbcDataProbe implements DataProbe {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcDataProbe.class);

    /** Default per-query timeout. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    protected final Connection connection;
    private final int timeoutSeconds;
    private final Map<String, OptionalLong> cache = new HashMap<>();

    protected JdbcDataProbe(Connection connection, Duration timeout) {
        this.connection = connection;
        this.timeoutSeconds = (int) Math.max(1, (timeout == null ? DEFAULT_TIMEOUT : timeout).toSeconds());
    }

    // ---- dialect parts ---------------------------------------------------------------------

    /** Quotes one identifier (always, so that case and reserved words survive). */
    protected abstract String quote(String name);

    /** SQL for the length in characters of a column. */
    protected abstract String charLength(String quotedColumn);

    /** The catalog's row estimate, or -1 when the catalog has none; empty when the table does not exist. */
    protected abstract OptionalLong catalogEstimate(TableRef table) throws SQLException;

    /** True when {@link #catalogEstimate} is an exact count (no second count needed). */
    protected boolean catalogIsExact() {
        return false;
    }

    /** The primary key columns of a table in key order (empty when none or unknown). */
    protected abstract List<String> primaryKey(TableRef table) throws SQLException;

    // ---- DataProbe -------------------------------------------------------------------------

    @Override
    public OptionalLong rowEstimate(TableRef table) {
        return cached("rows|" + table.qualified(), () -> {
            OptionalLong est = catalogEstimate(table);
            if (est.isEmpty()) return est;
            long e = est.getAsLong();
            if (e >= Counts.CAP || catalogIsExact()) return est;
            // unknown, or small enough to count exactly (bounded by the cap)
            long n = cappedCount("SELECT 1 FROM " + table(table));
            return OptionalLong.of(n > Counts.CAP ? Math.max(e, n) : n);
        });
    }

    @Override
    public OptionalLong nullCount(TableRef table, String column) {
        return cached("null|" + table.qualified() + "|" + column, () ->
                OptionalLong.of(cappedCount("SELECT 1 FROM " + table(table) + " WHERE " + quote(column) + " IS NULL")));
    }

    @Override
    public OptionalLong duplicateCount(TableRef table, List<String> columns) {
        if (columns.isEmpty()) return OptionalLong.empty();
        return cached("dup|" + table.qualified() + "|" + columns, () -> {
            String cols = joinQuoted(columns);
            StringJoiner notNull = new StringJoiner(" AND ");
            for (String c : columns) notNull.add(quote(c) + " IS NOT NULL");
            // rows that share their key with another row; NULLs never collide in a UNIQUE index
            String sql = "SELECT COUNT(*) FROM " + table(table) + " WHERE " + notNull + " GROUP BY " + cols
                    + " HAVING COUNT(*) > 1 LIMIT " + (Counts.CAP + 1);
            long total = 0;
            try (PreparedStatement ps = prepare(sql); ResultSet rs = ps.executeQuery()) {
                while (rs.next() && total <= Counts.CAP) total += rs.getLong(1);
            }
            return OptionalLong.of(Math.min(total, Counts.CAP + 1));
        });
    }

    @Override
    public OptionalLong longerThan(TableRef table, String column, int length) {
        if (length < 0) return OptionalLong.empty();
        return cached("long|" + table.qualified() + "|" + column + "|" + length, () ->
                OptionalLong.of(cappedCount("SELECT 1 FROM " + table(table) + " WHERE " + charLength(quote(column)) + " > " + length)));
    }

    @Override
    public OptionalLong orphanCount(TableRef table, List<String> columns, TableRef refTable, List<String> refColumns) {
        if (columns.isEmpty()) return OptionalLong.empty();
        return cached("orphan|" + table.qualified() + "|" + columns + "|" + refTable.qualified() + "|" + refColumns, () -> {
            List<String> ref = refColumns.isEmpty() ? primaryKey(refTable) : refColumns;
            if (ref.size() != columns.size()) return OptionalLong.empty();
            StringJoiner where = new StringJoiner(" AND ");
            StringJoiner match = new StringJoiner(" AND ");
            for (int i = 0; i < columns.size(); i++) {
                where.add("c." + quote(columns.get(i)) + " IS NOT NULL");
                match.add("p." + quote(ref.get(i)) + " = c." + quote(columns.get(i)));
            }
            return OptionalLong.of(cappedCount("SELECT 1 FROM " + table(table) + " c WHERE " + where
                    + " AND NOT EXISTS (SELECT 1 FROM " + table(refTable) + " p WHERE " + match + ")"));
        });
    }

    // ---- helpers ---------------------------------------------------------------------------

    /** The quoted, schema-qualified table name. */
    protected String table(TableRef t) {
        return t.schema() == null ? quote(t.name()) : quote(t.schema()) + "." + quote(t.name());
    }

    private String joinQuoted(List<String> cols) {
        StringJoiner j = new StringJoiner(", ");
        for (String c : cols) j.add(quote(c));
        return j.toString();
    }

    /** Counts the rows of {@code select} up to {@link Counts#CAP} + 1. */
    protected long cappedCount(String select) throws SQLException {
        return single("SELECT COUNT(*) FROM (" + select + " LIMIT " + (Counts.CAP + 1) + ") capped");
    }

    /** Runs a query that answers one number. */
    protected long single(String sql, Object... params) throws SQLException {
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : 0;
        }
    }

    /** Runs a query that answers one column of strings. */
    protected List<String> strings(String sql, Object... params) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = prepare(sql, params); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    protected PreparedStatement prepare(String sql, Object... params) throws SQLException {
        PreparedStatement ps = connection.prepareStatement(sql);
        try {
            ps.setQueryTimeout(timeoutSeconds);
            for (int i = 0; i < params.length; i++) {
                if (params[i] == null) ps.setNull(i + 1, Types.VARCHAR);
                else ps.setObject(i + 1, params[i]);
            }
            return ps;
        } catch (SQLException | RuntimeException e) {
            ps.close();
            throw e;
        }
    }

    @FunctionalInterface
    protected interface Query {
        OptionalLong run() throws SQLException;
    }

    private OptionalLong cached(String key, Query q) {
        OptionalLong hit = cache.get(key);
        if (hit != null) return hit;
        OptionalLong answer;
        try {
            answer = q.run();
        } catch (SQLException | RuntimeException e) {
            LOG.debug("data probe query failed ({}): {}", key, e.getMessage());
            recover();
            answer = OptionalLong.empty();
        }
        cache.put(key, answer);
        return answer;
    }

    /** After a failed query in a caller's transaction, PostgreSQL refuses everything until a rollback. */
    private void recover() {
        try {
            if (!connection.getAutoCommit()) connection.rollback();
        } catch (SQLException e) {
            LOG.debug("data probe could not roll back after a failed query: {}", e.getMessage());
        }
    }
}

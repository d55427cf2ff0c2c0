package dev.dbmigrate.db.probe;

import dev.dbmigrate.model.TableRef;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * PostgreSQL: row estimates from {@code pg_class.reltuples} and {@code pg_stat_user_tables.n_live_tup}
 * (whichever is larger; a table never analysed has reltuples = -1 and is counted, up to the cap).
 * Unqualified names resolve through the session's search_path ({@code to_regclass}).
 */
public final class PostgresDataProbe extends JdbcDataProbe {

    public PostgresDataProbe(Connection connection) {
        this(connection, DEFAULT_TIMEOUT);
    }

    public PostgresDataProbe(Connection connection, Duration timeout) {
        super(connection, timeout);
    }

    @Override
    protected String quote(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    @Override
    protected String charLength(String quotedColumn) {
        return "char_length(CAST(" + quotedColumn + " AS text))";
    }

    @Override
    protected OptionalLong catalogEstimate(TableRef table) throws SQLException {
        String sql = "SELECT c.reltuples::bigint, COALESCE(s.n_live_tup, -1) FROM pg_class c "
                + "LEFT JOIN pg_stat_user_tables s ON s.relid = c.oid WHERE c.oid = to_regclass(?)";
        try (PreparedStatement ps = prepare(sql, table(table)); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return OptionalLong.empty();
            long reltuples = rs.getLong(1);
            long live = rs.getLong(2);
            long best = Math.max(reltuples, live);
            return OptionalLong.of(best > 0 ? best : -1);
        }
    }

    @Override
    protected List<String> primaryKey(TableRef table) throws SQLException {
        return strings("SELECT a.attname FROM pg_index i JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = ANY(i.indkey) "
                + "WHERE i.indrelid = to_regclass(?) AND i.indisprimary ORDER BY array_position(i.indkey::int2[], a.attnum)", table(table));
    }
}

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
 * MySQL and MariaDB: row estimates from {@code information_schema.TABLES.TABLE_ROWS} (an InnoDB
 * estimate; MySQL 8 caches it for information_schema_stats_expiry, a day by default), counted up to
 * the cap when the estimate is small or zero. Unqualified names are looked up in DATABASE().
 */
public final class MysqlDataProbe extends JdbcDataProbe {

    public MysqlDataProbe(Connection connection) {
        this(connection, DEFAULT_TIMEOUT);
    }

    public MysqlDataProbe(Connection connection, Duration timeout) {
        super(connection, timeout);
    }

    @Override
    protected String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    protected String charLength(String quotedColumn) {
        return "CHAR_LENGTH(" + quotedColumn + ")";
    }

    @Override
    protected OptionalLong catalogEstimate(TableRef table) throws SQLException {
        String sql = "SELECT TABLE_ROWS FROM information_schema.TABLES WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) AND TABLE_NAME = ?";
        try (PreparedStatement ps = prepare(sql, table.schema(), table.name()); ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return OptionalLong.empty();
            long n = rs.getLong(1);
            return OptionalLong.of(rs.wasNull() || n <= 0 ? -1 : n);
        }
    }

    @Override
    protected List<String> primaryKey(TableRef table) throws SQLException {
        return strings("SELECT COLUMN_NAME FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = COALESCE(?, DATABASE()) "
                + "AND TABLE_NAME = ? AND CONSTRAINT_NAME = 'PRIMARY' ORDER BY ORDINAL_POSITION", table.schema(), table.name());
    }
}

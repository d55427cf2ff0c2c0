package dev.dbmigrate.db.probe;

import dev.dbmigrate.model.TableRef;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.OptionalLong;

/**
 * SQLite: no catalog estimate, so the row count is an exact {@code count(*)} (cheap on a local
 * file). {@code schema} of a table reference is the attached database name ("main" by default).
 */
public final class SqliteDataProbe extends JdbcDataProbe {

    public SqliteDataProbe(Connection connection) {
        this(connection, DEFAULT_TIMEOUT);
    }

    public SqliteDataProbe(Connection connection, Duration timeout) {
        super(connection, timeout);
    }

    /**
     * Backticks, not double quotes: SQLite reads a double-quoted name that matches no column as a
     * string literal, so a missing column would silently count as "never NULL".
     */
    @Override
    protected String quote(String name) {
        return "`" + name.replace("`", "``") + "`";
    }

    @Override
    protected String charLength(String quotedColumn) {
        return "length(" + quotedColumn + ")";
    }

    @Override
    protected OptionalLong catalogEstimate(TableRef table) throws SQLException {
        // count(*) fails on a missing table, which answers empty
        return OptionalLong.of(single("SELECT count(*) FROM " + table(table)));
    }

    @Override
    protected boolean catalogIsExact() {
        return true;
    }

    @Override
    protected List<String> primaryKey(TableRef table) throws SQLException {
        return strings("SELECT name FROM pragma_table_info(?, ?) WHERE pk > 0 ORDER BY pk", table.name(),
                table.schema() == null ? "main" : table.schema());
    }
}

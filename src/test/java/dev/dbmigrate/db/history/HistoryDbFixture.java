package dev.dbmigrate.db.history;

import dev.dbmigrate.analyse.history.HistoryAnalyzer;
import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** Writes a tool's history table through a normal connection, reads it back through a read-only session. */
final class HistoryDbFixture {

    private HistoryDbFixture() {}

    static void exec(String jdbcUrl, String user, String password, String... sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(jdbcUrl, user, password); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
    }

    static AppliedState read(String url, Tool tool) throws SQLException {
        return read(url, tool, HistoryTables.Location.DEFAULT);
    }

    static AppliedState read(String url, Tool tool, HistoryTables.Location where) throws SQLException {
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse(url))) {
            return HistoryTables.read(s, HistoryTables.forTool(tool).orElseThrow(), where);
        }
    }

    static HistoryAnalyzer.Merge merge(AppliedState state, List<Migration> files) {
        return HistoryAnalyzer.merge("db", "", files, HistoryTables.forTool(state.tool()).orElseThrow(), state);
    }

    static List<MigrationStatus> statuses(HistoryAnalyzer.Merge m) {
        return m.states().stream().map(HistoryResult.State::status).toList();
    }
}

package dev.dbmigrate.db.probe;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;

@Tag("live-db")
class LiveMariaDbDataProbeTest extends DataProbeContract {

    TestDatabases.ScratchDb db;

    @Override
    Connection open() throws SQLException {
        db = TestDatabases.liveMariaDb();
        return db.connect();
    }

    @Override
    void drop() {
        if (db != null) db.close();
    }

    @Override
    String q(String name) {
        return "`" + name + "`";
    }

    @Override
    void fillBig(Statement s, int n) throws SQLException {
        // MariaDB's Sequence engine: seq_1_to_N is a virtual table of 1..N
        s.execute("INSERT INTO big SELECT seq, NULL FROM seq_1_to_" + n);
    }

    @Override
    Class<? extends DataProbe> expectedProbe() {
        return MysqlDataProbe.class;
    }
}

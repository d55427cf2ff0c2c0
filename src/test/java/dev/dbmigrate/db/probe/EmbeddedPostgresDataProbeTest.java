package dev.dbmigrate.db.probe;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;

class EmbeddedPostgresDataProbeTest extends DataProbeContract {

    TestDatabases.ScratchDb db;

    @Override
    Connection open() throws SQLException {
        db = TestDatabases.embeddedPostgres();
        return db.connect();
    }

    @Override
    void drop() {
        if (db != null) db.close();
    }

    @Override
    String q(String name) {
        return "\"" + name + "\"";
    }

    @Override
    void fillBig(Statement s, int n) throws SQLException {
        s.execute("INSERT INTO big SELECT g, NULL FROM generate_series(1, " + n + ") g");
    }

    @Override
    Class<? extends DataProbe> expectedProbe() {
        return PostgresDataProbe.class;
    }
}

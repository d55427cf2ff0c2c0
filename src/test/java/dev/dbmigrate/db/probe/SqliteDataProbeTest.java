package dev.dbmigrate.db.probe;

import dev.dbmigrate.analyse.rules.DataProbe;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

class SqliteDataProbeTest extends DataProbeContract {

    Path file;

    @Override
    Connection open() throws SQLException {
        try {
            file = Files.createTempFile("dbm-probe", ".sqlite");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return DriverManager.getConnection("jdbc:sqlite:" + file);
    }

    @Override
    void drop() {
        try {
            if (file != null) Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    String q(String name) {
        return "\"" + name + "\"";
    }

    @Override
    void fillBig(Statement s, int n) throws SQLException {
        s.execute("WITH RECURSIVE g(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM g WHERE x < " + n + ") INSERT INTO big SELECT x, NULL FROM g");
    }

    @Override
    Class<? extends DataProbe> expectedProbe() {
        return SqliteDataProbe.class;
    }
}

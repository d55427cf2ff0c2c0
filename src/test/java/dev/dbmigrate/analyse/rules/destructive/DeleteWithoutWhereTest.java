package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class DeleteWithoutWhereTest {

    final RuleTester t = RuleTester.of(DeleteWithoutWhere::new).history("CREATE TABLE sessions (token text PRIMARY KEY, expires_at timestamptz);");

    @Test
    void bad_deletesEveryRow() {
        Finding f = t.data(new FixedProbe().rows("sessions", 3_000_000)).assertFires("DELETE FROM sessions;");
        assertThat(f.lock()).contains("row locks");
        assertThat(f.fix()).contains("DELETE FROM sessions WHERE token IN (SELECT token FROM sessions WHERE <condition> LIMIT 10000);");
        assertThat(f.evidence()).isEqualTo("sessions: ~3,000,000 rows");
    }

    @Test
    void bad_sqliteBatchesByRowid() {
        Finding f = RuleTester.of(DeleteWithoutWhere::new).dialect(Dialect.SQLITE).assertFires("DELETE FROM events;");
        assertThat(f.fix()).contains("WHERE rowid IN (SELECT rowid FROM events");
    }

    @Test
    void good_withAWhereOrOnANewTable() {
        t.assertClean("DELETE FROM sessions WHERE expires_at < now();");
        t.assertClean("CREATE TABLE tmp (id int);\nDELETE FROM tmp;");
    }
}

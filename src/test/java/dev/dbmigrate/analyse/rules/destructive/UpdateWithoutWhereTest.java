package dev.dbmigrate.analyse.rules.destructive;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class UpdateWithoutWhereTest {

    @Test
    void bad_wholeTableBackfill() {
        Finding f = RuleTester.of(UpdateWithoutWhere::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text, email_lower text);")
                .assertFires("UPDATE users SET email_lower = lower(email);");
        assertThat(f.severity()).isEqualTo("warning");
        assertThat(f.message()).contains("email_lower").contains("new version of every row");
        assertThat(f.fix()).contains("repeat until it updates 0 rows")
                .contains("UPDATE users SET email_lower = <value>\nWHERE id IN (SELECT id FROM users WHERE <rows not yet done> LIMIT 10000);");
    }

    @Test
    void bad_mysqlMentionsTheBinlog() {
        Finding f = RuleTester.of(UpdateWithoutWhere::new).dialect(Dialect.MYSQL).assertFires("UPDATE users SET active = 1;");
        assertThat(f.message()).contains("binlog");
        // MySQL refuses LIMIT in an IN subquery: the UPDATE carries the LIMIT itself (no ORDER BY without a known key)
        assertThat(f.fix()).contains("UPDATE users SET active = <value>\nWHERE <rows not yet done> LIMIT 10000;");
    }

    @Test
    void good_whereOrNewTable() {
        RuleTester t = RuleTester.of(UpdateWithoutWhere::new).history("CREATE TABLE users (id bigint PRIMARY KEY, active boolean);");
        t.assertClean("UPDATE users SET active = true WHERE id < 1000;");
        t.assertClean("CREATE TABLE flags (id int, on_off boolean);\nUPDATE flags SET on_off = false;");
    }
}

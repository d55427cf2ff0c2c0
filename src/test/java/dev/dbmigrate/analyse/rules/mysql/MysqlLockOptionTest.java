package dev.dbmigrate.analyse.rules.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class MysqlLockOptionTest {

    final RuleTester t = RuleTester.of(MysqlLockOption::new).dialect(Dialect.MYSQL).history("CREATE TABLE orders (id bigint PRIMARY KEY, qty int);");

    @Test
    void bad_algorithmCopy() {
        Finding f = t.assertFires("ALTER TABLE orders ADD COLUMN note text, ALGORITHM=COPY;");
        assertThat(f.message()).contains("ALGORITHM=COPY rebuilds orders");
        assertThat(f.fix()).contains("ALGORITHM=INPLACE, LOCK=NONE");
    }

    @Test
    void bad_lockExclusiveAndShared() {
        assertThat(t.assertFires("ALTER TABLE orders ADD INDEX orders_qty (qty), LOCK=EXCLUSIVE;").lock()).contains("blocks reads and writes");
        assertThat(RuleTester.of(MysqlLockOption::new).dialect(Dialect.MARIADB).history("CREATE TABLE orders (id bigint PRIMARY KEY, qty int);")
                .assertFires("ALTER TABLE orders ADD INDEX orders_qty (qty), ALGORITHM=INPLACE, LOCK=SHARED;").lock()).contains("blocks writes");
    }

    @Test
    void good_onlineOptionsOrANewTable() {
        t.assertClean("ALTER TABLE orders ADD INDEX orders_qty (qty), ALGORITHM=INPLACE, LOCK=NONE;");
        t.assertClean("ALTER TABLE orders ADD COLUMN note text, ALGORITHM=INSTANT;");
        t.assertClean("CREATE TABLE t2 (id int);\nALTER TABLE t2 ADD COLUMN v int, ALGORITHM=COPY;");
    }
}

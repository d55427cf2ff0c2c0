package dev.dbmigrate.analyse.rules.mysql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class MysqlTableCopyTest {

    static final String ORDERS = """
            CREATE TABLE orders (
              id bigint NOT NULL AUTO_INCREMENT PRIMARY KEY,
              status ENUM('new','paid','shipped') NOT NULL DEFAULT 'new',
              code varchar(20) NOT NULL,
              note varchar(100),
              qty int NOT NULL
            );""";

    RuleTester my() {
        return RuleTester.of(MysqlTableCopy::new).dialect(Dialect.MYSQL).history(ORDERS);
    }

    @Test
    void bad_typeChangeCopiesTheTable() {
        Finding f = my().assertFires("ALTER TABLE orders MODIFY qty bigint NOT NULL;");
        assertThat(f.message()).contains("needs a full table copy").contains("qty");
        assertThat(f.lock()).contains("ALGORITHM=COPY");
        assertThat(f.fix()).contains("gh-ost --database=<database> --table=orders --alter=\"MODIFY qty bigint NOT NULL\" --execute")
                .contains("pt-online-schema-change --alter \"MODIFY qty bigint NOT NULL\" D=<database>,t=orders --execute");
    }

    @Test
    void bad_enumInsertedInTheMiddle() {
        Finding f = my().assertFires("ALTER TABLE orders MODIFY status ENUM('new','pending','paid','shipped') NOT NULL DEFAULT 'new';");
        assertThat(f.fix()).contains("at the end of the list");
    }

    @Test
    void bad_varcharCrossingThe255ByteBoundary() {
        Finding f = my().assertFires("ALTER TABLE orders MODIFY code varchar(100) NOT NULL;");
        assertThat(f.fix()).contains("63 characters");
    }

    @Test
    void bad_convertCharsetAndDropPrimaryKey() {
        my().assertFires("ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci;");
        Finding pk = my().assertFires("ALTER TABLE orders DROP PRIMARY KEY;");
        assertThat(pk.fix()).contains("in one ALTER");
        Finding maria = RuleTester.of(MysqlTableCopy::new).dialect(Dialect.MARIADB).history(ORDERS)
                .assertFires("ALTER TABLE orders CONVERT TO CHARACTER SET utf8mb4;");
        assertThat(maria.message()).contains("MariaDB 10.4+");
    }

    @Test
    void bad_changeThatRenamesAndRetypes() {
        Finding f = my().assertFires("ALTER TABLE orders CHANGE qty quantity bigint NOT NULL;");
        assertThat(f.message()).contains("qty int -> bigint");
    }

    @Test
    void bad_fulltextIndexBlocksWrites() {
        Finding f = RuleTester.of(MysqlTableCopy::new).dialect(Dialect.MYSQL).history("CREATE TABLE posts (id bigint PRIMARY KEY, body text);")
                .assertFires("CREATE FULLTEXT INDEX posts_body ON posts (body);");
        assertThat(f.message()).contains("blocks writes").contains("FULLTEXT");
        assertThat(f.lock()).contains("LOCK=SHARED");
    }

    @Test
    void bad_oneFindingPerStatementWithEveryReason() {
        Finding f = my().assertFires("ALTER TABLE orders MODIFY qty bigint NOT NULL, MODIFY code varchar(10) NOT NULL;");
        assertThat(f.message()).contains("qty").contains("code");
    }

    @Test
    void bad_explicitInplaceIsRefused() {
        Finding f = my().assertFires("ALTER TABLE orders MODIFY qty bigint NOT NULL, ALGORITHM=INPLACE, LOCK=NONE;");
        assertThat(f.message()).contains("refuses the statement");
    }

    @Test
    void bad_severityRisesOnAHugeTable() {
        Finding f = my().data(new FixedProbe().rows("orders", 8_000_000)).assertFires("ALTER TABLE orders MODIFY qty bigint NOT NULL;");
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.evidence()).startsWith("orders: ~8,000,000 rows");
    }

    @Test
    void good_inPlaceOrInstantChanges() {
        RuleTester t = my();
        t.assertClean("ALTER TABLE orders MODIFY status ENUM('new','paid','shipped','refunded') NOT NULL DEFAULT 'new';");
        t.assertClean("ALTER TABLE orders MODIFY code varchar(60) NOT NULL;");
        t.assertClean("ALTER TABLE orders MODIFY note varchar(100) NOT NULL;");
        t.assertClean("ALTER TABLE orders ADD COLUMN shipped_at datetime NULL;");
        t.assertClean("ALTER TABLE orders DROP PRIMARY KEY, ADD PRIMARY KEY (id, code);");
        t.assertClean("ALTER TABLE orders MODIFY qty int(11) NOT NULL;");
    }

    @Test
    void good_explicitCopyIsLeftToMysqlLockOptionAndNewTablesAreFree() {
        my().assertClean("ALTER TABLE orders MODIFY qty bigint NOT NULL, ALGORITHM=COPY;");
        my().assertClean("CREATE TABLE t2 (id int PRIMARY KEY, v int);\nALTER TABLE t2 MODIFY v bigint;");
    }

    @Test
    void good_unknownPreviousTypeIsNotGuessed() {
        RuleTester.of(MysqlTableCopy::new).dialect(Dialect.MYSQL).assertClean("ALTER TABLE legacy MODIFY qty bigint NOT NULL;");
    }
}

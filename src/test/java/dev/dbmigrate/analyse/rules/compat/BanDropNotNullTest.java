package dev.dbmigrate.analyse.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class BanDropNotNullTest {

    @Test
    void bad_dropNotNull() {
        Finding f = RuleTester.of(BanDropNotNull::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);")
                .assertFires("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");
        assertThat(f.severity()).isEqualTo("warning");
        assertThat(f.fix()).contains("ALTER TABLE users ALTER COLUMN email DROP NOT NULL;");
    }

    @Test
    void bad_mysqlModifyThatForgetsNotNull() {
        Finding f = RuleTester.of(BanDropNotNull::new).dialect(Dialect.MYSQL)
                .history("CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL);")
                .assertFires("ALTER TABLE users MODIFY email varchar(320);");
        assertThat(f.message()).contains("MODIFY users.email").contains("silently becomes nullable");
        assertThat(f.fix()).contains("ALTER TABLE users MODIFY email varchar(320) NOT NULL;");
    }

    @Test
    void good_modifyKeepsNotNullOrWasNullableOrIsNew() {
        RuleTester my = RuleTester.of(BanDropNotNull::new).dialect(Dialect.MYSQL)
                .history("CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL, bio text);");
        my.assertClean("ALTER TABLE users MODIFY email varchar(320) NOT NULL;");
        my.assertClean("ALTER TABLE users MODIFY bio mediumtext;");
        RuleTester pg = RuleTester.of(BanDropNotNull::new).history("CREATE TABLE users (id bigint PRIMARY KEY, bio text);");
        pg.assertClean("ALTER TABLE users ALTER COLUMN bio DROP NOT NULL;");
        pg.assertClean("ALTER TABLE users ADD COLUMN x int NOT NULL DEFAULT 0;\nALTER TABLE users ALTER COLUMN x DROP NOT NULL;");
    }
}

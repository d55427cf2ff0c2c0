package dev.dbmigrate.analyse.rules.compat;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class RenamingColumnTest {

    @Test
    void bad_renameColumn() {
        Finding f = RuleTester.of(RenamingColumn::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name varchar(120));")
                .assertFires("ALTER TABLE users RENAME COLUMN name TO full_name;");
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.message()).contains("users.name").contains("full_name");
        assertThat(f.fix()).contains("ALTER TABLE users ADD COLUMN full_name varchar(120);")
                .contains("UPDATE users SET full_name = name\nWHERE id IN (SELECT id FROM users WHERE full_name IS NULL AND name IS NOT NULL LIMIT 10000);")
                .contains("ALTER TABLE users DROP COLUMN name;");
    }

    @Test
    void bad_mysqlChangeWithANewName() {
        Finding f = RuleTester.of(RenamingColumn::new).dialect(Dialect.MYSQL).history("CREATE TABLE users (id bigint PRIMARY KEY, name varchar(120));")
                .assertFires("ALTER TABLE users CHANGE name full_name varchar(120) NOT NULL;");
        assertThat(f.fix()).contains("ADD COLUMN full_name varchar(120)");
    }

    @Test
    void good_changeKeepingTheNameOrNewColumn() {
        RuleTester my = RuleTester.of(RenamingColumn::new).dialect(Dialect.MYSQL).history("CREATE TABLE users (id bigint PRIMARY KEY, name varchar(120));");
        my.assertClean("ALTER TABLE users CHANGE name name varchar(200);");
        my.assertClean("ALTER TABLE users CHANGE Name name varchar(200);");
        RuleTester.of(RenamingColumn::new).history("CREATE TABLE users (id bigint PRIMARY KEY);")
                .assertClean("ALTER TABLE users ADD COLUMN nick text;\nALTER TABLE users RENAME COLUMN nick TO handle;");
    }
}

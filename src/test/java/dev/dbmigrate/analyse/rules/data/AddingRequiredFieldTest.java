package dev.dbmigrate.analyse.rules.data;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.analyse.rules.support.FixedProbe;
import dev.dbmigrate.db.probe.MysqlDataProbe;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.testing.TestDatabases;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

class AddingRequiredFieldTest {

    static final String USERS = "CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255));";

    @Test
    void bad_postgresFailsOnRows() {
        Finding f = RuleTester.of(AddingRequiredField::new).history(USERS).data(new FixedProbe().rows("users", 5400))
                .assertFires("ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL;");
        assertThat(f.message()).contains("users.tenant_id").contains("column contains null values");
        assertThat(f.fix()).contains("ALTER TABLE users ADD COLUMN tenant_id bigint NOT NULL DEFAULT <value>;")
                .contains("ALTER TABLE users ADD COLUMN tenant_id bigint;").contains("SET NOT NULL");
        assertThat(f.evidence()).isEqualTo("users: ~5,400 rows make it fail");
    }

    @Test
    void bad_mysqlFillsImplicitZeroValues() {
        RuleTester my = RuleTester.of(AddingRequiredField::new).dialect(Dialect.MYSQL).history(USERS);
        Finding f = my.assertFires("ALTER TABLE users ADD COLUMN plan varchar(20) NOT NULL;");
        assertThat(f.message()).contains("does not fail").contains("''");
        assertThat(f.fix()).contains("MODIFY plan varchar(20) NOT NULL;");
        assertThat(my.assertFires("ALTER TABLE users ADD COLUMN credits int NOT NULL;").message()).contains("(0)");
    }

    @Test
    void bad_sqliteRefusesOnATableWithRows() {
        Finding f = RuleTester.of(AddingRequiredField::new).dialect(Dialect.SQLITE).history(USERS)
                .assertFires("ALTER TABLE users ADD COLUMN plan TEXT NOT NULL;");
        assertThat(f.message()).contains("Cannot add a NOT NULL column with default value NULL");
        assertThat(f.fix()).contains("UPDATE users SET plan = <value>\nWHERE id IN (SELECT id FROM users WHERE plan IS NULL LIMIT 10000);");
        Finding noKey = RuleTester.of(AddingRequiredField::new).dialect(Dialect.SQLITE).history("CREATE TABLE notes (body TEXT);")
                .assertFires("ALTER TABLE notes ADD COLUMN author TEXT NOT NULL;");
        assertThat(noKey.fix()).contains("UPDATE notes SET author = <value>\nWHERE rowid IN (SELECT rowid FROM notes WHERE author IS NULL LIMIT 10000);");
    }

    @Test
    void bad_mysqlModifyAddsNotNullToAColumnWithNulls() {
        Finding f = RuleTester.of(AddingRequiredField::new).dialect(Dialect.MARIADB).history(USERS)
                .data(new FixedProbe().nulls("users", "email", 12))
                .assertFires("ALTER TABLE users MODIFY email varchar(255) NOT NULL;");
        assertThat(f.message()).contains("strict SQL mode").contains("Data truncated");
        assertThat(f.evidence()).isEqualTo("12 rows of users have NULL in email");
        assertThat(f.fix()).contains("UPDATE users SET email = <value>\nWHERE email IS NULL ORDER BY id LIMIT 10000;");
    }

    @Test
    @Tag("live-db")
    void bad_nullCountFromALiveMariaDb() throws Exception {
        try (TestDatabases.ScratchDb db = TestDatabases.liveMariaDb(); Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255))");
            s.execute("INSERT INTO users VALUES (1, 'a@x.io'), (2, NULL), (3, NULL)");
            Finding f = RuleTester.of(AddingRequiredField::new).dialect(Dialect.MARIADB).history(USERS).data(new MysqlDataProbe(c))
                    .assertFires("ALTER TABLE users MODIFY email varchar(255) NOT NULL;");
            assertThat(f.evidence()).isEqualTo("2 rows of users have NULL in email");
        }
    }

    @Test
    void good_defaultNullableNewTableOrSelfFilling() {
        RuleTester t = RuleTester.of(AddingRequiredField::new).history(USERS);
        t.assertClean("ALTER TABLE users ADD COLUMN plan text NOT NULL DEFAULT 'free';");
        t.assertClean("ALTER TABLE users ADD COLUMN plan text;");
        t.assertClean("CREATE TABLE teams (id bigint PRIMARY KEY);\nALTER TABLE teams ADD COLUMN name text NOT NULL;");
        t.assertClean("ALTER TABLE users ADD COLUMN seq bigserial NOT NULL;");
        t.assertClean("ALTER TABLE users ADD COLUMN n bigint GENERATED ALWAYS AS IDENTITY;");
    }

    @Test
    void good_modifyThatKeepsNotNullOrOnPostgres() {
        RuleTester.of(AddingRequiredField::new).dialect(Dialect.MYSQL).history("CREATE TABLE users (id bigint PRIMARY KEY, email varchar(255) NOT NULL);")
                .assertClean("ALTER TABLE users MODIFY email varchar(320) NOT NULL;");
        RuleTester.of(AddingRequiredField::new).history(USERS).assertClean("ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
    }
}

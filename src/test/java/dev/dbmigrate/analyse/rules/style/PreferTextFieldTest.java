package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferTextFieldTest {
    final RuleTester t = RuleTester.of(PreferTextField::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    @Test
    void bad_varcharWithLengthKeepsTheLimitAsACheck() {
        assertThat(t.assertFires("CREATE TABLE t (email varchar(255) NOT NULL, code character varying(8));").fix()).isEqualTo("""
                -- in CREATE TABLE t, declare:
                    email text NOT NULL CHECK (char_length(email) <= 255),
                    code text CHECK (char_length(code) <= 8)""");
        assertThat(t.assertFires("ALTER TABLE users ALTER COLUMN name TYPE varchar(100);").fix()).isEqualTo("""
                ALTER TABLE users ALTER COLUMN name TYPE text;
                ALTER TABLE users ADD CONSTRAINT users_name_check CHECK (char_length(name) <= 100) NOT VALID;""");
    }

    @Test
    void good_textOrUnboundedVarchar() {
        t.assertClean("CREATE TABLE t (email text, note varchar);");
    }
}

package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class BanCharFieldTest {
    final RuleTester t = RuleTester.of(BanCharField::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    @Test
    void bad_charColumns() {
        Finding f = t.assertFires("CREATE TABLE t (country char(2), flag character);");
        assertThat(f.fix()).contains("country text CHECK (char_length(country) <= 2)", "flag text CHECK (char_length(flag) <= 1)");
    }

    @Test
    void good_textAndVarchar() {
        t.assertClean("CREATE TABLE t (country text, code varchar(3));");
    }
}

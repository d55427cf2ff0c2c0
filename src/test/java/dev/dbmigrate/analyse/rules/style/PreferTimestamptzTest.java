package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferTimestamptzTest {
    final RuleTester t = RuleTester.of(PreferTimestamptz::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    @Test
    void bad_timestampWithoutTimeZone() {
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN created_at timestamp(3) without time zone DEFAULT now();").fix())
                .isEqualTo("ALTER TABLE users ADD COLUMN created_at timestamptz(3) DEFAULT now();");
        t.assertFires("CREATE TABLE t (at timestamp);");
    }

    @Test
    void good_timestamptz() {
        t.assertClean("CREATE TABLE t (at timestamptz, b timestamp with time zone, d date);");
    }
}

package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class PreferJsonbTest {
    final RuleTester t = RuleTester.of(PreferJsonb::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    @Test
    void bad_json() {
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN prefs json NOT NULL DEFAULT '{}';").fix())
                .isEqualTo("ALTER TABLE users ADD COLUMN prefs jsonb DEFAULT '{}' NOT NULL;");
        t.assertFires("ALTER TABLE users ALTER COLUMN name TYPE json USING to_json(name);");
    }

    @Test
    void good_jsonb() {
        t.assertClean("CREATE TABLE t (doc jsonb);");
    }
}

package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class IdentifierTooLongTest {

    static final String LONG_64 = "customer_subscription_billing_address_verification_status_column"; // 64 chars
    static final String LONG_63 = LONG_64.substring(0, 63);

    @Test
    void bad_postgresTruncatesOver63Bytes() {
        assertThat(LONG_64).hasSize(64);
        Finding f = RuleTester.of(IdentifierTooLong::new).assertFires("ALTER TABLE users ADD COLUMN " + LONG_64 + " text;");
        assertThat(f.message()).contains("silently truncates", "\"" + LONG_63 + "\"");
        assertThat(f.severity()).isEqualTo("info");
    }

    @Test
    void bad_multiByteNamesCountBytes() {
        String name = "bestellungen_für_kunden_mit_überfälligen_rechnungen_und_mahnung"; // 63 chars, 67 bytes
        Finding f = RuleTester.of(IdentifierTooLong::new).assertFires("CREATE INDEX \"" + name + "\" ON orders (id);");
        assertThat(f.message()).contains("longer than 63 bytes");
    }

    @Test
    void bad_mysqlRejectsOver64Characters() {
        Finding f = RuleTester.of(IdentifierTooLong::new).dialect(Dialect.MYSQL)
                .assertFires("CREATE TABLE t (id int, " + LONG_64 + "x int, CONSTRAINT " + LONG_64 + "_fk FOREIGN KEY (id) REFERENCES u (id));");
        assertThat(f.message()).contains("longer than 64 characters", "mysql rejects the statement", LONG_64 + "x", LONG_64 + "_fk");
    }

    @Test
    void good_withinTheLimits() {
        RuleTester.of(IdentifierTooLong::new).assertClean("ALTER TABLE users ADD COLUMN " + LONG_63 + " text;");
        RuleTester.of(IdentifierTooLong::new).dialect(Dialect.MARIADB).assertClean("ALTER TABLE users ADD COLUMN " + LONG_64 + " text;");
        RuleTester.of(IdentifierTooLong::new).dialect(Dialect.SQLITE).assertClean("ALTER TABLE users ADD COLUMN " + LONG_64 + "_and_more text;");
    }
}

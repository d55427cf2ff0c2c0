package dev.dbmigrate.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.locking.AddingNotNullableField;
import dev.dbmigrate.analyse.rules.locking.ConstraintMissingNotValid;
import org.junit.jupiter.api.Test;

/** The engine checks the operations read out of a DO block, at the block's statement, and keeps its state from them. */
class RuleEngineInnerOperationsTest {

    @Test
    void operationsInsideADoBlockAreChecked() {
        Finding f = RuleTester.of(AddingNotNullableField::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);").assertFires("""
                SELECT 1;
                DO $$
                BEGIN
                  ALTER TABLE users ALTER COLUMN email SET NOT NULL;
                END $$;""");
        assertThat(f.line()).isEqualTo(2);
    }

    @Test
    void tablesCreatedInsideADoBlockAreNewTables() {
        RuleTester.of(AddingNotNullableField::new).assertClean("""
                DO $$ BEGIN CREATE TABLE tags (name text); END $$;
                ALTER TABLE tags ALTER COLUMN name SET NOT NULL;""");
    }

    @Test
    void unnamedNotValidConstraintIsTrackedUnderItsImplicitName() {
        RuleTester.of(ConstraintMissingNotValid::new).history("CREATE TABLE orders (id bigint PRIMARY KEY, price int);").assertFires("""
                BEGIN;
                ALTER TABLE orders ADD CHECK (price > 0) NOT VALID;
                ALTER TABLE orders VALIDATE CONSTRAINT orders_price_check;
                COMMIT;""");
    }
}

package dev.dbmigrate.analyse.rules.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class DdlInDoBlockTest {

    final RuleTester t = RuleTester.of(DdlInDoBlock::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);");

    @Test
    void bad_doBlockWithDdlSaysWhatWasChecked() {
        Finding f = t.assertFires("""
                SELECT 1;
                DO $$
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM information_schema.columns WHERE table_name = 'users' AND column_name = 'phone') THEN
                    ALTER TABLE users ADD COLUMN phone text;
                  END IF;
                END
                $$;""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("1 operation could be read out of it and was checked", "EXECUTE");
        assertThat(f.fix()).contains("ADD COLUMN IF NOT EXISTS");
    }

    @Test
    void good_doBlockWithoutDdlOrNotPostgres() {
        t.assertClean("DO $$ BEGIN RAISE NOTICE 'hello'; END $$;");
        t.assertClean("DO $$ BEGIN UPDATE users SET email = lower(email); END $$;");
        RuleTester.of(DdlInDoBlock::new).dialect(Dialect.MYSQL).assertClean("CREATE TABLE t (id int);");
    }
}

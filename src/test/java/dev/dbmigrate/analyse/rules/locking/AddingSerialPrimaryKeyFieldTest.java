package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import org.junit.jupiter.api.Test;

class AddingSerialPrimaryKeyFieldTest {

    final RuleTester t = RuleTester.of(AddingSerialPrimaryKeyField::new).history("CREATE TABLE events (uuid uuid NOT NULL, payload jsonb, code text);");

    @Test
    void bad_addPrimaryKeyOnAnExistingTable() {
        Finding f = t.assertFires("ALTER TABLE events ADD PRIMARY KEY (uuid);");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on events (blocks reads and writes)");
        assertThat(f.message()).contains("events_pkey").doesNotContain("NULLs");
        assertThat(f.fix()).isEqualTo("""
                -- outside any transaction (a migration the runner does not wrap in one):
                CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (uuid);
                -- then attach it (a brief ACCESS EXCLUSIVE lock, no index build):
                ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;""");
    }

    @Test
    void bad_nullableKeyColumnIsMentioned() {
        Finding f = t.assertFires("ALTER TABLE events ADD CONSTRAINT events_code_pk PRIMARY KEY (code);");
        assertThat(f.message()).contains("checks the columns for NULLs");
        assertThat(f.fix()).startsWith("-- the key columns must be NOT NULL first");
    }

    @Test
    void bad_addSerialPrimaryKeyColumn() {
        Finding f = t.assertFires("ALTER TABLE events ADD COLUMN id bigserial PRIMARY KEY;");
        assertThat(f.message()).contains("events.id (bigserial)", "every existing row");
        assertThat(f.fix()).contains(
                "ALTER TABLE events ADD COLUMN id bigint;",
                "CREATE SEQUENCE events_id_seq AS bigint OWNED BY events.id;",
                "ALTER TABLE events ALTER COLUMN id SET DEFAULT nextval('events_id_seq');",
                "UPDATE events SET id = nextval('events_id_seq')\nWHERE ctid IN (SELECT ctid FROM events WHERE id IS NULL LIMIT 10000);",
                "CREATE UNIQUE INDEX CONCURRENTLY events_pkey ON events (id);",
                "ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_pkey;");
    }

    @Test
    void good_usingIndexOrANewTable() {
        t.assertClean("ALTER TABLE events ADD CONSTRAINT events_pkey PRIMARY KEY USING INDEX events_uuid_idx;");
        t.assertClean("CREATE TABLE tags (name text NOT NULL);\nALTER TABLE tags ADD PRIMARY KEY (name);");
    }
}

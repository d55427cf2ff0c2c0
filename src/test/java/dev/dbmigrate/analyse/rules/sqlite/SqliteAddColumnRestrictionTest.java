package dev.dbmigrate.analyse.rules.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class SqliteAddColumnRestrictionTest {

    final RuleTester t = RuleTester.of(SqliteAddColumnRestriction::new).dialect(Dialect.SQLITE)
            .history("CREATE TABLE users (id INTEGER PRIMARY KEY, email TEXT);\nCREATE TABLE teams (id INTEGER PRIMARY KEY);");

    @Test
    void bad_uniqueColumnFixIsAUniqueIndex() {
        Finding f = t.assertFires("ALTER TABLE users ADD COLUMN handle TEXT UNIQUE;");
        assertThat(f.message()).contains("Cannot add a UNIQUE column");
        assertThat(f.fix()).contains("ALTER TABLE users ADD COLUMN handle TEXT;").contains("CREATE UNIQUE INDEX users_handle_key ON users (handle);");
    }

    @Test
    void bad_primaryKeyColumn() {
        t.assertFires("ALTER TABLE users ADD COLUMN uid TEXT PRIMARY KEY;");
    }

    @Test
    void bad_nonConstantDefaults() {
        Finding f = t.assertFires("ALTER TABLE users ADD COLUMN created_at TEXT DEFAULT CURRENT_TIMESTAMP;");
        assertThat(f.fix()).contains("ALTER TABLE users ADD COLUMN created_at TEXT;").contains("UPDATE users SET created_at = CURRENT_TIMESTAMP WHERE created_at IS NULL;");
        t.assertFires("ALTER TABLE users ADD COLUMN seen_at TEXT DEFAULT (datetime('now'));");
    }

    @Test
    void bad_storedGeneratedAndReferencesWithADefault() {
        Finding g = t.assertFires("ALTER TABLE users ADD COLUMN email_lower TEXT GENERATED ALWAYS AS (lower(email)) STORED;");
        assertThat(g.fix()).contains("VIRTUAL");
        t.assertFires("ALTER TABLE users ADD COLUMN team_id INTEGER DEFAULT 1 REFERENCES teams (id);");
    }

    @Test
    void good_allowedForms() {
        t.assertClean("ALTER TABLE users ADD COLUMN age INTEGER DEFAULT -1;");
        t.assertClean("ALTER TABLE users ADD COLUMN email_lower TEXT GENERATED ALWAYS AS (lower(email)) VIRTUAL;");
        t.assertClean("ALTER TABLE users ADD COLUMN team_id INTEGER REFERENCES teams (id);");
        t.assertClean("ALTER TABLE users ADD COLUMN plan TEXT NOT NULL;"); // adding-required-field says it
    }

    @Test
    void good_rowDependentFormsOnATableCreatedInTheSameMigration() {
        t.assertClean("CREATE TABLE logs (id INTEGER PRIMARY KEY);\nALTER TABLE logs ADD COLUMN at TEXT DEFAULT CURRENT_TIMESTAMP;");
    }
}

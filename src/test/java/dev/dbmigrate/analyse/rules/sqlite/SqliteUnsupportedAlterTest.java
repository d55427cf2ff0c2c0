package dev.dbmigrate.analyse.rules.sqlite;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class SqliteUnsupportedAlterTest {

    static final String HISTORY = """
            CREATE TABLE notes (
              id INTEGER PRIMARY KEY,
              title TEXT NOT NULL,
              body TEXT,
              owner_id INTEGER REFERENCES users (id)
            );
            CREATE INDEX notes_title ON notes (title);""";

    final RuleTester t = RuleTester.of(SqliteUnsupportedAlter::new).dialect(Dialect.SQLITE).history(HISTORY);

    @Test
    void bad_alterColumnTypeWithTheRebuildWrittenOut() {
        Finding f = t.assertFires("ALTER TABLE notes ALTER COLUMN body TYPE VARCHAR(500);");
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.fix())
                .contains("PRAGMA foreign_keys = OFF;\nBEGIN;")
                .contains("CREATE TABLE notes__dbm_new (")
                .contains("body VARCHAR(500)")
                .contains("INSERT INTO notes__dbm_new (id, title, body, owner_id) SELECT id, title, body, owner_id FROM notes;")
                .contains("DROP TABLE notes;")
                .contains("ALTER TABLE notes__dbm_new RENAME TO notes;")
                .contains("CREATE INDEX notes_title ON notes (title);")
                .contains("PRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;");
    }

    @Test
    void bad_notNullDefaultAndConstraints() {
        t.assertFires("ALTER TABLE notes ALTER COLUMN body SET NOT NULL;");
        t.assertFires("ALTER TABLE notes ALTER COLUMN body SET DEFAULT '';");
        t.assertFires("ALTER TABLE notes ADD CONSTRAINT notes_title_len CHECK (length(title) < 200);");
        t.assertFires("ALTER TABLE notes DROP CONSTRAINT notes_title_len;");
    }

    @Test
    void bad_dropColumnThatSqliteCannotDrop() {
        assertThat(t.assertFires("ALTER TABLE notes DROP COLUMN title;").message()).contains("index notes_title");
        assertThat(t.assertFires("ALTER TABLE notes DROP COLUMN id;").message()).contains("PRIMARY KEY");
        assertThat(t.assertFires("ALTER TABLE notes DROP COLUMN owner_id;").message()).contains("foreign key");
    }

    @Test
    void bad_unknownTableStillGetsTheStepsWithPlaceholders() {
        Finding f = RuleTester.of(SqliteUnsupportedAlter::new).dialect(Dialect.SQLITE).assertFires("ALTER TABLE legacy ALTER COLUMN x TYPE INTEGER;");
        assertThat(f.fix()).contains(".schema legacy");
    }

    @Test
    void good_whatSqliteCanDo() {
        t.assertClean("ALTER TABLE notes ADD COLUMN archived INTEGER NOT NULL DEFAULT 0;");
        t.assertClean("ALTER TABLE notes RENAME COLUMN body TO content;");
        t.assertClean("ALTER TABLE notes RENAME TO memos;");
        t.assertClean("ALTER TABLE notes DROP COLUMN body;");
    }

    @Test
    void good_otherDialects() {
        RuleTester.of(SqliteUnsupportedAlter::new).dialect(Dialect.POSTGRESQL).history(HISTORY)
                .assertClean("ALTER TABLE notes ALTER COLUMN body TYPE varchar(500);");
    }
}

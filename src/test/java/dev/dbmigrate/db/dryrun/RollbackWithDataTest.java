package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.Readers;
import dev.dbmigrate.service.DbMigrateService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Generated rollbacks with rows in the tables: the PostgreSQL enum rebuild (works while no row uses the
 * new label, fails cleanly and changes nothing when one does) and the rollback of SQLite's table rebuild
 * (the rows are copied back, and child rows are not cascade-deleted when the rebuilt table is dropped).
 */
class RollbackWithDataTest {

    static final DbMigrateService SERVICE = new DbMigrateService();
    static final Path BILLING = Path.of("src/test/resources/projects/rollback/pg-billing").toAbsolutePath();
    static final Path NOTES = Path.of("src/test/resources/projects/rollback/sqlite-notes-dbmate").toAbsolutePath();

    /** Applies the ups of the first {@code count} migrations, as written. */
    static void applyUps(ScratchDatabase db, Tool tool, Path root, Path migrations, int count) throws SQLException {
        List<Migration> all = Readers.read(tool, new ReadContext(root, root.resolve(migrations), db.dialect())).migrations();
        DryRunner runner = new DryRunner(db.connection(), db.dialect(), f -> f);
        for (Migration m : all.subList(0, count)) {
            assertThat(runner.run(Parsers.parse(m.up(), db.dialect()), DryRunner.Wrap.SCRIPT, false).ok()).as(m.id()).isTrue();
        }
    }

    static DryRunner.ScriptRun rollback(ScratchDatabase db, Path project, String migration) throws SQLException {
        String sql = SERVICE.planRollback(new RollbackRequest(project, migration, null, null, true)).sql();
        return new DryRunner(db.connection(), db.dialect(), f -> f).run(Parsers.parse(Script.sql(Path.of("rollback.sql"), sql), db.dialect()),
                DryRunner.Wrap.NONE, false);
    }

    static void exec(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> strings(Connection c, String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) out.add(rs.getString(1));
        }
        return out;
    }

    @Test
    void theEnumRebuildKeepsRowsThatUseOtherLabels() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.embeddedPostgres()) {
            applyUps(db, Tool.GOLANG_MIGRATE, BILLING, Path.of("migrations"), 3);
            exec(db.connection(), "INSERT INTO accounts (email_address, status) VALUES ('a@example.com', 'active'), ('b@example.com', 'closed')");
            DryRunner.ScriptRun r = rollback(db, BILLING, "3");
            assertThat(r.ok()).as("%s", r.failure()).isTrue();
            assertThat(strings(db.connection(), "SELECT email || ' ' || status FROM accounts ORDER BY email"))
                    .containsExactly("a@example.com active", "b@example.com closed");
            assertThat(strings(db.connection(), "SELECT unnest(enum_range(NULL::account_status))::text")).containsExactly("trial", "active", "closed");
        }
    }

    @Test
    void theEnumRebuildFailsWithoutChangingAnythingWhileARowUsesTheNewLabel() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.embeddedPostgres()) {
            applyUps(db, Tool.GOLANG_MIGRATE, BILLING, Path.of("migrations"), 3);
            exec(db.connection(), "INSERT INTO accounts (email_address, status) VALUES ('a@example.com', 'suspended')");
            DryRunner.ScriptRun r = rollback(db, BILLING, "3");
            assertThat(r.ok()).isFalse();
            assertThat(r.failure().sql()).startsWith("ALTER TABLE accounts ALTER COLUMN status TYPE account_status USING");
            assertThat(r.failure().error()).contains("invalid input value for enum account_status: \"suspended\"");
            // the rollback runs in one transaction: nothing of it stays
            assertThat(strings(db.connection(), "SELECT unnest(enum_range(NULL::account_status))::text")).contains("suspended");
            assertThat(strings(db.connection(), "SELECT column_name FROM information_schema.columns WHERE table_name = 'accounts' AND column_name = 'seats'"))
                    .containsExactly("seats");
        }
    }

    @Test
    void sqliteChildRowsSurviveTheRollbackOfATableRebuild() throws Exception {
        try (ScratchDatabase db = ScratchDatabase.sqliteTemp()) {
            Connection c = db.connection();
            assertThat(strings(c, "PRAGMA foreign_keys")).containsExactly("1");
            applyUps(db, Tool.DBMATE, NOTES, Path.of("db/migrations"), 5);
            exec(c, "INSERT INTO users (id, email) VALUES (1, 'a@example.com')");
            exec(c, "INSERT INTO notes (id, user_id, title) VALUES (10, 1, 'first')");
            exec(c, "INSERT INTO attachments (id, note_id, path) VALUES (100, 10, 'a.png')");
            DryRunner.ScriptRun r = rollback(db, NOTES, "20240415093000");
            assertThat(r.ok()).as("%s", r.failure()).isTrue();
            assertThat(r.statements().get(0).sql()).isEqualTo("PRAGMA foreign_keys = OFF");
            // the rows are copied back from the rebuilt table; with foreign_keys on inside the transaction,
            // DROP TABLE notes_new would have cascaded to attachments
            assertThat(strings(c, "SELECT id || ' ' || title FROM notes")).containsExactly("10 first");
            assertThat(strings(c, "SELECT path FROM attachments")).containsExactly("a.png");
            assertThat(strings(c, "PRAGMA foreign_key_check")).isEmpty();
            assertThat(strings(c, "PRAGMA foreign_keys")).as("switched on again").containsExactly("1");
            assertThat(strings(c, "SELECT sql FROM sqlite_master WHERE name = 'attachments'")).singleElement()
                    .satisfies(sql -> assertThat(sql).contains("REFERENCES notes (id)"));
        }
    }
}

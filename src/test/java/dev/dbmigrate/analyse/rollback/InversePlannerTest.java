package dev.dbmigrate.analyse.rollback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Focused tests for the planner bugs the round trips found (each was a failing dry run first). */
class InversePlannerTest {

    static List<InversePlanner.PlannedStep> plan(Dialect d, String history, String up) {
        Schema s = new Schema(d);
        s.apply(Parsers.parse(Script.sql(Path.of("/p/001_history.sql").toAbsolutePath(), history), d));
        return new InversePlanner(d).plan(s, Parsers.parse(Script.sql(Path.of("/p/002_up.sql").toAbsolutePath(), up), d));
    }

    static String rollback(Dialect d, String history, String up) {
        return plan(d, history, up).stream().flatMap(st -> st.inverse().sql().stream()).collect(Collectors.joining("\n"));
    }

    @Test
    void enumTypesAndIndexesOutsideThePublicSchemaAreQualified() {
        String sql = rollback(Dialect.POSTGRESQL, """
                CREATE SCHEMA crm;
                CREATE TYPE crm.stage AS ENUM ('new', 'won');
                CREATE TABLE crm.people (id int PRIMARY KEY, stage crm.stage NOT NULL DEFAULT 'new');
                CREATE INDEX people_stage_idx ON crm.people (stage);
                """, """
                ALTER TYPE crm.stage ADD VALUE 'lost';
                ALTER INDEX crm.people_stage_idx RENAME TO people_stage_by_idx;
                CREATE INDEX people_id_idx ON crm.people (id);
                """);
        assertThat(sql).contains("DROP INDEX crm.people_id_idx;", "ALTER INDEX crm.people_stage_by_idx RENAME TO people_stage_idx;",
                "ALTER TYPE crm.stage RENAME TO stage_old;", "CREATE TYPE crm.stage AS ENUM ('new', 'won');",
                "ALTER TABLE crm.people ALTER COLUMN stage TYPE crm.stage USING stage::text::crm.stage;", "DROP TYPE crm.stage_old;")
                .doesNotContain("\"crm.");
        assertThat(rollback(Dialect.POSTGRESQL, "CREATE SCHEMA crm;", "CREATE TYPE crm.stage AS ENUM ('new');")).isEqualTo("DROP TYPE crm.stage;");
    }

    @Test
    void aSerialColumnGoesBackToItsIntegerType() {
        assertThat(rollback(Dialect.POSTGRESQL, "CREATE TABLE t (id serial PRIMARY KEY, big bigserial);",
                "ALTER TABLE t ALTER COLUMN id TYPE bigint; ALTER TABLE t ALTER COLUMN big TYPE numeric(20);"))
                .isEqualTo("ALTER TABLE t ALTER COLUMN big TYPE bigint USING big::bigint;\nALTER TABLE t ALTER COLUMN id TYPE integer USING id::integer;");
    }

    @Test
    void aTableCreatedByTheMigrationIsSimplyDroppedWithItsIndexesAndKeys() {
        // MariaDB refused the former "DROP INDEX p_s_idx ON p" first: the index is needed by the foreign key
        assertThat(rollback(Dialect.MARIADB, "", """
                CREATE TABLE s (id INT PRIMARY KEY);
                CREATE TABLE p (id INT PRIMARY KEY, s_id INT, KEY p_s_idx (s_id), CONSTRAINT p_s_fk FOREIGN KEY (s_id) REFERENCES s (id));
                CREATE INDEX p_id_s ON p (id, s_id);
                """)).isEqualTo("DROP TABLE p;\nDROP TABLE s;");
        // a table created under a temporary name and renamed into place keeps explicit index drops (their names come back)
        assertThat(rollback(Dialect.SQLITE, "CREATE TABLE t (id INTEGER PRIMARY KEY); CREATE INDEX t_id ON t (id);", """
                CREATE TABLE t_new (id INTEGER PRIMARY KEY, x TEXT);
                DROP TABLE t;
                ALTER TABLE t_new RENAME TO t;
                CREATE INDEX t_id ON t (id);
                """)).startsWith("DROP INDEX t_id;");
    }

    @Test
    void droppingAUniqueKeyIsUndoneWithItsDefinition() {
        List<InversePlanner.PlannedStep> steps = plan(Dialect.MARIADB,
                "CREATE TABLE p (id INT PRIMARY KEY, sku VARCHAR(64) NOT NULL, UNIQUE KEY p_sku_unique (sku));",
                "ALTER TABLE p DROP INDEX p_sku_unique, ADD UNIQUE INDEX p_sku_id (sku, id);");
        assertThat(steps).allMatch(s -> s.inverse().reversible());
        assertThat(steps.stream().flatMap(s -> s.inverse().sql().stream()))
                .containsExactly("DROP INDEX p_sku_id ON p;", "ALTER TABLE p ADD CONSTRAINT p_sku_unique UNIQUE (sku);");
    }

    @Test
    void sqliteRenamesBackDragReferencesOnlyWhenTheForwardRenameDid() {
        String history = "CREATE TABLE a (id INTEGER PRIMARY KEY); CREATE TABLE b (id INTEGER PRIMARY KEY, a_id INTEGER REFERENCES a (id));";
        assertThat(rollback(Dialect.SQLITE, history, "ALTER TABLE a RENAME TO a2;")).isEqualTo("ALTER TABLE a2 RENAME TO a;");
        String rebuild = rollback(Dialect.SQLITE, history, """
                CREATE TABLE a_new (id INTEGER PRIMARY KEY, x TEXT);
                DROP TABLE a;
                ALTER TABLE a_new RENAME TO a;
                """);
        assertThat(rebuild).startsWith("PRAGMA legacy_alter_table = ON;\nALTER TABLE a RENAME TO a_new;\nPRAGMA legacy_alter_table = OFF;\nCREATE TABLE a (")
                .endsWith("DROP TABLE a_new;")
                .as("SQLite keeps b's REFERENCES a through the drop: nothing to re-add").doesNotContain("ADD CONSTRAINT");
    }

    @Test
    void theRollbackOfATableRebuildCopiesTheRowsBack() {
        List<InversePlanner.PlannedStep> steps = plan(Dialect.SQLITE, "CREATE TABLE t (id INTEGER PRIMARY KEY, title TEXT, body TEXT);", """
                CREATE TABLE t_new (id INTEGER PRIMARY KEY, title TEXT NOT NULL, pinned INTEGER NOT NULL DEFAULT 0);
                INSERT INTO t_new (id, title) SELECT id, title FROM t;
                DROP TABLE t;
                ALTER TABLE t_new RENAME TO t;
                """);
        Inverse recreate = steps.stream().filter(s -> s.operation() instanceof dev.dbmigrate.model.Operation.DropTable).findFirst().orElseThrow().inverse();
        assertThat(recreate.sql()).element(1).isEqualTo("INSERT INTO t (id, title) SELECT id, title FROM t_new;");
        assertThat(recreate.note()).contains("copies its rows back from t_new; the values of pinned are lost");
        assertThat(recreate.dataLoss()).isTrue();
        // a plain DROP TABLE comes back empty
        assertThat(plan(Dialect.SQLITE, "CREATE TABLE t (id INTEGER PRIMARY KEY);", "DROP TABLE t;").get(0).inverse().note()).contains("but empty");
    }

    @Test
    void foreignKeysPointingAtADroppedTableAreReAddedOnlyOnPostgres() {
        String history = "CREATE TABLE parent (id int PRIMARY KEY); CREATE TABLE child (id int PRIMARY KEY, parent_id int REFERENCES parent (id) ON DELETE CASCADE);";
        assertThat(rollback(Dialect.POSTGRESQL, history, "DROP TABLE parent CASCADE;"))
                .contains("ALTER TABLE child ADD CONSTRAINT child_parent_id_fkey FOREIGN KEY (parent_id) REFERENCES parent (id) ON DELETE CASCADE;");
        assertThat(rollback(Dialect.MARIADB, history, "SET FOREIGN_KEY_CHECKS = 0; DROP TABLE parent;")).startsWith("CREATE TABLE parent").doesNotContain("ALTER TABLE child");
    }

    @Test
    void locksAndMarkersNeedNoUndoAndOtherAlterTableClausesSayWhatIsUnknown() {
        List<InversePlanner.PlannedStep> steps = plan(Dialect.POSTGRESQL, "CREATE TABLE t (id int PRIMARY KEY);", """
                LOCK TABLE t IN ACCESS EXCLUSIVE MODE;
                ALTER TABLE t OWNER TO reporting;
                ALTER TABLE t ADD COLUMN note text;
                """);
        assertThat(steps).hasSize(2);
        assertThat(steps.get(0).inverse().sql()).containsExactly("ALTER TABLE t DROP COLUMN note;");
        assertThat(steps.get(1).inverse().reversible()).isFalse();
        assertThat(steps.get(1).inverse().note()).isEqualTo("ALTER TABLE t OWNER TO reporting: the previous setting is not known from the migrations; undo it by hand");
    }

    @Test
    void sqliteRecreatesAutoincrementKeys() {
        assertThat(rollback(Dialect.SQLITE, "CREATE TABLE users (id INTEGER PRIMARY KEY AUTOINCREMENT, email TEXT NOT NULL UNIQUE);", "DROP TABLE users;"))
                .contains("id INTEGER PRIMARY KEY AUTOINCREMENT,").doesNotContain("PRIMARY KEY (id)").contains("UNIQUE (email)");
    }

    @Test
    void sqliteRollbackScriptsTurnForeignKeysOffOutsideTheirTransaction() {
        String script = RollbackPlans.sqliteScript("""
                PRAGMA foreign_keys = OFF;
                CREATE TABLE "t__dbm_new" (id INTEGER);
                DROP TABLE t;
                PRAGMA foreign_key_check;
                PRAGMA foreign_keys = ON;
                """);
        // PRAGMA foreign_keys is a no-op inside a transaction: with it on, DROP TABLE deletes (or cascades) child rows
        assertThat(script).isEqualTo("""
                PRAGMA foreign_keys = OFF;
                BEGIN;

                CREATE TABLE "t__dbm_new" (id INTEGER);
                DROP TABLE t;

                PRAGMA foreign_key_check;
                COMMIT;
                PRAGMA foreign_keys = ON;
                """);
    }
}

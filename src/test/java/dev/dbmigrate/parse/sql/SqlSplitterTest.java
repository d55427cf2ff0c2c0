package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.parse;
import static dev.dbmigrate.parse.sql.SqlTestSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.parse.Parsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SqlSplitterTest {

    private static String span(Statement s) {
        return s.line() + ":" + s.column() + "-" + s.endLine() + ":" + s.endColumn();
    }

    private static List<String> texts(Dialect d, String sql) {
        return statements(d, sql).stream().map(Statement::text).toList();
    }

    @Test
    void exactSpansAcrossLinesWithoutTheDelimiter() {
        List<Statement> s = statements(PG, "CREATE TABLE a (id int);\n  ALTER TABLE a\n    ADD COLUMN b text;  DROP TABLE a;\n");
        assertThat(s).extracting(SqlSplitterTest::span).containsExactly("1:1-1:24", "2:3-3:22", "3:25-3:37");
        assertThat(s.get(1).text()).isEqualTo("ALTER TABLE a\n    ADD COLUMN b text");
        assertThat(s.get(1).file()).isEqualTo(Path.of("/project/migrations/m.sql").toString());
    }

    @Test
    void spansAreRelativeToTheRealFileWhenTheTextStartsLater() {
        Script up = new Script(Path.of("/p/00001_init.sql"), "CREATE TABLE a (id int);\nDROP TABLE b;", 7, Script.Language.SQL, "up");
        List<Statement> s = Parsers.parse(up, PG).statements();
        assertThat(s).extracting(SqlSplitterTest::span).containsExactly("7:1-7:24", "8:1-8:13");
    }

    @Test
    void crlfLineEndingsKeepColumns() {
        List<Statement> s = statements(PG, "SELECT 1;\r\n  SELECT 2;\r\n");
        assertThat(s).extracting(SqlSplitterTest::span).containsExactly("1:1-1:9", "2:3-2:11");
    }

    @Test
    void lastStatementNeedsNoSemicolonAndEmptyStatementsVanish() {
        assertThat(texts(PG, ";;SELECT 1;;\n;SELECT 2\n")).containsExactly("SELECT 1", "SELECT 2");
        assertThat(statements(PG, "")).isEmpty();
        assertThat(statements(PG, "-- only a comment\n/* and another */\n")).isEmpty();
    }

    @Test
    void semicolonsInsideCommentsStringsAndIdentifiersDoNotSplit() {
        String sql = """
                -- leading; comment
                INSERT INTO "we;ird" (a) VALUES ('x;y'), ('it''s;'); /* c; */ SELECT 1 -- trailing;
                ;
                """;
        List<Statement> s = statements(PG, sql);
        assertThat(s).extracting(Statement::text)
                .containsExactly("INSERT INTO \"we;ird\" (a) VALUES ('x;y'), ('it''s;')", "SELECT 1");
        assertThat(((Operation.DataChange) s.get(0).operations().get(0)).table().name()).isEqualTo("we;ird");
    }

    @Test
    void postgresNestedBlockCommentsAndEscapeStrings() {
        assertThat(texts(PG, "/* outer /* inner; */ still comment; */ SELECT E'a\\';b'; SELECT 2"))
                .containsExactly("SELECT E'a\\';b'", "SELECT 2");
        // in SQLite block comments do not nest: the first */ ends it
        assertThat(texts(LITE, "/* a /* b */ SELECT 1; SELECT 2")).containsExactly("SELECT 1", "SELECT 2");
    }

    @Test
    void postgresDollarQuotingWithAndWithoutTags() {
        String sql = """
                CREATE FUNCTION f() RETURNS int AS $$ SELECT 1; $$ LANGUAGE sql;
                CREATE FUNCTION g() RETURNS int AS $body$ BEGIN RETURN $x$;$x$; END; $body$ LANGUAGE plpgsql;
                SELECT $1;
                """;
        List<Statement> s = statements(PG, sql);
        assertThat(s).hasSize(3);
        assertThat(s.get(1).text()).endsWith("$body$ LANGUAGE plpgsql");
        assertThat(s.get(2).text()).isEqualTo("SELECT $1");
    }

    @Test
    void mysqlStringsHashCommentsAndBackticks() {
        String sql = "INSERT INTO `a;b` VALUES ('x\\';y', \"q\\\";\"); # hash; comment\nSELECT 1; -- dash comment;\nSELECT 2--1\n;";
        List<Statement> s = statements(MY, sql);
        assertThat(s).extracting(Statement::text).containsExactly(
                "INSERT INTO `a;b` VALUES ('x\\';y', \"q\\\";\")", "SELECT 1", "SELECT 2--1");
    }

    @Test
    void sqliteBracketIdentifiers() {
        List<Statement> s = statements(LITE, "CREATE TABLE [my;table] ([a b] int); SELECT 1");
        assertThat(s).hasSize(2);
        assertThat(((Operation.CreateTable) s.get(0).operations().get(0)).table().name()).isEqualTo("my;table");
    }

    @Test
    void mysqlExecutableCommentsAreCode() {
        List<Statement> s = statements(MY, "/*!40101 SET NAMES utf8mb4 */;\n/*!40014 SET FOREIGN_KEY_CHECKS=0 */;");
        assertThat(s).extracting(Statement::text).containsExactly("SET NAMES utf8mb4", "SET FOREIGN_KEY_CHECKS=0");
        assertThat(span(s.get(0))).isEqualTo("1:10-1:27");
        assertThat(s.get(1).operations()).containsExactly(new Operation.SessionSetting("foreign_key_checks", "0", false));
    }

    @Test
    void mysqlDelimiterSwitches() {
        String sql = """
                DELIMITER //
                CREATE PROCEDURE p()
                BEGIN
                  SELECT 1;
                  SELECT 2;
                END//
                DELIMITER ;
                SELECT 3;
                DELIMITER $$
                CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END $$
                DELIMITER ;
                """;
        List<Statement> s = statements(MY, sql);
        assertThat(s).extracting(Statement::text).containsExactly(
                "CREATE PROCEDURE p()\nBEGIN\n  SELECT 1;\n  SELECT 2;\nEND", "SELECT 3",
                "CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW BEGIN SET NEW.x = 1; END");
        assertThat(span(s.get(0))).isEqualTo("2:1-6:4");
    }

    @Test
    void triggerAndProcedureBodiesWithoutDelimiter() {
        String mysql = """
                CREATE DEFINER=`root`@`%` PROCEDURE p()
                BEGIN
                  DECLARE done INT DEFAULT 0;
                  lbl: LOOP
                    IF done THEN LEAVE lbl; END IF;
                    SET done = CASE WHEN done = 0 THEN 1 ELSE 0 END;
                  END LOOP lbl;
                  CASE done WHEN 1 THEN SELECT 1; ELSE SELECT 2; END CASE;
                END;
                SELECT 'after';
                """;
        assertThat(statements(MY, mysql)).hasSize(2).last().extracting(Statement::text).isEqualTo("SELECT 'after'");
        String sqlite = """
                CREATE TRIGGER IF NOT EXISTS audit AFTER UPDATE OF email ON users
                WHEN old.email <> new.email
                BEGIN
                  INSERT INTO audit_log (user_id, note) VALUES (new.id, CASE WHEN new.email IS NULL THEN 'cleared' ELSE 'changed' END);
                  UPDATE users SET updated_at = CURRENT_TIMESTAMP WHERE id = new.id;
                END;
                CREATE TABLE after_trigger (id integer);
                """;
        List<Statement> s = statements(LITE, sqlite);
        assertThat(s).hasSize(2);
        assertThat(s.get(0).text()).startsWith("CREATE TRIGGER").endsWith("END");
    }

    @Test
    void postgresBeginAtomicBody() {
        String sql = """
                CREATE FUNCTION add(a int, b int) RETURNS int LANGUAGE sql
                BEGIN ATOMIC
                  SELECT CASE WHEN a > 0 THEN a ELSE 0 END + b;
                END;
                SELECT 2;
                """;
        assertThat(statements(PG, sql)).hasSize(2);
    }

    @Test
    void parenthesesHoldSemicolonsInPostgresLikePsql() {
        List<Statement> s = statements(PG, "CREATE RULE r AS ON INSERT TO t DO ALSO (INSERT INTO a VALUES (1); INSERT INTO b VALUES (2)); SELECT 1;");
        assertThat(s).hasSize(2);
        assertThat(s.get(0).operations().get(0)).isInstanceOf(Operation.OtherDdl.class);
    }

    @Test
    void sqlServerGoLinesSeparateBatches() {
        assertThat(texts(Dialect.MSSQL, "CREATE TABLE [a b] (id int)\nGO\nSELECT 1\ngo\n")).containsExactly("CREATE TABLE [a b] (id int)", "SELECT 1");
        // elsewhere GO is just a word
        assertThat(texts(PG, "SELECT 1\nGO\n")).containsExactly("SELECT 1\nGO");
    }

    @Test
    void psqlMetaCommandsAreSkipped() {
        String sql = """
                \\set ON_ERROR_STOP on
                \\connect mydb
                CREATE TABLE a (id int);
                  \\echo done
                SELECT 1
                \\gset
                SELECT 2;
                """;
        assertThat(texts(PG, sql)).containsExactly("CREATE TABLE a (id int)", "SELECT 1", "SELECT 2");
    }

    @Test
    void copyFromStdinDataIsSkipped() {
        String sql = "COPY public.users (id, email) FROM stdin;\n1\ta;b@example.com\n2\tc@example.com\n\\.\n\nSELECT 1;\n";
        List<Statement> s = statements(PG, sql);
        assertThat(s).extracting(Statement::text).containsExactly("COPY public.users (id, email) FROM stdin", "SELECT 1");
        assertThat(s.get(1).line()).isEqualTo(6);
    }

    @Test
    void gooseStatementBlocksAreOneStatement() {
        String sql = """
                -- +goose Up
                -- +goose StatementBegin
                CREATE OR REPLACE FUNCTION f() RETURNS trigger AS '
                BEGIN NEW.x := 1; RETURN NEW; END;' LANGUAGE plpgsql;
                -- +goose StatementEnd
                -- +goose StatementBegin
                ALTER TABLE a ADD COLUMN b int;
                ALTER TABLE a DROP COLUMN c;
                -- +goose StatementEnd
                SELECT 1;
                """;
        List<Statement> s = statements(PG, sql);
        assertThat(s).hasSize(3);
        assertThat(span(s.get(0))).isEqualTo("3:1-4:53");
        assertThat(s.get(1).text()).isEqualTo("ALTER TABLE a ADD COLUMN b int;\nALTER TABLE a DROP COLUMN c");
        assertThat(s.get(1).operations()).hasSize(2);
        assertThat(s.get(1).operations().get(0)).isInstanceOf(Operation.AddColumn.class);
        assertThat(s.get(1).operations().get(1)).isInstanceOf(Operation.DropColumn.class);
    }

    @Test
    void gooseBlockWithMysqlTriggerBody() {
        String sql = """
                -- +goose StatementBegin
                CREATE TRIGGER t BEFORE INSERT ON a FOR EACH ROW
                BEGIN
                  SET NEW.created = NOW();
                END;
                -- +goose StatementEnd
                """;
        List<Statement> s = statements(MY, sql);
        assertThat(s).hasSize(1);
        assertThat(s.get(0).operations()).hasSize(2);
    }

    @Test
    void ignoreDirectivesApplyToTheNextStatement() {
        String sql = """
                -- db-migrate-ignore ban-drop-table, ban-drop-column: legacy table, unused since v2
                DROP TABLE legacy;
                DROP TABLE other;
                -- db-migrate-ignore
                -- a normal comment in between
                ALTER TABLE a DROP COLUMN b;
                ALTER TABLE a
                  -- db-migrate-ignore ban-drop-column
                  DROP COLUMN c;
                """;
        List<Statement> s = statements(PG, sql);
        assertThat(s.get(0).ignore().line()).isEqualTo(1);
        assertThat(s.get(0).ignore().rules()).containsExactlyInAnyOrder("ban-drop-table", "ban-drop-column");
        assertThat(s.get(1).ignore()).isNull();
        assertThat(s.get(2).ignore().rules()).isEmpty();
        assertThat(s.get(2).ignore().covers("anything")).isTrue();
        assertThat(s.get(3).ignore().line()).isEqualTo(8);
        assertThat(s.get(3).ignore().covers("ban-drop-column")).isTrue();
        assertThat(s.get(3).ignore().covers("ban-drop-table")).isFalse();
    }

    @Test
    void ignoreDirectiveInHashAndBlockComments() {
        List<Statement> s = statements(MY, "# db-migrate-ignore ban-truncate\nTRUNCATE a;\n/* db-migrate-ignore update-without-where */ UPDATE a SET b = 1;");
        assertThat(s.get(0).ignore().rules()).containsExactly("ban-truncate");
        assertThat(s.get(1).ignore().rules()).containsExactly("update-without-where");
        assertThat(s.get(1).ignore().line()).isEqualTo(3);
    }

    @Test
    void ignoreFileDirective() {
        ParsedScript p = parse(PG, "SELECT 1;\n\n-- db-migrate-ignore-file\nDROP TABLE a;");
        assertThat(p.ignoreFile()).isTrue();
        assertThat(p.ignoreFileLine()).isEqualTo(3);
        assertThat(p.statements()).allMatch(st -> st.ignore() == null);
        assertThat(parse(PG, "-- db-migrate-ignore-files-not\nSELECT 1;").ignoreFile()).isFalse();
    }

    @Test
    void runnerDirectivesMeanNoTransaction() {
        assertThat(parse(PG, "-- +goose NO TRANSACTION\n-- +goose Up\nCREATE INDEX CONCURRENTLY i ON t (a);").noTransaction()).isTrue();
        assertThat(parse(PG, "-- migrate:up transaction:false\nCREATE INDEX CONCURRENTLY i ON t (a);").noTransaction()).isTrue();
        assertThat(parse(PG, "-- no-transaction\nCREATE INDEX CONCURRENTLY i ON t (a);").noTransaction()).isTrue();
        assertThat(parse(PG, "-- migrate:up\nCREATE INDEX i ON t (a);").noTransaction()).isFalse();
        // sqlx reads the directive only on the first line
        assertThat(parse(PG, "SELECT 1;\n-- no-transaction\n").noTransaction()).isFalse();
    }

    @Test
    void unterminatedInputNeverThrows() {
        for (String bad : List.of("SELECT 'abc", "CREATE TABLE \"x (id int);", "/* never closed", "DO $$ BEGIN", "SELECT ((((", "ALTER TABLE",
                "CREATE TABLE t (a int,,)", "\\", "`", "$", "E'")) {
            for (Dialect d : Dialect.values()) {
                ParsedScript p = parse(d, bad);
                assertThat(p.statements()).allSatisfy(st -> assertThat(st.text()).isNotNull());
            }
        }
    }

    @Test
    void deeplyNestedInputDoesNotHang() {
        String deep = "SELECT " + "(".repeat(5000) + "1" + ")".repeat(5000) + "; DROP TABLE x;";
        List<Statement> s = statements(PG, deep);
        assertThat(s).hasSize(2);
        assertThat(s.get(1).operations()).containsExactly(new Operation.DropTable(dev.dbmigrate.model.TableRef.of("x"), false, false));
    }
}

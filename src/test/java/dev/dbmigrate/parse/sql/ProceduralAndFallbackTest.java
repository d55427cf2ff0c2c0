package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.op;
import static dev.dbmigrate.parse.sql.SqlTestSupport.ops;
import static dev.dbmigrate.parse.sql.SqlTestSupport.parse;
import static dev.dbmigrate.parse.sql.SqlTestSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.OpaqueCode;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import net.sf.jsqlparser.parser.CCJSqlParserUtil;
import org.junit.jupiter.api.Test;

class ProceduralAndFallbackTest {

    @Test
    void doBlockWithConditionalDdlAndExecuteStrings() {
        OpaqueCode oc = op(PG, """
                DO $$
                DECLARE
                  r record;
                BEGIN
                  IF NOT EXISTS (SELECT 1 FROM pg_type WHERE typname = 'color') THEN
                    CREATE TYPE color AS ENUM ('red', 'green');
                  END IF;
                  <<backfill>>
                  FOR r IN SELECT id FROM users LOOP
                    UPDATE users SET color = 'red' WHERE id = r.id;
                  END LOOP;
                  EXECUTE 'ALTER TABLE users ADD COLUMN c int; CREATE INDEX users_c ON users (c)';
                EXCEPTION WHEN duplicate_object THEN
                  NULL;
                END
                $$""", OpaqueCode.class);
        assertThat(oc.language()).isEqualTo("plpgsql");
        assertThat(oc.description()).isEqualTo("DO block");
        assertThat(oc.containsDdl()).isTrue();
        assertThat(oc.inner()).hasSize(4);
        assertThat(oc.inner().get(0)).isEqualTo(new Operation.CreateEnum("color", List.of("red", "green")));
        assertThat(oc.inner().get(1)).isEqualTo(new Operation.DataChange(Operation.DataKind.UPDATE, TableRef.of("users"), true, List.of("color")));
        assertThat(oc.inner().get(2)).isInstanceOf(Operation.AddColumn.class);
        assertThat(oc.inner().get(3)).isInstanceOf(Operation.CreateIndex.class);
    }

    @Test
    void dynamicExecuteIsFlaggedNotGuessed() {
        OpaqueCode oc = op(PG, "DO LANGUAGE plpgsql $do$ BEGIN EXECUTE format('ALTER TABLE %I DROP COLUMN x', tbl) USING 1; END $do$", OpaqueCode.class);
        assertThat(oc.containsDdl()).isTrue();
        assertThat(oc.inner()).singleElement().isInstanceOfSatisfying(Operation.Unparsed.class,
                u -> assertThat(u.reason()).startsWith("dynamic SQL in EXECUTE format('ALTER TABLE %I"));
        OpaqueCode harmless = op(PG, "DO $$ BEGIN PERFORM pg_sleep(1); RAISE NOTICE 'x;y'; END $$", OpaqueCode.class);
        assertThat(harmless.containsDdl()).isFalse();
        assertThat(harmless.inner()).isEmpty();
        OpaqueCode dataOnly = op(PG, "DO $$ BEGIN UPDATE t SET a = 1; END $$", OpaqueCode.class);
        assertThat(dataOnly.containsDdl()).isFalse();
        assertThat(dataOnly.inner()).hasSize(1);
    }

    @Test
    void functionBodiesInDollarAndSingleQuotes() {
        List<Operation> o = ops(PG, """
                CREATE OR REPLACE FUNCTION public.touch() RETURNS trigger
                LANGUAGE plpgsql AS $fn$
                BEGIN
                  NEW.updated_at := now();
                  RETURN NEW;
                END;
                $fn$""");
        assertThat(o.get(0)).isEqualTo(new Operation.OtherDdl("CREATE", "FUNCTION", "public.touch", null, false, true));
        assertThat(o.get(1)).isEqualTo(new OpaqueCode("plpgsql", "function public.touch", false, List.of()));
        List<Operation> quoted = ops(PG, "CREATE FUNCTION mk() RETURNS void AS 'CREATE TABLE made_by_fn (id int); DELETE FROM x' LANGUAGE sql");
        OpaqueCode body = (OpaqueCode) quoted.get(1);
        assertThat(body.language()).isEqualTo("sql");
        assertThat(body.containsDdl()).isTrue();
        assertThat(body.inner()).hasSize(2);
        List<Operation> c = ops(PG, "CREATE FUNCTION f() RETURNS int AS 'libf', 'f' LANGUAGE c");
        assertThat(((OpaqueCode) c.get(1)).inner()).isEmpty();
        List<Operation> atomic = ops(PG, "CREATE PROCEDURE p() LANGUAGE sql BEGIN ATOMIC INSERT INTO t VALUES (1); END");
        assertThat(((OpaqueCode) atomic.get(1)).inner()).singleElement().isInstanceOf(Operation.DataChange.class);
    }

    @Test
    void mysqlAndSqliteBodies() {
        List<Operation> proc = ops(MY, """
                CREATE PROCEDURE add_col()
                  MODIFIES SQL DATA
                BEGIN
                  DECLARE n INT DEFAULT 0;
                  SELECT COUNT(*) INTO n FROM information_schema.columns WHERE column_name = 'x';
                  IF n = 0 THEN
                    ALTER TABLE t ADD COLUMN x INT;
                  END IF;
                END""");
        OpaqueCode body = (OpaqueCode) proc.get(1);
        assertThat(body.containsDdl()).isTrue();
        assertThat(body.inner()).singleElement().isInstanceOf(Operation.AddColumn.class);
        List<Operation> fn = ops(MY, "CREATE FUNCTION f(a INT) RETURNS varchar(10) CHARACTER SET utf8mb4 DETERMINISTIC RETURN 'x'");
        assertThat(((OpaqueCode) fn.get(1)).inner()).isEmpty();
        List<Operation> trg = ops(LITE, "CREATE TRIGGER t_del AFTER DELETE ON t BEGIN DELETE FROM t_child WHERE parent_id = old.id; END");
        assertThat(trg.get(0)).isEqualTo(new Operation.OtherDdl("CREATE", "TRIGGER", "t_del", TableRef.of("t"), false, false));
        assertThat(((OpaqueCode) trg.get(1)).inner()).singleElement().isInstanceOfSatisfying(Operation.DataChange.class,
                d -> assertThat(d.hasWhere()).isTrue());
        List<Operation> single = ops(MY, "CREATE TRIGGER t_bi BEFORE INSERT ON t FOR EACH ROW FOLLOWS other UPDATE counters SET n = n + 1");
        assertThat(((OpaqueCode) single.get(1)).inner()).singleElement().isInstanceOf(Operation.DataChange.class);
    }

    /** The forms JSqlParser 5.3 rejects (measured) are read by the recogniser. */
    @Test
    void formsJsqlParserRejectsAreRecognised() {
        List<String> rejected = List.of(
                "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx ON t (a)",
                "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id) NOT VALID",
                "CREATE TYPE mood AS ENUM ('a', 'b')",
                "CREATE EXTENSION IF NOT EXISTS pgcrypto",
                "DO $$ BEGIN PERFORM 1; END $$",
                "DROP INDEX CONCURRENTLY IF EXISTS idx",
                "REINDEX INDEX CONCURRENTLY idx",
                "ALTER TABLE t ADD CONSTRAINT t_pk PRIMARY KEY USING INDEX t_pk_idx");
        for (String sql : rejected) {
            boolean jsqlFails;
            try {
                CCJSqlParserUtil.parse(sql);
                jsqlFails = false;
            } catch (Exception e) {
                jsqlFails = true;
            }
            assertThat(jsqlFails).as("JSqlParser rejects %s", sql).isTrue();
            Statement s = statements(PG, sql).get(0);
            assertThat(s.status()).as(sql).isEqualTo(ParseStatus.FALLBACK);
            assertThat(s.operations()).as(sql).isNotEmpty().noneMatch(o -> o instanceof Operation.Unparsed);
        }
    }

    @Test
    void jsqlParserReadsWhatTheRecogniserDoesNot() {
        Statement s = statements(PG, "UPSERT INTO t (a, b) VALUES (1, 2)").get(0);
        assertThat(s.status()).isEqualTo(ParseStatus.PARSED);
        assertThat(s.operations()).containsExactly(new Operation.DataChange(Operation.DataKind.INSERT, TableRef.of("t"), false, List.of("a", "b")));
    }

    @Test
    void jsqlParserDdlThatCannotBeMappedStaysUnparsed() {
        // the recogniser rejects the unknown column attribute; JSqlParser accepts the CREATE TABLE but it is not mapped half-way
        Statement s = statements(MY, "CREATE TABLE t (a int SOMETHING_NEW)").get(0);
        assertThat(s.status()).isEqualTo(ParseStatus.UNPARSED);
        assertThat(((Operation.Unparsed) s.operations().get(0)).reason()).contains("in the definition of column a");
    }

    @Test
    void goosePartialFailureKeepsWhatWasRead() {
        Statement s = statements(PG, "-- +goose StatementBegin\nALTER TABLE a ADD COLUMN b int;\nFROB x;\n-- +goose StatementEnd").get(0);
        assertThat(s.status()).isEqualTo(ParseStatus.UNPARSED);
        assertThat(s.operations()).hasSize(2);
        assertThat(s.operations().get(0)).isInstanceOf(Operation.AddColumn.class);
        assertThat(s.operations().get(1)).isInstanceOf(Operation.Unparsed.class);
    }

    @Test
    void parsingInParallelGivesTheSameResult() throws Exception {
        String sql = SqlTestSupport.fixture("pg/rails_structure.sql");
        ParsedScript expected = parse(PG, sql);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<ParsedScript>> futures = new ArrayList<>();
            for (int i = 0; i < 16; i++) futures.add(pool.submit(() -> parse(PG, sql)));
            for (Future<ParsedScript> f : futures) assertThat(f.get().statements()).isEqualTo(expected.statements());
        } finally {
            pool.shutdownNow();
        }
    }
}

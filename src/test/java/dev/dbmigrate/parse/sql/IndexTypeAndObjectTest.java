package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MARIA;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.op;
import static dev.dbmigrate.parse.sql.SqlTestSupport.ops;
import static dev.dbmigrate.parse.sql.SqlTestSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.CreateIndex;
import dev.dbmigrate.model.Operation.DropIndex;
import dev.dbmigrate.model.Operation.OtherDdl;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class IndexTypeAndObjectTest {

    @Test
    void createIndexPostgres() {
        CreateIndex ci = op(PG, "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS \"Users_email_key\" ON ONLY public.users USING btree "
                + "(lower(email), \"Created\" DESC NULLS LAST, name text_pattern_ops) INCLUDE (id) WITH (fillfactor = 90) WHERE deleted_at IS NULL",
                CreateIndex.class);
        assertThat(ci.concurrently()).isTrue();
        assertThat(ci.ifNotExists()).isTrue();
        assertThat(ci.index()).isEqualTo(new IndexDef("Users_email_key", new TableRef("public", "users"),
                List.of("lower(email)", "Created DESC NULLS LAST", "name text_pattern_ops"), true, "btree", "deleted_at IS NULL", List.of("id")));
        CreateIndex plain = op(PG, "CREATE INDEX ON orders (customer_id)", CreateIndex.class);
        assertThat(plain.index().name()).isNull();
        assertThat(plain.concurrently()).isFalse();
        assertThat(plain.ifNotExists()).isFalse();
        assertThat(plain.index().unique()).isFalse();
        assertThat(op(PG, "CREATE INDEX CONCURRENTLY ON t USING gin (data jsonb_path_ops)", CreateIndex.class).index().method()).isEqualTo("gin");
    }

    @Test
    void createIndexMysqlAndSqlite() {
        List<Operation> o = ops(MY, "CREATE UNIQUE INDEX idx_email USING BTREE ON users (email(100), created_at) ALGORITHM=INPLACE LOCK=NONE");
        assertThat(o.get(0)).isEqualTo(new CreateIndex(new IndexDef("idx_email", TableRef.of("users"), List.of("email(100)", "created_at"), true,
                "btree", null, null), false, false));
        assertThat(o.get(1)).isEqualTo(new Operation.TableAlgorithmLock(TableRef.of("users"), "INPLACE", "NONE"));
        assertThat(op(MY, "CREATE FULLTEXT INDEX ft ON posts (body)", CreateIndex.class).index().method()).isEqualTo("fulltext");
        CreateIndex lite = op(LITE, "CREATE UNIQUE INDEX IF NOT EXISTS main.idx ON t (a COLLATE NOCASE) WHERE a IS NOT NULL", CreateIndex.class);
        assertThat(lite.index().table()).isEqualTo(new TableRef("main", "t"));
        assertThat(lite.index().name()).isEqualTo("idx");
        assertThat(lite.index().columns()).containsExactly("a COLLATE NOCASE");
        assertThat(lite.index().where()).isEqualTo("a IS NOT NULL");
    }

    @Test
    void dropIndexForms() {
        assertThat(ops(PG, "DROP INDEX CONCURRENTLY IF EXISTS public.a, b CASCADE")).containsExactly(
                new DropIndex("a", null, true, true, true), new DropIndex("b", null, true, true, true));
        assertThat(op(PG, "DROP INDEX a", DropIndex.class)).isEqualTo(new DropIndex("a", null, false, false, false));
        List<Operation> my = ops(MY, "DROP INDEX idx ON users ALGORITHM = INPLACE LOCK = NONE");
        assertThat(my.get(0)).isEqualTo(new DropIndex("idx", TableRef.of("users"), false, false, false));
        assertThat(my.get(1)).isEqualTo(new Operation.TableAlgorithmLock(TableRef.of("users"), "INPLACE", "NONE"));
        assertThat(op(LITE, "DROP INDEX IF EXISTS idx_a", DropIndex.class).ifExists()).isTrue();
    }

    @Test
    void dropIndexOnTableIsMysqlOnly() {
        assertThat(op(MARIA, "DROP INDEX idx_b ON items", DropIndex.class).table()).isEqualTo(TableRef.of("items"));
        for (var d : List.of(PG, LITE)) {
            Statement s = statements(d, "DROP INDEX idx_b ON items").get(0);
            assertThat(s.status()).as(d.id()).isEqualTo(Statement.ParseStatus.UNPARSED);
            assertThat(((Operation.Unparsed) s.operations().get(0)).reason()).contains("MySQL syntax", d.id());
        }
    }

    @Test
    void reindexForms() {
        assertThat(op(PG, "REINDEX INDEX CONCURRENTLY public.idx", Operation.Reindex.class)).isEqualTo(new Operation.Reindex("INDEX", "public.idx", true));
        assertThat(op(PG, "REINDEX (VERBOSE, CONCURRENTLY) TABLE orders", Operation.Reindex.class)).isEqualTo(new Operation.Reindex("TABLE", "orders", true));
        assertThat(op(PG, "REINDEX TABLE orders", Operation.Reindex.class).concurrently()).isFalse();
        assertThat(op(PG, "REINDEX DATABASE", Operation.Reindex.class)).isEqualTo(new Operation.Reindex("DATABASE", null, false));
        assertThat(op(LITE, "REINDEX idx_a", Operation.Reindex.class)).isEqualTo(new Operation.Reindex(null, "idx_a", false));
    }

    @Test
    void enumTypes() {
        assertThat(op(PG, "CREATE TYPE public.\"Role\" AS ENUM ('USER', 'ADMIN', 'it''s')", Operation.CreateEnum.class))
                .isEqualTo(new Operation.CreateEnum("public.Role", List.of("USER", "ADMIN", "it's")));
        assertThat(op(PG, "ALTER TYPE mood ADD VALUE 'meh' AFTER 'ok'", Operation.AddEnumValue.class))
                .isEqualTo(new Operation.AddEnumValue("mood", "meh", null, "ok", false));
        assertThat(op(PG, "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'x'", Operation.AddEnumValue.class).ifNotExists()).isTrue();
        assertThat(op(PG, "ALTER TYPE mood RENAME VALUE 'sad' TO 'blue'", Operation.RenameEnumValue.class))
                .isEqualTo(new Operation.RenameEnumValue("mood", "sad", "blue"));
        assertThat(ops(PG, "DROP TYPE IF EXISTS mood, color CASCADE")).containsExactly(
                new Operation.DropType("mood", true, true), new Operation.DropType("color", true, true));
        assertThat(op(PG, "CREATE TYPE pair AS (a int, b text)", OtherDdl.class).kind()).isEqualTo("TYPE");
        assertThat(op(PG, "ALTER TYPE mood OWNER TO app", OtherDdl.class).verb()).isEqualTo("ALTER");
    }

    @Test
    void dropTablesSchemasAndDatabases() {
        assertThat(ops(PG, "DROP TABLE IF EXISTS a, public.b CASCADE")).containsExactly(
                new Operation.DropTable(TableRef.of("a"), true, true), new Operation.DropTable(new TableRef("public", "b"), true, true));
        assertThat(op(MY, "DROP TEMPORARY TABLE tmp", Operation.DropTable.class).table()).isEqualTo(TableRef.of("tmp"));
        assertThat(op(PG, "DROP SCHEMA IF EXISTS archive CASCADE", Operation.DropSchema.class))
                .isEqualTo(new Operation.DropSchema("archive", false, true, true));
        assertThat(op(PG, "DROP DATABASE legacy", Operation.DropSchema.class).database()).isTrue();
        assertThat(op(MY, "DROP SCHEMA shop", Operation.DropSchema.class).database()).isTrue();
        assertThat(op(PG, "CREATE SCHEMA IF NOT EXISTS app AUTHORIZATION app_owner", Operation.CreateSchema.class))
                .isEqualTo(new Operation.CreateSchema("app", true));
        assertThat(op(MY, "CREATE DATABASE IF NOT EXISTS shop DEFAULT CHARACTER SET utf8mb4", Operation.CreateSchema.class).name()).isEqualTo("shop");
        assertThat(op(PG, "CREATE DATABASE shop", OtherDdl.class).kind()).isEqualTo("DATABASE");
    }

    @Test
    void otherObjectsBecomeOtherDdl() {
        assertThat(op(PG, "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA public", OtherDdl.class))
                .isEqualTo(new OtherDdl("CREATE", "EXTENSION", "uuid-ossp", null, true, false));
        assertThat(op(PG, "CREATE OR REPLACE VIEW active_users AS SELECT * FROM users WHERE active", OtherDdl.class))
                .isEqualTo(new OtherDdl("CREATE", "VIEW", "active_users", null, false, true));
        assertThat(op(PG, "CREATE MATERIALIZED VIEW IF NOT EXISTS mv AS SELECT 1 WITH NO DATA", OtherDdl.class).kind()).isEqualTo("MATERIALIZED VIEW");
        assertThat(op(PG, "REFRESH MATERIALIZED VIEW CONCURRENTLY mv", OtherDdl.class).verb()).isEqualTo("REFRESH CONCURRENTLY");
        assertThat(op(PG, "CREATE SEQUENCE IF NOT EXISTS s START 1 INCREMENT 1", OtherDdl.class).name()).isEqualTo("s");
        assertThat(op(PG, "ALTER SEQUENCE public.users_id_seq OWNED BY public.users.id", OtherDdl.class).name()).isEqualTo("public.users_id_seq");
        assertThat(ops(PG, "DROP SEQUENCE IF EXISTS a, b")).hasSize(2);
        assertThat(op(PG, "CREATE POLICY p ON accounts FOR SELECT USING (owner = current_user)", OtherDdl.class).table())
                .isEqualTo(TableRef.of("accounts"));
        assertThat(op(PG, "DROP POLICY IF EXISTS p ON accounts", OtherDdl.class)).isEqualTo(new OtherDdl("DROP", "POLICY", "p", TableRef.of("accounts"), true, false));
        assertThat(op(PG, "CREATE TRIGGER trg BEFORE UPDATE OF a, b ON public.t FOR EACH ROW EXECUTE FUNCTION f()", OtherDdl.class).table())
                .isEqualTo(new TableRef("public", "t"));
        assertThat(op(PG, "DROP TRIGGER IF EXISTS trg ON t CASCADE", OtherDdl.class).table()).isEqualTo(TableRef.of("t"));
        assertThat(ops(PG, "DROP FUNCTION IF EXISTS f(int, text), g() CASCADE")).extracting(x -> ((OtherDdl) x).name()).containsExactly("f", "g");
        assertThat(op(PG, "ALTER FUNCTION f(int) OWNER TO app", OtherDdl.class).kind()).isEqualTo("FUNCTION");
        assertThat(op(PG, "CREATE DOMAIN email AS text CHECK (VALUE ~ '@')", OtherDdl.class).kind()).isEqualTo("DOMAIN");
        assertThat(op(PG, "GRANT SELECT ON ALL TABLES IN SCHEMA public TO reader", OtherDdl.class).verb()).isEqualTo("GRANT");
        assertThat(op(MY, "CREATE USER 'app'@'%' IDENTIFIED BY 'x'", OtherDdl.class).name()).isEqualTo("app@%");
        assertThat(op(MY, "CREATE ALGORITHM=MERGE DEFINER=`root`@`localhost` SQL SECURITY INVOKER VIEW v AS SELECT 1", OtherDdl.class).name())
                .isEqualTo("v");
        assertThat(op(LITE, "CREATE VIRTUAL TABLE docs USING fts5(title, body)", OtherDdl.class).kind()).isEqualTo("VIRTUAL TABLE");
        assertThat(op(PG, "ALTER INDEX old_idx RENAME TO new_idx", Operation.RenameIndex.class)).isEqualTo(new Operation.RenameIndex("old_idx", "new_idx", null));
        assertThat(op(PG, "ALTER INDEX idx SET (fillfactor = 80)", OtherDdl.class).kind()).isEqualTo("INDEX");
    }

    @Test
    void commentsOnTablesColumnsAndOtherObjects() {
        assertThat(op(PG, "COMMENT ON TABLE public.users IS 'People'", Operation.SetComment.class))
                .isEqualTo(new Operation.SetComment(new TableRef("public", "users"), null, "People"));
        assertThat(op(PG, "COMMENT ON COLUMN users.email IS E'Login\\naddress'", Operation.SetComment.class))
                .isEqualTo(new Operation.SetComment(TableRef.of("users"), "email", "Login\naddress"));
        assertThat(op(PG, "COMMENT ON COLUMN users.email IS NULL", Operation.SetComment.class).comment()).isNull();
        assertThat(op(PG, "COMMENT ON INDEX idx IS 'x'", OtherDdl.class)).isEqualTo(new OtherDdl("COMMENT", "INDEX", "idx", null, false, false));
        assertThat(op(PG, "COMMENT ON CONSTRAINT c ON t IS 'x'", OtherDdl.class).table()).isEqualTo(TableRef.of("t"));
        assertThat(op(PG, "COMMENT ON FUNCTION f(int) IS 'x'", OtherDdl.class).name()).isEqualTo("f");
    }

    @Test
    void maintenanceAndLocks() {
        assertThat(op(PG, "VACUUM (FULL, ANALYZE) orders", OtherDdl.class)).isEqualTo(new OtherDdl("VACUUM FULL", "TABLE", "orders", TableRef.of("orders"), false, false));
        assertThat(op(PG, "ANALYZE orders", OtherDdl.class).table()).isEqualTo(TableRef.of("orders"));
        assertThat(op(PG, "ANALYZE", OtherDdl.class).table()).isNull();
        assertThat(op(MY, "OPTIMIZE TABLE t", OtherDdl.class).verb()).isEqualTo("OPTIMIZE");
        assertThat(op(PG, "LOCK TABLE a, b IN SHARE ROW EXCLUSIVE MODE NOWAIT", Operation.LockTable.class))
                .isEqualTo(new Operation.LockTable(List.of(TableRef.of("a"), TableRef.of("b")), "SHARE ROW EXCLUSIVE"));
        assertThat(op(PG, "LOCK orders", Operation.LockTable.class).mode()).isEqualTo("ACCESS EXCLUSIVE");
        assertThat(op(MY, "LOCK TABLES t1 WRITE, t2 AS x READ", Operation.LockTable.class))
                .isEqualTo(new Operation.LockTable(List.of(TableRef.of("t1"), TableRef.of("t2")), "WRITE"));
        assertThat(op(MY, "UNLOCK TABLES", OtherDdl.class).verb()).isEqualTo("UNLOCK");
        assertThat(op(LITE, "ATTACH DATABASE 'other.db' AS other", OtherDdl.class).name()).isEqualTo("other");
    }

    @Test
    void readOnlyStatementsHaveNoOperations() {
        for (String sql : List.of("EXPLAIN SELECT 1", "SHOW search_path", "DESCRIBE users", "DECLARE c CURSOR FOR SELECT 1", "FETCH 10 FROM c")) {
            Statement s = statements(PG, sql).get(0);
            assertThat(s.status()).as(sql).isEqualTo(Statement.ParseStatus.FALLBACK);
            assertThat(s.operations()).as(sql).isEmpty();
        }
        assertThat(op(PG, "EXPLAIN (ANALYZE, BUFFERS) DELETE FROM t", Operation.DataChange.class).hasWhere()).isFalse();
    }

    @Test
    void unknownStatementsAndKindsAreUnparsed() {
        for (String bad : List.of("CREATE FROBNICATOR x", "DROP WIDGET w", "FROBNICATE ALL THE THINGS", "ALTER GADGET g")) {
            Statement s = statements(PG, bad).get(0);
            assertThat(s.status()).as(bad).isEqualTo(Statement.ParseStatus.UNPARSED);
            assertThat(((Operation.Unparsed) s.operations().get(0)).reason()).contains("unknown");
        }
    }
}

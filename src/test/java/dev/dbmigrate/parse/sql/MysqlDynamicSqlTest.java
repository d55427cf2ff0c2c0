package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.MARIA;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.AddColumn;
import dev.dbmigrate.model.Operation.CreateIndex;
import dev.dbmigrate.model.Operation.DropColumn;
import dev.dbmigrate.model.Operation.OpaqueCode;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * MySQL migrations that must be re-runnable guard their DDL with dynamic SQL: the statement text is
 * put in a user variable (often one branch of an IF over information_schema), prepared, executed.
 * The EXECUTE yields what the text holds.
 */
class MysqlDynamicSqlTest {

    /** The operations of the last statement of a script, every statement read by the recogniser. */
    private static List<Operation> lastOps(String sql) {
        List<Statement> all = statements(MY, sql);
        assertThat(all).allSatisfy(s -> assertThat(s.status()).as(s.text()).isEqualTo(Statement.ParseStatus.FALLBACK));
        return all.get(all.size() - 1).operations();
    }

    private static OpaqueCode executed(String sql) {
        List<Operation> ops = lastOps(sql);
        assertThat(ops).hasSize(1).first().isInstanceOf(OpaqueCode.class);
        return (OpaqueCode) ops.get(0);
    }

    @Test
    void guardedDdlInAVariableIsSeenAtExecute() {
        OpaqueCode oc = executed("""
                SET @stmt = (SELECT IF(
                    (SELECT count(*) FROM information_schema.columns
                      WHERE table_name = 'invoices' AND column_name = 'paid_at') > 0,
                    'ALTER TABLE invoices DROP COLUMN paid_at',
                    'SELECT 1'));
                PREPARE guarded FROM @stmt;
                EXECUTE guarded;""");
        assertThat(oc.containsDdl()).isTrue();
        assertThat(oc.description()).isEqualTo("prepared statement guarded (SQL text of @stmt)");
        assertThat(oc.inner()).containsExactly(new DropColumn(TableRef.of("invoices"), "paid_at", false, false));
    }

    @Test
    void preparingAndSettingRunNothing() {
        List<Statement> all = statements(MY, "SET @s = 'CREATE INDEX ix_a ON t (a)'; PREPARE p FROM @s; DEALLOCATE PREPARE p;");
        assertThat(all).hasSize(3);
        assertThat(all.get(0).operations()).singleElement().isInstanceOf(Operation.SessionSetting.class);
        assertThat(all.get(1).operations()).isEmpty();
        assertThat(all.get(2).operations()).isEmpty();
    }

    @Test
    void literalTextAndEscapedQuotes() {
        OpaqueCode oc = executed("PREPARE p FROM 'ALTER TABLE t ADD COLUMN note varchar(10) DEFAULT \\'n/a\\''; EXECUTE p;");
        assertThat(oc.inner()).singleElement().isInstanceOf(AddColumn.class);
        assertThat(((AddColumn) oc.inner().get(0)).column().name()).isEqualTo("note");
        // variable names and prepared statement names are case-insensitive
        OpaqueCode ci = executed("SET @Q = 'CREATE INDEX ix_a ON t (a)'; PREPARE Step FROM @q; EXECUTE step;");
        assertThat(ci.inner()).singleElement().isInstanceOf(CreateIndex.class);
    }

    @Test
    void unknownOrForgottenTextStaysOpaque() {
        String opaque = "EXECUTE of a prepared statement";
        // prepared in another file: not seen
        assertThat(executed("EXECUTE elsewhere;").description()).isEqualTo(opaque);
        // deallocated before the EXECUTE (DROP PREPARE is the same statement)
        assertThat(executed("PREPARE p FROM 'DROP TABLE t'; DEALLOCATE PREPARE p; EXECUTE p;").description()).isEqualTo(opaque);
        assertThat(executed("PREPARE p FROM 'DROP TABLE t'; DROP PREPARE p; EXECUTE p;").description()).isEqualTo(opaque);
        // the variable was given a value that is no statement afterwards
        assertThat(executed("SET @s = 'DROP TABLE t'; SET @s = concat('x', 1); PREPARE p FROM @s; EXECUTE p;").description())
                .isEqualTo(opaque);
        // a text built at run time: its pieces are no statements; DDL is flagged, what it does is not guessed
        OpaqueCode built = executed("SET @s = concat('ALTER TABLE ', @tbl, ' DROP COLUMN x'); PREPARE p FROM @s; EXECUTE p;");
        assertThat(built.containsDdl()).isTrue();
        assertThat(built.inner()).singleElement().isInstanceOf(Operation.Unparsed.class);
        assertThat(((Operation.Unparsed) built.inner().get(0)).reason()).startsWith("dynamic SQL built at run time: concat(");
        OpaqueCode piped = executed("SET @s = IF(@ok, 'SELECT 1', 'DROP TABLE ' || @t); PREPARE p FROM @s; EXECUTE p;");
        assertThat(piped.inner()).singleElement().isInstanceOf(Operation.Unparsed.class);
    }

    @Test
    void insideAProcedureBody() {
        List<Operation> ops = statements(MARIA, """
                CREATE PROCEDURE add_flag()
                BEGIN
                  SET @ddl = IF(@missing, 'ALTER TABLE accounts ADD COLUMN flag tinyint', 'SELECT 1');
                  PREPARE s FROM @ddl;
                  EXECUTE s;
                  DEALLOCATE PREPARE s;
                END""").get(0).operations();
        assertThat(ops).hasSize(2).first().isInstanceOf(Operation.OtherDdl.class);
        OpaqueCode proc = (OpaqueCode) ops.get(1);
        assertThat(proc.containsDdl()).isTrue();
        assertThat(proc.inner()).singleElement().isInstanceOf(OpaqueCode.class);
        OpaqueCode exec = (OpaqueCode) proc.inner().get(0);
        assertThat(exec.inner()).singleElement().isInstanceOf(AddColumn.class);
    }

    @Test
    void postgresqlPrepareAndExecuteUnchanged() {
        List<Statement> all = statements(PG, "PREPARE q (int) AS SELECT * FROM t WHERE id = $1; EXECUTE q (1);");
        assertThat(all.get(0).operations()).isEmpty();
        assertThat(all.get(1).operations()).singleElement()
                .isEqualTo(new OpaqueCode("sql", "EXECUTE of a prepared statement", false, List.of()));
    }
}

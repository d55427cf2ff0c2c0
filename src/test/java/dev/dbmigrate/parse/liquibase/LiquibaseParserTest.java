package dev.dbmigrate.parse.liquibase;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.ReadFixtures;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LiquibaseParserTest {

    private static final String DIR = "db/changelog/";
    private final ReadResult read = ReadFixtures.read(Tool.LIQUIBASE, "liquibase");

    private ParsedScript up(String id) {
        return Parsers.parse(ReadFixtures.byId(read, id).up(), Dialect.POSTGRESQL);
    }

    private ParsedScript down(String id) {
        return Parsers.parse(ReadFixtures.byId(read, id).down(), Dialect.POSTGRESQL);
    }

    @Test
    void xmlCreateTableWithColumnsConstraintsAndIndexAtTheirLines() {
        ParsedScript ps = up("1::alice::" + DIR + "changes/001-create-users.xml");
        assertThat(ps.statements()).hasSize(2);
        Statement create = ps.statements().get(0);
        assertThat(create.line()).isEqualTo(9);
        assertThat(create.endLine()).isEqualTo(17);
        assertThat(create.text()).startsWith("<createTable tableName=\"users\">").endsWith("</createTable>");
        assertThat(create.status()).isEqualTo(Statement.ParseStatus.ORM);
        Operation.CreateTable ct = (Operation.CreateTable) create.operations().get(0);
        assertThat(ct.table().name()).isEqualTo("users");
        assertThat(ct.columns()).extracting(ColumnDef::name).containsExactly("id", "email", "status");
        ColumnDef id = ct.columns().get(0);
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.notNull()).isTrue();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(id.type().name()).isEqualTo("bigint");
        ColumnDef email = ct.columns().get(1);
        assertThat(email.type().name()).isEqualTo("varchar");
        assertThat(email.type().length()).isEqualTo(255);
        assertThat(email.notNull()).isTrue();
        assertThat(email.unique()).isTrue();
        assertThat(ct.columns().get(2).defaultExpr()).isEqualTo("'active'");
        assertThat(ct.columns().get(2).notNull()).isFalse();

        Statement index = ps.statements().get(1);
        assertThat(index.line()).isEqualTo(18);
        Operation.CreateIndex ci = (Operation.CreateIndex) index.operations().get(0);
        assertThat(ci.index().name()).isEqualTo("users_status_idx");
        assertThat(ci.index().columns()).containsExactly("status");
        assertThat(ci.concurrently()).isFalse();
    }

    @Test
    void dataChangesNotNullWithBackfillAndUnknownChange() {
        ParsedScript ps = up("1b::alice::" + DIR + "changes/001-create-users.xml");
        assertThat(ps.statements()).hasSize(4);
        assertThat(ps.statements().get(0).operations().get(0)).isInstanceOf(Operation.AddColumn.class);
        Operation.DataChange update = (Operation.DataChange) ps.statements().get(1).operations().get(0);
        assertThat(update.kind()).isEqualTo(Operation.DataKind.UPDATE);
        assertThat(update.hasWhere()).isFalse();
        assertThat(update.setColumns()).containsExactly("name");
        List<Operation> notNull = ps.statements().get(2).operations();
        assertThat(notNull).hasSize(2);
        assertThat(((Operation.DataChange) notNull.get(0)).hasWhere()).isTrue();
        assertThat(((Operation.AlterColumnNullability) notNull.get(1)).notNull()).isTrue();
        Statement merge = ps.statements().get(3);
        assertThat(merge.status()).isEqualTo(Statement.ParseStatus.UNPARSED);
        assertThat(((Operation.Unparsed) merge.operations().get(0)).reason()).contains("mergeColumns");
        assertThat(merge.line()).isEqualTo(31);
    }

    @Test
    void yamlTableForeignKeyAndRollback() {
        ParsedScript ps = up("2::bob::" + DIR + "changes/002-orders.yaml");
        assertThat(ps.statements()).hasSize(2);
        assertThat(ps.statements().get(0).line()).isEqualTo(6);
        Operation.CreateTable ct = (Operation.CreateTable) ps.statements().get(0).operations().get(0);
        assertThat(ct.columns()).extracting(ColumnDef::name).containsExactly("id", "user_id", "total");
        assertThat(ct.columns().get(2).type().args()).containsExactly("10", "2");
        assertThat(ct.columns().get(2).type().name()).isEqualTo("numeric");
        Statement fk = ps.statements().get(1);
        assertThat(fk.line()).isEqualTo(23);
        ConstraintDef c = ((Operation.AddConstraint) fk.operations().get(0)).constraint();
        assertThat(c.kind()).isEqualTo(ConstraintDef.Kind.FOREIGN_KEY);
        assertThat(c.name()).isEqualTo("orders_user_id_fkey");
        assertThat(c.columns()).containsExactly("user_id");
        assertThat(c.refTable().name()).isEqualTo("users");
        assertThat(c.onDelete()).isEqualTo("CASCADE");

        ParsedScript rb = down("2::bob::" + DIR + "changes/002-orders.yaml");
        assertThat(rb.statements()).hasSize(1);
        assertThat(((Operation.DropTable) rb.statements().get(0).operations().get(0)).table().name()).isEqualTo("orders");
        assertThat(rb.statements().get(0).line()).isEqualTo(31);
    }

    @Test
    void jsonRemarksAndRename() {
        ParsedScript ps = up("20::erin::" + DIR + "sql/020-remarks.json");
        assertThat(ps.statements()).hasSize(2);
        assertThat(ps.statements().get(0).operations().get(0)).isEqualTo(new Operation.SetComment(
                dev.dbmigrate.model.TableRef.of("users"), null, "registered users"));
        assertThat(ps.statements().get(1).operations().get(0)).isEqualTo(new Operation.RenameColumn(
                dev.dbmigrate.model.TableRef.of("users"), "name", "full_name"));
    }

    @Test
    void runInTransactionFalseIsVisibleToTheParser() {
        Migration m = ReadFixtures.byId(read, "3::carol::" + DIR + "db.changelog-master.xml");
        ParsedScript ps = Parsers.parse(m.up(), Dialect.POSTGRESQL);
        assertThat(ps.noTransaction()).isTrue();
        // sql changes go to the SQL engine: its statement sits on line 14 of the changelog; without
        // a SQL parser in the build the change is one UNPARSED statement at the <sql> element (13)
        Statement first = ps.statements().get(0);
        assertThat(first.line()).isEqualTo(first.status() == Statement.ParseStatus.UNPARSED ? 13 : 14);
    }

    @Test
    void namesKeepTheirCaseOutsidePostgresqlAndUnknownChangeSetIsReported() {
        Script s = new Script(Path.of("/tmp/x.yaml"), """
                databaseChangeLog:
                  - changeSet:
                      id: 1
                      author: a
                      changes:
                        - addColumn:
                            tableName: Users
                            columns:
                              - column: {name: Nick, type: "java.sql.Types.VARCHAR(40)", constraints: {nullable: false}}
                """, 2, Script.Language.LIQUIBASE_YAML, "1::a");
        Operation.AddColumn add = (Operation.AddColumn) Parsers.parse(s, Dialect.MYSQL).statements().get(0).operations().get(0);
        assertThat(add.table().name()).isEqualTo("Users");
        assertThat(add.column().name()).isEqualTo("Nick");
        assertThat(add.column().type().name()).isEqualTo("varchar");
        assertThat(add.column().notNull()).isTrue();
        Operation.AddColumn pg = (Operation.AddColumn) Parsers.parse(s, Dialect.POSTGRESQL).statements().get(0).operations().get(0);
        assertThat(pg.table().name()).isEqualTo("users");

        Script other = new Script(s.file(), s.text(), 1, s.language(), "2::b");
        Statement missing = Parsers.parse(other, Dialect.POSTGRESQL).statements().get(0);
        assertThat(missing.status()).isEqualTo(Statement.ParseStatus.UNPARSED);
    }

    @Test
    void malformedChangelogBecomesAnUnparsedStatementNotAnException() {
        Script s = new Script(Path.of("/tmp/bad.xml"), "<databaseChangeLog><changeSet id=\"1\" author=\"a\">", 1, Script.Language.LIQUIBASE_XML, null);
        ParsedScript ps = Parsers.parse(s, Dialect.POSTGRESQL);
        assertThat(ps.statements()).hasSize(1);
        assertThat(ps.statements().get(0).status()).isEqualTo(Statement.ParseStatus.UNPARSED);
        assertThat(((Operation.Unparsed) ps.statements().get(0).operations().get(0)).reason()).contains("/tmp/bad.xml");
    }
}

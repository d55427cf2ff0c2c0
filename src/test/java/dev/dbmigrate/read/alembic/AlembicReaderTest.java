package dev.dbmigrate.read.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.Readers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlembicReaderTest {

    private static final Path PROJECTS = Path.of("src/test/resources/projects/python").toAbsolutePath();

    private static ReadResult read(String project, Dialect dialect) {
        return Readers.forTool(Tool.ALEMBIC).orElseThrow().read(new ReadContext(PROJECTS.resolve(project), null, dialect));
    }

    private static Migration byId(ReadResult r, String id) {
        return r.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void shopProjectInDownRevisionOrderWithBranchAndMerge() {
        ReadResult r = read("alembic-shop", null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.migrations()).extracting(Migration::id).containsExactly(
                "1a2b3c4d5e6f", "2b3c4d5e6f70", "3c4d5e6f7081", "4d5e6f708192", "5e6f708192a3", "6f708192a3b4", "708192a3b4c5");
        Migration first = r.migrations().get(0);
        assertThat(first.tool()).isEqualTo(Tool.ALEMBIC);
        assertThat(first.name()).isEqualTo("create customers and orders");
        assertThat(first.version()).isEqualTo("1a2b3c4d5e6f");
        assertThat(first.dependsOn()).isEmpty();
        assertThat(first.transactional()).as("PostgreSQL from alembic.ini: transactional DDL").isTrue();
        assertThat(first.attributes()).containsEntry("dialect", "postgresql").containsEntry("createDate", "2024-03-01 10:12:44.123456");
        assertThat(first.up().part()).isEqualTo("upgrade");
        assertThat(first.up().startLine()).isEqualTo(22);
        assertThat(first.down().startLine()).isEqualTo(58);
        assertThat(first.downKind()).isEqualTo(DownKind.PRESENT);

        Migration merge = byId(r, "5e6f708192a3");
        assertThat(merge.dependsOn()).containsExactly("3c4d5e6f7081", "4d5e6f708192");
        assertThat(merge.attributes()).containsEntry("merge", true);
        assertThat(merge.downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(byId(r, "6f708192a3b4").downKind()).as("downgrade(): pass").isEqualTo(DownKind.EMPTY);
        assertThat(byId(r, "3c4d5e6f7081").dependsOn()).containsExactly("2b3c4d5e6f70");
    }

    @Test
    void shopMigrationsParseToOperationsAtTheirLines() {
        ReadResult r = read("alembic-shop", null);
        Migration tenant = byId(r, "2b3c4d5e6f70");
        Statement add = Parsers.parse(tenant.up(), Dialect.POSTGRESQL).statements().get(0);
        assertThat(add.line()).isEqualTo(21);
        assertThat(add.operations()).singleElement().isInstanceOfSatisfying(Operation.AddColumn.class, a -> {
            assertThat(a.column().notNull()).isTrue();
            assertThat(a.column().defaultExpr()).isNull();
        });

        List<Statement> narrow = Parsers.parse(byId(r, "3c4d5e6f7081").up(), Dialect.POSTGRESQL).statements();
        assertThat(narrow).extracting(Statement::line).containsExactly(19, 26);
        assertThat(narrow.get(0).operations()).singleElement().isInstanceOfSatisfying(Operation.AlterColumnType.class,
                t -> assertThat(t.type().toString()).isEqualTo("varchar(100)"));
        assertThat(narrow.get(1).operations()).singleElement().isInstanceOfSatisfying(Operation.CreateIndex.class,
                i -> assertThat(i.concurrently()).isFalse());

        ParsedScript concurrent = Parsers.parse(byId(r, "4d5e6f708192").up(), Dialect.POSTGRESQL);
        assertThat(concurrent.noTransaction()).isTrue();
        assertThat(concurrent.statements()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(19);
            assertThat(((Operation.CreateIndex) s.operations().get(0)).concurrently()).isTrue();
        });

        Statement backfill = Parsers.parse(byId(r, "6f708192a3b4").up(), Dialect.POSTGRESQL).statements().get(0);
        assertThat(backfill.line()).isEqualTo(18);
        assertThat(backfill.text()).isEqualTo("UPDATE orders SET status = 'paid'");

        List<Statement> priority = Parsers.parse(byId(r, "708192a3b4c5").up(), Dialect.POSTGRESQL).statements();
        assertThat(priority).extracting(Statement::line).containsExactly(21, 24, 25);
        assertThat(((Operation.AddColumn) priority.get(0).operations().get(0)).table().name()).as("module constant TABLE").isEqualTo("orders");
        assertThat(Parsers.parse(byId(r, "708192a3b4c5").up(), Dialect.SQLITE).statements())
                .as("the postgresql-only branch is skipped on SQLite").extracting(Statement::line).containsExactly(21, 25);

        List<Statement> firstDown = Parsers.parse(byId(r, "1a2b3c4d5e6f").down(), Dialect.POSTGRESQL).statements();
        assertThat(firstDown).hasSize(4);
        assertThat(firstDown.get(3).operations()).singleElement().isInstanceOfSatisfying(Operation.DropType.class,
                d -> assertThat(d.name()).isEqualTo("order_status"));
        List<Statement> firstUp = Parsers.parse(byId(r, "1a2b3c4d5e6f").up(), Dialect.POSTGRESQL).statements();
        assertThat(firstUp).extracting(Statement::line).containsExactly(24, 38, 54);
        assertThat(firstUp).allSatisfy(s -> assertThat(s.status()).isEqualTo(Statement.ParseStatus.ORM));
    }

    @Test
    void multipleHeadsAreNamedAndSqliteBatchesRebuild() {
        ReadResult r = read("alembic-heads", null);
        assertThat(r.problems()).extracting(ReadResult.Problem::kind).containsExactlyInAnyOrder("multiple-heads", "ignored-file");
        ReadResult.Problem heads = r.problems().stream().filter(p -> p.kind().equals("multiple-heads")).findFirst().orElseThrow();
        assertThat(heads.migrations()).containsExactly("bbb222", "ccc333");
        assertThat(heads.message()).contains("bbb222_users_email.py").contains("ccc333_users_age.py");
        assertThat(r.problems().stream().filter(p -> p.kind().equals("ignored-file")).findFirst().orElseThrow().migrations()).containsExactly("notes.py");
        assertThat(r.migrations()).extracting(Migration::id).containsExactly("aaa111", "bbb222", "ccc333");
        Migration email = byId(r, "bbb222");
        assertThat(email.transactional()).as("Alembic's SQLite implementation has transactional_ddl = False").isFalse();
        List<Statement> up = Parsers.parse(email.up(), Dialect.SQLITE).statements();
        assertThat(up).hasSize(3).allSatisfy(s -> assertThat(s.operations().get(0)).isInstanceOf(Operation.TableRebuild.class));
        List<Statement> age = Parsers.parse(byId(r, "ccc333").up(), Dialect.SQLITE).statements();
        assertThat(age).allSatisfy(s -> assertThat(s.operations()).noneMatch(o -> o instanceof Operation.TableRebuild));
    }

    @Test
    void duplicateMissingAndCyclicRevisionsAreProblems() {
        ReadResult r = read("alembic-broken", null);
        assertThat(r.problems()).extracting(ReadResult.Problem::kind)
                .contains("duplicate-version", "missing-dependency", "cycle");
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("duplicate-version")).singleElement()
                .satisfies(p -> assertThat(p.migrations()).containsExactly("r2"));
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("missing-dependency")).singleElement()
                .satisfies(p -> assertThat(p.migrations()).containsExactly("r3", "gone99"));
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("cycle")).singleElement()
                .satisfies(p -> assertThat(p.migrations()).containsExactlyInAnyOrder("r4", "r5"));
        assertThat(r.migrations()).extracting(Migration::id).containsExactlyInAnyOrder("r1", "r2", "r3", "r4", "r5");
        assertThat(r.migrations().indexOf(byId(r, "r1"))).isLessThan(r.migrations().indexOf(byId(r, "r2")));
        assertThat(byId(r, "r1").transactional()).as("no dialect known").isNull();
    }

    @Test
    void callerDialectOverridesTheConfiguration() {
        ReadResult r = read("alembic-shop", Dialect.MYSQL);
        assertThat(r.migrations().get(0).transactional()).isFalse();
        assertThat(r.migrations().get(0).attributes()).containsEntry("dialect", "mysql");
    }

    @Test
    void missingVersionsFolderIsAnInputError() {
        assertThatThrownBy(() -> read("no-such-project", null)).isInstanceOf(InputException.class).hasMessageContaining("no Alembic versions folder");
    }
}

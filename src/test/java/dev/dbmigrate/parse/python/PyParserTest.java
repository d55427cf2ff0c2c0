package dev.dbmigrate.parse.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.parse.python.PyToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class PyParserTest {

    private static List<PyToken> tokens(String src) {
        return PyTokenizer.tokenize(src, 1).tokens();
    }

    private static PyNode expr(String src) {
        PyModule m = PyParser.parse(src, 1);
        assertThat(m.body()).hasSize(1);
        assertThat(m.body().get(0)).isInstanceOf(PyStmt.ExprStmt.class);
        return ((PyStmt.ExprStmt) m.body().get(0)).expr();
    }

    @Test
    void stringsOfEveryForm() {
        List<PyToken> t = tokens("a = 'x\\'y' \"q\\\"\" r'\\d+' b'\\x41' u'\\u00e9' rb'\\n' Rb\"z\" f'{n!r:>{w}}' F\"{{lit}}\" fr'{x}\\n'\n");
        List<PyToken> strings = t.stream().filter(k -> k.kind() == Kind.STRING).toList();
        assertThat(strings).extracting(PyToken::value)
                .containsExactly("x'y", "q\"", "\\d+", "A", "\u00e9", "\\n", "z", "{n!r:>{w}}", "{lit}", "{x}\\n");
        assertThat(strings.get(7).has(PyToken.HAS_FIELDS)).isTrue();
        assertThat(strings.get(8).has(PyToken.HAS_FIELDS)).isFalse();
        assertThat(strings.get(3).has(PyToken.BYTES)).isTrue();
        assertThat(t).noneMatch(k -> k.kind() == Kind.ERROR);
    }

    @Test
    void tripleQuotedStringsKeepLinesAndPositions() {
        String src = "x = 1\nop.execute(\"\"\"\n    UPDATE t SET a = 1\n\"\"\")  # trailing\ny = '''it''s'''\n";
        PyTokenizer.Result r = PyTokenizer.tokenize(src, 10);
        PyToken s = r.tokens().stream().filter(k -> k.kind() == Kind.STRING).findFirst().orElseThrow();
        assertThat(s.line()).isEqualTo(11);
        assertThat(s.col()).isEqualTo(12);
        assertThat(s.endLine()).isEqualTo(13);
        assertThat(s.value()).isEqualTo("\n    UPDATE t SET a = 1\n");
        assertThat(r.comments()).singleElement().satisfies(c -> {
            assertThat(c.line()).isEqualTo(13);
            assertThat(c.text()).isEqualTo(" trailing");
        });
        PyToken last = r.tokens().stream().filter(k -> k.kind() == Kind.STRING).reduce((a, b) -> b).orElseThrow();
        assertThat(last.value()).isEqualTo("it''s");
        assertThat(last.line()).isEqualTo(14);
    }

    @Test
    void f_stringsWithNestedQuotesAndBraces() {
        List<PyToken> t = tokens("s = f\"{d[\"k\"]} and {'}'} {{x}}\"\n");
        PyToken s = t.stream().filter(k -> k.kind() == Kind.STRING).findFirst().orElseThrow();
        assertThat(s.value()).isEqualTo("{d[\"k\"]} and {'}'} {x}");
        assertThat(t).noneMatch(k -> k.kind() == Kind.ERROR);
    }

    @Test
    void implicitJoiningContinuationsAndIndentation() {
        String src = """
                def upgrade():
                    op.add_column("t",
                                  sa.Column("c", sa.Integer()))  # c
                    x = 1 + \\
                        2

                    if x:
                \tpass
                y = 2
                """;
        List<PyToken> t = tokens(src);
        assertThat(t.stream().filter(k -> k.kind() == Kind.NEWLINE).count()).isEqualTo(6);
        assertThat(t.stream().filter(k -> k.kind() == Kind.INDENT).count()).isEqualTo(2);
        assertThat(t.stream().filter(k -> k.kind() == Kind.DEDENT).count()).isEqualTo(2);
        assertThat(t.get(t.size() - 1).kind()).isEqualTo(Kind.ENDMARKER);
    }

    @Test
    void numbers() {
        List<PyToken> t = tokens("x = [0x_ff, 0o17, 0b1010, 1_000, 3.14, .5, 1e-3, 2j, 7.]\n");
        assertThat(t.stream().filter(k -> k.kind() == Kind.NUMBER).map(PyToken::text))
                .containsExactly("0x_ff", "0o17", "0b1010", "1_000", "3.14", ".5", "1e-3", "2j", "7.");
        PyModule m = PyParser.parse("x = 0x_ff\n", 1);
        PyStmt.Assign a = (PyStmt.Assign) m.body().get(0);
        assertThat(PyNodes.integer(a.value())).contains(255L);
    }

    @Test
    void annotatedAssignmentsAndTuples() {
        String src = """
                revision: str = "abc123"
                down_revision: Union[str, Sequence[str], None] = ("a1", "b2")
                branch_labels = None
                depends_on: str | None = None
                a = b = 3
                counter += 1
                """;
        PyModule m = PyParser.parse(src, 1);
        assertThat(m.body()).hasSize(6).allMatch(s -> s instanceof PyStmt.Assign);
        assertThat(PyNodes.str(m.assigned("revision").orElseThrow())).contains("abc123");
        assertThat(PyNodes.strings(m.assigned("down_revision").orElseThrow()).orElseThrow()).containsExactly("a1", "b2");
        assertThat(PyNodes.isNone(m.assigned("branch_labels").orElseThrow())).isTrue();
        assertThat(((PyStmt.Assign) m.body().get(4)).targets()).hasSize(2);
        assertThat(((PyStmt.Assign) m.body().get(5)).op()).isEqualTo("+=");
    }

    @Test
    void callsWithKeywordsStarsAndAttributeChains() {
        PyNode e = expr("op.get_context().autocommit_block(1, 'x', *rest, key=sa.text(\"now()\"), **extra)\n");
        PyNode.Call c = (PyNode.Call) e;
        assertThat(c.funcName()).isEqualTo("autocommit_block");
        assertThat(c.args()).hasSize(2);
        assertThat(c.starArgs()).hasSize(1);
        assertThat(c.starKwargs()).hasSize(1);
        PyNode.Call text = (PyNode.Call) c.kw("key").orElseThrow();
        assertThat(PyNodes.dotted(text.func())).isEqualTo("sa.text");
        assertThat(PyNodes.str(text.args().get(0))).contains("now()");
        PyNode.Attr recv = (PyNode.Attr) c.func();
        assertThat(((PyNode.Call) recv.value()).funcName()).isEqualTo("get_context");
    }

    @Test
    void literalsDisplaysAndOperators() {
        PyNode e = expr("f([1, 2,], (3,), {'a': 1, **b}, {4, 5}, 'x' 'y', -1, not a, a and b or c, x if y else z, lambda r: r.id, [i for i in y], a[1:2], ...)\n");
        PyNode.Call c = (PyNode.Call) e;
        List<PyNode> a = c.args();
        assertThat(((PyNode.Seq) a.get(0)).items()).hasSize(2);
        assertThat(((PyNode.Seq) a.get(1)).kind()).isEqualTo(PyNode.SeqKind.TUPLE);
        assertThat(((PyNode.Dict) a.get(2)).keys()).hasSize(2).containsNull();
        assertThat(((PyNode.Seq) a.get(3)).kind()).isEqualTo(PyNode.SeqKind.SET);
        assertThat(PyNodes.str(a.get(4))).contains("xy");
        assertThat(PyNodes.integer(a.get(5))).contains(-1L);
        assertThat(a.get(6)).isInstanceOf(PyNode.Unary.class);
        assertThat(((PyNode.BinOp) a.get(7)).op()).isEqualTo("or");
        assertThat(((PyNode.Opaque) a.get(8)).kind()).isEqualTo("conditional");
        assertThat(((PyNode.Opaque) a.get(9)).kind()).isEqualTo("lambda");
        assertThat(((PyNode.Opaque) a.get(10)).kind()).isEqualTo("comprehension");
        assertThat(((PyNode.Opaque) ((PyNode.Subscript) a.get(11)).index()).kind()).isEqualTo("slice");
        assertThat(a.get(12)).isInstanceOf(PyNode.Const.class);
    }

    @Test
    void compoundStatements() {
        String src = """
                \"\"\"Add users.

                Revision ID: abc
                \"\"\"
                import sqlalchemy as sa
                from alembic import op
                from sqlalchemy.dialects import (postgresql as pg, mysql)

                @decorator(1)
                def upgrade() -> None:
                    with op.batch_alter_table("users", schema=None) as batch_op, other() as (a, b):
                        batch_op.drop_column("x")
                    if op.get_bind().dialect.name == "postgresql":
                        op.execute("SELECT 1")
                    elif x not in y:
                        pass
                    else: op.drop_table("t"); op.drop_table("u")
                    for t in ["a", "b"]:
                        op.drop_table(t)
                    try:
                        op.execute("x")
                    except Exception as e:
                        raise RuntimeError("no") from e
                    finally:
                        pass
                    while False:
                        break

                class Migration(migrations.Migration):
                    atomic = False
                    operations = []
                """;
        PyModule m = PyParser.parse(src, 1);
        assertThat(m.body()).hasSize(6);
        assertThat(PyNodes.docstring(m.body())).hasValueSatisfying(d -> assertThat(d).startsWith("Add users."));
        assertThat(((PyStmt.Import) m.body().get(3)).names()).containsExactly("postgresql as pg", "mysql");
        PyStmt.Def up = m.function("upgrade").orElseThrow();
        assertThat(up.decorators()).hasSize(1);
        assertThat(up.span().line()).isEqualTo(9);
        assertThat(up.body()).hasSize(5);
        PyStmt.With w = (PyStmt.With) up.body().get(0);
        assertThat(w.items()).hasSize(2);
        assertThat(PyNodes.dotted(w.items().get(0).target())).isEqualTo("batch_op");
        PyStmt.If branches = (PyStmt.If) up.body().get(1);
        assertThat(branches.branches()).hasSize(3);
        assertThat(branches.branches().get(2).body()).hasSize(2);
        assertThat(branches.branches().get(2).test()).isNull();
        PyStmt.For f = (PyStmt.For) up.body().get(2);
        assertThat(PyNodes.strings(f.iter()).orElseThrow()).containsExactly("a", "b");
        assertThat(((PyStmt.Block) up.body().get(3)).bodies()).hasSize(3);
        PyStmt.ClassDef cls = m.classDef("Migration").orElseThrow();
        assertThat(PyNodes.dotted(cls.bases().get(0))).isEqualTo("migrations.Migration");
        assertThat(PyNodes.bool(PyNodes.assigned(cls.body(), "atomic").orElseThrow())).contains(false);
    }

    @Test
    void unreadableStatementsAreReportedAndReadingResumes() {
        String src = """
                def upgrade():
                    op.add_column("t", $$$)
                    match command:
                        case "x":
                            op.drop_table("x")
                    op.drop_table("after")
                s = 'unterminated
                z = 1
                """;
        PyModule m = PyParser.parse(src, 1);
        PyStmt.Def up = m.function("upgrade").orElseThrow();
        assertThat(up.body()).hasSize(3);
        assertThat(up.body().get(0)).isInstanceOfSatisfying(PyStmt.Unreadable.class, u -> {
            assertThat(u.span().line()).isEqualTo(2);
            assertThat(u.reason()).contains("unexpected character '$'");
        });
        assertThat(up.body().get(1)).isInstanceOfSatisfying(PyStmt.Unreadable.class, u -> {
            assertThat(u.span().line()).isEqualTo(3);
            assertThat(u.span().endLine()).isEqualTo(5);
        });
        assertThat(up.body().get(2)).isInstanceOf(PyStmt.ExprStmt.class);
        assertThat(m.body()).hasSize(3);
        assertThat(m.body().get(1)).isInstanceOfSatisfying(PyStmt.Unreadable.class, u -> assertThat(u.reason()).contains("unterminated string"));
        assertThat(m.body().get(2)).isInstanceOf(PyStmt.Assign.class);
    }

    @Test
    void spansGiveExactLinesAndColumnsWithOffset() {
        String src = "def upgrade():\n    op.create_index(\n        'ix', 't', ['c'])\n";
        PyModule m = PyParser.parse(src, 20);
        PyStmt.ExprStmt st = (PyStmt.ExprStmt) m.function("upgrade").orElseThrow().body().get(0);
        PyNode.Span sp = st.expr().span();
        assertThat(sp.line()).isEqualTo(21);
        assertThat(sp.col()).isEqualTo(5);
        assertThat(sp.endLine()).isEqualTo(22);
        assertThat(sp.endCol()).isEqualTo(26);
        assertThat(m.text(st.expr())).isEqualTo("op.create_index(\n        'ix', 't', ['c'])");
    }
}

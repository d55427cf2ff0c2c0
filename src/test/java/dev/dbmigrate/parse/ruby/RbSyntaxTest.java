package dev.dbmigrate.parse.ruby;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.parse.ruby.RbAst.Call;
import dev.dbmigrate.parse.ruby.RbAst.Hash;
import dev.dbmigrate.parse.ruby.RbAst.Node;
import dev.dbmigrate.parse.ruby.RbToken.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

class RbSyntaxTest {

    private static List<RbToken> tokens(String src) {
        return RbLexer.tokenize(src).tokens();
    }

    @Test
    void heredocsAreReadAfterTheirLineAndDedented() {
        String src = "execute(<<~SQL, <<-'RAW')\n    SELECT #{x}\n      FROM t\n  SQL\n  keep \\n\n  RAW\nnext_call\n";
        List<RbToken> t = tokens(src);
        RbToken first = t.get(2);
        assertThat(first.kind()).isEqualTo(Kind.HEREDOC);
        assertThat(first.value()).isEqualTo("SELECT #{x}\n  FROM t\n");
        assertThat(first.interpolated()).isTrue();
        assertThat(first.indent()).isEqualTo(4);
        RbToken second = t.get(4);
        assertThat(second.value()).isEqualTo("  keep \\n\n");
        assertThat(t).extracting(RbToken::text).contains("next_call");
        assertThat(tokens("execute <<~SQL\n  SELECT 1\n")).extracting(RbToken::kind).contains(Kind.ERROR);
    }

    @Test
    void percentLiteralsSymbolsLabelsAndComments() {
        List<RbToken> t = tokens("t.index %i[a b], name: :idx, \"where\" => 'x' # note\n=begin\nignored\n=end\n%w(c d)");
        assertThat(t).filteredOn(x -> x.kind() == Kind.SYMBOLS).first().extracting(RbToken::words).isEqualTo(List.of("a", "b"));
        assertThat(t).filteredOn(x -> x.kind() == Kind.LABEL).extracting(RbToken::value).containsExactly("name");
        assertThat(t).filteredOn(x -> x.kind() == Kind.SYMBOL).extracting(RbToken::value).containsExactly("idx");
        assertThat(t).extracting(RbToken::text).doesNotContain("ignored");
        assertThat(t).filteredOn(x -> x.kind() == Kind.WORDS).first().extracting(RbToken::words).isEqualTo(List.of("c", "d"));
        assertThat(RbLexer.tokenize("x = 1 # db-migrate-ignore a").comments()).hasSize(1);
    }

    @Test
    void commandCallsTakeTrailingHashesAndBlocks() {
        List<Node> prog = RbSyntax.program(tokens("""
                create_table :users, id: :uuid, force: :cascade do |t|
                  t.string :name, null: false,
                    default: "x"
                  t.index [:a, :b], unique: true
                end
                add_column(:users, :age, :integer) if cond
                items.each { |i| puts i }
                """));
        assertThat(prog).hasSize(3);
        Call create = (Call) prog.get(0);
        assertThat(create.name()).isEqualTo("create_table");
        assertThat(((Hash) create.args().get(1)).pairs()).extracting(RbAst.Pair::key).containsExactly("id", "force");
        assertThat(create.block().params()).containsExactly("t");
        assertThat(create.block().body()).hasSize(2);
        Call str = (Call) create.block().body().get(0);
        assertThat(((Hash) str.args().get(1)).pairs()).extracting(RbAst.Pair::key).containsExactly("null", "default");
        assertThat(prog.get(1)).isInstanceOf(RbAst.If.class);
        assertThat(((Call) prog.get(2)).block()).isNotNull();
    }

    @Test
    void leadingDotContinuesTheLineAndBadLinesAreIsolated() {
        List<Node> prog = RbSyntax.program(tokens("User\n  .where(a: 1)\n  .update_all(b: 2)\nfoo(\nbar 1\n"));
        assertThat(prog.get(0)).isInstanceOf(Call.class);
        assertThat(((Call) prog.get(0)).name()).isEqualTo("update_all");
        assertThat(prog).anyMatch(n -> n instanceof RbAst.Bad);
    }
}

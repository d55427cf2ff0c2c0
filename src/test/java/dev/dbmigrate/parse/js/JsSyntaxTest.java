package dev.dbmigrate.parse.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.parse.js.JsToken.Kind;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsSyntaxTest {

    private static List<JsToken> tokens(String src) {
        return JsLexer.tokenize(src).tokens();
    }

    @Test
    void templatesNestSubstitutionsWithBracesAndTemplates() {
        List<JsToken> t = tokens("`a ${ {x: `b ${c}`}.x } d` + 1");
        assertThat(t.get(0).kind()).isEqualTo(Kind.TEMPLATE);
        assertThat(t.get(0).quasis()).containsExactly("a ", " d");
        assertThat(t.get(0).exprs()).hasSize(1);
        assertThat(t.get(1).text()).isEqualTo("+");
        assertThat(tokens("`x ${")).extracting(JsToken::kind).contains(Kind.ERROR);
    }

    @Test
    void regexAndDivisionAreToldApart() {
        assertThat(tokens("a = b / c / d")).extracting(JsToken::kind).doesNotContain(Kind.REGEX);
        List<JsToken> r = tokens("x = s.replace(/[/\\]]+/g, '')");
        assertThat(r).extracting(JsToken::kind).contains(Kind.REGEX);
        assertThat(tokens("return /a/.test(x)").get(1).kind()).isEqualTo(Kind.REGEX);
        assertThat(tokens("(a) / 2")).extracting(JsToken::kind).doesNotContain(Kind.REGEX);
    }

    @Test
    void stringsDecodeEscapesAndCommentsAreCollected() {
        JsLexer.Result r = JsLexer.tokenize("'it\\'s' \"\\u0041\\x42\" // trailing\n/* block */ x");
        assertThat(r.tokens().get(0).value()).isEqualTo("it's");
        assertThat(r.tokens().get(1).value()).isEqualTo("AB");
        assertThat(r.comments()).extracting(JsLexer.Comment::text).containsExactly(" trailing", " block ");
        assertThat(r.tokens().get(2).newlineBefore()).isTrue();
    }

    @Test
    void typeScriptAnnotationsAreSkipped() {
        String src = """
                export async function up(knex: Knex): Promise<void> {
                  const cols: Array<{ name: string }> = [];
                  const t = knex as unknown as Knex.Transaction;
                  await t!.schema.dropTable(<string>'gone');
                  await knex.schema.createTable('typed', (table: Knex.CreateTableBuilder): void => {
                    table.string('a')!;
                  });
                }
                """;
        ParsedScript ps = new JsMigrationParser().parse(new Script(Path.of("/nonexistent/m.ts"), src, 1, Script.Language.TYPESCRIPT, "up"),
                Dialect.POSTGRESQL);
        assertThat(ps.statements()).extracting(Statement::status).containsOnly(Statement.ParseStatus.ORM);
        assertThat(OrmFixtures.ops(ps)).hasSize(2);
        assertThat(OrmFixtures.op(ps, Operation.DropTable.class).table().name()).isEqualTo("gone");
    }

    @Test
    void brokenCodeBecomesUnparsedAtItsLineAndReadingGoesOn() {
        String src = "exports.up = async function (knex) {\n  await knex.schema.dropTable('a');\n  await knex.schema.alterTable('b', t => { t.string( });\n"
                + "  await knex.schema.dropTable('c');\n  const x = 'unterminated;\n};\n";
        ParsedScript ps = new JsMigrationParser().parse(new Script(Path.of("/nonexistent/m.js"), src, 10, Script.Language.JAVASCRIPT, "up"),
                Dialect.POSTGRESQL);
        assertThat(ps.statements()).isNotEmpty();
        assertThat(ps.statements()).filteredOn(s -> s.status() == Statement.ParseStatus.UNPARSED).isNotEmpty()
                .allMatch(s -> s.line() >= 10 && s.operations().get(0) instanceof Operation.Unparsed);
    }

    @Test
    void undecidableIfMarksBothBranchesConditional() {
        String src = "exports.up = async (knex) => {\n  if (knex.client.config.client === 'pg') {\n    await knex.raw('CREATE EXTENSION IF NOT EXISTS citext');\n"
                + "  } else {\n    await knex.schema.dropTable('x');\n  }\n  await knex.schema.dropTable('y');\n};\n";
        ParsedScript ps = new JsMigrationParser().parse(new Script(Path.of("/nonexistent/m.js"), src, 1, Script.Language.JAVASCRIPT, "up"),
                Dialect.POSTGRESQL);
        assertThat(ps.statements()).hasSize(3);
        assertThat(ps.statements().get(0).operations().get(0)).isEqualTo(new Operation.Conditional("knex.client.config.client === 'pg'"));
        assertThat(ps.statements().get(0).operations().get(1)).isInstanceOf(Operation.OtherDdl.class);
        assertThat(ps.statements().get(1).operations().get(0)).isEqualTo(new Operation.Conditional("!(knex.client.config.client === 'pg')"));
        assertThat(ps.statements().get(2).operations()).hasSize(1).first().isInstanceOf(Operation.DropTable.class);
    }

    @Test
    void dynamicNamesAreUnparsedNotGuessed() {
        String src = "exports.up = (knex) => knex.schema.createTable(process.env.TABLE, (t) => { t.increments(); });\n";
        ParsedScript ps = new JsMigrationParser().parse(new Script(Path.of("/nonexistent/m.js"), src, 1, Script.Language.JAVASCRIPT, "up"),
                Dialect.POSTGRESQL);
        assertThat(ps.statements()).hasSize(1);
        assertThat(ps.statements().get(0).status()).isEqualTo(Statement.ParseStatus.UNPARSED);
        assertThat(((Operation.Unparsed) ps.statements().get(0).operations().get(0)).reason()).contains("process.env.TABLE");
    }
}

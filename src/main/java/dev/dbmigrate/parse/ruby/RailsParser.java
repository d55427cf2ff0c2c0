package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ScriptParser;
import dev.dbmigrate.parse.js.CodeSink;
import dev.dbmigrate.parse.ruby.RbAst.Node;
import java.util.List;
import java.util.function.BiFunction;

/**
 * Reads the {@code change} / {@code up} / {@code down} methods of Rails migrations (RUBY scripts)
 * into statements through {@link RailsWalker}: one per migration DSL call, status ORM, at the
 * call's line; {@code execute} SQL (strings and heredocs) goes through the SQL engine keeping its
 * own lines. Constants assigned in the migration class ({@code TABLE = :users}) are known.
 *
 * <p>Hand-written tokenizer and reader ({@link RbLexer}, {@link RbSyntax}): the only Java Ruby
 * parser is JRuby's, a large runtime dependency for reading a handful of DSL calls.
 */
public final class RailsParser implements ScriptParser {

    private final BiFunction<Script, Dialect, ParsedScript> sqlEngine;

    public RailsParser() {
        this(null);
    }

    /** @param sqlEngine how embedded SQL is parsed; null for {@link dev.dbmigrate.parse.Parsers#parse} */
    public RailsParser(BiFunction<Script, Dialect, ParsedScript> sqlEngine) {
        this.sqlEngine = sqlEngine;
    }

    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.RUBY;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        return CodeSink.run(script, dialect, sqlEngine, sink -> {
            RbLexer.Result lx = RbLexer.tokenize(sink.text());
            lx.comments().forEach(c -> sink.comment(c.start(), c.text()));
            List<Node> body = RbSyntax.methodBody(lx.tokens());
            RailsWalker.Scope scope = new RailsWalker.Scope(null);
            classConstants(CodeSink.fileText(script), scope);
            new RailsWalker(sink, script.part()).statements(body, scope);
        });
    }

    /** {@code NAME = <literal>} lines of the file (class-level constants). */
    private static void classConstants(String module, RailsWalker.Scope scope) {
        List<RbToken> toks = RbLexer.tokenize(module).tokens();
        for (int k = 0; k + 3 < toks.size(); k++) {
            RbToken c = toks.get(k);
            boolean lineStart = k == 0 || toks.get(k - 1).kind() == RbToken.Kind.NEWLINE;
            if (!lineStart || c.kind() != RbToken.Kind.CONST || !toks.get(k + 1).is("=")) continue;
            RbToken v = toks.get(k + 2);
            RbToken after = toks.get(k + 3);
            if (after.kind() != RbToken.Kind.NEWLINE && after.kind() != RbToken.Kind.EOF && !after.is(".")) continue;
            Node value = switch (v.kind()) {
                case SYMBOL -> new RbAst.Sym(v.start(), v.end(), v.value());
                case STRING -> v.interpolated() ? null : new RbAst.Str(v.start(), v.end(), v.value(), false, -1, 0, false);
                case NUMBER -> new RbAst.Lit(v.start(), v.end(), v.text());
                default -> null;
            };
            if (value != null) scope.names.put(c.text(), value);
        }
    }
}

package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ScriptParser;
import dev.dbmigrate.parse.js.JsAst.Declarator;
import dev.dbmigrate.parse.js.JsAst.Fn;
import dev.dbmigrate.parse.js.JsAst.Stmt;
import dev.dbmigrate.parse.js.JsAst.VarDecl;
import dev.dbmigrate.parse.js.JsScope.Role;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Reads the {@code up} / {@code down} functions of Knex, Sequelize and TypeORM migrations
 * (JavaScript and TypeScript) into statements: one statement per database call (a Knex schema
 * builder call, a queryInterface / queryRunner call, each embedded SQL statement through the SQL
 * engine), status ORM, at the call's line and column in the file.
 *
 * <p>Which ORM a script is for is told by what it uses: parameter names and TypeScript types
 * ({@code knex: Knex}, {@code queryInterface}, {@code queryRunner: QueryRunner}), the modules the
 * file imports, and characteristic calls ({@code .schema.}, {@code new Table(...)}). The first
 * parameter is the handle (Sequelize's second parameter is the library, for types).
 *
 * <p>Constants declared at the top of the file ({@code const TABLE = 'users'}) and in the function
 * are known; anything computed at run time, loops over database calls and helper functions become
 * UNPARSED statements at their line, never silently dropped. Hand-written: no Java library parses
 * TypeScript, and the reader only needs the call structure.
 */
public final class JsMigrationParser implements ScriptParser {

    enum Flavor { KNEX, SEQUELIZE, TYPEORM }

    private final BiFunction<Script, Dialect, ParsedScript> sqlEngine;

    public JsMigrationParser() {
        this(null);
    }

    /** @param sqlEngine how embedded SQL is parsed; null for {@link dev.dbmigrate.parse.Parsers#parse} */
    public JsMigrationParser(BiFunction<Script, Dialect, ParsedScript> sqlEngine) {
        this.sqlEngine = sqlEngine;
    }

    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.JAVASCRIPT || language == Script.Language.TYPESCRIPT;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        return CodeSink.run(script, dialect, sqlEngine, sink -> {
            JsLexer.Result lx = JsLexer.tokenize(sink.text());
            lx.comments().forEach(c -> sink.comment(c.start(), c.text()));
            Fn fn = JsSyntax.function(lx.tokens());
            JsScope scope = new JsScope(null);
            String module = CodeSink.fileText(script);
            moduleConstants(module, scope);
            Flavor flavor = flavor(lx.tokens(), module, fn);
            JsWalker walker = new JsWalker(sink);
            if (fn != null) {
                bindParams(fn.params(), flavor, scope);
                walker.function(fn, scope);
            } else {
                walker.statements(JsSyntax.statements(lx.tokens()), scope);
            }
        });
    }

    private static void bindParams(List<String> params, Flavor flavor, JsScope scope) {
        if (params.isEmpty()) return;
        switch (flavor) {
            case KNEX -> scope.bind(params.get(0), Role.KNEX);
            case SEQUELIZE -> {
                scope.bind(params.get(0), Role.QUERY_INTERFACE);
                if (params.size() > 1) scope.bind(params.get(1), Role.SEQUELIZE);
            }
            case TYPEORM -> scope.bind(params.get(0), Role.QUERY_RUNNER);
        }
    }

    /** Binds {@code const NAME = <literal>} declarations at the top level of the module. */
    private static void moduleConstants(String module, JsScope scope) {
        if (module.isEmpty()) return;
        List<Stmt> top = JsSyntax.statements(JsLexer.tokenize(module).tokens());
        for (Stmt s : top) {
            if (!(s instanceof VarDecl v)) continue;
            for (Declarator d : v.decls()) {
                if (d.name() != null && d.init() != null && isLiteral(d.init())) scope.bind(d.name(), d.init());
            }
        }
    }

    private static boolean isLiteral(JsAst.Node n) {
        if (n instanceof JsAst.Lit) return true;
        if (n instanceof JsAst.Tpl t) return t.exprs().isEmpty();
        if (n instanceof JsAst.Arr a) return a.items().stream().allMatch(JsMigrationParser::isLiteral);
        if (n instanceof JsAst.Obj o) return o.props().stream().allMatch(p -> p.key() != null && !p.spread() && isLiteral(p.value()));
        return false;
    }

    /** Scores what the script and its module use; ties go to the parameter count (2 -> Sequelize) and then Knex. */
    static Flavor flavor(List<JsToken> tokens, String module, Fn fn) {
        int knex = 0;
        int seq = 0;
        int orm = 0;
        for (int k = 0; k < tokens.size(); k++) {
            JsToken t = tokens.get(k);
            if (!t.isIdent()) continue;
            boolean afterDot = k > 0 && (tokens.get(k - 1).is(".") || tokens.get(k - 1).is("?."));
            boolean afterNew = k > 0 && tokens.get(k - 1).is("new");
            switch (t.text()) {
                case "Knex", "knex" -> knex += 3;
                case "schema" -> knex += afterDot ? 2 : 0;
                case "QueryRunner", "queryRunner" -> orm += 3;
                case "Table", "TableColumn", "TableIndex", "TableForeignKey", "TableUnique", "TableCheck" -> orm += afterNew ? 3 : 0;
                case "QueryInterface", "queryInterface" -> seq += 3;
                case "DataTypes", "Sequelize" -> seq += 2;
                case "bulkInsert", "bulkDelete", "bulkUpdate", "addConstraint", "removeColumn", "addIndex", "removeIndex",
                        "removeConstraint", "describeTable" -> seq += afterDot ? 1 : 0;
                case "createForeignKey", "dropForeignKey", "createIndex", "dropColumn", "manager" -> orm += afterDot ? 1 : 0;
                default -> { }
            }
        }
        Map<String, Flavor> imports = Map.of("'typeorm'", Flavor.TYPEORM, "\"typeorm\"", Flavor.TYPEORM,
                "'sequelize'", Flavor.SEQUELIZE, "\"sequelize\"", Flavor.SEQUELIZE, "'knex'", Flavor.KNEX, "\"knex\"", Flavor.KNEX);
        for (Map.Entry<String, Flavor> e : imports.entrySet()) {
            if (module.contains(e.getKey())) {
                switch (e.getValue()) {
                    case KNEX -> knex += 4;
                    case SEQUELIZE -> seq += 4;
                    case TYPEORM -> orm += 4;
                }
            }
        }
        if (module.contains("MigrationInterface")) orm += 4;
        if (orm > knex && orm > seq) return Flavor.TYPEORM;
        if (seq > knex && seq > orm) return Flavor.SEQUELIZE;
        if (knex > seq && knex > orm) return Flavor.KNEX;
        return fn != null && fn.params().size() >= 2 && seq >= knex ? Flavor.SEQUELIZE : Flavor.KNEX;
    }
}

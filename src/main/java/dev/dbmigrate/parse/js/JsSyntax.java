package dev.dbmigrate.parse.js;

import dev.dbmigrate.parse.js.JsAst.Arr;
import dev.dbmigrate.parse.js.JsAst.Bad;
import dev.dbmigrate.parse.js.JsAst.Binary;
import dev.dbmigrate.parse.js.JsAst.Block;
import dev.dbmigrate.parse.js.JsAst.Call;
import dev.dbmigrate.parse.js.JsAst.Cond;
import dev.dbmigrate.parse.js.JsAst.Declarator;
import dev.dbmigrate.parse.js.JsAst.ExprStmt;
import dev.dbmigrate.parse.js.JsAst.Fn;
import dev.dbmigrate.parse.js.JsAst.FunctionDecl;
import dev.dbmigrate.parse.js.JsAst.Id;
import dev.dbmigrate.parse.js.JsAst.If;
import dev.dbmigrate.parse.js.JsAst.Index;
import dev.dbmigrate.parse.js.JsAst.Lit;
import dev.dbmigrate.parse.js.JsAst.Loop;
import dev.dbmigrate.parse.js.JsAst.Member;
import dev.dbmigrate.parse.js.JsAst.New;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Obj;
import dev.dbmigrate.parse.js.JsAst.Opaque;
import dev.dbmigrate.parse.js.JsAst.OtherStmt;
import dev.dbmigrate.parse.js.JsAst.Prop;
import dev.dbmigrate.parse.js.JsAst.Return;
import dev.dbmigrate.parse.js.JsAst.Stmt;
import dev.dbmigrate.parse.js.JsAst.Throw;
import dev.dbmigrate.parse.js.JsAst.Tpl;
import dev.dbmigrate.parse.js.JsAst.Try;
import dev.dbmigrate.parse.js.JsAst.Unary;
import dev.dbmigrate.parse.js.JsAst.VarDecl;
import dev.dbmigrate.parse.js.JsToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent reader of the JavaScript / TypeScript that migration functions contain:
 * statements (declarations, if/else, loops, try, return, throw, nested functions), expressions
 * with full operator precedence, calls, member chains with optional chaining, {@code new},
 * arrays, objects (shorthand, computed, spread, methods), arrow and classic functions, async /
 * await, templates. TypeScript annotations ({@code : Type}, {@code as Type}, {@code satisfies},
 * non-null {@code x!}, return types, generic arguments in types) are skipped, not checked.
 *
 * <p>A statement it cannot read becomes a {@link Bad} covering it, and reading goes on after it.
 */
public final class JsSyntax {

    /** A syntax error inside one statement; caught at statement level. */
    static final class SyntaxError extends RuntimeException {
        final int at;

        SyntaxError(String message, int at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("??", 1), Map.entry("||", 2), Map.entry("&&", 3), Map.entry("|", 4), Map.entry("^", 5),
            Map.entry("&", 6), Map.entry("==", 7), Map.entry("!=", 7), Map.entry("===", 7), Map.entry("!==", 7),
            Map.entry("<", 8), Map.entry(">", 8), Map.entry("<=", 8), Map.entry(">=", 8), Map.entry("instanceof", 8),
            Map.entry("in", 8), Map.entry("<<", 9), Map.entry(">>", 9), Map.entry(">>>", 9), Map.entry("+", 10),
            Map.entry("-", 10), Map.entry("*", 11), Map.entry("/", 11), Map.entry("%", 11), Map.entry("**", 12));

    private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "*=", "/=", "%=", "**=", "<<=", ">>=", ">>>=",
            "&=", "|=", "^=", "&&=", "||=", "??=");

    private static final Set<String> PREFIX_WORDS = Set.of("typeof", "void", "delete", "await");

    private final List<JsToken> toks;
    private int i;

    private JsSyntax(List<JsToken> toks) {
        this.toks = toks;
    }

    /** The statements of a whole program or block body. */
    public static List<Stmt> statements(List<JsToken> tokens) {
        JsSyntax p = new JsSyntax(tokens);
        return p.statementsUntil(null);
    }

    /** One expression (a template substitution); null when it is not one. */
    public static Node expression(List<JsToken> tokens) {
        JsSyntax p = new JsSyntax(tokens);
        try {
            Node n = p.assignment();
            return p.peek().kind() == Kind.EOF ? n : null;
        } catch (SyntaxError e) {
            return null;
        }
    }

    /**
     * The function a migration script holds ({@code exports.up = async (knex) => {...}},
     * {@code async up(queryInterface, Sequelize) {...}}, {@code export async function up(knex: Knex): Promise<void> {...}},
     * {@code up: knex => knex.schema...}): the header before the parameters is skipped. Null when no
     * function is found.
     */
    public static Fn function(List<JsToken> tokens) {
        JsSyntax p = new JsSyntax(tokens);
        while (p.peek().kind() != Kind.EOF) {
            JsToken t = p.peek();
            try {
                if (t.is("function")) return (Fn) p.primary();
                if (t.isIdent() && !t.is("async") && p.peekAt(1).is("=>")) return p.arrow(t.start(), false);
                if (t.is("(")) {
                    if (p.arrowAhead()) return p.arrow(t.start(), false);
                    int start = t.start();
                    List<String> params = p.params();
                    if (p.peek().is(":")) {
                        p.next();
                        p.skipType(false);
                    }
                    if (!p.peek().is("{")) return null;
                    Block body = p.block();
                    return new Fn(start, body.end(), params, body.body(), null, false);
                }
            } catch (SyntaxError e) {
                return null;
            }
            p.next();
        }
        return null;
    }

    // ---- tokens ----------------------------------------------------------------------------

    private JsToken peek() {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    private JsToken peekAt(int k) {
        return toks.get(Math.min(i + k, toks.size() - 1));
    }

    private JsToken next() {
        JsToken t = peek();
        if (i < toks.size() - 1) i++;
        return t;
    }

    private int prevEnd() {
        return i == 0 ? 0 : toks.get(i - 1).end();
    }

    private JsToken expect(String p) {
        JsToken t = peek();
        if (!t.is(p)) throw error("expected '" + p + "' but found " + describe(t), t);
        return next();
    }

    private boolean accept(String p) {
        if (peek().is(p)) {
            next();
            return true;
        }
        return false;
    }

    private static String describe(JsToken t) {
        return switch (t.kind()) {
            case EOF -> "the end";
            case ERROR -> t.value();
            default -> "'" + t.text() + "'";
        };
    }

    private static SyntaxError error(String message, JsToken at) {
        return new SyntaxError(at.kind() == Kind.ERROR ? at.value() : message, at.start());
    }

    // ---- statements ------------------------------------------------------------------------

    /** Statements until {@code closer} (not consumed) or EOF. */
    private List<Stmt> statementsUntil(String closer) {
        List<Stmt> out = new ArrayList<>();
        while (peek().kind() != Kind.EOF && (closer == null || !peek().is(closer))) {
            int save = i;
            JsToken first = peek();
            try {
                Stmt s = statement();
                if (s != null) out.add(s);
            } catch (SyntaxError e) {
                i = save;
                recover(closer);
                out.add(new Bad(first.start(), Math.max(prevEnd(), first.end()), e.getMessage()));
            }
            if (i == save) next();
        }
        return out;
    }

    /** Skips the statement that failed: to a depth-0 ';' (consumed), a depth-0 line break, or the closer. */
    private void recover(String closer) {
        int depth = 0;
        boolean first = true;
        while (peek().kind() != Kind.EOF) {
            JsToken t = peek();
            if (!first && depth == 0 && t.newlineBefore() && !isContinuation(t)) return;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) {
                    if (closer != null && t.is(closer)) return;
                } else {
                    depth--;
                }
            } else if (t.is(";") && depth == 0) {
                next();
                return;
            }
            if (t.kind() == Kind.ERROR) {
                while (peek().kind() != Kind.EOF) next();
                return;
            }
            next();
            first = false;
        }
    }

    /** A token that continues the previous line's expression (leading '.', operator). */
    private static boolean isContinuation(JsToken t) {
        return t.kind() == Kind.PUNCT && (t.is(".") || t.is("?.") || BINARY.containsKey(t.text()) || t.is("?") || t.is(":") || t.is(")")
                || t.is("]") || t.is("}") || t.is(","));
    }

    private Stmt statement() {
        JsToken t = peek();
        int start = t.start();
        if (t.is("{") && t.kind() == Kind.PUNCT) return block();
        if (t.is(";")) {
            next();
            return null;
        }
        if (t.isIdent()) {
            switch (t.text()) {
                case "const", "var" -> {
                    return varDecl();
                }
                case "let" -> {
                    JsToken n = peekAt(1);
                    if (n.isIdent() || n.is("{") || n.is("[")) return varDecl();
                }
                case "if" -> {
                    next();
                    expect("(");
                    Node test = expression();
                    expect(")");
                    Stmt then = statementOrEmpty();
                    Stmt otherwise = null;
                    if (accept("else")) otherwise = statementOrEmpty();
                    return new If(start, prevEnd(), test, then, otherwise);
                }
                case "for", "while" -> {
                    next();
                    accept("await");
                    skipBalanced("(");
                    Stmt body = statementOrEmpty();
                    return new Loop(start, prevEnd(), t.text(), body);
                }
                case "do" -> {
                    next();
                    Stmt body = statementOrEmpty();
                    expect("while");
                    skipBalanced("(");
                    accept(";");
                    return new Loop(start, prevEnd(), "do", body);
                }
                case "return" -> {
                    next();
                    Node e = null;
                    if (!peek().is(";") && !peek().is("}") && peek().kind() != Kind.EOF && !peek().newlineBefore()) e = expression();
                    endStatement();
                    return new Return(start, prevEnd(), e);
                }
                case "throw" -> {
                    next();
                    Node e = expression();
                    endStatement();
                    return new Throw(start, prevEnd(), e);
                }
                case "try" -> {
                    next();
                    Block body = block();
                    Block handler = null;
                    Block fin = null;
                    if (accept("catch")) {
                        if (peek().is("(")) skipBalanced("(");
                        handler = block();
                    }
                    if (accept("finally")) fin = block();
                    return new Try(start, prevEnd(), body, handler, fin);
                }
                case "function" -> {
                    Fn fn = (Fn) primary();
                    return new FunctionDecl(start, fn.end(), nameOfFunction(t), fn);
                }
                case "async" -> {
                    if (peekAt(1).is("function") && !peekAt(1).newlineBefore()) {
                        Fn fn = (Fn) primary();
                        return new FunctionDecl(start, fn.end(), nameOfFunction(peekAtToken(t, 1)), fn);
                    }
                }
                case "class", "switch" -> {
                    next();
                    while (!peek().is("{") && peek().kind() != Kind.EOF) {
                        if (peek().is("(")) skipBalanced("(");
                        else next();
                    }
                    skipBalanced("{");
                    return new OtherStmt(start, prevEnd(), t.text());
                }
                case "break", "continue", "debugger" -> {
                    next();
                    if (peek().isIdent() && !peek().newlineBefore()) next();
                    endStatement();
                    return new OtherStmt(start, prevEnd(), t.text());
                }
                case "type", "interface", "declare", "import", "export" -> {
                    if (peekAt(1).isIdent() || peekAt(1).is("{") || peekAt(1).is("*") || peekAt(1).kind() == Kind.STRING) {
                        skipToStatementEnd();
                        return new OtherStmt(start, prevEnd(), t.text());
                    }
                }
                default -> {
                    if (peekAt(1).is(":") && !t.is("default")) {
                        next();
                        next();
                        return statement();
                    }
                }
            }
        }
        Node e = expression();
        endStatement();
        return new ExprStmt(start, prevEnd(), e);
    }

    private JsToken peekAtToken(JsToken t, int k) {
        int idx = toks.indexOf(t);
        return idx < 0 ? t : toks.get(Math.min(idx + k, toks.size() - 1));
    }

    private String nameOfFunction(JsToken fnKeyword) {
        int idx = toks.indexOf(fnKeyword);
        JsToken n = idx >= 0 && idx + 1 < toks.size() ? toks.get(idx + 1) : null;
        if (n != null && n.is("*") && idx + 2 < toks.size()) n = toks.get(idx + 2);
        return n != null && n.isIdent() ? n.text() : null;
    }

    private Stmt statementOrEmpty() {
        if (peek().is(";")) {
            JsToken t = next();
            return new Block(t.start(), t.end(), List.of());
        }
        Stmt s = statement();
        return s == null ? new Block(prevEnd(), prevEnd(), List.of()) : s;
    }

    private void endStatement() {
        JsToken t = peek();
        if (t.is(";")) {
            next();
            return;
        }
        if (t.is("}") || t.kind() == Kind.EOF || t.newlineBefore()) return;
        throw error("unexpected " + describe(t), t);
    }

    private void skipToStatementEnd() {
        int depth = 0;
        next();
        while (peek().kind() != Kind.EOF) {
            JsToken t = peek();
            if (depth == 0 && (t.is(";"))) {
                next();
                return;
            }
            if (depth == 0 && t.newlineBefore() && !isContinuation(t)) return;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) {
                if (depth == 0) return;
                depth--;
                next();
                if (depth == 0 && t.is("}") && peek().newlineBefore()) return;
                continue;
            }
            next();
        }
    }

    private Block block() {
        JsToken open = expect("{");
        List<Stmt> body = statementsUntil("}");
        expect("}");
        return new Block(open.start(), prevEnd(), body);
    }

    private VarDecl varDecl() {
        int start = next().start();
        List<Declarator> decls = new ArrayList<>();
        do {
            List<String> names = new ArrayList<>();
            String name = null;
            if (peek().isIdent()) {
                name = next().text();
                names.add(name);
            } else {
                pattern(names);
            }
            accept("!");
            if (accept(":")) skipType(false);
            Node init = null;
            if (accept("=")) init = assignment();
            decls.add(new Declarator(name, names, init));
        } while (accept(","));
        endStatement();
        return new VarDecl(start, prevEnd(), decls);
    }

    /** A binding pattern ({@code {a, b: c, ...d}}, {@code [x, , y]}); adds the bound names. */
    private void pattern(List<String> names) {
        JsToken t = peek();
        if (t.is("{")) {
            next();
            while (!peek().is("}") && peek().kind() != Kind.EOF) {
                if (accept("...")) {
                    binding(names);
                } else {
                    JsToken key = next();
                    if (key.is("[")) {
                        i--;
                        skipBalanced("[");
                    }
                    if (accept(":")) {
                        binding(names);
                    } else if (key.isIdent()) {
                        names.add(key.text());
                        if (accept("=")) assignment();
                    }
                }
                if (!accept(",")) break;
            }
            expect("}");
        } else if (t.is("[")) {
            next();
            while (!peek().is("]") && peek().kind() != Kind.EOF) {
                if (peek().is(",")) {
                    next();
                    continue;
                }
                accept("...");
                binding(names);
                if (!accept(",")) break;
            }
            expect("]");
        } else {
            throw error("expected a name but found " + describe(t), t);
        }
    }

    private void binding(List<String> names) {
        if (peek().isIdent()) names.add(next().text());
        else pattern(names);
        if (accept("=")) assignment();
    }

    /** A parameter list {@code (a, b: T = 1, {x}, ...rest)}; returns the bound names (patterns flattened). */
    private List<String> params() {
        expect("(");
        List<String> names = new ArrayList<>();
        while (!peek().is(")") && peek().kind() != Kind.EOF) {
            while (peek().isIdent() && Set.of("public", "private", "protected", "readonly", "override").contains(peek().text())
                    && (peekAt(1).isIdent() || peekAt(1).is("{") || peekAt(1).is("["))) {
                next();
            }
            accept("...");
            if (peek().isIdent()) names.add(next().text());
            else pattern(names);
            accept("?");
            if (accept(":")) skipType(false);
            if (accept("=")) assignment();
            if (!accept(",")) break;
        }
        expect(")");
        return names;
    }

    // ---- TypeScript types ------------------------------------------------------------------

    /** Skips a type. {@code stopAtArrow}: a depth-0 '=>' ends it (arrow function return types). */
    private void skipType(boolean stopAtArrow) {
        boolean needOperand = true;
        while (peek().kind() != Kind.EOF) {
            JsToken t = peek();
            if (t.kind() == Kind.IDENT || t.kind() == Kind.STRING || t.kind() == Kind.NUMBER || t.kind() == Kind.TEMPLATE) {
                if (!needOperand) {
                    if (t.is("extends") || t.is("is")) {
                        next();
                        needOperand = true;
                        continue;
                    }
                    return;
                }
                next();
                needOperand = Set.of("keyof", "typeof", "readonly", "unique", "infer", "new", "asserts").contains(t.text());
            } else if (t.is(".") || t.is("|") || t.is("&")) {
                next();
                needOperand = true;
            } else if (t.is("=>")) {
                if (stopAtArrow) return;
                next();
                needOperand = true;
            } else if (t.is("[")) {
                skipBalanced("[");
                needOperand = false;
            } else if ((t.is("(") || t.is("{")) && needOperand) {
                skipBalanced(t.text());
                needOperand = false;
            } else if (t.is("<")) {
                skipAngles();
                needOperand = false;
            } else if (t.is("-") && needOperand) {
                next();
            } else {
                return;
            }
        }
    }

    private void skipAngles() {
        int depth = 0;
        while (peek().kind() != Kind.EOF) {
            JsToken t = next();
            switch (t.text()) {
                case "<", "(", "[", "{" -> depth++;
                case ">", ")", "]", "}" -> depth--;
                case ">>" -> depth -= 2;
                case ">>>" -> depth -= 3;
                default -> { }
            }
            if (depth <= 0) return;
        }
    }

    /** Skips from the opener at the current token to its closer (consumed). */
    private void skipBalanced(String opener) {
        expect(opener);
        int depth = 1;
        while (depth > 0) {
            JsToken t = next();
            if (t.kind() == Kind.EOF) throw error("unbalanced '" + opener + "'", t);
            if (t.kind() == Kind.ERROR) throw error(t.value(), t);
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
        }
    }

    // ---- expressions -----------------------------------------------------------------------

    private Node expression() {
        Node n = assignment();
        while (peek().is(",")) {
            next();
            Node r = assignment();
            n = new Binary(n.start(), r.end(), ",", n, r);
        }
        return n;
    }

    private Node assignment() {
        JsToken t = peek();
        if (t.is("async") && !peekAt(1).newlineBefore() && (peekAt(1).isIdent() && peekAt(2).is("=>") || peekAt(1).is("(") && arrowAheadFrom(i + 1))) {
            next();
            return arrow(t.start(), true);
        }
        if (t.isIdent() && peekAt(1).is("=>") && !PREFIX_WORDS.contains(t.text())) return arrow(t.start(), false);
        if (t.is("(") && arrowAhead()) return arrow(t.start(), false);
        if (t.is("yield")) {
            next();
            accept("*");
            Node arg = peek().is(")") || peek().is(";") || peek().is("}") || peek().newlineBefore() ? null : assignment();
            return new Unary(t.start(), prevEnd(), "yield", arg);
        }
        Node left = conditional();
        JsToken op = peek();
        if (op.kind() == Kind.PUNCT && ASSIGN.contains(op.text())) {
            next();
            Node right = assignment();
            return new Binary(left.start(), right.end(), op.text(), left, right);
        }
        return left;
    }

    private boolean arrowAhead() {
        return arrowAheadFrom(i);
    }

    /** Whether the '(' at token index {@code from} opens an arrow function's parameters. */
    private boolean arrowAheadFrom(int from) {
        int depth = 0;
        int k = from;
        for (; k < toks.size(); k++) {
            JsToken t = toks.get(k);
            if (t.kind() == Kind.EOF || t.kind() == Kind.ERROR) return false;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) {
                depth--;
                if (depth == 0) break;
            }
        }
        if (k + 1 >= toks.size()) return false;
        JsToken after = toks.get(k + 1);
        if (after.is("=>")) return true;
        if (!after.is(":")) return false;
        depth = 0;
        for (int m = k + 2; m < toks.size(); m++) {
            JsToken t = toks.get(m);
            if (t.kind() == Kind.EOF) return false;
            if (t.is("=>") && depth == 0) return true;
            if (t.is("(") || t.is("[") || t.is("{") || t.is("<")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}") || t.is(">")) {
                if (--depth < 0) return false;
            } else if (depth == 0 && (t.is(",") || t.is(";") || t.is("?") || t.is(":"))) {
                return false;
            }
        }
        return false;
    }

    /** An arrow function at the current token ({@code async} already consumed when {@code async}). */
    private Fn arrow(int start, boolean async) {
        List<String> params;
        if (peek().isIdent()) {
            params = List.of(next().text());
        } else {
            params = params();
            if (accept(":")) skipType(true);
        }
        expect("=>");
        if (peek().is("{")) {
            Block b = block();
            return new Fn(start, b.end(), params, b.body(), null, true);
        }
        Node body = assignment();
        return new Fn(start, body.end(), params, null, body, true);
    }

    private Node conditional() {
        Node test = binary(1);
        if (peek().is("?")) {
            next();
            Node a = assignment();
            expect(":");
            Node b = assignment();
            return new Cond(test.start(), b.end(), test, a, b);
        }
        return test;
    }

    private Node binary(int minPrec) {
        Node left = unary();
        while (true) {
            JsToken op = peek();
            if (op.isIdent() && (op.is("as") || op.is("satisfies")) && !op.newlineBefore()) {
                next();
                skipType(false);
                left = new Unary(left.start(), prevEnd(), "as", left);
                continue;
            }
            Integer prec = op.kind() == Kind.PUNCT || op.is("instanceof") || op.is("in") ? BINARY.get(op.text()) : null;
            if (prec == null || prec < minPrec) return left;
            next();
            Node right = binary(op.text().equals("**") ? prec : prec + 1);
            left = new Binary(left.start(), right.end(), op.text(), left, right);
        }
    }

    private Node unary() {
        JsToken t = peek();
        if (t.kind() == Kind.PUNCT && (t.is("!") || t.is("-") || t.is("+") || t.is("~") || t.is("++") || t.is("--"))) {
            next();
            Node arg = unary();
            return new Unary(t.start(), arg.end(), t.text(), arg);
        }
        if (t.isIdent() && PREFIX_WORDS.contains(t.text()) && !peekAt(1).is("=>") && !peekAt(1).is(".") && !peekAt(1).is(")")) {
            next();
            Node arg = unary();
            return new Unary(t.start(), arg.end(), t.text(), arg);
        }
        if (t.is("<") && peekAt(1).isIdent()) {
            skipAngles();
            Node arg = unary();
            return new Unary(t.start(), arg.end(), "as", arg);
        }
        Node n = postfix(primary());
        JsToken p = peek();
        if ((p.is("++") || p.is("--")) && !p.newlineBefore()) {
            next();
            return new Unary(n.start(), p.end(), p.text(), n);
        }
        return n;
    }

    /** Member access, calls, index, optional chaining, non-null assertions, tagged templates. */
    private Node postfix(Node n) {
        while (true) {
            JsToken t = peek();
            if (t.is(".") || t.is("?.")) {
                next();
                JsToken name = peek();
                if (name.is("(")) {
                    List<Node> args = args();
                    n = new Call(n.start(), prevEnd(), n, args);
                } else if (name.is("[")) {
                    next();
                    Node key = expression();
                    expect("]");
                    n = new Index(n.start(), prevEnd(), n, key);
                } else if (name.isIdent()) {
                    next();
                    n = new Member(n.start(), name.end(), n, name.text());
                } else {
                    throw error("expected a property name after '.' but found " + describe(name), name);
                }
            } else if (t.is("(")) {
                List<Node> args = args();
                n = new Call(n.start(), prevEnd(), n, args);
            } else if (t.is("[") && !t.newlineBefore()) {
                next();
                Node key = expression();
                expect("]");
                n = new Index(n.start(), prevEnd(), n, key);
            } else if (t.is("!") && !t.newlineBefore() && !peekAt(1).is("=")) {
                next();
            } else if (t.kind() == Kind.TEMPLATE && !t.newlineBefore()) {
                next();
                n = new Opaque(n.start(), t.end(), "tagged template");
            } else if (t.is("<") && !t.newlineBefore() && genericCallAhead()) {
                skipAngles();
            } else {
                return n;
            }
        }
    }

    /** {@code f<T>(...)}: a '<' whose matching '>' is directly followed by '('. */
    private boolean genericCallAhead() {
        int depth = 0;
        for (int k = i; k < toks.size() && k < i + 40; k++) {
            JsToken t = toks.get(k);
            if (t.is("<")) depth++;
            else if (t.is(">")) depth--;
            else if (t.is(">>")) depth -= 2;
            else if (t.kind() == Kind.EOF || t.is(";") || t.is("{") && depth == 0 || t.is("&&") || t.is("||")) return false;
            if (depth == 0) return k + 1 < toks.size() && toks.get(k + 1).is("(");
            if (depth < 0) return false;
        }
        return false;
    }

    private List<Node> args() {
        expect("(");
        List<Node> out = new ArrayList<>();
        while (!peek().is(")")) {
            JsToken t = peek();
            if (t.is("...")) {
                next();
                Node a = assignment();
                out.add(new Unary(t.start(), a.end(), "...", a));
            } else {
                out.add(assignment());
            }
            if (!accept(",")) break;
        }
        expect(")");
        return out;
    }

    private Node primary() {
        JsToken t = peek();
        switch (t.kind()) {
            case STRING -> {
                next();
                return new Lit(t.start(), t.end(), t.value());
            }
            case NUMBER -> {
                next();
                return new Lit(t.start(), t.end(), number(t.text()));
            }
            case TEMPLATE -> {
                next();
                List<Node> exprs = new ArrayList<>();
                for (List<JsToken> e : t.exprs()) {
                    Node n = expression(e);
                    exprs.add(n == null ? new Opaque(e.get(0).start(), e.get(e.size() - 1).end(), "expression") : n);
                }
                return new Tpl(t.start(), t.end(), t.quasis(), exprs, t.start() + 1);
            }
            case REGEX -> {
                next();
                return new Opaque(t.start(), t.end(), "regular expression");
            }
            case ERROR -> throw error(t.value(), t);
            case EOF -> throw error("unexpected end", t);
            default -> { }
        }
        if (t.kind() == Kind.IDENT) {
            switch (t.text()) {
                case "true", "false" -> {
                    next();
                    return new Lit(t.start(), t.end(), Boolean.valueOf(t.text()));
                }
                case "null" -> {
                    next();
                    return new Lit(t.start(), t.end(), null);
                }
                case "function" -> {
                    next();
                    accept("*");
                    if (peek().isIdent()) next();
                    if (peek().is("<")) skipAngles();
                    List<String> params = params();
                    if (accept(":")) skipType(false);
                    Block b = block();
                    return new Fn(t.start(), b.end(), params, b.body(), null, false);
                }
                case "async" -> {
                    if (peekAt(1).is("function") && !peekAt(1).newlineBefore()) {
                        next();
                        Fn f = (Fn) primary();
                        return new Fn(t.start(), f.end(), f.params(), f.body(), null, false);
                    }
                }
                case "new" -> {
                    next();
                    if (accept(".")) {
                        JsToken target = next();
                        return new Opaque(t.start(), target.end(), "new." + target.text());
                    }
                    Node callee = primary();
                    while (peek().is(".") || peek().is("[")) {
                        if (accept(".")) {
                            JsToken name = next();
                            callee = new Member(callee.start(), name.end(), callee, name.text());
                        } else {
                            next();
                            Node key = expression();
                            expect("]");
                            callee = new Index(callee.start(), prevEnd(), callee, key);
                        }
                    }
                    if (peek().is("<")) skipAngles();
                    List<Node> args = peek().is("(") ? args() : List.of();
                    return new New(t.start(), prevEnd(), callee, args);
                }
                case "class" -> {
                    next();
                    while (!peek().is("{") && peek().kind() != Kind.EOF) next();
                    skipBalanced("{");
                    return new Opaque(t.start(), prevEnd(), "class");
                }
                default -> { }
            }
            next();
            return new Id(t.start(), t.end(), t.text());
        }
        if (t.is("(")) {
            next();
            Node inner = expression();
            expect(")");
            return inner;
        }
        if (t.is("[")) {
            next();
            List<Node> items = new ArrayList<>();
            while (!peek().is("]")) {
                JsToken s = peek();
                if (s.is(",")) {
                    next();
                    items.add(new Lit(s.start(), s.start(), null));
                    continue;
                }
                if (accept("...")) {
                    Node a = assignment();
                    items.add(new Unary(s.start(), a.end(), "...", a));
                } else {
                    items.add(assignment());
                }
                if (!accept(",")) break;
            }
            expect("]");
            return new Arr(t.start(), prevEnd(), items);
        }
        if (t.is("{")) return object();
        if (t.is("@")) {
            throw error("decorators are not read here", t);
        }
        throw error("unexpected " + describe(t), t);
    }

    private Obj object() {
        JsToken open = expect("{");
        List<Prop> props = new ArrayList<>();
        while (!peek().is("}")) {
            JsToken t = peek();
            if (t.is("...")) {
                next();
                props.add(new Prop(null, assignment(), true));
            } else {
                boolean computed = false;
                String key;
                JsToken k = next();
                if ((k.is("async") || k.is("get") || k.is("set")) && !peek().is(":") && !peek().is("(") && !peek().is(",") && !peek().is("}")) {
                    accept("*");
                    k = next();
                }
                if (k.is("*")) k = next();
                if (k.is("[")) {
                    computed = true;
                    expression();
                    expect("]");
                    key = null;
                } else if (k.kind() == Kind.STRING) {
                    key = k.value();
                } else if (k.kind() == Kind.IDENT || k.kind() == Kind.NUMBER) {
                    key = k.text();
                } else {
                    throw error("unexpected " + describe(k) + " in an object", k);
                }
                if (accept(":")) {
                    props.add(new Prop(computed ? null : key, assignment(), false));
                } else if (peek().is("(") || peek().is("<")) {
                    if (peek().is("<")) skipAngles();
                    int start = k.start();
                    List<String> params = params();
                    if (accept(":")) skipType(false);
                    Block b = block();
                    props.add(new Prop(computed ? null : key, new Fn(start, b.end(), params, b.body(), null, false), false));
                } else if (k.kind() == Kind.IDENT) {
                    Node v = new Id(k.start(), k.end(), k.text());
                    if (accept("=")) assignment();
                    props.add(new Prop(key, v, false));
                } else {
                    throw error("expected ':' after property " + key, peek());
                }
            }
            if (!accept(",")) break;
        }
        expect("}");
        return new Obj(open.start(), prevEnd(), props);
    }

    private static Object number(String text) {
        String s = text.replace("_", "");
        try {
            if (s.endsWith("n")) return s;
            if (s.startsWith("0x") || s.startsWith("0X")) return (double) Long.parseLong(s.substring(2), 16);
            if (s.startsWith("0o") || s.startsWith("0O")) return (double) Long.parseLong(s.substring(2), 8);
            if (s.startsWith("0b") || s.startsWith("0B")) return (double) Long.parseLong(s.substring(2), 2);
            return Double.parseDouble(s);
        } catch (NumberFormatException e) {
            return s;
        }
    }
}

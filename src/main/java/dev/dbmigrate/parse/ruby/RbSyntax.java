package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.parse.ruby.RbAst.Arr;
import dev.dbmigrate.parse.ruby.RbAst.Assign;
import dev.dbmigrate.parse.ruby.RbAst.Bad;
import dev.dbmigrate.parse.ruby.RbAst.Begin;
import dev.dbmigrate.parse.ruby.RbAst.Binary;
import dev.dbmigrate.parse.ruby.RbAst.Block;
import dev.dbmigrate.parse.ruby.RbAst.Call;
import dev.dbmigrate.parse.ruby.RbAst.Const;
import dev.dbmigrate.parse.ruby.RbAst.Hash;
import dev.dbmigrate.parse.ruby.RbAst.If;
import dev.dbmigrate.parse.ruby.RbAst.Lit;
import dev.dbmigrate.parse.ruby.RbAst.Loop;
import dev.dbmigrate.parse.ruby.RbAst.Node;
import dev.dbmigrate.parse.ruby.RbAst.Opaque;
import dev.dbmigrate.parse.ruby.RbAst.Pair;
import dev.dbmigrate.parse.ruby.RbAst.Str;
import dev.dbmigrate.parse.ruby.RbAst.Sym;
import dev.dbmigrate.parse.ruby.RbAst.Unary;
import dev.dbmigrate.parse.ruby.RbToken.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent reader of the Ruby in migrations: statements with modifiers
 * ({@code if}/{@code unless}/{@code while}/{@code rescue}), method calls with and without
 * parentheses (command calls such as {@code t.string :name, null: false}), trailing hash
 * arguments, blocks ({@code do |t| ... end}, {@code { |t| ... }}), lambdas, literals (strings,
 * heredocs, symbols, arrays, hashes old and new style, %w/%i), if/unless/elsif/else, while/until,
 * begin/rescue/ensure, assignment, operators. {@code def}, {@code class}, {@code case} bodies are
 * kept as {@link Opaque}. A statement it cannot read becomes a {@link Bad}, and reading goes on.
 */
public final class RbSyntax {

    static final class SyntaxError extends RuntimeException {
        SyntaxError(String message) {
            super(message, null, false, false);
        }
    }

    private static final Map<String, Integer> BINARY = Map.ofEntries(
            Map.entry("..", 1), Map.entry("...", 1), Map.entry("||", 2), Map.entry("&&", 3), Map.entry("==", 4), Map.entry("!=", 4),
            Map.entry("=~", 4), Map.entry("!~", 4), Map.entry("===", 4), Map.entry("<=>", 4), Map.entry("<", 5), Map.entry(">", 5),
            Map.entry("<=", 5), Map.entry(">=", 5), Map.entry("|", 6), Map.entry("^", 6), Map.entry("&", 7), Map.entry("<<", 8),
            Map.entry(">>", 8), Map.entry("+", 9), Map.entry("-", 9), Map.entry("*", 10), Map.entry("/", 10), Map.entry("%", 10),
            Map.entry("**", 11));

    private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "*=", "/=", "||=", "&&=", "|=", "<<=", "**=", "%=");
    private static final Set<String> NOT_ARGS = Set.of("do", "end", "if", "unless", "while", "until", "and", "or", "then", "rescue",
            "else", "elsif", "when", "in", "ensure");
    private static final Set<String> BLOCK_STOPS = Set.of("end", "else", "elsif", "when", "rescue", "ensure", "in");

    private final List<RbToken> toks;
    private int i;
    private final Set<String> locals = new HashSet<>();

    private RbSyntax(List<RbToken> toks) {
        this.toks = toks;
    }

    public static List<Node> program(List<RbToken> tokens) {
        return new RbSyntax(tokens).statements(false);
    }

    /**
     * The body of the method a script holds ({@code def change ... end}); the whole text as a
     * program when it does not start with {@code def}. Statements after the method's {@code end}
     * are not read.
     */
    public static List<Node> methodBody(List<RbToken> tokens) {
        RbSyntax p = new RbSyntax(tokens);
        p.skipNewlines();
        if (!p.peek().is("def")) return p.statements(false);
        p.next();
        while (p.peek().kind() != Kind.NEWLINE && !p.peek().is(";") && p.peek().kind() != Kind.EOF) {
            if (p.peek().is("(")) {
                p.next();
                while (!p.peek().is(")") && p.peek().kind() != Kind.EOF) {
                    if (p.peek().kind() == Kind.IDENT) p.locals.add(p.peek().text());
                    p.next();
                }
            }
            p.next();
        }
        return p.statements(false);
    }

    // ---- tokens ------------------------------------------------------------------------------

    private RbToken peek() {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    private RbToken peekAt(int k) {
        return toks.get(Math.min(i + k, toks.size() - 1));
    }

    private RbToken next() {
        RbToken t = peek();
        if (i < toks.size() - 1) i++;
        return t;
    }

    private int prevEnd() {
        return i == 0 ? 0 : toks.get(i - 1).end();
    }

    private boolean accept(String s) {
        if (peek().is(s)) {
            next();
            return true;
        }
        return false;
    }

    private RbToken expect(String s) {
        RbToken t = peek();
        if (!t.is(s)) throw new SyntaxError("expected '" + s + "' but found " + describe(t));
        return next();
    }

    private static String describe(RbToken t) {
        return switch (t.kind()) {
            case EOF -> "the end";
            case NEWLINE -> "a line break";
            case ERROR -> t.value();
            default -> "'" + t.text() + "'";
        };
    }

    private void skipNewlines() {
        while (peek().kind() == Kind.NEWLINE || peek().is(";")) next();
    }

    private boolean isStop(RbToken t, boolean brace) {
        return t.kind() == Kind.EOF || t.kind() == Kind.IDENT && BLOCK_STOPS.contains(t.text()) || brace && t.is("}");
    }

    // ---- statements --------------------------------------------------------------------------

    private List<Node> statements(boolean brace) {
        List<Node> out = new ArrayList<>();
        while (true) {
            skipNewlines();
            RbToken t = peek();
            if (isStop(t, brace)) return out;
            int save = i;
            try {
                Node n = statement();
                RbToken after = peek();
                if (!(after.kind() == Kind.NEWLINE || after.is(";") || isStop(after, brace))) {
                    throw new SyntaxError("unexpected " + describe(after));
                }
                out.add(n);
            } catch (SyntaxError e) {
                i = save;
                recover(brace);
                out.add(new Bad(t.start(), Math.max(prevEnd(), t.end()), e.getMessage()));
                if (i == save) next();
            }
        }
    }

    /** Skips the failed statement: to the next line break outside brackets and blocks. */
    private void recover(boolean brace) {
        int depth = 0;
        while (peek().kind() != Kind.EOF) {
            RbToken t = peek();
            if (depth == 0 && (t.kind() == Kind.NEWLINE || t.is(";"))) return;
            if (depth == 0 && isStop(t, brace) && toks.indexOf(t) != i) return;
            if (t.is("(") || t.is("[") || t.is("{") || t.is("do")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}") || t.is("end")) {
                if (depth == 0) return;
                depth--;
            }
            next();
        }
    }

    private Node statement() {
        Node n = exprStatement();
        while (true) {
            RbToken t = peek();
            if (t.kind() != Kind.IDENT) return n;
            switch (t.text()) {
                case "if", "unless" -> {
                    next();
                    Node cond = exprStatement();
                    n = new If(n.start(), cond.end(), cond, t.text().equals("unless"), List.of(n), List.of());
                }
                case "while", "until" -> {
                    next();
                    Node cond = exprStatement();
                    n = new Loop(n.start(), cond.end(), t.text(), List.of(n));
                }
                case "rescue" -> {
                    next();
                    Node alt = exprStatement();
                    n = new Begin(n.start(), alt.end(), List.of(n), List.of(alt), List.of());
                }
                default -> {
                    return n;
                }
            }
        }
    }

    private Node exprStatement() {
        Node left = notExpr();
        while (peek().is("and") || peek().is("or")) {
            String op = next().text();
            skipNewlines();
            Node right = notExpr();
            left = new Binary(left.start(), right.end(), op.equals("and") ? "&&" : "||", left, right);
        }
        return left;
    }

    private Node notExpr() {
        if (peek().is("not")) {
            RbToken t = next();
            Node a = notExpr();
            return new Unary(t.start(), a.end(), "!", a);
        }
        return expr();
    }

    private Node expr() {
        RbToken t = peek();
        RbToken n = peekAt(1);
        if ((t.kind() == Kind.IDENT || t.kind() == Kind.IVAR || t.kind() == Kind.CONST) && n.kind() == Kind.PUNCT && ASSIGN.contains(n.text())
                && !NOT_ARGS.contains(t.text())) {
            next();
            next();
            skipNewlines();
            Node v = exprStatementNoModifiers();
            if (t.kind() == Kind.IDENT) locals.add(t.text());
            return new Assign(t.start(), v.end(), t.text(), n.text(), v);
        }
        return ternary();
    }

    private Node exprStatementNoModifiers() {
        return expr();
    }

    private Node ternary() {
        Node c = binary(1);
        if (peek().is("?")) {
            next();
            skipNewlines();
            Node a = ternary();
            skipNewlines();
            if (peek().kind() == Kind.SYMBOL) {
                throw new SyntaxError("ternary without spaces around ':'");
            }
            expect(":");
            skipNewlines();
            Node b = ternary();
            return new If(c.start(), b.end(), c, false, List.of(a), List.of(b));
        }
        return c;
    }

    private Node binary(int min) {
        Node left = unary();
        while (true) {
            RbToken op = peek();
            Integer p = op.kind() == Kind.PUNCT ? BINARY.get(op.text()) : null;
            if (p == null || p < min) return left;
            next();
            skipNewlines();
            Node right = binary(op.text().equals("**") ? p : p + 1);
            left = new Binary(left.start(), right.end(), op.text(), left, right);
        }
    }

    private Node unary() {
        RbToken t = peek();
        if (t.kind() == Kind.PUNCT && (t.is("!") || t.is("-") || t.is("+") || t.is("~") || t.is("&") || t.is("*") || t.is("**"))) {
            next();
            Node a = unary();
            return new Unary(t.start(), a.end(), t.text(), a);
        }
        if (t.is("defined?")) {
            next();
            Node a = unary();
            return new Unary(t.start(), a.end(), "defined?", a);
        }
        return postfix(primary());
    }

    private Node postfix(Node n) {
        while (true) {
            RbToken t = peek();
            if (t.is(".") || t.is("&.")) {
                next();
                skipNewlines();
                RbToken name = next();
                if (name.kind() != Kind.IDENT && name.kind() != Kind.CONST) {
                    if (name.is("(")) {
                        i--;
                        List<Node> args = parenArgs();
                        n = withBlock(new Call(n.start(), prevEnd(), n, "call", args, null), true);
                        continue;
                    }
                    throw new SyntaxError("expected a method name after '.' but found " + describe(name));
                }
                n = callRest(n, name);
            } else if (t.is("::")) {
                next();
                RbToken name = next();
                if (name.kind() == Kind.CONST && !peek().is("(") && n instanceof Const c) {
                    n = new Const(c.start(), name.end(), c.path() + "::" + name.text());
                } else {
                    n = callRest(n, name);
                }
            } else if (t.is("[") && !t.spaceBefore()) {
                next();
                List<Node> args = list("]");
                n = new Call(n.start(), prevEnd(), n, "[]", args, null);
            } else {
                return n;
            }
        }
    }

    /** A method call after its name: arguments in parentheses or as a command, then a block. */
    private Node callRest(Node receiver, RbToken name) {
        int start = receiver == null ? name.start() : receiver.start();
        if (peek().is("(") && !peek().spaceBefore()) {
            List<Node> args = parenArgs();
            return withBlock(new Call(start, prevEnd(), receiver, name.text(), args, null), true);
        }
        if (receiver == null && locals.contains(name.text())) return new Call(start, name.end(), null, name.text(), List.of(), null);
        if (peek().kind() == Kind.PUNCT && ASSIGN.contains(peek().text()) && receiver != null) {
            RbToken op = next();
            skipNewlines();
            Node v = expr();
            return new Call(start, v.end(), receiver, name.text() + op.text(), List.of(v), null);
        }
        if (commandArgAhead()) {
            List<Node> args = commandArgs();
            return withBlock(new Call(start, prevEnd(), receiver, name.text(), args, null), false);
        }
        return withBlock(new Call(start, name.end(), receiver, name.text(), List.of(), null), true);
    }

    private boolean commandArgAhead() {
        RbToken t = peek();
        if (!t.spaceBefore()) return false;
        switch (t.kind()) {
            case NUMBER, STRING, HEREDOC, SYMBOL, LABEL, WORDS, SYMBOLS, CONST, IVAR, REGEX -> {
                return true;
            }
            case IDENT -> {
                return !NOT_ARGS.contains(t.text());
            }
            case PUNCT -> {
                if (t.is("[") || t.is("->") || t.is("::") || t.is("!")) return true;
                if (t.is("-") || t.is("*") || t.is("&") || t.is("**") || t.is(":")) return !peekAt(1).spaceBefore();
                return t.is("(");
            }
            default -> {
                return false;
            }
        }
    }

    private List<Node> commandArgs() {
        List<Node> args = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        int hashStart = -1;
        while (true) {
            RbToken t = peek();
            if (t.kind() == Kind.LABEL || isHashRocketAhead()) {
                if (hashStart < 0) hashStart = t.start();
                pairs.add(pair());
            } else {
                args.add(argument());
            }
            if (!peek().is(",")) break;
            next();
            skipNewlines();
        }
        if (!pairs.isEmpty()) args.add(new Hash(hashStart, prevEnd(), pairs));
        return args;
    }

    private Node argument() {
        RbToken t = peek();
        if (t.is("&") || t.is("*") || t.is("**")) {
            next();
            Node a = t.is("&") && peek().kind() == Kind.SYMBOL ? primary() : expr();
            return new Unary(t.start(), a.end(), t.text(), a);
        }
        return expr();
    }

    /** Whether a {@code key => value} pair starts here (scans to a depth-0 '=>' before ',' or the end). */
    private boolean isHashRocketAhead() {
        int depth = 0;
        for (int k = i; k < toks.size(); k++) {
            RbToken t = toks.get(k);
            if (t.kind() == Kind.EOF || depth == 0 && (t.kind() == Kind.NEWLINE || t.is(",") || t.is(")") || t.is("]") || t.is("}")
                    || t.is("do"))) return false;
            if (t.is("=>") && depth == 0) return true;
            if (t.is("(") || t.is("[") || t.is("{")) depth++;
            else if (t.is(")") || t.is("]") || t.is("}")) depth--;
        }
        return false;
    }

    private Pair pair() {
        RbToken t = peek();
        if (t.kind() == Kind.LABEL) {
            next();
            skipNewlines();
            if (peek().is(",") || peek().is(")") || peek().is("}")) {
                return new Pair(t.value(), new RbAst.Call(t.start(), t.end(), null, t.value(), List.of(), null));
            }
            return new Pair(t.value(), expr());
        }
        if (t.is("**")) {
            next();
            return new Pair(null, expr());
        }
        Node k = expr();
        expect("=>");
        skipNewlines();
        Node v = expr();
        String key = k instanceof Sym s ? s.name() : k instanceof Str s && !s.interpolated() ? s.value() : null;
        return new Pair(key, v);
    }

    private List<Node> parenArgs() {
        expect("(");
        skipNewlines();
        List<Node> args = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        int hashStart = -1;
        while (!peek().is(")")) {
            RbToken t = peek();
            if (t.kind() == Kind.LABEL || t.is("**") || isHashRocketAhead()) {
                if (hashStart < 0) hashStart = t.start();
                pairs.add(pair());
            } else {
                args.add(argument());
            }
            skipNewlines();
            if (!accept(",")) break;
            skipNewlines();
        }
        skipNewlines();
        expect(")");
        if (!pairs.isEmpty()) args.add(new Hash(hashStart, prevEnd(), pairs));
        return args;
    }

    private List<Node> list(String closer) {
        skipNewlines();
        List<Node> items = new ArrayList<>();
        List<Pair> pairs = new ArrayList<>();
        int hashStart = -1;
        while (!peek().is(closer)) {
            if (peek().kind() == Kind.LABEL || isHashRocketAhead()) {
                if (hashStart < 0) hashStart = peek().start();
                pairs.add(pair());
            } else {
                items.add(argument());
            }
            skipNewlines();
            if (!accept(",")) break;
            skipNewlines();
        }
        skipNewlines();
        expect(closer);
        if (!pairs.isEmpty()) items.add(new Hash(hashStart, prevEnd(), pairs));
        return items;
    }

    /** Attaches a {@code do ... end} block, or a {@code { ... }} block when {@code brace} is allowed. */
    private Node withBlock(Call c, boolean brace) {
        RbToken t = peek();
        if (t.is("do")) {
            next();
            Block b = blockBody(t.start(), "end");
            return new Call(c.start(), b.end(), c.receiver(), c.name(), c.args(), b);
        }
        if (brace && t.is("{")) {
            next();
            Block b = blockBody(t.start(), "}");
            return new Call(c.start(), b.end(), c.receiver(), c.name(), c.args(), b);
        }
        return c;
    }

    private Block blockBody(int start, String closer) {
        List<String> params = new ArrayList<>();
        skipNewlinesNoSemicolon();
        if (peek().is("||")) {
            next();
        } else if (peek().is("|")) {
            next();
            while (!peek().is("|") && peek().kind() != Kind.EOF) {
                RbToken p = next();
                if (p.kind() == Kind.IDENT) {
                    params.add(p.text());
                    locals.add(p.text());
                } else if (p.kind() == Kind.LABEL) {
                    params.add(p.value());
                    locals.add(p.value());
                }
            }
            expect("|");
        }
        List<Node> body = statements(closer.equals("}"));
        expect(closer);
        return new Block(start, prevEnd(), params, body);
    }

    private void skipNewlinesNoSemicolon() {
        while (peek().kind() == Kind.NEWLINE) next();
    }

    private Node primary() {
        RbToken t = peek();
        switch (t.kind()) {
            case NUMBER -> {
                next();
                return new Lit(t.start(), t.end(), t.text().replace("_", ""));
            }
            case STRING, HEREDOC -> {
                next();
                Node s = new Str(t.start(), t.end(), t.value(), t.interpolated(), t.contentStart(), t.indent(), t.kind() == Kind.HEREDOC);
                while (peek().kind() == Kind.STRING && peek().spaceBefore()) {
                    RbToken more = next();
                    Str a = (Str) s;
                    s = new Str(a.start(), more.end(), a.value() + more.value(), a.interpolated() || more.interpolated(), -1, 0, false);
                }
                return s;
            }
            case SYMBOL -> {
                next();
                return new Sym(t.start(), t.end(), t.value());
            }
            case WORDS, SYMBOLS -> {
                next();
                List<Node> items = new ArrayList<>();
                for (String w : t.words()) items.add(t.kind() == Kind.WORDS ? new Str(t.start(), t.end(), w, false, -1, 0, false) : new Sym(t.start(), t.end(), w));
                return new Arr(t.start(), t.end(), items);
            }
            case REGEX -> {
                next();
                return new Opaque(t.start(), t.end(), "regular expression");
            }
            case IVAR -> {
                next();
                return new Call(t.start(), t.end(), null, t.text(), List.of(), null);
            }
            case CONST -> {
                next();
                if (peek().is("(") && !peek().spaceBefore()) return callRest(null, t);
                if (commandArgAhead() && (peek().kind() == Kind.STRING || peek().kind() == Kind.SYMBOL)) return callRest(null, t);
                return new Const(t.start(), t.end(), t.text());
            }
            case LABEL -> throw new SyntaxError("unexpected label " + t.text());
            case ERROR -> throw new SyntaxError(t.value());
            case EOF -> throw new SyntaxError("unexpected end");
            case NEWLINE -> throw new SyntaxError("unexpected line break");
            default -> { }
        }
        if (t.kind() == Kind.PUNCT) {
            switch (t.text()) {
                case "[" -> {
                    next();
                    List<Node> items = list("]");
                    return new Arr(t.start(), prevEnd(), items);
                }
                case "{" -> {
                    next();
                    List<Node> items = list("}");
                    List<Pair> pairs = new ArrayList<>();
                    for (Node n : items) {
                        if (n instanceof Hash h) pairs.addAll(h.pairs());
                        else throw new SyntaxError("expected key: value in a hash");
                    }
                    return new Hash(t.start(), prevEnd(), pairs);
                }
                case "(" -> {
                    next();
                    skipNewlines();
                    if (accept(")")) return new Lit(t.start(), prevEnd(), null);
                    Node inner = statement();
                    skipNewlines();
                    while (!peek().is(")") && peek().kind() != Kind.EOF) {
                        inner = statement();
                        skipNewlines();
                    }
                    expect(")");
                    return inner;
                }
                case "->" -> {
                    next();
                    if (peek().is("(")) {
                        next();
                        while (!peek().is(")") && peek().kind() != Kind.EOF) {
                            if (peek().kind() == Kind.IDENT) locals.add(peek().text());
                            next();
                        }
                        expect(")");
                    }
                    RbToken open = next();
                    if (!open.is("{") && !open.is("do")) throw new SyntaxError("expected a lambda body");
                    return blockBody(open.start(), open.is("{") ? "}" : "end");
                }
                case "::" -> {
                    next();
                    RbToken c = next();
                    return new Const(t.start(), c.end(), c.text());
                }
                default -> throw new SyntaxError("unexpected " + describe(t));
            }
        }
        return keywordOrCall(t);
    }

    private Node keywordOrCall(RbToken t) {
        switch (t.text()) {
            case "true", "false" -> {
                next();
                return new Lit(t.start(), t.end(), Boolean.valueOf(t.text()));
            }
            case "nil" -> {
                next();
                return new Lit(t.start(), t.end(), null);
            }
            case "if", "unless" -> {
                next();
                return ifRest(t);
            }
            case "while", "until" -> {
                next();
                exprStatement();
                accept("do");
                List<Node> body = statements(false);
                expect("end");
                return new Loop(t.start(), prevEnd(), t.text(), body);
            }
            case "for" -> {
                next();
                while (!peek().is("in") && peek().kind() != Kind.EOF) next();
                expect("in");
                exprStatement();
                accept("do");
                List<Node> body = statements(false);
                expect("end");
                return new Loop(t.start(), prevEnd(), "for", body);
            }
            case "begin" -> {
                next();
                List<Node> body = statements(false);
                List<Node> rescue = new ArrayList<>();
                List<Node> ensure = new ArrayList<>();
                while (peek().is("rescue") || peek().is("else") || peek().is("ensure")) {
                    RbToken k = next();
                    if (k.is("rescue")) {
                        while (peek().kind() != Kind.NEWLINE && !peek().is(";") && !peek().is("then") && peek().kind() != Kind.EOF) next();
                        accept("then");
                        rescue.addAll(statements(false));
                    } else if (k.is("ensure")) {
                        ensure.addAll(statements(false));
                    } else {
                        body.addAll(statements(false));
                    }
                }
                expect("end");
                return new Begin(t.start(), prevEnd(), body, rescue, ensure);
            }
            case "def", "class", "module", "case" -> {
                skipToEnd();
                return new Opaque(t.start(), prevEnd(), t.text());
            }
            case "return", "break", "next", "redo", "retry" -> {
                next();
                if (peek().kind() != Kind.NEWLINE && !peek().is(";") && !isStop(peek(), true) && !peek().is("if") && !peek().is("unless")) {
                    exprStatement();
                }
                return new Opaque(t.start(), prevEnd(), t.text());
            }
            case "self" -> {
                next();
                return new Call(t.start(), t.end(), null, "self", List.of(), null);
            }
            case "do", "end", "then", "else", "elsif", "when", "rescue", "ensure", "and", "or", "in" ->
                    throw new SyntaxError("unexpected '" + t.text() + "'");
            default -> {
                next();
                return callRest(null, t);
            }
        }
    }

    /** The rest of an if / unless / elsif after its keyword, through the shared {@code end}. */
    private Node ifRest(RbToken kw) {
        Node test = exprStatement();
        accept("then");
        List<Node> then = statements(false);
        List<Node> otherwise = new ArrayList<>();
        if (peek().is("elsif")) {
            otherwise.add(ifRest(next()));
            return new If(kw.start(), prevEnd(), test, kw.is("unless"), then, otherwise);
        }
        if (accept("else")) otherwise.addAll(statements(false));
        expect("end");
        return new If(kw.start(), prevEnd(), test, kw.is("unless"), then, otherwise);
    }

    /** Skips from a block keyword to its matching {@code end} (consumed). */
    private void skipToEnd() {
        int depth = 0;
        RbToken prev = null;
        while (peek().kind() != Kind.EOF) {
            RbToken t = next();
            if (t.kind() == Kind.IDENT) {
                boolean stmtStart = prev == null || prev.kind() == Kind.NEWLINE || prev.is(";") || prev.is("=") || prev.is("(");
                switch (t.text()) {
                    case "def", "class", "module", "case", "begin", "do", "for" -> depth++;
                    case "if", "unless", "while", "until" -> {
                        if (stmtStart) depth++;
                    }
                    case "end" -> {
                        if (--depth == 0) return;
                    }
                    default -> { }
                }
            }
            prev = t;
        }
        throw new SyntaxError("no 'end' for this block");
    }
}

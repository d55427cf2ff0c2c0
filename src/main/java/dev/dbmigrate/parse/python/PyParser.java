package dev.dbmigrate.parse.python;

import dev.dbmigrate.parse.python.PyNode.Span;
import dev.dbmigrate.parse.python.PyToken.Kind;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A recursive-descent reader for the Python that migration files are written in: module-level
 * assignments (annotated too), imports, {@code def}/{@code class} with bodies, {@code with},
 * {@code if}/{@code elif}/{@code else}, {@code for}, calls with positional, keyword and starred
 * arguments, attribute chains, subscripts, every literal and display, operators with Python's
 * precedence. Other compound statements (while, try, async forms) are read structurally
 * ({@link PyStmt.Block}); lambdas, comprehensions and conditional expressions are kept as
 * {@link PyNode.Opaque}. Never throws: a statement it cannot read becomes {@link PyStmt.Unreadable}
 * with the reason, and reading resumes at the next logical line.
 */
public final class PyParser {

    private static final Set<String> COMPARISON = Set.of("<", ">", "==", ">=", "<=", "!=");
    private static final Set<String> AUG_ASSIGN = Set.of("+=", "-=", "*=", "/=", "//=", "%=", "**=", ">>=", "<<=", "&=", "|=", "^=", "@=");
    private static final Set<String> SIMPLE_KEYWORDS = Set.of("pass", "break", "continue", "global", "nonlocal", "del", "assert");

    private final List<PyToken> toks;
    private int i;
    private PyToken lastTok;

    private PyParser(List<PyToken> toks) {
        this.toks = toks;
    }

    /** Reads {@code source}, whose first line is line {@code firstLine} of its file. */
    public static PyModule parse(String source, int firstLine) {
        PyTokenizer.Result r = PyTokenizer.tokenize(source, firstLine);
        PyParser p = new PyParser(r.tokens());
        List<PyStmt> body = p.block(true);
        return new PyModule(source, firstLine, body, r.comments());
    }

    // ---- statements -----------------------------------------------------------------------

    private List<PyStmt> block(boolean top) {
        List<PyStmt> out = new ArrayList<>();
        while (true) {
            PyToken t = peek();
            if (t.kind() == Kind.ENDMARKER) break;
            if (t.kind() == Kind.DEDENT) {
                if (!top) break;
                next();
                continue;
            }
            if (t.kind() == Kind.NEWLINE) {
                next();
                continue;
            }
            if (t.kind() == Kind.INDENT) {
                PyToken first = next();
                skipBlockRest();
                out.add(new PyStmt.Unreadable("unexpected indent", span(first)));
                continue;
            }
            out.addAll(statement());
        }
        return out;
    }

    /** After an INDENT was consumed: skips to its matching DEDENT (consumed). */
    private void skipBlockRest() {
        int level = 1;
        while (level > 0 && peek().kind() != Kind.ENDMARKER) {
            PyToken t = next();
            if (t.kind() == Kind.INDENT) level++;
            else if (t.kind() == Kind.DEDENT) level--;
        }
    }

    private List<PyStmt> statement() {
        PyToken t = peek();
        int save = i;
        try {
            if (t.kind() == Kind.NAME) {
                switch (t.text()) {
                    case "def": return List.of(def(List.of(), t));
                    case "class": return List.of(classDef(t));
                    case "if": return List.of(ifStmt());
                    case "with": return List.of(with(t));
                    case "for": return List.of(forStmt(t));
                    case "while": return List.of(whileStmt(t));
                    case "try": return List.of(tryStmt(t));
                    case "async": return List.of(async(t));
                    default: break;
                }
            } else if (t.isOp("@")) {
                return List.of(decorated());
            }
            return simpleLine();
        } catch (ParseError e) {
            return List.of(recover(save, e.getMessage()));
        }
    }

    /** Skips the rest of the logical line (and an indented block after it) and reports it. */
    private PyStmt recover(int from, String why) {
        PyToken first = toks.get(from);
        PyToken last = first;
        i = from;
        while (peek().kind() != Kind.NEWLINE && peek().kind() != Kind.ENDMARKER) last = next();
        if (peek().kind() == Kind.NEWLINE) next();
        if (peek().kind() == Kind.INDENT) {
            next();
            int level = 1;
            while (level > 0 && peek().kind() != Kind.ENDMARKER) {
                PyToken t = next();
                if (t.kind() == Kind.INDENT) level++;
                else if (t.kind() == Kind.DEDENT) level--;
                else last = t;
            }
        }
        lastTok = last;
        return new PyStmt.Unreadable(why, spanFrom(first));
    }

    private List<PyStmt> simpleLine() {
        List<PyStmt> out = new ArrayList<>();
        while (true) {
            out.add(simple());
            if (peek().isOp(";")) {
                next();
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.ENDMARKER) break;
                continue;
            }
            break;
        }
        PyToken end = peek();
        if (end.kind() == Kind.NEWLINE) next();
        else if (end.kind() != Kind.ENDMARKER) throw error(end);
        return out;
    }

    private PyStmt simple() {
        PyToken first = peek();
        if (first.kind() == Kind.NAME) {
            String w = first.text();
            if (SIMPLE_KEYWORDS.contains(w)) {
                next();
                while (!atLineEnd()) next();
                return new PyStmt.Pass(w, spanFrom(first));
            }
            if (w.equals("return")) {
                next();
                PyNode v = atLineEnd() ? null : exprList();
                return new PyStmt.Return(v, spanFrom(first));
            }
            if (w.equals("raise")) {
                next();
                PyNode v = atLineEnd() ? null : expr();
                if (peek().isName("from")) {
                    next();
                    expr();
                }
                return new PyStmt.Raise(v, spanFrom(first));
            }
            if (w.equals("import")) return importStmt(first);
            if (w.equals("from")) return fromImport(first);
        }
        PyNode target = exprList();
        if (peek().isOp("=")) {
            List<PyNode> targets = new ArrayList<>();
            targets.add(target);
            PyNode value = null;
            while (peek().isOp("=")) {
                next();
                value = exprList();
                if (peek().isOp("=")) targets.add(value);
            }
            return new PyStmt.Assign(targets, null, value, null, spanFrom(first));
        }
        if (peek().isOp(":")) {
            next();
            PyNode ann = expr();
            PyNode value = null;
            if (peek().isOp("=")) {
                next();
                value = exprList();
            }
            return new PyStmt.Assign(List.of(target), ann, value, null, spanFrom(first));
        }
        if (peek().kind() == Kind.OP && AUG_ASSIGN.contains(peek().text())) {
            String op = next().text();
            PyNode value = exprList();
            return new PyStmt.Assign(List.of(target), null, value, op, spanFrom(first));
        }
        return new PyStmt.ExprStmt(target, spanFrom(first));
    }

    private PyStmt importStmt(PyToken first) {
        next();
        List<String> names = new ArrayList<>();
        do {
            if (peek().isOp(",")) next();
            StringBuilder sb = new StringBuilder(dottedName());
            if (peek().isName("as")) {
                next();
                sb.append(" as ").append(expectName());
            }
            names.add(sb.toString());
        } while (peek().isOp(","));
        return new PyStmt.Import(null, names, spanFrom(first));
    }

    private PyStmt fromImport(PyToken first) {
        next();
        StringBuilder module = new StringBuilder();
        while (peek().isOp(".") || peek().isOp("...")) module.append(next().text());
        if (!peek().isName("import")) module.append(dottedName());
        if (!peek().isName("import")) throw error(peek());
        next();
        boolean paren = peek().isOp("(");
        if (paren) next();
        List<String> names = new ArrayList<>();
        if (peek().isOp("*")) {
            next();
            names.add("*");
        } else {
            while (peek().kind() == Kind.NAME) {
                String n = next().text();
                if (peek().isName("as")) {
                    next();
                    n = n + " as " + expectName();
                }
                names.add(n);
                if (!peek().isOp(",")) break;
                next();
            }
        }
        if (paren) expectOp(")");
        return new PyStmt.Import(module.toString(), names, spanFrom(first));
    }

    private String dottedName() {
        StringBuilder sb = new StringBuilder(expectName());
        while (peek().isOp(".")) {
            next();
            sb.append('.').append(expectName());
        }
        return sb.toString();
    }

    private PyStmt decorated() {
        PyToken first = peek();
        List<PyNode> decorators = new ArrayList<>();
        while (peek().isOp("@")) {
            next();
            decorators.add(expr());
            expect(Kind.NEWLINE);
        }
        PyToken kw = peek();
        if (kw.isName("def")) return def(decorators, first);
        if (kw.isName("async")) {
            next();
            if (peek().isName("def")) return def(decorators, first);
        }
        if (kw.isName("class")) return classDef(first);
        throw error(kw);
    }

    private PyStmt def(List<PyNode> decorators, PyToken first) {
        expectName("def");
        String name = expectName();
        expectOp("(");
        List<PyStmt.Param> params = new ArrayList<>();
        while (!peek().isOp(")")) {
            String star = "";
            if (peek().isOp("*") || peek().isOp("**")) star = next().text();
            if (peek().isOp("/") || (star.equals("*") && peek().isOp(","))) {
                if (peek().isOp("/")) next();
            } else {
                String pname = expectName();
                if (peek().isOp(":")) {
                    next();
                    expr();
                }
                PyNode dflt = null;
                if (peek().isOp("=")) {
                    next();
                    dflt = expr();
                }
                params.add(new PyStmt.Param(pname, star, dflt));
            }
            if (peek().isOp(",")) next();
            else if (!peek().isOp(")")) throw error(peek());
        }
        expectOp(")");
        if (peek().isOp("->")) {
            next();
            expr();
        }
        List<PyStmt> body = suite();
        return new PyStmt.Def(name, List.copyOf(params), decorators, body, spanFrom(first));
    }

    private PyStmt classDef(PyToken first) {
        expectName("class");
        String name = expectName();
        List<PyNode> bases = new ArrayList<>();
        if (peek().isOp("(")) {
            PyToken open = next();
            PyNode.Call call = arguments(new PyNode.Name(name, span(first)), open);
            bases.addAll(call.args());
        }
        List<PyStmt> body = suite();
        return new PyStmt.ClassDef(name, bases, body, spanFrom(first));
    }

    private PyStmt ifStmt() {
        PyToken first = peek();
        List<PyStmt.Branch> branches = new ArrayList<>();
        next();
        PyNode test = expr();
        List<PyStmt> body = suite();
        branches.add(new PyStmt.Branch(test, body, spanFrom(first)));
        while (peek().isName("elif")) {
            PyToken b = next();
            PyNode t = expr();
            branches.add(new PyStmt.Branch(t, suite(), spanFrom(b)));
        }
        if (peek().isName("else")) {
            PyToken b = next();
            branches.add(new PyStmt.Branch(null, suite(), spanFrom(b)));
        }
        return new PyStmt.If(branches, spanFrom(first));
    }

    private PyStmt with(PyToken first) {
        expectName("with");
        List<PyStmt.WithItem> items = null;
        if (peek().isOp("(")) {
            int save = i;
            try {
                next();
                items = withItems(")");
                expectOp(")");
                if (!peek().isOp(":")) throw error(peek());
            } catch (ParseError e) {
                i = save;
                items = null;
            }
        }
        if (items == null) items = withItems(":");
        return new PyStmt.With(items, suite(), spanFrom(first));
    }

    private List<PyStmt.WithItem> withItems(String end) {
        List<PyStmt.WithItem> items = new ArrayList<>();
        while (true) {
            PyNode ctx = expr();
            PyNode target = null;
            if (peek().isName("as")) {
                next();
                target = bitOr();
            }
            items.add(new PyStmt.WithItem(ctx, target));
            if (!peek().isOp(",")) break;
            next();
            if (peek().isOp(end)) break;
        }
        return items;
    }

    private PyStmt forStmt(PyToken first) {
        expectName("for");
        PyNode target = targetList();
        expectName("in");
        PyNode iter = exprList();
        List<PyStmt> body = suite();
        List<PyStmt> orElse = List.of();
        if (peek().isName("else")) {
            next();
            orElse = suite();
        }
        return new PyStmt.For(target, iter, body, orElse, spanFrom(first));
    }

    private PyStmt whileStmt(PyToken first) {
        expectName("while");
        expr();
        List<List<PyStmt>> bodies = new ArrayList<>();
        bodies.add(suite());
        if (peek().isName("else")) {
            next();
            bodies.add(suite());
        }
        return new PyStmt.Block("while", bodies, spanFrom(first));
    }

    private PyStmt tryStmt(PyToken first) {
        expectName("try");
        List<List<PyStmt>> bodies = new ArrayList<>();
        bodies.add(suite());
        while (peek().isName("except")) {
            next();
            if (peek().isOp("*")) next();
            if (!peek().isOp(":")) {
                expr();
                if (peek().isName("as")) {
                    next();
                    expectName();
                }
            }
            bodies.add(suite());
        }
        if (peek().isName("else")) {
            next();
            bodies.add(suite());
        }
        if (peek().isName("finally")) {
            next();
            bodies.add(suite());
        }
        return new PyStmt.Block("try", bodies, spanFrom(first));
    }

    private PyStmt async(PyToken first) {
        next();
        PyToken kw = peek();
        if (kw.isName("def")) return def(List.of(), first);
        if (kw.isName("with")) {
            PyStmt.With w = (PyStmt.With) with(kw);
            return new PyStmt.Block("async with", List.of(w.body()), spanFrom(first));
        }
        if (kw.isName("for")) {
            PyStmt.For f = (PyStmt.For) forStmt(kw);
            return new PyStmt.Block("async for", List.of(f.body(), f.orElse()), spanFrom(first));
        }
        throw error(kw);
    }

    /** ':' then an indented block or simple statements on the same line. */
    private List<PyStmt> suite() {
        expectOp(":");
        if (peek().kind() == Kind.NEWLINE) {
            next();
            if (peek().kind() != Kind.INDENT) throw new ParseError("expected an indented block at line " + peek().line());
            next();
            List<PyStmt> body = block(false);
            if (peek().kind() == Kind.DEDENT) next();
            return body;
        }
        return simpleLine();
    }

    // ---- expressions ----------------------------------------------------------------------

    /** expr (',' expr)* [','] : a tuple when a comma is present. */
    private PyNode exprList() {
        PyToken first = peek();
        PyNode e = starOrExpr();
        if (!peek().isOp(",")) return e;
        List<PyNode> items = new ArrayList<>();
        items.add(e);
        while (peek().isOp(",")) {
            next();
            if (atExprEnd()) break;
            items.add(starOrExpr());
        }
        return new PyNode.Seq(PyNode.SeqKind.TUPLE, items, spanFrom(first));
    }

    /** Targets of for / with-as: comma-separated expressions that stop before 'in'. */
    private PyNode targetList() {
        PyToken first = peek();
        PyNode e = bitOr();
        if (!peek().isOp(",")) return e;
        List<PyNode> items = new ArrayList<>();
        items.add(e);
        while (peek().isOp(",")) {
            next();
            if (peek().isName("in") || peek().isOp(":") || peek().isOp(",")) break;
            items.add(bitOr());
        }
        return new PyNode.Seq(PyNode.SeqKind.TUPLE, items, spanFrom(first));
    }

    private boolean atExprEnd() {
        PyToken t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.ENDMARKER || t.isOp("=") || t.isOp(")") || t.isOp("]") || t.isOp("}")
                || t.isOp(":") || t.isOp(";") || (t.kind() == Kind.OP && AUG_ASSIGN.contains(t.text()));
    }

    private boolean atLineEnd() {
        PyToken t = peek();
        return t.kind() == Kind.NEWLINE || t.kind() == Kind.ENDMARKER || t.isOp(";");
    }

    private PyNode starOrExpr() {
        if (peek().isOp("*")) {
            PyToken first = next();
            PyNode v = bitOr();
            return new PyNode.Starred(v, spanFrom(first));
        }
        return expr();
    }

    private PyNode expr() {
        PyToken first = peek();
        if (first.isName("lambda")) {
            next();
            while (!peek().isOp(":")) {
                if (peek().kind() == Kind.NEWLINE || peek().kind() == Kind.ENDMARKER) throw error(peek());
                next();
            }
            next();
            expr();
            return new PyNode.Opaque("lambda", spanFrom(first));
        }
        if (first.isName("yield")) {
            next();
            if (peek().isName("from")) next();
            if (!atExprEnd() && !peek().isOp(",")) exprList();
            return new PyNode.Opaque("yield", spanFrom(first));
        }
        PyNode e = orTest();
        if (peek().isName("if")) {
            int save = i;
            next();
            PyNode cond = orTest();
            if (peek().isName("else")) {
                next();
                expr();
                return new PyNode.Opaque("conditional", spanFrom(first));
            }
            // "x if c" without else belongs to a comprehension: let the caller see 'if'.
            i = save;
            lastTok = toks.get(i - 1);
            return e;
        }
        if (peek().isOp(":=")) {
            next();
            expr();
            return new PyNode.Opaque("assignment expression", spanFrom(first));
        }
        return e;
    }

    private PyNode orTest() {
        PyToken first = peek();
        PyNode left = andTest();
        while (peek().isName("or")) {
            next();
            left = new PyNode.BinOp("or", left, andTest(), spanFrom(first));
        }
        return left;
    }

    private PyNode andTest() {
        PyToken first = peek();
        PyNode left = notTest();
        while (peek().isName("and")) {
            next();
            left = new PyNode.BinOp("and", left, notTest(), spanFrom(first));
        }
        return left;
    }

    private PyNode notTest() {
        PyToken first = peek();
        if (first.isName("not")) {
            next();
            return new PyNode.Unary("not", notTest(), spanFrom(first));
        }
        return comparison();
    }

    private PyNode comparison() {
        PyToken first = peek();
        PyNode left = bitOr();
        while (true) {
            PyToken t = peek();
            String op;
            if (t.kind() == Kind.OP && COMPARISON.contains(t.text())) {
                next();
                op = t.text();
            } else if (t.isName("in")) {
                next();
                op = "in";
            } else if (t.isName("not") && peekAt(1).isName("in")) {
                next();
                next();
                op = "not in";
            } else if (t.isName("is")) {
                next();
                op = "is";
                if (peek().isName("not")) {
                    next();
                    op = "is not";
                }
            } else {
                return left;
            }
            left = new PyNode.BinOp(op, left, bitOr(), spanFrom(first));
        }
    }

    private PyNode bitOr() {
        return binary(0);
    }

    private static final List<Set<String>> BINARY_LEVELS = List.of(
            Set.of("|"), Set.of("^"), Set.of("&"), Set.of("<<", ">>"), Set.of("+", "-"), Set.of("*", "/", "//", "%", "@"));

    private PyNode binary(int level) {
        if (level == BINARY_LEVELS.size()) return factor();
        PyToken first = peek();
        PyNode left = binary(level + 1);
        while (peek().kind() == Kind.OP && BINARY_LEVELS.get(level).contains(peek().text())) {
            String op = next().text();
            left = new PyNode.BinOp(op, left, binary(level + 1), spanFrom(first));
        }
        return left;
    }

    private PyNode factor() {
        PyToken first = peek();
        if (first.isOp("-") || first.isOp("+") || first.isOp("~")) {
            next();
            return new PyNode.Unary(first.text(), factor(), spanFrom(first));
        }
        return power();
    }

    private PyNode power() {
        PyToken first = peek();
        boolean await = first.isName("await") && peekAt(1).kind() != Kind.OP;
        if (await) next();
        PyNode base = primary();
        if (await) base = new PyNode.Opaque("await", spanFrom(first));
        if (peek().isOp("**")) {
            next();
            return new PyNode.BinOp("**", base, factor(), spanFrom(first));
        }
        return base;
    }

    private PyNode primary() {
        PyToken first = peek();
        PyNode e = atom();
        while (true) {
            PyToken t = peek();
            if (t.isOp(".")) {
                next();
                String name = expectName();
                e = new PyNode.Attr(e, name, spanFrom(first));
            } else if (t.isOp("(")) {
                next();
                e = arguments(e, first);
            } else if (t.isOp("[")) {
                next();
                PyNode index = subscript();
                expectOp("]");
                e = new PyNode.Subscript(e, index, spanFrom(first));
            } else {
                return e;
            }
        }
    }

    private PyNode subscript() {
        PyToken first = peek();
        int depth = 0;
        boolean slice = false;
        for (int k = i; k < toks.size(); k++) {
            PyToken t = toks.get(k);
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) depth++;
            else if (t.isOp(")") || t.isOp("}")) depth--;
            else if (t.isOp("]")) {
                if (depth == 0) break;
                depth--;
            } else if (t.isOp(":") && depth == 0) {
                slice = true;
                break;
            } else if (t.kind() == Kind.ENDMARKER) break;
        }
        if (slice) {
            skipUntilClose("]");
            return new PyNode.Opaque("slice", spanFrom(first));
        }
        return exprList();
    }

    /** Call arguments after '(' (consumed); {@code first} is the callee's first token. */
    private PyNode.Call arguments(PyNode func, PyToken first) {
        List<PyNode> args = new ArrayList<>();
        Map<String, PyNode> kwargs = new LinkedHashMap<>();
        List<PyNode> starArgs = new ArrayList<>();
        List<PyNode> starKwargs = new ArrayList<>();
        while (!peek().isOp(")")) {
            PyToken t = peek();
            if (t.isOp("*")) {
                next();
                starArgs.add(expr());
            } else if (t.isOp("**")) {
                next();
                starKwargs.add(expr());
            } else if (t.kind() == Kind.NAME && peekAt(1).isOp("=")) {
                next();
                next();
                kwargs.put(t.text(), expr());
            } else {
                PyToken argFirst = peek();
                PyNode a = expr();
                if (peek().isName("for") || peek().isName("async")) {
                    skipUntilClose(")");
                    args.add(new PyNode.Opaque("comprehension", spanFrom(argFirst)));
                    break;
                }
                args.add(a);
            }
            if (peek().isOp(",")) next();
            else if (!peek().isOp(")")) throw error(peek());
        }
        expectOp(")");
        return new PyNode.Call(func, List.copyOf(args), java.util.Collections.unmodifiableMap(kwargs), List.copyOf(starArgs), List.copyOf(starKwargs), spanFrom(first));
    }

    private PyNode atom() {
        PyToken t = peek();
        switch (t.kind()) {
            case NAME -> {
                next();
                if (t.text().equals("True") || t.text().equals("False") || t.text().equals("None")) return new PyNode.Const(t.text(), span(t));
                return new PyNode.Name(t.text(), span(t));
            }
            case NUMBER -> {
                next();
                return new PyNode.Num(t.text(), span(t));
            }
            case STRING -> {
                StringBuilder sb = new StringBuilder();
                boolean f = false;
                boolean b = false;
                while (peek().kind() == Kind.STRING) {
                    PyToken s = next();
                    sb.append(s.value());
                    f |= s.has(PyToken.HAS_FIELDS);
                    b |= s.has(PyToken.BYTES);
                }
                return new PyNode.Str(sb.toString(), f, b, spanFrom(t));
            }
            case OP -> {
                if (t.isOp("...")) {
                    next();
                    return new PyNode.Const("...", span(t));
                }
                if (t.isOp("(")) return parenthesized();
                if (t.isOp("[")) return listDisplay();
                if (t.isOp("{")) return braceDisplay();
                throw error(t);
            }
            case ERROR -> throw new ParseError(t.value() + " at line " + t.line());
            default -> throw error(t);
        }
    }

    private PyNode parenthesized() {
        PyToken first = next();
        if (peek().isOp(")")) {
            next();
            return new PyNode.Seq(PyNode.SeqKind.TUPLE, List.of(), spanFrom(first));
        }
        PyNode e = starOrExpr();
        if (peek().isName("for") || peek().isName("async")) {
            skipUntilClose(")");
            expectOp(")");
            return new PyNode.Opaque("comprehension", spanFrom(first));
        }
        if (peek().isOp(")")) {
            next();
            return e;
        }
        List<PyNode> items = new ArrayList<>();
        items.add(e);
        while (peek().isOp(",")) {
            next();
            if (peek().isOp(")")) break;
            items.add(starOrExpr());
        }
        expectOp(")");
        return new PyNode.Seq(PyNode.SeqKind.TUPLE, items, spanFrom(first));
    }

    private PyNode listDisplay() {
        PyToken first = next();
        List<PyNode> items = new ArrayList<>();
        while (!peek().isOp("]")) {
            PyNode e = starOrExpr();
            if (peek().isName("for") || peek().isName("async")) {
                skipUntilClose("]");
                expectOp("]");
                return new PyNode.Opaque("comprehension", spanFrom(first));
            }
            items.add(e);
            if (peek().isOp(",")) next();
            else if (!peek().isOp("]")) throw error(peek());
        }
        expectOp("]");
        return new PyNode.Seq(PyNode.SeqKind.LIST, items, spanFrom(first));
    }

    private PyNode braceDisplay() {
        PyToken first = next();
        List<PyNode> keys = new ArrayList<>();
        List<PyNode> values = new ArrayList<>();
        List<PyNode> setItems = new ArrayList<>();
        Boolean isDict = null;
        while (!peek().isOp("}")) {
            if (peek().isOp("**")) {
                next();
                keys.add(null);
                values.add(bitOr());
                isDict = true;
            } else {
                PyNode k = starOrExpr();
                if (peek().isOp(":") && !Boolean.FALSE.equals(isDict)) {
                    next();
                    PyNode v = expr();
                    if (peek().isName("for") || peek().isName("async")) {
                        skipUntilClose("}");
                        expectOp("}");
                        return new PyNode.Opaque("comprehension", spanFrom(first));
                    }
                    keys.add(k);
                    values.add(v);
                    isDict = true;
                } else {
                    if (peek().isName("for") || peek().isName("async")) {
                        skipUntilClose("}");
                        expectOp("}");
                        return new PyNode.Opaque("comprehension", spanFrom(first));
                    }
                    setItems.add(k);
                    isDict = false;
                }
            }
            if (peek().isOp(",")) next();
            else if (!peek().isOp("}")) throw error(peek());
        }
        expectOp("}");
        if (Boolean.FALSE.equals(isDict)) return new PyNode.Seq(PyNode.SeqKind.SET, setItems, spanFrom(first));
        return new PyNode.Dict(keys, values, spanFrom(first));
    }

    /** Skips tokens up to (not including) the closing bracket {@code close} at the current depth. */
    private void skipUntilClose(String close) {
        int depth = 0;
        while (true) {
            PyToken t = peek();
            if (t.kind() == Kind.ENDMARKER) throw error(t);
            if (depth == 0 && t.isOp(close)) return;
            if (t.isOp("(") || t.isOp("[") || t.isOp("{")) depth++;
            else if (t.isOp(")") || t.isOp("]") || t.isOp("}")) depth--;
            next();
        }
    }

    // ---- token helpers --------------------------------------------------------------------

    private PyToken peek() {
        return toks.get(Math.min(i, toks.size() - 1));
    }

    private PyToken peekAt(int k) {
        return toks.get(Math.min(i + k, toks.size() - 1));
    }

    private PyToken next() {
        PyToken t = peek();
        if (i < toks.size() - 1) i++;
        if (t.kind() != Kind.NEWLINE && t.kind() != Kind.INDENT && t.kind() != Kind.DEDENT) lastTok = t;
        return t;
    }

    private PyToken expect(Kind kind) {
        if (peek().kind() != kind) throw error(peek());
        return next();
    }

    private PyToken expectOp(String op) {
        if (!peek().isOp(op)) throw error(peek());
        return next();
    }

    private String expectName() {
        return expect(Kind.NAME).text();
    }

    private void expectName(String word) {
        if (!peek().isName(word)) throw error(peek());
        next();
    }

    private static Span span(PyToken t) {
        return new Span(t.line(), t.col(), t.endLine(), t.endCol(), t.start(), t.end());
    }

    private Span spanFrom(PyToken first) {
        PyToken last = lastTok == null || lastTok.end() < first.start() ? first : lastTok;
        return new Span(first.line(), first.col(), last.endLine(), last.endCol(), first.start(), last.end());
    }

    private ParseError error(PyToken t) {
        if (t.kind() == Kind.ERROR) return new ParseError(t.value() + " at line " + t.line());
        String what = switch (t.kind()) {
            case NEWLINE -> "end of line";
            case ENDMARKER -> "end of file";
            case INDENT -> "indent";
            case DEDENT -> "dedent";
            default -> "'" + t.text() + "'";
        };
        return new ParseError("unexpected " + what + " at line " + t.line() + ", column " + t.col());
    }

    private static final class ParseError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ParseError(String message) {
            super(message, null, false, false);
        }
    }
}

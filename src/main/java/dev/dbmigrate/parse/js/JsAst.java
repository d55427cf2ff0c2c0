package dev.dbmigrate.parse.js;

import java.util.List;

/**
 * The small JavaScript syntax tree {@link JsSyntax} builds: expressions and statements as
 * migrations use them, each with its offsets in the script text. Everything else is kept as
 * {@link Opaque} / {@link OtherStmt} with its extent so that it can be reported, never dropped.
 */
public final class JsAst {

    private JsAst() {}

    /** An expression. */
    public sealed interface Node {
        int start();

        int end();
    }

    /** A string, number ({@link Double} or, for BigInt and odd forms, the source text), boolean or null literal. */
    public record Lit(int start, int end, Object value) implements Node {}

    /** A template literal; {@code contentStart} is the offset just after the backtick. */
    public record Tpl(int start, int end, List<String> quasis, List<Node> exprs, int contentStart) implements Node {}

    public record Id(int start, int end, String name) implements Node {}

    /** {@code object.name} or {@code object?.name}. */
    public record Member(int start, int end, Node object, String name) implements Node {}

    /** {@code object[key]}. */
    public record Index(int start, int end, Node object, Node key) implements Node {}

    public record Call(int start, int end, Node callee, List<Node> args) implements Node {}

    public record New(int start, int end, Node callee, List<Node> args) implements Node {}

    public record Arr(int start, int end, List<Node> items) implements Node {}

    /** An object literal. */
    public record Obj(int start, int end, List<Prop> props) implements Node {
        /** The value of the first property named {@code key}, or null. */
        public Node get(String key) {
            for (Prop p : props) {
                if (key.equals(p.key())) return p.value();
            }
            return null;
        }
    }

    /**
     * A property: {@code key} is the static name (identifier, string or number key), null for a
     * computed key or a spread ({@code ...x}, value = x).
     */
    public record Prop(String key, Node value, boolean spread) {}

    /** A function or arrow function: either {@code body} (a block) or {@code expr} (arrow expression body). */
    public record Fn(int start, int end, List<String> params, List<Stmt> body, Node expr, boolean arrow) implements Node {}

    /** Prefix operators ({@code ! - + ~ typeof void delete await ...spread}). */
    public record Unary(int start, int end, String op, Node arg) implements Node {}

    /** Binary, logical and assignment operators. */
    public record Binary(int start, int end, String op, Node left, Node right) implements Node {}

    public record Cond(int start, int end, Node test, Node then, Node otherwise) implements Node {}

    /** Something read over but not modelled (class expression, regex, tagged template...). */
    public record Opaque(int start, int end, String what) implements Node {}

    /** A statement. */
    public sealed interface Stmt {
        int start();

        int end();
    }

    public record ExprStmt(int start, int end, Node expr) implements Stmt {}

    /** {@code return expr} ({@code expr} may be null). */
    public record Return(int start, int end, Node expr) implements Stmt {}

    /** {@code const|let|var} declarations. */
    public record VarDecl(int start, int end, List<Declarator> decls) implements Stmt {}

    /** One declarator: {@code name} for a plain binding, null for a pattern (its names in {@code names}). */
    public record Declarator(String name, List<String> names, Node init) {}

    public record If(int start, int end, Node test, Stmt then, Stmt otherwise) implements Stmt {}

    public record Block(int start, int end, List<Stmt> body) implements Stmt {}

    /** for / for-in / for-of / while / do-while. */
    public record Loop(int start, int end, String kind, Stmt body) implements Stmt {}

    public record Try(int start, int end, Block body, Block handler, Block finalizer) implements Stmt {}

    public record Throw(int start, int end, Node expr) implements Stmt {}

    /** A nested {@code function name() {}} declaration. */
    public record FunctionDecl(int start, int end, String name, Fn fn) implements Stmt {}

    /** switch, class, labelled, import/export, debugger, break/continue...: kept with a word saying what. */
    public record OtherStmt(int start, int end, String what) implements Stmt {}

    /** Source the reader could not parse; {@code message} says why. */
    public record Bad(int start, int end, String message) implements Stmt {}
}

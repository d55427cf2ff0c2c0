package dev.dbmigrate.parse.ruby;

import java.util.List;

/**
 * The small Ruby syntax tree {@link RbSyntax} builds. Every node keeps its offsets in the script
 * text; what is not modelled is an {@link Opaque} with its extent, so it can be reported.
 */
public final class RbAst {

    private RbAst() {}

    public sealed interface Node {
        int start();

        int end();
    }

    /** Numbers (as written), true, false, nil (value null). */
    public record Lit(int start, int end, Object value) implements Node {}

    /**
     * A string or heredoc: {@code value} with interpolations kept as {@code #{...}};
     * {@code contentStart} / {@code indent} say where its text sits in the source.
     */
    public record Str(int start, int end, String value, boolean interpolated, int contentStart, int indent, boolean heredoc) implements Node {}

    public record Sym(int start, int end, String name) implements Node {}

    public record Arr(int start, int end, List<Node> items) implements Node {}

    /** A hash literal or the trailing {@code key: value} arguments of a call. */
    public record Hash(int start, int end, List<Pair> pairs) implements Node {
        public Node get(String key) {
            for (Pair p : pairs) {
                if (key.equals(p.key())) return p.value();
            }
            return null;
        }
    }

    /** {@code key} is the symbol / string key's name, null for other keys. */
    public record Pair(String key, Node value) {}

    /** A constant path ({@code ActiveRecord::IrreversibleMigration}). */
    public record Const(int start, int end, String path) implements Node {}

    /** A local variable, instance variable or method call; {@code receiver} null for a bare call. */
    public record Call(int start, int end, Node receiver, String name, List<Node> args, Block block) implements Node {}

    /** A block ({@code do |t| ... end} or {@code { |t| ... }}) or lambda body. */
    public record Block(int start, int end, List<String> params, List<Node> body) implements Node {}

    public record Assign(int start, int end, String name, String op, Node value) implements Node {}

    /** if / unless (as statement or modifier; {@code negated} for unless), and ternaries. */
    public record If(int start, int end, Node test, boolean negated, List<Node> then, List<Node> otherwise) implements Node {}

    public record Binary(int start, int end, String op, Node left, Node right) implements Node {}

    public record Unary(int start, int end, String op, Node arg) implements Node {}

    /** while / until / for loops. */
    public record Loop(int start, int end, String kind, List<Node> body) implements Node {}

    /** begin ... rescue ... ensure ... end: the body, the rescue branches' bodies, the ensure body. */
    public record Begin(int start, int end, List<Node> body, List<Node> rescue, List<Node> ensure) implements Node {}

    /** return / raise-less keywords, def, class, case...: kept with a word saying what. */
    public record Opaque(int start, int end, String what) implements Node {}

    /** Source the reader could not parse. */
    public record Bad(int start, int end, String message) implements Node {}
}

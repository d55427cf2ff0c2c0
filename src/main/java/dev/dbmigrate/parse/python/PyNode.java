package dev.dbmigrate.parse.python;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Python expression as far as migrations need it. Every node knows its {@link Span}; constructs
 * the reader does not model (lambdas, comprehensions, conditional expressions, slices, await...)
 * are kept as {@link Opaque} with their source text, so nothing is silently lost.
 */
public sealed interface PyNode {

    Span span();

    /** Source position: 1-based lines and columns (end column just after the last character) and offsets. */
    record Span(int line, int col, int endLine, int endCol, int start, int end) {}

    /** A string literal (adjacent literals concatenated). {@code fString} when any part had replacement fields. */
    record Str(String value, boolean fString, boolean bytes, Span span) implements PyNode {}

    /** An int, float or imaginary literal as written. */
    record Num(String text, Span span) implements PyNode {
        public Optional<Long> asLong() {
            try {
                String t = text.replace("_", "");
                if (t.startsWith("0x") || t.startsWith("0X")) return Optional.of(Long.parseLong(t.substring(2), 16));
                if (t.startsWith("0o") || t.startsWith("0O")) return Optional.of(Long.parseLong(t.substring(2), 8));
                if (t.startsWith("0b") || t.startsWith("0B")) return Optional.of(Long.parseLong(t.substring(2), 2));
                return Optional.of(Long.parseLong(t));
            } catch (NumberFormatException e) {
                return Optional.empty();
            }
        }
    }

    /** {@code True}, {@code False}, {@code None} or {@code ...}. */
    record Const(String name, Span span) implements PyNode {}

    record Name(String id, Span span) implements PyNode {}

    /** {@code value.name}. */
    record Attr(PyNode value, String name, Span span) implements PyNode {}

    /**
     * A call. {@code kwargs} keeps keyword order; {@code starArgs} / {@code starKwargs} hold
     * {@code *x} / {@code **x} arguments, which make the argument list not fully known.
     */
    record Call(PyNode func, List<PyNode> args, Map<String, PyNode> kwargs, List<PyNode> starArgs, List<PyNode> starKwargs, Span span) implements PyNode {

        public Optional<PyNode> arg(int i) {
            return i < args.size() ? Optional.of(args.get(i)) : Optional.empty();
        }

        public Optional<PyNode> kw(String name) {
            return Optional.ofNullable(kwargs.get(name));
        }

        /** Positional argument {@code i}, else keyword {@code name}. */
        public Optional<PyNode> arg(int i, String name) {
            Optional<PyNode> kw = kw(name);
            return kw.isPresent() ? kw : arg(i);
        }

        /** The called name: the last identifier of the callee ("Column" for {@code sa.Column(...)}). */
        public String funcName() {
            return PyNodes.lastName(func);
        }

        public boolean hasStars() {
            return !starArgs.isEmpty() || !starKwargs.isEmpty();
        }
    }

    enum SeqKind { LIST, TUPLE, SET }

    record Seq(SeqKind kind, List<PyNode> items, Span span) implements PyNode {}

    /** A dict display; a {@code **x} entry has a null key. */
    record Dict(List<PyNode> keys, List<PyNode> values, Span span) implements PyNode {}

    /** Binary, boolean and comparison operators ({@code op} as written: "+", "and", "not in", "is not"...). */
    record BinOp(String op, PyNode left, PyNode right, Span span) implements PyNode {}

    /** {@code not}, {@code -}, {@code +}, {@code ~}. */
    record Unary(String op, PyNode operand, Span span) implements PyNode {}

    /** {@code value[index]} (slices are Opaque indexes). */
    record Subscript(PyNode value, PyNode index, Span span) implements PyNode {}

    /** {@code *x} inside a list/tuple display. */
    record Starred(PyNode value, Span span) implements PyNode {}

    /** A construct kept as source only: {@code kind} is "lambda", "comprehension", "conditional"... */
    record Opaque(String kind, Span span) implements PyNode {}
}

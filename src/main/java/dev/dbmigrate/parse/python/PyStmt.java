package dev.dbmigrate.parse.python;

import dev.dbmigrate.parse.python.PyNode.Span;
import java.util.List;

/** A Python statement as far as migrations need it; every statement knows its {@link Span}. */
public sealed interface PyStmt {

    Span span();

    /** {@code targets = value}, {@code target: annotation = value} (value null for a bare annotation), augmented {@code x += v} (op "+="). */
    record Assign(List<PyNode> targets, PyNode annotation, PyNode value, String op, Span span) implements PyStmt {}

    record ExprStmt(PyNode expr, Span span) implements PyStmt {}

    /** {@code pass}, {@code break}, {@code continue}. */
    record Pass(String keyword, Span span) implements PyStmt {}

    /** {@code return [value]}. */
    record Return(PyNode value, Span span) implements PyStmt {}

    /** {@code raise [exc]}. */
    record Raise(PyNode exc, Span span) implements PyStmt {}

    /** {@code import a.b as c} (from null) or {@code from m import x as y}; names are "name" or "name as alias". */
    record Import(String from, List<String> names, Span span) implements PyStmt {}

    /** A function definition. */
    record Def(String name, List<Param> params, List<PyNode> decorators, List<PyStmt> body, Span span) implements PyStmt {}

    /** A parameter: {@code star} is "", "*" or "**"; {@code defaultValue} null when none. */
    record Param(String name, String star, PyNode defaultValue) {}

    record ClassDef(String name, List<PyNode> bases, List<PyStmt> body, Span span) implements PyStmt {}

    /** One {@code ctx as name} item of a with statement (name null without {@code as}). */
    record WithItem(PyNode context, PyNode target) {}

    record With(List<WithItem> items, List<PyStmt> body, Span span) implements PyStmt {}

    /** One branch of an if: {@code test} null for else. */
    record Branch(PyNode test, List<PyStmt> body, Span span) {}

    record If(List<Branch> branches, Span span) implements PyStmt {}

    record For(PyNode target, PyNode iter, List<PyStmt> body, List<PyStmt> orElse, Span span) implements PyStmt {}

    /**
     * Other compound statements read structurally but not interpreted (while, try/except/finally,
     * match, async forms): {@code keyword} and the bodies of each clause in order.
     */
    record Block(String keyword, List<List<PyStmt>> bodies, Span span) implements PyStmt {}

    /** A statement the reader could not read (syntax it does not know, a tokenizer error): why. */
    record Unreadable(String reason, Span span) implements PyStmt {}
}

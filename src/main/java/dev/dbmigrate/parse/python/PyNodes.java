package dev.dbmigrate.parse.python;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Small helpers to read literal values out of {@link PyNode}s. */
public final class PyNodes {

    private PyNodes() {}

    /** The last identifier of a name or attribute chain ({@code sa.types.Integer} -> "Integer"); a call's callee for calls; else null. */
    public static String lastName(PyNode node) {
        if (node instanceof PyNode.Name n) return n.id();
        if (node instanceof PyNode.Attr a) return a.name();
        if (node instanceof PyNode.Call c) return lastName(c.func());
        return null;
    }

    /** "a.b.c" for a name/attribute chain, else null. */
    public static String dotted(PyNode node) {
        if (node instanceof PyNode.Name n) return n.id();
        if (node instanceof PyNode.Attr a) {
            String left = dotted(a.value());
            return left == null ? null : left + "." + a.name();
        }
        return null;
    }

    /** The value of a plain (non-f, non-bytes) string literal, or of an f-string without replacement fields. */
    public static Optional<String> str(PyNode node) {
        if (node instanceof PyNode.Str s && !s.bytes() && !s.fString()) return Optional.of(s.value());
        return Optional.empty();
    }

    public static Optional<Boolean> bool(PyNode node) {
        if (node instanceof PyNode.Const c) {
            if (c.name().equals("True")) return Optional.of(true);
            if (c.name().equals("False")) return Optional.of(false);
        }
        if (node instanceof PyNode.Num n) return n.asLong().map(v -> v != 0);
        return Optional.empty();
    }

    public static boolean isNone(PyNode node) {
        return node instanceof PyNode.Const c && c.name().equals("None");
    }

    public static Optional<Long> integer(PyNode node) {
        if (node instanceof PyNode.Num n) return n.asLong();
        if (node instanceof PyNode.Unary u && u.op().equals("-") && u.operand() instanceof PyNode.Num n) return n.asLong().map(v -> -v);
        return Optional.empty();
    }

    /** Items of a list/tuple/set display, or the node itself as a one-element list for anything else. */
    public static List<PyNode> items(PyNode node) {
        if (node instanceof PyNode.Seq s) return s.items();
        return List.of(node);
    }

    /** Strings of a list/tuple of string literals (a single string counts as one); empty when any item is not a literal. */
    public static Optional<List<String>> strings(PyNode node) {
        List<String> out = new ArrayList<>();
        for (PyNode item : items(node)) {
            Optional<String> s = str(item);
            if (s.isEmpty()) return Optional.empty();
            out.add(s.get());
        }
        return Optional.of(out);
    }

    /** The value of {@code key} in a dict display with string keys. */
    public static Optional<PyNode> dictGet(PyNode dict, String key) {
        if (!(dict instanceof PyNode.Dict d)) return Optional.empty();
        for (int i = d.keys().size() - 1; i >= 0; i--) {
            PyNode k = d.keys().get(i);
            if (k != null && str(k).filter(key::equals).isPresent()) return Optional.of(d.values().get(i));
        }
        return Optional.empty();
    }

    /** The value last assigned to plain name {@code name} among {@code body}'s statements. */
    public static Optional<PyNode> assigned(List<PyStmt> body, String name) {
        PyNode found = null;
        for (PyStmt st : body) {
            if (st instanceof PyStmt.Assign a && a.op() == null && a.value() != null) {
                for (PyNode t : a.targets()) {
                    if (t instanceof PyNode.Name n && n.id().equals(name)) found = a.value();
                }
            }
        }
        return Optional.ofNullable(found);
    }

    /** Whether a body does nothing: only pass, docstrings / bare constants, or {@code ...}. */
    public static boolean isEmptyBody(List<PyStmt> body) {
        for (PyStmt st : body) {
            if (st instanceof PyStmt.Pass p && p.keyword().equals("pass")) continue;
            if (st instanceof PyStmt.ExprStmt e && (e.expr() instanceof PyNode.Str || e.expr() instanceof PyNode.Const)) continue;
            return false;
        }
        return true;
    }

    /** The docstring of a body, if its first statement is a string literal. */
    public static Optional<String> docstring(List<PyStmt> body) {
        if (!body.isEmpty() && body.get(0) instanceof PyStmt.ExprStmt e) return str(e.expr());
        return Optional.empty();
    }
}

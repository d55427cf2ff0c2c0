package dev.dbmigrate.parse.python;

import java.util.List;
import java.util.function.Consumer;

/** Visits every expression node of statements, depth first, outer nodes before inner ones. */
public final class PyWalk {

    private PyWalk() {}

    public static void statements(List<PyStmt> body, Consumer<PyNode> visitor) {
        for (PyStmt st : body) statement(st, visitor);
    }

    public static void statement(PyStmt st, Consumer<PyNode> v) {
        if (st instanceof PyStmt.Assign a) {
            a.targets().forEach(t -> node(t, v));
            node(a.value(), v);
        } else if (st instanceof PyStmt.ExprStmt e) {
            node(e.expr(), v);
        } else if (st instanceof PyStmt.Return r) {
            node(r.value(), v);
        } else if (st instanceof PyStmt.Raise r) {
            node(r.exc(), v);
        } else if (st instanceof PyStmt.Def d) {
            d.decorators().forEach(x -> node(x, v));
            statements(d.body(), v);
        } else if (st instanceof PyStmt.ClassDef c) {
            c.bases().forEach(x -> node(x, v));
            statements(c.body(), v);
        } else if (st instanceof PyStmt.With w) {
            for (PyStmt.WithItem i : w.items()) {
                node(i.context(), v);
                node(i.target(), v);
            }
            statements(w.body(), v);
        } else if (st instanceof PyStmt.If i) {
            for (PyStmt.Branch b : i.branches()) {
                node(b.test(), v);
                statements(b.body(), v);
            }
        } else if (st instanceof PyStmt.For f) {
            node(f.target(), v);
            node(f.iter(), v);
            statements(f.body(), v);
            statements(f.orElse(), v);
        } else if (st instanceof PyStmt.Block b) {
            b.bodies().forEach(x -> statements(x, v));
        }
    }

    public static void node(PyNode n, Consumer<PyNode> v) {
        if (n == null) return;
        v.accept(n);
        if (n instanceof PyNode.Attr a) {
            node(a.value(), v);
        } else if (n instanceof PyNode.Call c) {
            node(c.func(), v);
            c.args().forEach(x -> node(x, v));
            c.kwargs().values().forEach(x -> node(x, v));
            c.starArgs().forEach(x -> node(x, v));
            c.starKwargs().forEach(x -> node(x, v));
        } else if (n instanceof PyNode.Seq s) {
            s.items().forEach(x -> node(x, v));
        } else if (n instanceof PyNode.Dict d) {
            d.keys().forEach(x -> node(x, v));
            d.values().forEach(x -> node(x, v));
        } else if (n instanceof PyNode.BinOp b) {
            node(b.left(), v);
            node(b.right(), v);
        } else if (n instanceof PyNode.Unary u) {
            node(u.operand(), v);
        } else if (n instanceof PyNode.Subscript s) {
            node(s.value(), v);
            node(s.index(), v);
        } else if (n instanceof PyNode.Starred s) {
            node(s.value(), v);
        }
    }
}

package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyStatements;
import dev.dbmigrate.parse.python.PyStmt;
import dev.dbmigrate.parse.python.PyWalk;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates the {@code operations} of one Django migration into statements, one per operation
 * (positioned at the operation's call), forwards or backwards (the reverse Django runs when the
 * migration is unapplied: operations in reverse order, each with its {@code database_backwards}).
 */
final class DjangoTranslator {

    private static final Set<String> NOT_DDL = Set.of("DataChange", "SessionSetting", "TransactionControl", "Unparsed");

    private final Script script;
    private final PyModule module;
    private final PyStatements out;
    private final DjangoOps ops;
    private final Dialect dialect;

    DjangoTranslator(Script script, Dialect dialect, PyModule module, String app, DjangoSettings settings) {
        this.script = script;
        this.module = module;
        this.dialect = dialect;
        this.out = new PyStatements(script, dialect, module);
        this.ops = new DjangoOps(app, settings, dialect, module);
    }

    ParsedScript translate(DjangoState before, boolean forwards) {
        Optional<PyStmt.ClassDef> cls = DjangoMigrationFile.migrationClass(module);
        if (cls.isEmpty()) {
            out.unparsed(new PyNode.Span(module.firstLine(), 1, module.firstLine(), 1, 0, 0), "no `class Migration(migrations.Migration)` in this file");
            return out.result(false);
        }
        boolean atomic = PyNodes.assigned(cls.get().body(), "atomic").flatMap(PyNodes::bool).orElse(true);
        Optional<PyNode> list = PyNodes.assigned(cls.get().body(), "operations");
        if (list.isEmpty() || !(list.get() instanceof PyNode.Seq)) {
            out.unparsed(list.map(PyNode::span).orElse(cls.get().span()), "the operations of this migration are not a literal list");
            return out.result(!atomic);
        }
        List<PyNode> items = PyNodes.items(list.get());
        if (forwards) run(items, before);
        else reverse(items, before);
        return out.result(!atomic);
    }

    /** The project state after the migration's operations (for the reader); unreadable operations leave it unchanged. */
    static DjangoState stateAfter(DjangoMigrationFile file, DjangoState before, DjangoSettings settings) {
        if (file.operations() == null) return before;
        DjangoOps o = new DjangoOps(file.app(), settings, settings.dialect(), file.module());
        DjangoState st = before;
        for (PyNode n : PyNodes.items(file.operations())) st = stateStep(o, n, st);
        return st;
    }

    private static DjangoState stateStep(DjangoOps o, PyNode n, DjangoState st) {
        if (!(n instanceof PyNode.Call c) || !DjangoOps.known(c.funcName())) return st;
        try {
            return o.forwards(DjangoOps.op(c), st);
        } catch (DjangoOps.NotReadable e) {
            return st;
        }
    }

    private DjangoState run(List<PyNode> items, DjangoState start) {
        DjangoState st = start;
        for (PyNode n : items) {
            DjangoOps.Op op = builtin(n, "what it does");
            if (op == null) continue;
            PyNode.Call c = op.call();
            try {
                switch (op.kind()) {
                    case "RunSQL" -> {
                        runSql(op, true);
                        st = ops.applyAll(op.arg("state_operations").orElse(null), st);
                    }
                    case "RunPython" -> runPython(op, true, st);
                    case "SeparateDatabaseAndState" -> {
                        run(op.arg("database_operations").map(PyNodes::items).orElse(List.of()), st);
                        st = ops.applyAll(op.arg("state_operations").orElse(null), st);
                    }
                    default -> {
                        DjangoState after = ops.forwards(op, st);
                        List<Operation> ddl = ops.ddl(op, st, after, true);
                        out.orm(c.span(), ddl, null);
                        st = after;
                    }
                }
            } catch (DjangoOps.NotReadable e) {
                out.unparsed(c.span(), e.getMessage());
            }
        }
        return st;
    }

    private void reverse(List<PyNode> items, DjangoState before) {
        List<DjangoState> states = new ArrayList<>();
        states.add(before);
        for (PyNode n : items) states.add(stateStep(ops, n, states.get(states.size() - 1)));
        for (int i = items.size() - 1; i >= 0; i--) {
            DjangoOps.Op op = builtin(items.get(i), "how it is reversed");
            if (op == null) continue;
            PyNode.Call c = op.call();
            try {
                switch (op.kind()) {
                    case "RunSQL" -> runSql(op, false);
                    case "RunPython" -> runPython(op, false, states.get(i));
                    case "SeparateDatabaseAndState" -> reverse(op.arg("database_operations").map(PyNodes::items).orElse(List.of()), states.get(i));
                    default -> out.orm(c.span(), ops.ddl(op, states.get(i + 1), states.get(i), false), null);
                }
            } catch (DjangoOps.NotReadable e) {
                out.unparsed(c.span(), e.getMessage());
            }
        }
    }

    /** The operation call {@code n} as a built-in operation, or null after reporting it as unreadable. */
    private DjangoOps.Op builtin(PyNode n, String cannotSee) {
        if (!(n instanceof PyNode.Call c)) {
            out.unparsed(n.span(), "an operation that is not a call: " + module.text(n));
            return null;
        }
        if (!DjangoOps.known(c.funcName())) {
            out.unparsed(c.span(), "operation " + callee(c) + " is not a Django built-in: db-migrate cannot see " + cannotSee);
            return null;
        }
        return DjangoOps.op(c);
    }

    private String callee(PyNode.Call c) {
        String d = PyNodes.dotted(c.func());
        return d != null ? d : module.text(c.func());
    }

    private static boolean isNoop(PyNode n) {
        String d = PyNodes.dotted(n);
        return d != null && d.endsWith(".noop");
    }

    /**
     * RunSQL: each SQL string (a string, a list of strings or of (sql, params) tuples) goes to the
     * SQL engine, positioned at the RunSQL call; {@code reversible} says whether reverse_sql was
     * given. Backwards without reverse_sql: Django refuses (IrreversibleError).
     */
    private void runSql(DjangoOps.Op op, boolean forwards) {
        PyNode.Call c = op.call();
        Optional<PyNode> reverseSql = op.arg("reverse_sql").filter(r -> !PyNodes.isNone(r));
        boolean reversible = reverseSql.isPresent();
        if (!forwards && !reversible) {
            out.orm(c.span(), List.of(new Operation.OpaqueCode("sql",
                    "RunSQL without reverse_sql: Django raises IrreversibleError when this migration is unapplied", false, List.of())), false);
            return;
        }
        PyNode sql = forwards ? op.arg("sql").orElse(null) : reverseSql.get();
        if (sql == null || isNoop(sql)) {
            out.orm(c.span(), List.of(), reversible);
            return;
        }
        List<String> statements = new ArrayList<>();
        for (PyNode item : sql instanceof PyNode.Seq ? PyNodes.items(sql) : List.of(sql)) {
            PyNode s = item instanceof PyNode.Seq pair && !pair.items().isEmpty() ? pair.items().get(0) : item;
            Optional<String> text = PyNodes.str(s);
            if (text.isEmpty()) {
                out.orm(c.span(), List.of(new Operation.OpaqueCode("sql", "RunSQL with SQL built at run time: " + module.text(item), false, List.of())),
                        reversible);
                return;
            }
            statements.add(text.get());
        }
        for (String s : statements) out.sql(s, c.span(), reversible);
    }

    /**
     * RunPython: opaque Python, with what can be seen inside the function: SQL run through
     * {@code schema_editor.execute} / {@code cursor.execute}, and {@code Model.objects...update()}
     * / {@code delete()} / {@code create()} on models from {@code apps.get_model()} as data changes.
     * {@code RunPython.noop} counts as a reverse.
     */
    private void runPython(DjangoOps.Op op, boolean forwards, DjangoState st) {
        PyNode.Call c = op.call();
        Optional<PyNode> code = op.arg("code");
        Optional<PyNode> rev = op.arg("reverse_code").filter(r -> !PyNodes.isNone(r));
        boolean reversible = rev.isPresent();
        String codeName = code.map(module::text).orElse("?");
        if (!forwards && !reversible) {
            out.orm(c.span(), List.of(new Operation.OpaqueCode("python", "RunPython(" + codeName
                    + ") has no reverse_code: Django raises IrreversibleError when this migration is unapplied", false, List.of())), false);
            return;
        }
        PyNode fn = forwards ? code.orElse(null) : rev.get();
        if (fn == null || isNoop(fn)) {
            out.orm(c.span(), List.of(), reversible);
            return;
        }
        List<Operation> inner = inner(fn, st);
        boolean ddl = inner.stream().anyMatch(o -> !NOT_DDL.contains(o.getClass().getSimpleName()));
        String desc = forwards ? "RunPython(" + codeName + ")" + (reversible ? "" : " without reverse_code") : "RunPython reverse_code " + module.text(fn);
        out.orm(c.span(), List.of(new Operation.OpaqueCode("python", desc, ddl, inner)), reversible);
    }

    private List<Operation> inner(PyNode fn, DjangoState st) {
        if (!(fn instanceof PyNode.Name n)) return List.of();
        Optional<PyStmt.Def> def = module.function(n.id());
        if (def.isEmpty()) return List.of();
        Map<String, PyNode> locals = new HashMap<>();
        for (PyStmt s : def.get().body()) {
            if (s instanceof PyStmt.Assign a && a.value() != null && a.targets().size() == 1 && a.targets().get(0) instanceof PyNode.Name t) {
                locals.put(t.id(), a.value());
            }
        }
        List<Operation> found = new ArrayList<>();
        PyWalk.statements(def.get().body(), node -> {
            if (!(node instanceof PyNode.Call call) || !(call.func() instanceof PyNode.Attr a)) return;
            if ((a.name().equals("execute") || a.name().equals("executemany")) && !call.args().isEmpty()) {
                PyNode arg = call.args().get(0);
                if (arg instanceof PyNode.Name v && locals.containsKey(v.id())) arg = locals.get(v.id());
                PyNodes.str(arg).ifPresent(sql -> found.addAll(sqlOperations(sql, call.span().line())));
                return;
            }
            Operation data = ormData(call, a, locals, st);
            if (data != null) found.add(data);
        });
        return found;
    }

    private List<Operation> sqlOperations(String sql, int line) {
        try {
            List<Operation> out2 = new ArrayList<>();
            Parsers.parse(new Script(script.file(), sql, line, Script.Language.SQL, null), dialect)
                    .statements().forEach(s -> out2.addAll(s.operations()));
            return out2;
        } catch (RuntimeException e) {
            return List.of(new Operation.Unparsed("SQL inside RunPython could not be read: " + e.getMessage()));
        }
    }

    /** {@code Order.objects.filter(...).update(x=...)} on {@code Order = apps.get_model("shop", "Order")}. */
    private Operation ormData(PyNode.Call call, PyNode.Attr method, Map<String, PyNode> locals, DjangoState st) {
        Operation.DataKind kind = switch (method.name()) {
            case "update" -> Operation.DataKind.UPDATE;
            case "delete" -> Operation.DataKind.DELETE;
            case "create", "bulk_create", "get_or_create", "update_or_create" -> Operation.DataKind.INSERT;
            default -> null;
        };
        if (kind == null) return null;
        boolean where = false;
        PyNode cur = method.value();
        for (int k = 0; k < 10 && cur instanceof PyNode.Call inner && inner.func() instanceof PyNode.Attr ia; k++) {
            if (Set.of("filter", "exclude", "get").contains(ia.name())) where = true;
            cur = ia.value();
        }
        if (!(cur instanceof PyNode.Attr objects) || !objects.name().equals("objects") || !(objects.value() instanceof PyNode.Name model)) return null;
        PyNode bound = locals.get(model.id());
        if (!(bound instanceof PyNode.Call gm) || !"get_model".equals(gm.funcName())) return null;
        String app;
        String name;
        if (gm.args().size() >= 2) {
            app = PyNodes.str(gm.args().get(0)).orElse(null);
            name = PyNodes.str(gm.args().get(1)).orElse(null);
        } else {
            String full = gm.arg(0).flatMap(PyNodes::str).orElse("");
            app = full.contains(".") ? full.substring(0, full.indexOf('.')) : null;
            name = full.contains(".") ? full.substring(full.indexOf('.') + 1) : null;
        }
        if (app == null || name == null) return null;
        Optional<DjangoState.Model> m = st.model(app + "." + name);
        TableRef table = m.map(ops.schema()::ref).orElse(TableRef.of((app + "_" + name).toLowerCase(java.util.Locale.ROOT)));
        List<String> cols = kind == Operation.DataKind.UPDATE
                ? call.kwargs().keySet().stream().map(f -> ops.schema().expr().column(f, m.orElse(null))).toList() : List.of();
        return new Operation.DataChange(kind, table, kind == Operation.DataKind.INSERT || where, cols);
    }
}

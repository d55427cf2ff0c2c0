package dev.dbmigrate.parse.python.alembic;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNode.Span;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyStatements;
import dev.dbmigrate.parse.python.PyStmt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Translates one part ({@code upgrade} or {@code downgrade}) of an Alembic revision into
 * statements: one per {@code op.*} call, positioned at the call. See {@link AlembicParser} for
 * the list of understood calls. Local variables, module constants and module-level helper
 * functions called from the part are followed (the whole file is read when the script holds only
 * the function and the file is on disk); loops over literal lists are unrolled; {@code if}s on
 * the dialect name are decided when the dialect is known, other {@code if}s yield
 * {@link Operation.Conditional} statements.
 */
final class AlembicTranslator {

    /** Positional parameter names of each op (module-level form). */
    private static final Map<String, List<String>> SIG = Map.ofEntries(
            Map.entry("create_table", List.of("table_name")),
            Map.entry("drop_table", List.of("table_name")),
            Map.entry("add_column", List.of("table_name", "column")),
            Map.entry("drop_column", List.of("table_name", "column_name")),
            Map.entry("alter_column", List.of("table_name", "column_name")),
            Map.entry("create_index", List.of("index_name", "table_name", "columns")),
            Map.entry("drop_index", List.of("index_name", "table_name")),
            Map.entry("create_foreign_key", List.of("constraint_name", "source_table", "referent_table", "local_cols", "remote_cols")),
            Map.entry("create_unique_constraint", List.of("constraint_name", "table_name", "columns")),
            Map.entry("create_check_constraint", List.of("constraint_name", "table_name", "condition")),
            Map.entry("create_primary_key", List.of("constraint_name", "table_name", "columns")),
            Map.entry("create_exclude_constraint", List.of("constraint_name", "table_name")),
            Map.entry("drop_constraint", List.of("constraint_name", "table_name", "type_")),
            Map.entry("rename_table", List.of("old_table_name", "new_table_name")),
            Map.entry("execute", List.of("sqltext")),
            Map.entry("bulk_insert", List.of("table", "rows")),
            Map.entry("create_table_comment", List.of("table_name", "comment")),
            Map.entry("drop_table_comment", List.of("table_name")));

    /** Positional parameter names inside {@code batch_alter_table} (the table is implicit). */
    private static final Map<String, List<String>> BATCH_SIG = Map.ofEntries(
            Map.entry("add_column", List.of("column")),
            Map.entry("drop_column", List.of("column_name")),
            Map.entry("alter_column", List.of("column_name")),
            Map.entry("create_index", List.of("index_name", "columns")),
            Map.entry("drop_index", List.of("index_name")),
            Map.entry("create_foreign_key", List.of("constraint_name", "referent_table", "local_cols", "remote_cols")),
            Map.entry("create_unique_constraint", List.of("constraint_name", "columns")),
            Map.entry("create_check_constraint", List.of("constraint_name", "condition")),
            Map.entry("create_primary_key", List.of("constraint_name", "columns")),
            Map.entry("create_exclude_constraint", List.of("constraint_name")),
            Map.entry("drop_constraint", List.of("constraint_name", "type_")),
            Map.entry("execute", List.of("sqltext")),
            Map.entry("create_table_comment", List.of("comment")),
            Map.entry("drop_table_comment", List.of()));

    /** Old keyword spellings Alembic still accepts. */
    private static final Map<String, String> KW_ALIASES = Map.of(
            "name", "constraint_name", "source", "source_table", "referent", "referent_table", "tablename", "table_name");

    /** op methods without effect on the database when called as a statement. */
    private static final Set<String> PURE = Set.of("get_bind", "get_context", "f", "inline_literal", "batch_alter_table",
            "implementation_for", "register_operation", "get_x_argument", "is_offline_mode", "config");

    private static final Set<String> INTEGER_TYPES = Set.of("integer", "bigint", "smallint");

    private final Script script;
    private final Dialect dialect;
    private PyModule module;
    private PyStatements out;
    private String partName;
    private boolean noTransaction;
    private int inlineDepth;
    private Scope scope = new Scope(null);

    AlembicTranslator(Script script, Dialect dialect) {
        this.script = script;
        this.dialect = dialect;
    }

    ParsedScript translate() {
        module = loadModule();
        out = new PyStatements(script, dialect, module);
        List<PyStmt> body = selectBody();
        try {
            block(body);
        } catch (RuntimeException e) {
            Span whole = new Span(script.startLine(), 1, script.startLine(), 1, 0, 0);
            out.unparsed(whole, "internal error while reading this part (" + e + ")");
        }
        return out.result(noTransaction);
    }

    // ---- source ----------------------------------------------------------------------------

    /**
     * The whole file when the script is one function of it and the file on disk still holds
     * that text at {@code startLine} (so module constants and helper functions are visible);
     * else the script text alone.
     */
    private PyModule loadModule() {
        String text = script.text();
        if (script.file() != null && script.startLine() > 1 && Files.isRegularFile(script.file())) {
            try {
                String full = Files.readString(script.file(), StandardCharsets.UTF_8);
                String[] lines = full.split("\r\n|\r|\n", -1);
                String[] partLines = text.split("\r\n|\r|\n", -1);
                int from = script.startLine() - 1;
                boolean same = from + partLines.length <= lines.length + 1;
                for (int k = 0; same && k < partLines.length; k++) {
                    String fileLine = from + k < lines.length ? lines[from + k] : "";
                    if (!fileLine.equals(partLines[k])) same = false;
                }
                if (same) return PyParser.parse(full, 1);
            } catch (IOException | RuntimeException e) {
                // fall back to the text alone
            }
        }
        return PyParser.parse(text, script.startLine());
    }

    private List<PyStmt> selectBody() {
        String fn = script.part() != null ? script.part() : "upgrade";
        for (PyStmt st : module.body()) {
            if (st instanceof PyStmt.Def d && d.name().equals(fn) && d.span().line() >= script.startLine()) {
                partName = fn;
                return d.body();
            }
        }
        List<PyStmt.Def> defs = module.body().stream().filter(s -> s instanceof PyStmt.Def).map(s -> (PyStmt.Def) s).toList();
        if (defs.size() == 1) {
            partName = defs.get(0).name();
            return defs.get(0).body();
        }
        return module.body();
    }

    // ---- statements ------------------------------------------------------------------------

    /** Translates statements; returns true when a {@code return} ended the body. */
    private boolean block(List<PyStmt> body) {
        for (PyStmt st : body) {
            if (st instanceof PyStmt.Unreadable u) {
                out.unparsed(u.span(), "Python that db-migrate cannot read: " + u.reason());
            } else if (st instanceof PyStmt.ExprStmt e) {
                expression(e.expr(), e.span());
            } else if (st instanceof PyStmt.Assign a) {
                assign(a);
            } else if (st instanceof PyStmt.With w) {
                with(w);
            } else if (st instanceof PyStmt.If i) {
                ifStmt(i);
            } else if (st instanceof PyStmt.For f) {
                forStmt(f);
            } else if (st instanceof PyStmt.Block b) {
                compound(b);
            } else if (st instanceof PyStmt.Return) {
                return true;
            } else if (st instanceof PyStmt.Raise r) {
                String what = r.exc() == null ? "re-raises" : "raises " + module.text(r.exc());
                out.orm(r.span(), List.of(new Operation.OpaqueCode("python", what + ": this step refuses to run", false, List.of())), false);
                return true;
            } else if (st instanceof PyStmt.Def d) {
                scope.defs.put(d.name(), d);
            }
        }
        return false;
    }

    private void expression(PyNode e, Span span) {
        if (e instanceof PyNode.Str || e instanceof PyNode.Const || e instanceof PyNode.Num) return;
        int before = out.size();
        boolean handled = effects(e);
        if (!handled && out.size() == before && e instanceof PyNode.Call c && !isQuiet(c)) {
            out.unparsed(c.span(), "call to " + callee(c) + "(): db-migrate cannot see what it does to the database");
        } else if (!handled && out.size() == before && !(e instanceof PyNode.Call)) {
            out.unparsed(span, "expression db-migrate does not understand");
        }
    }

    /**
     * Translates the database-changing calls found in {@code e} (inner calls first: a chained
     * {@code conn.execute(...).fetchall()} runs the execute). Returns true when {@code e} itself
     * was such a call or contained one.
     */
    private boolean effects(PyNode e) {
        if (!(e instanceof PyNode.Call c)) {
            if (e instanceof PyNode.Attr a) return effects(a.value());
            return false;
        }
        PyNode f = c.func();
        if (f instanceof PyNode.Attr a) {
            Role role = role(a.value());
            switch (role) {
                case OP -> {
                    if (PURE.contains(a.name())) return a.name().equals("batch_alter_table") || effectsInArgs(c);
                    opCall(a.name(), c, null);
                    return true;
                }
                case BATCH -> {
                    opCall(a.name(), c, scope.batch(PyNodes.dotted(a.value())));
                    return true;
                }
                case CONNECTION -> {
                    if (a.name().equals("execute") || a.name().equals("exec_driver_sql")) {
                        execute(c, c.arg(0, "statement").or(() -> c.arg(0)).orElse(null));
                        return true;
                    }
                    return false;
                }
                default -> {
                    if (enumTypeDdl(a, c)) return true;
                    boolean inner = effects(a.value());
                    return effectsInArgs(c) || inner;
                }
            }
        }
        if (f instanceof PyNode.Name n) {
            PyStmt.Def d = helper(n.id());
            if (d != null) {
                inline(d, c);
                return true;
            }
        }
        return effectsInArgs(c);
    }

    /** {@code sa.Enum(..., name="x").create(op.get_bind())} / {@code postgresql.ENUM(name="x").drop(bind, checkfirst=True)}. */
    private boolean enumTypeDdl(PyNode.Attr method, PyNode.Call call) {
        if (!method.name().equals("create") && !method.name().equals("drop")) return false;
        if (!(resolve(method.value()) instanceof PyNode.Call type) || !Set.of("Enum", "ENUM").contains(type.funcName())) return false;
        Optional<String> typeName = type.kw("name").flatMap(this::name);
        if (typeName.isEmpty()) return false;
        boolean checkfirst = call.kw("checkfirst").flatMap(PyNodes::bool).orElse(true);
        Operation op;
        if (method.name().equals("drop")) {
            op = new Operation.DropType(typeName.get(), checkfirst, false);
        } else {
            List<String> values = type.args().stream().map(this::name).flatMap(Optional::stream).toList();
            op = new Operation.CreateEnum(typeName.get(), values);
        }
        out.orm(call.span(), List.of(op), null);
        return true;
    }

    private boolean effectsInArgs(PyNode.Call c) {
        boolean any = false;
        for (PyNode a : c.args()) any |= a instanceof PyNode.Call && effects(a);
        for (PyNode a : c.kwargs().values()) any |= a instanceof PyNode.Call && effects(a);
        return any;
    }

    private boolean isQuiet(PyNode.Call c) {
        String d = PyNodes.dotted(c.func());
        if (d == null) return false;
        String first = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
        if (Set.of("print", "log", "logger", "logging", "LOG", "LOGGER", "_log", "_logger", "warnings").contains(first)) return true;
        Role r = c.func() instanceof PyNode.Attr a ? role(a.value()) : Role.OTHER;
        return r == Role.OP || r == Role.CONNECTION || r == Role.CONTEXT;
    }

    private String callee(PyNode.Call c) {
        String d = PyNodes.dotted(c.func());
        return d != null ? d : module.text(c.func());
    }

    private void assign(PyStmt.Assign a) {
        if (a.value() == null) return;
        effects(a.value());
        for (PyNode target : a.targets()) {
            if (target instanceof PyNode.Name n) {
                if (a.op() != null) {
                    PyNode old = resolve(n);
                    PyNode add = resolve(a.value());
                    if (a.op().equals("+=") && old instanceof PyNode.Str s1 && add instanceof PyNode.Str s2) {
                        scope.vars.put(n.id(), new PyNode.Str(s1.value() + s2.value(), s1.fString() || s2.fString(), false, a.span()));
                    } else {
                        scope.vars.put(n.id(), new PyNode.Opaque("augmented assignment", a.span()));
                    }
                } else {
                    scope.vars.put(n.id(), a.value());
                }
            } else if (target instanceof PyNode.Seq ts && resolve(a.value()) instanceof PyNode.Seq vs && ts.items().size() == vs.items().size()) {
                for (int k = 0; k < ts.items().size(); k++) {
                    if (ts.items().get(k) instanceof PyNode.Name n) scope.vars.put(n.id(), vs.items().get(k));
                }
            }
        }
    }

    private void with(PyStmt.With w) {
        Scope saved = scope;
        scope = new Scope(saved);
        List<Batch> batches = new ArrayList<>();
        for (PyStmt.WithItem item : w.items()) {
            PyNode ctx = item.context();
            if (ctx instanceof PyNode.Call c && "autocommit_block".equals(c.funcName())) {
                noTransaction = true;
            } else if (ctx instanceof PyNode.Call c && "batch_alter_table".equals(c.funcName())
                    && c.func() instanceof PyNode.Attr a && role(a.value()) == Role.OP) {
                Optional<String> table = c.arg(0, "table_name").flatMap(this::name);
                if (table.isEmpty()) {
                    out.unparsed(c.span(), "batch_alter_table: the table name is not a literal");
                    continue;
                }
                String schema = c.kw("schema").flatMap(this::name).orElse(null);
                String recreate = c.kw("recreate").flatMap(this::name).orElse("auto");
                Batch b = new Batch(new TableRef(schema, table.get()), recreate, out.size(), new ArrayList<>());
                batches.add(b);
                if (item.target() instanceof PyNode.Name n) scope.batches.put(n.id(), b);
            } else if (item.target() instanceof PyNode.Name n) {
                effects(ctx);
                scope.vars.put(n.id(), ctx);
            } else {
                effects(ctx);
            }
        }
        block(w.body());
        scope = saved;
        for (Batch b : batches) finishBatch(b);
    }

    /**
     * Alembic's "move and copy": with recreate="always", or "auto" on SQLite when the batch holds
     * anything but add_column (with a constant default) / create_index / drop_index, the table
     * is rebuilt; its statements get a {@link Operation.TableRebuild} marker.
     */
    private void finishBatch(Batch b) {
        boolean rebuild = switch (b.recreate) {
            case "always" -> true;
            case "never" -> false;
            default -> dialect == Dialect.SQLITE && b.methods.stream().anyMatch(m -> !Set.of("add_column", "create_index", "drop_index").contains(m));
        };
        if (!rebuild) return;
        Operation marker = new Operation.TableRebuild(b.table, "alembic batch_alter_table (recreate=" + b.recreate + ")");
        for (int k = b.firstStatement; k < out.size(); k++) {
            Statement st = out.get(k);
            if (st.status() != Statement.ParseStatus.ORM) continue;
            boolean indexOnly = !st.operations().isEmpty() && st.operations().stream()
                    .allMatch(o -> o instanceof Operation.CreateIndex || o instanceof Operation.DropIndex || o instanceof Operation.Conditional);
            if (indexOnly || st.operations().isEmpty()) continue;
            List<Operation> ops = new ArrayList<>();
            ops.add(marker);
            ops.addAll(st.operations());
            out.set(k, st.withOperations(ops, st.status()));
        }
    }

    private void ifStmt(PyStmt.If i) {
        List<PyStmt.Branch> branches = i.branches();
        boolean decided = true;
        for (PyStmt.Branch b : branches) {
            if (b.test() == null) {
                block(b.body());
                return;
            }
            Optional<Boolean> v = evaluate(b.test());
            if (v.isEmpty()) {
                decided = false;
                break;
            }
            if (v.get()) {
                block(b.body());
                return;
            }
        }
        if (decided) return;
        List<String> previous = new ArrayList<>();
        for (PyStmt.Branch b : branches) {
            String cond = b.test() == null ? "not (" + String.join(" or ", previous) + ")" : module.text(b.test());
            if (b.test() != null && !previous.isEmpty()) cond = cond + " (after: not (" + String.join(" or ", previous) + "))";
            int start = out.size();
            block(b.body());
            markConditional(start, cond);
            if (b.test() != null) previous.add(module.text(b.test()));
        }
    }

    private void markConditional(int start, String cond) {
        for (int k = start; k < out.size(); k++) {
            Statement st = out.get(k);
            if (st.status() == Statement.ParseStatus.UNPARSED) continue;
            List<Operation> ops = new ArrayList<>();
            List<Operation> rest = st.operations();
            if (!rest.isEmpty() && rest.get(0) instanceof Operation.Conditional inner) {
                ops.add(new Operation.Conditional(cond + " and " + inner.condition()));
                rest = rest.subList(1, rest.size());
            } else {
                ops.add(new Operation.Conditional(cond));
            }
            ops.addAll(rest);
            out.set(k, st.withOperations(ops, st.status()));
        }
    }

    /** Decides {@code if} tests on the dialect name ({@code op.get_bind().dialect.name == "postgresql"}). */
    private Optional<Boolean> evaluate(PyNode test) {
        PyNode t = resolve(test);
        if (t instanceof PyNode.Unary u && u.op().equals("not")) return evaluate(u.operand()).map(v -> !v);
        if (t instanceof PyNode.BinOp b) {
            if (b.op().equals("and") || b.op().equals("or")) {
                Optional<Boolean> l = evaluate(b.left());
                Optional<Boolean> r = evaluate(b.right());
                boolean and = b.op().equals("and");
                if (l.isPresent() && l.get() != and) return l;
                if (r.isPresent() && r.get() != and) return r;
                if (l.isPresent() && r.isPresent()) return Optional.of(and);
                return Optional.empty();
            }
            if (dialect == null) return Optional.empty();
            PyNode other = isDialectName(b.left()) ? b.right() : isDialectName(b.right()) ? b.left() : null;
            if (other == null) return Optional.empty();
            Optional<List<String>> names = PyNodes.strings(resolve(other));
            if (names.isEmpty()) return Optional.empty();
            boolean match = names.get().stream().anyMatch(n -> SqlAlchemyTypes.dialectMatches(n, dialect));
            return switch (b.op()) {
                case "==", "in" -> Optional.of(match);
                case "!=", "not in" -> Optional.of(!match);
                default -> Optional.empty();
            };
        }
        return Optional.empty();
    }

    private boolean isDialectName(PyNode n) {
        return resolve(n) instanceof PyNode.Attr a && a.name().equals("name")
                && resolve(a.value()) instanceof PyNode.Attr inner && (inner.name().equals("dialect") || inner.name().equals("engine"));
    }

    private void forStmt(PyStmt.For f) {
        PyNode iter = resolve(f.iter());
        if (iter instanceof PyNode.Seq seq && (f.target() instanceof PyNode.Name || f.target() instanceof PyNode.Seq)) {
            for (PyNode item : seq.items()) {
                Scope saved = scope;
                scope = new Scope(saved);
                bindTarget(f.target(), item);
                boolean returned = block(f.body());
                scope = saved;
                if (returned) return;
            }
            return;
        }
        out.unparsed(f.span(), "for loop over " + module.text(f.iter()) + ": db-migrate cannot tell what its body does each time");
    }

    private void bindTarget(PyNode target, PyNode value) {
        if (target instanceof PyNode.Name n) {
            scope.vars.put(n.id(), value);
        } else if (target instanceof PyNode.Seq ts && resolve(value) instanceof PyNode.Seq vs && ts.items().size() == vs.items().size()) {
            for (int k = 0; k < ts.items().size(); k++) bindTarget(ts.items().get(k), vs.items().get(k));
        }
    }

    private void compound(PyStmt.Block b) {
        if (b.keyword().equals("try") && !b.bodies().isEmpty()) {
            block(b.bodies().get(0));
            for (int k = 1; k < b.bodies().size(); k++) {
                int start = out.size();
                block(b.bodies().get(k));
                markConditional(start, "in an except/else/finally clause of the try statement at line " + b.span().line());
            }
            return;
        }
        out.unparsed(b.span(), b.keyword() + " statement: db-migrate cannot tell what its body does");
    }

    // ---- helpers and scopes ----------------------------------------------------------------

    private PyStmt.Def helper(String name) {
        PyStmt.Def d = scope.def(name);
        if (d != null) return d;
        Optional<PyStmt.Def> top = module.function(name);
        if (top.isPresent() && !name.equals(partName)) return top.get();
        return null;
    }

    private void inline(PyStmt.Def d, PyNode.Call c) {
        if (inlineDepth >= 5) {
            out.unparsed(c.span(), "call to " + d.name() + "(): helper functions nested too deeply");
            return;
        }
        Scope saved = scope;
        Scope inner = new Scope(null);
        int pos = 0;
        for (PyStmt.Param p : d.params()) {
            if (!p.star().isEmpty()) continue;
            PyNode v = c.kwargs().get(p.name());
            if (v == null && pos < c.args().size()) v = c.args().get(pos);
            pos++;
            if (v == null) v = p.defaultValue();
            if (v != null) inner.vars.put(p.name(), resolve(v));
        }
        scope = inner;
        inlineDepth++;
        try {
            block(d.body());
        } finally {
            inlineDepth--;
            scope = saved;
        }
    }

    /** Follows names to the value they were bound to (locals, then module-level constants). */
    private PyNode resolve(PyNode n) {
        PyNode cur = n;
        for (int k = 0; k < 10 && cur instanceof PyNode.Name name; k++) {
            PyNode v = scope.var(name.id());
            if (v == null) v = module.assigned(name.id()).orElse(null);
            if (v == null || v == cur) break;
            cur = v;
        }
        return cur;
    }

    private enum Role { OP, BATCH, CONNECTION, CONTEXT, OTHER }

    private Role role(PyNode receiver) {
        if (receiver instanceof PyNode.Name n && scope.batch(n.id()) != null) return Role.BATCH;
        PyNode r = resolve(receiver);
        if (r instanceof PyNode.Name n) {
            if (n.id().equals("op")) return Role.OP;
            if (n.id().equals("context")) return Role.CONTEXT;
        }
        if (r instanceof PyNode.Call c && ("get_bind".equals(c.funcName()) || "connect".equals(c.funcName()))) return Role.CONNECTION;
        if (r instanceof PyNode.Attr a && a.name().equals("connection")) return Role.CONNECTION;
        if (r instanceof PyNode.Call c && "get_context".equals(c.funcName())) return Role.CONTEXT;
        return Role.OTHER;
    }

    private static final class Scope {
        final Scope parent;
        final Map<String, PyNode> vars = new HashMap<>();
        final Map<String, Batch> batches = new HashMap<>();
        final Map<String, PyStmt.Def> defs = new HashMap<>();

        Scope(Scope parent) {
            this.parent = parent;
        }

        PyNode var(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.vars.containsKey(name)) return s.vars.get(name);
            }
            return null;
        }

        Batch batch(String name) {
            if (name == null) return null;
            for (Scope s = this; s != null; s = s.parent) {
                if (s.batches.containsKey(name)) return s.batches.get(name);
            }
            return null;
        }

        PyStmt.Def def(String name) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.defs.containsKey(name)) return s.defs.get(name);
            }
            return null;
        }
    }

    private record Batch(TableRef table, String recreate, int firstStatement, List<String> methods) {}

    // ---- op calls --------------------------------------------------------------------------

    private record Args(Map<String, PyNode> named, List<PyNode> rest) {
        Optional<PyNode> get(String name) {
            return Optional.ofNullable(named.get(name));
        }
    }

    private Args bind(PyNode.Call c, List<String> params) {
        Map<String, PyNode> named = new HashMap<>();
        List<PyNode> rest = new ArrayList<>();
        for (int k = 0; k < c.args().size(); k++) {
            if (k < params.size()) named.put(params.get(k), c.args().get(k));
            else rest.add(c.args().get(k));
        }
        for (Map.Entry<String, PyNode> e : c.kwargs().entrySet()) {
            String key = e.getKey();
            if (!params.contains(key) && KW_ALIASES.containsKey(key) && params.contains(KW_ALIASES.get(key))) key = KW_ALIASES.get(key);
            if (key.equals("name") && params.contains("index_name")) key = "index_name";
            named.put(key, e.getValue());
        }
        return new Args(named, rest);
    }

    private void opCall(String method, PyNode.Call c, Batch batch) {
        Map<String, List<String>> sigs = batch != null ? BATCH_SIG : SIG;
        if (batch != null) batch.methods.add(method);
        if (!sigs.containsKey(method)) {
            if (PURE.contains(method)) return;
            out.unparsed(c.span(), (batch != null ? "batch operation " : "Alembic operation op.") + method + "() is not understood by db-migrate");
            return;
        }
        if (c.hasStars()) {
            out.unparsed(c.span(), "op." + method + "() called with *args/**kwargs: its arguments are not known");
            return;
        }
        Args a = bind(c, sigs.get(method));
        try {
            List<Operation> ops = switch (method) {
                case "create_table" -> createTable(c, a);
                case "drop_table" -> List.of(new Operation.DropTable(table(a, "table_name", batch), flag(a, "if_exists"), false));
                case "add_column" -> addColumn(a, batch);
                case "drop_column" -> List.of(new Operation.DropColumn(table(a, "table_name", batch), req(a, "column_name"), flag(a, "if_exists"), false));
                case "alter_column" -> alterColumn(a, batch);
                case "create_index" -> List.of(createIndex(a, batch));
                case "drop_index" -> List.of(dropIndex(a, batch));
                case "create_foreign_key" -> List.of(foreignKey(a, batch));
                case "create_unique_constraint" -> List.of(new Operation.AddConstraint(table(a, "table_name", batch),
                        withDeferrable(ConstraintDef.unique(optName(a, "constraint_name"), strings(a, "columns")), a)));
                case "create_check_constraint" -> List.of(new Operation.AddConstraint(table(a, "table_name", batch),
                        ConstraintDef.check(optName(a, "constraint_name"), expr().condition(a.get("condition").orElseThrow(() -> missing("condition"))))
                                .withNotValid(flag(a, "postgresql_not_valid"))));
                case "create_primary_key" -> List.of(new Operation.AddConstraint(table(a, "table_name", batch),
                        ConstraintDef.primaryKey(optName(a, "constraint_name"), strings(a, "columns"))));
                case "create_exclude_constraint" -> List.of(excludeConstraint(a, batch));
                case "drop_constraint" -> List.of(new Operation.DropConstraint(table(a, "table_name", batch), optName(a, "constraint_name"),
                        constraintKind(a.get("type_").flatMap(this::name).orElse(null)), flag(a, "if_exists"), false));
                case "rename_table" -> List.of(new Operation.RenameTable(new TableRef(schema(a), req(a, "old_table_name")), req(a, "new_table_name")));
                case "create_table_comment" -> List.of(new Operation.SetComment(table(a, "table_name", batch), null,
                        a.get("comment").flatMap(this::name).orElse(null)));
                case "drop_table_comment" -> List.of(new Operation.SetComment(table(a, "table_name", batch), null, null));
                case "execute" -> {
                    execute(c, a.get("sqltext").orElse(null));
                    yield null;
                }
                case "bulk_insert" -> bulkInsert(a);
                default -> throw new NotReadable("not understood");
            };
            if (ops != null) out.orm(c.span(), ops, null);
        } catch (NotReadable e) {
            out.unparsed(c.span(), "op." + method + "(): " + e.getMessage());
        }
    }

    /** An argument db-migrate cannot read (not a literal, missing...). */
    private static final class NotReadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReadable(String message) {
            super(message, null, false, false);
        }
    }

    private static NotReadable missing(String what) {
        return new NotReadable(what + " is missing");
    }

    private SqlAlchemyExpr expr() {
        return new SqlAlchemyExpr(module, this::resolve, dialect);
    }

    /** A name argument: a string literal, {@code op.f("x")} / {@code conv("x")}, or a name bound to one. */
    private Optional<String> name(PyNode n) {
        PyNode r = resolve(n);
        if (r instanceof PyNode.Call c && Set.of("f", "conv", "quoted_name").contains(c.funcName()) && !c.args().isEmpty()) return name(c.args().get(0));
        return PyNodes.str(r);
    }

    private String req(Args a, String param) {
        PyNode n = a.get(param).orElseThrow(() -> missing(param));
        return name(n).orElseThrow(() -> new NotReadable(param + " is not a literal: " + module.text(n)));
    }

    private String optName(Args a, String param) {
        Optional<PyNode> n = a.get(param);
        if (n.isEmpty() || PyNodes.isNone(resolve(n.get()))) return null;
        return name(n.get()).orElseThrow(() -> new NotReadable(param + " is not a literal: " + module.text(n.get())));
    }

    private boolean flag(Args a, String param) {
        return a.get(param).map(this::resolve).flatMap(PyNodes::bool).orElse(false);
    }

    private String schema(Args a) {
        return a.get("schema").filter(n -> !PyNodes.isNone(resolve(n))).flatMap(this::name).orElse(null);
    }

    private TableRef table(Args a, String param, Batch batch) {
        if (batch != null) return batch.table;
        return new TableRef(schema(a), req(a, param));
    }

    private List<String> strings(Args a, String param) {
        PyNode n = resolve(a.get(param).orElseThrow(() -> missing(param)));
        List<String> outList = new ArrayList<>();
        for (PyNode item : PyNodes.items(n)) {
            outList.add(name(item).orElseGet(() -> expr().sql(item)));
        }
        return outList;
    }

    private ConstraintDef withDeferrable(ConstraintDef c, Args a) {
        if (!flag(a, "deferrable")) return c;
        return new ConstraintDef(c.name(), c.kind(), c.columns(), c.refTable(), c.refColumns(), c.onDelete(), c.onUpdate(), c.expression(),
                c.notValid(), c.usingIndex(), true);
    }

    private static ConstraintDef.Kind constraintKind(String type) {
        if (type == null) return null;
        return switch (type.toLowerCase(Locale.ROOT)) {
            case "foreignkey", "foreign_key", "fk" -> ConstraintDef.Kind.FOREIGN_KEY;
            case "unique" -> ConstraintDef.Kind.UNIQUE;
            case "check" -> ConstraintDef.Kind.CHECK;
            case "primary", "primary_key", "primarykey" -> ConstraintDef.Kind.PRIMARY_KEY;
            default -> null;
        };
    }

    private static String action(Optional<String> s) {
        return s.map(v -> v.toUpperCase(Locale.ROOT)).orElse(null);
    }

    // ---- create_table / columns ------------------------------------------------------------

    /** A column read from {@code sa.Column(...)}, before the table decides on PK form and serial types. */
    private record ColumnSpec(ColumnDef def, boolean pk, boolean index, boolean unique, String fkName, ColumnDef.ForeignKeyRef fk,
                              Operation.CreateEnum createEnum, Boolean autoincrement, boolean hasDefaultOrIdentity, String comment) {}

    private ColumnSpec column(PyNode node) {
        PyNode n = resolve(node);
        if (!(n instanceof PyNode.Call c) || !Set.of("Column", "column", "mapped_column").contains(c.funcName())) {
            throw new NotReadable("expected sa.Column(...), got " + module.text(node));
        }
        if (c.hasStars()) throw new NotReadable("column with *args/**kwargs: " + module.text(c));
        String colName = null;
        PyNode typeNode = c.kw("type_").orElse(null);
        ColumnDef.ForeignKeyRef fk = null;
        String fkName = null;
        ColumnDef.Generated generated = null;
        String check = null;
        for (int k = 0; k < c.args().size(); k++) {
            PyNode arg = c.args().get(k);
            PyNode r = resolve(arg);
            Optional<String> s = name(arg);
            if (k == 0 && s.isPresent()) {
                colName = s.get();
                continue;
            }
            String fn = r instanceof PyNode.Call rc ? rc.funcName() : null;
            if ("ForeignKey".equals(fn)) {
                PyNode.Call fc = (PyNode.Call) r;
                String target = fc.arg(0, "column").flatMap(this::name).orElseThrow(() -> new NotReadable("ForeignKey target is not a literal"));
                fk = fkRef(target, action(fc.kw("ondelete").flatMap(this::name)), action(fc.kw("onupdate").flatMap(this::name)));
                fkName = fc.kw("name").flatMap(this::name).orElse(null);
            } else if ("Identity".equals(fn)) {
                boolean always = ((PyNode.Call) r).kw("always").flatMap(PyNodes::bool).orElse(false);
                generated = new ColumnDef.Generated(true, always, null, false);
            } else if ("Computed".equals(fn)) {
                PyNode.Call cc = (PyNode.Call) r;
                String sqltext = cc.arg(0, "sqltext").map(x -> expr().condition(x)).orElse(null);
                boolean persisted = cc.kw("persisted").flatMap(PyNodes::bool).orElse(true);
                generated = new ColumnDef.Generated(false, false, sqltext, persisted);
            } else if ("CheckConstraint".equals(fn)) {
                check = ((PyNode.Call) r).arg(0, "sqltext").map(x -> expr().condition(x)).orElse(null);
            } else if ("Sequence".equals(fn) || "FetchedValue".equals(fn)) {
                // a sequence default / server-generated value: no column change
            } else if (typeNode == null) {
                typeNode = arg;
            }
        }
        if (colName == null) colName = c.kw("name").flatMap(this::name).orElseThrow(() -> new NotReadable("column without a literal name: " + module.text(c)));
        SqlAlchemyTypes.Mapped mapped = typeNode == null ? null : SqlAlchemyTypes.map(typeNode, dialect, this::resolve);
        boolean pk = c.kw("primary_key").flatMap(PyNodes::bool).orElse(false);
        Optional<Boolean> nullable = c.kw("nullable").map(this::resolve).flatMap(PyNodes::bool);
        boolean notNull = nullable.map(v -> !v).orElse(pk);
        String dflt = c.kw("server_default").filter(v -> !PyNodes.isNone(resolve(v))).map(v -> expr().serverDefault(v)).orElse(null);
        boolean unique = c.kw("unique").flatMap(PyNodes::bool).orElse(false);
        boolean index = c.kw("index").flatMap(PyNodes::bool).orElse(false);
        Boolean autoincrement = c.kw("autoincrement").flatMap(PyNodes::bool).orElse(null);
        String comment = c.kw("comment").flatMap(this::name).orElse(null);
        String collation = typeNode instanceof PyNode.Call tc ? tc.kw("collation").flatMap(this::name).orElse(null) : null;
        SqlType type = mapped == null ? null : mapped.type();
        ColumnDef def = new ColumnDef(colName, type, notNull || generated != null && generated.identity(), dflt, false, false, null, generated, check, false,
                collation, dialect != null && dialect.isMysqlFamily() ? comment : null);
        return new ColumnSpec(def, pk, index, unique, fkName, fk, mapped == null ? null : mapped.createEnum(), autoincrement,
                dflt != null || generated != null, comment);
    }

    private ColumnDef.ForeignKeyRef fkRef(String target, String onDelete, String onUpdate) {
        String[] parts = target.split("\\.");
        if (parts.length < 2) throw new NotReadable("ForeignKey target \"" + target + "\" is not table.column");
        String col = parts[parts.length - 1];
        String tbl = parts[parts.length - 2];
        String sch = parts.length > 2 ? String.join(".", java.util.Arrays.copyOf(parts, parts.length - 2)) : null;
        return new ColumnDef.ForeignKeyRef(new TableRef(sch, tbl), col, onDelete, onUpdate);
    }

    private List<Operation> createTable(PyNode.Call c, Args a) {
        TableRef table = table(a, "table_name", null);
        List<ColumnSpec> specs = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<Operation> before = new ArrayList<>();
        List<Operation> after = new ArrayList<>();
        List<String> pkFromConstraint = null;
        String pkName = null;
        for (PyNode elem : a.rest()) {
            PyNode r = resolve(elem);
            String fn = r instanceof PyNode.Call rc ? rc.funcName() : null;
            try {
                if (fn == null) throw new NotReadable("create_table argument not understood: " + module.text(elem));
                PyNode.Call ec = (PyNode.Call) r;
                switch (fn) {
                    case "Column", "column", "mapped_column" -> specs.add(column(ec));
                    case "PrimaryKeyConstraint" -> {
                        pkFromConstraint = elementNames(ec);
                        pkName = ec.kw("name").flatMap(this::name).orElse(null);
                    }
                    case "UniqueConstraint" -> constraints.add(ConstraintDef.unique(ec.kw("name").flatMap(this::name).orElse(null), elementNames(ec)));
                    case "CheckConstraint" -> constraints.add(ConstraintDef.check(ec.kw("name").flatMap(this::name).orElse(null),
                            expr().condition(ec.arg(0, "sqltext").orElseThrow(() -> missing("CheckConstraint text")))));
                    case "ForeignKeyConstraint" -> constraints.add(foreignKeyConstraint(ec));
                    case "Index" -> after.add(tableIndex(ec, table));
                    default -> throw new NotReadable("create_table argument not understood: " + module.text(elem));
                }
            } catch (NotReadable e) {
                out.unparsed(elem.span(), "op.create_table(): " + e.getMessage());
            }
        }
        List<String> pkCols = pkFromConstraint != null ? pkFromConstraint : specs.stream().filter(ColumnSpec::pk).map(s -> s.def().name()).toList();
        boolean inlinePk = pkCols.size() == 1 && pkName == null;
        boolean sqliteAutoinc = a.get("sqlite_autoincrement").flatMap(PyNodes::bool).orElse(false);
        List<ColumnDef> columns = new ArrayList<>();
        for (ColumnSpec s : specs) {
            ColumnDef d = s.def();
            boolean isPk = pkCols.contains(d.name());
            if (isPk) d = d.withNotNull(true);
            boolean autoinc = isPk && pkCols.size() == 1 && d.type() != null && INTEGER_TYPES.contains(d.type().name())
                    && !Boolean.FALSE.equals(s.autoincrement()) && s.fk() == null && !s.hasDefaultOrIdentity();
            if (autoinc && dialect == Dialect.POSTGRESQL) {
                String serial = switch (d.type().name()) {
                    case "bigint" -> "bigserial";
                    case "smallint" -> "smallserial";
                    default -> "serial";
                };
                d = d.withType(new SqlType(serial, List.of(), false, null));
            }
            boolean autoIncrement = autoinc && (dialect != null && dialect.isMysqlFamily() || dialect == Dialect.SQLITE && sqliteAutoinc);
            boolean uniqueInline = s.unique() && !s.index();
            ColumnDef.ForeignKeyRef ref = s.fkName() == null ? s.fk() : null;
            d = new ColumnDef(d.name(), d.type(), d.notNull(), d.defaultExpr(), isPk && inlinePk, uniqueInline, ref, d.generated(), d.check(),
                    autoIncrement, d.collation(), d.comment());
            columns.add(d);
            if (s.fkName() != null) {
                constraints.add(ConstraintDef.foreignKey(s.fkName(), List.of(d.name()), s.fk().table(), List.of(s.fk().column()), s.fk().onDelete(), s.fk().onUpdate()));
            }
            if (s.createEnum() != null && before.stream().noneMatch(o -> o instanceof Operation.CreateEnum ce && ce.name().equals(s.createEnum().name()))) {
                before.add(s.createEnum());
            }
            if (s.index()) after.add(columnIndex(table, d.name(), s.unique()));
            if (s.comment() != null && dialect == Dialect.POSTGRESQL) after.add(new Operation.SetComment(table, d.name(), s.comment()));
        }
        if (!inlinePk && !pkCols.isEmpty()) constraints.add(0, ConstraintDef.primaryKey(pkName, pkCols));
        boolean temporary = a.get("prefixes").map(this::resolve).flatMap(PyNodes::strings)
                .map(l -> l.stream().anyMatch(p -> p.equalsIgnoreCase("TEMPORARY") || p.equalsIgnoreCase("TEMP"))).orElse(false);
        String partitionBy = a.get("postgresql_partition_by").flatMap(this::name).orElse(null);
        List<Operation> ops = new ArrayList<>(before);
        ops.add(new Operation.CreateTable(table, columns, constraints, flag(a, "if_not_exists"), temporary, false, partitionBy));
        ops.addAll(after);
        a.get("comment").flatMap(this::name).ifPresent(cm -> {
            if (dialect != Dialect.SQLITE) ops.add(new Operation.SetComment(table, null, cm));
        });
        return ops;
    }

    private List<String> elementNames(PyNode.Call c) {
        List<String> names = new ArrayList<>();
        for (PyNode x : c.args()) {
            PyNode r = resolve(x);
            if (r instanceof PyNode.Seq s) {
                for (PyNode y : s.items()) names.add(name(y).orElseGet(() -> expr().sql(y)));
            } else {
                names.add(name(x).orElseGet(() -> expr().sql(x)));
            }
        }
        return names;
    }

    private ConstraintDef foreignKeyConstraint(PyNode.Call c) {
        List<String> cols = c.arg(0, "columns").map(this::resolve).flatMap(PyNodes::strings).orElseThrow(() -> new NotReadable("ForeignKeyConstraint columns are not literals"));
        List<String> refs = c.arg(1, "refcolumns").map(this::resolve).flatMap(PyNodes::strings).orElseThrow(() -> new NotReadable("ForeignKeyConstraint refcolumns are not literals"));
        if (refs.isEmpty()) throw new NotReadable("ForeignKeyConstraint without refcolumns");
        ColumnDef.ForeignKeyRef first = fkRef(refs.get(0), null, null);
        List<String> refCols = refs.stream().map(r -> r.substring(r.lastIndexOf('.') + 1)).toList();
        ConstraintDef fk = ConstraintDef.foreignKey(c.kw("name").flatMap(this::name).orElse(null), cols, first.table(), refCols,
                action(c.kw("ondelete").flatMap(this::name)), action(c.kw("onupdate").flatMap(this::name)));
        return c.kw("deferrable").flatMap(PyNodes::bool).orElse(false)
                ? new ConstraintDef(fk.name(), fk.kind(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), null, false, null, true)
                : fk;
    }

    /** {@code Column(..., index=True)}: SQLAlchemy's default name {@code ix_<table>_<column>}. */
    private static Operation columnIndex(TableRef table, String column, boolean unique) {
        return new Operation.CreateIndex(new IndexDef("ix_" + table.name() + "_" + column, table, List.of(column), unique, null, null, List.of()), false, false);
    }

    /** {@code sa.Index("name", "col", ...)} inside create_table. */
    private Operation tableIndex(PyNode.Call c, TableRef table) {
        String name = c.arg(0, "name").flatMap(this::name).orElse(null);
        List<String> cols = new ArrayList<>();
        for (int k = 1; k < c.args().size(); k++) {
            PyNode x = c.args().get(k);
            cols.add(name(x).orElseGet(() -> expr().sql(x)));
        }
        return indexOp(name, table, cols, c.kwargs());
    }

    // ---- columns and constraints on existing tables ----------------------------------------

    private List<Operation> addColumn(Args a, Batch batch) {
        TableRef table = table(a, "table_name", batch);
        ColumnSpec s = column(a.get("column").orElseThrow(() -> missing("column")));
        ColumnDef d = s.def();
        if (s.pk()) d = d.withNotNull(true);
        // Unlike create_table, op.add_column does not create a PostgreSQL enum type: it must exist already.
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.AddColumn(table, new ColumnDef(d.name(), d.type(), d.notNull(), d.defaultExpr(), s.pk(), false, null, d.generated(),
                d.check(), false, d.collation(), d.comment()), flag(a, "if_not_exists")));
        if (s.unique() && !s.index()) ops.add(new Operation.AddConstraint(table, ConstraintDef.unique(null, List.of(d.name()))));
        if (s.fk() != null) {
            ops.add(new Operation.AddConstraint(table, ConstraintDef.foreignKey(s.fkName(), List.of(d.name()), s.fk().table(), List.of(s.fk().column()),
                    s.fk().onDelete(), s.fk().onUpdate())));
        }
        if (s.index()) ops.add(columnIndex(table, d.name(), s.unique()));
        if (s.comment() != null && dialect == Dialect.POSTGRESQL) ops.add(new Operation.SetComment(table, d.name(), s.comment()));
        return ops;
    }

    /**
     * alter_column: on MySQL Alembic emits one MODIFY / CHANGE restating the whole column from the
     * new and {@code existing_*} arguments (a missing {@code existing_nullable} makes the column
     * nullable); elsewhere one single-purpose ALTER per argument, in Alembic's order.
     */
    private List<Operation> alterColumn(Args a, Batch batch) {
        TableRef table = table(a, "table_name", batch);
        String column = req(a, "column_name");
        SqlType type = a.get("type_").filter(v -> !PyNodes.isNone(resolve(v))).map(v -> SqlAlchemyTypes.map(v, dialect, this::resolve).type()).orElse(null);
        SqlType existingType = a.get("existing_type").filter(v -> !PyNodes.isNone(resolve(v))).map(v -> SqlAlchemyTypes.map(v, dialect, this::resolve).type()).orElse(null);
        Optional<Boolean> nullable = a.get("nullable").map(this::resolve).flatMap(PyNodes::bool);
        Optional<Boolean> existingNullable = a.get("existing_nullable").map(this::resolve).flatMap(PyNodes::bool);
        boolean defaultGiven = a.get("server_default").map(this::resolve).filter(v -> !(v instanceof PyNode.Const k && k.name().equals("False"))).isPresent();
        String newDefault = defaultGiven ? defaultOf(a.get("server_default").get()) : null;
        boolean commentGiven = a.get("comment").map(this::resolve).filter(v -> !(v instanceof PyNode.Const k && k.name().equals("False"))).isPresent();
        String comment = commentGiven ? a.get("comment").flatMap(this::name).orElse(null) : null;
        String newName = a.get("new_column_name").flatMap(this::name).orElse(null);
        String using = a.get("postgresql_using").flatMap(this::name).orElse(null);
        List<Operation> ops = new ArrayList<>();
        if (dialect != null && dialect.isMysqlFamily()) {
            if (newName != null || nullable.isPresent() || type != null || commentGiven) {
                boolean notNull = nullable.map(v -> !v).orElse(existingNullable.map(v -> !v).orElse(false));
                String dflt = defaultGiven ? newDefault
                        : a.get("existing_server_default").filter(v -> !PyNodes.isNone(resolve(v))).map(this::defaultOf).orElse(null);
                ColumnDef def = ColumnDef.of(column, type != null ? type : existingType, notNull, dflt).withComment(comment);
                ops.add(new Operation.RedefineColumn(table, column, def));
                if (newName != null) ops.add(new Operation.RenameColumn(table, column, newName));
            } else if (defaultGiven) {
                ops.add(new Operation.AlterColumnDefault(table, column, newDefault));
            }
            return ops;
        }
        if (type != null) ops.add(new Operation.AlterColumnType(table, column, type, using));
        nullable.ifPresent(v -> ops.add(new Operation.AlterColumnNullability(table, column, !v)));
        if (defaultGiven) ops.add(new Operation.AlterColumnDefault(table, column, newDefault));
        if (commentGiven && dialect != Dialect.SQLITE) ops.add(new Operation.SetComment(table, column, comment));
        if (newName != null) ops.add(new Operation.RenameColumn(table, column, newName));
        return ops;
    }

    private String defaultOf(PyNode v) {
        PyNode r = resolve(v);
        if (PyNodes.isNone(r)) return null;
        return expr().serverDefault(r);
    }

    private Operation createIndex(Args a, Batch batch) {
        TableRef table = table(a, "table_name", batch);
        String name = optName(a, "index_name");
        PyNode colsNode = resolve(a.get("columns").orElseThrow(() -> missing("columns")));
        List<String> cols = new ArrayList<>();
        for (PyNode x : PyNodes.items(colsNode)) cols.add(name(x).orElseGet(() -> expr().sql(x)));
        return indexOp(name, table, cols, a.named());
    }

    private Operation indexOp(String name, TableRef table, List<String> cols, Map<String, PyNode> kw) {
        Optional<PyNode> ops = Optional.ofNullable(kw.get("postgresql_ops")).map(this::resolve);
        List<String> columns = new ArrayList<>();
        for (String col : cols) {
            String opclass = ops.flatMap(o -> PyNodes.dictGet(o, col)).flatMap(this::name).orElse(null);
            columns.add(opclass == null ? col : col + " " + opclass);
        }
        boolean unique = Optional.ofNullable(kw.get("unique")).map(this::resolve).flatMap(PyNodes::bool).orElse(false);
        String method = Optional.ofNullable(kw.get("postgresql_using")).flatMap(this::name).orElse(null);
        PyNode whereNode = kw.get(dialect == Dialect.SQLITE ? "sqlite_where" : "postgresql_where");
        String where = whereNode == null || PyNodes.isNone(resolve(whereNode)) ? null : expr().condition(whereNode);
        List<String> include = Optional.ofNullable(kw.get("postgresql_include")).map(this::resolve).flatMap(PyNodes::strings).orElse(List.of());
        boolean concurrently = dialect == Dialect.POSTGRESQL
                && Optional.ofNullable(kw.get("postgresql_concurrently")).map(this::resolve).flatMap(PyNodes::bool).orElse(false);
        boolean ifNotExists = Optional.ofNullable(kw.get("if_not_exists")).map(this::resolve).flatMap(PyNodes::bool).orElse(false);
        return new Operation.CreateIndex(new IndexDef(name, table, columns, unique, method, where, include), concurrently, ifNotExists);
    }

    private Operation dropIndex(Args a, Batch batch) {
        String name = req(a, "index_name");
        TableRef table = batch != null ? batch.table
                : a.get("table_name").filter(v -> !PyNodes.isNone(resolve(v))).flatMap(this::name).map(t -> new TableRef(schema(a), t)).orElse(null);
        boolean concurrently = dialect == Dialect.POSTGRESQL && flag(a, "postgresql_concurrently");
        return new Operation.DropIndex(name, table, concurrently, flag(a, "if_exists"), false);
    }

    private Operation foreignKey(Args a, Batch batch) {
        TableRef source = batch != null ? batch.table
                : new TableRef(a.get("source_schema").flatMap(this::name).orElse(schema(a)), req(a, "source_table"));
        TableRef ref = new TableRef(a.get("referent_schema").flatMap(this::name).orElse(null), req(a, "referent_table"));
        ConstraintDef fk = ConstraintDef.foreignKey(optName(a, "constraint_name"), strings(a, "local_cols"), ref, strings(a, "remote_cols"),
                action(a.get("ondelete").flatMap(this::name)), action(a.get("onupdate").flatMap(this::name)));
        fk = withDeferrable(fk, a).withNotValid(flag(a, "postgresql_not_valid"));
        return new Operation.AddConstraint(source, fk);
    }

    private Operation excludeConstraint(Args a, Batch batch) {
        TableRef table = table(a, "table_name", batch);
        List<String> parts = new ArrayList<>();
        for (PyNode el : a.rest()) {
            PyNode r = resolve(el);
            if (r instanceof PyNode.Seq s && s.items().size() == 2) {
                parts.add(name(s.items().get(0)).orElseGet(() -> expr().sql(s.items().get(0))) + " WITH " + name(s.items().get(1)).orElse("?"));
            } else {
                parts.add(module.text(el));
            }
        }
        String using = a.get("using").flatMap(this::name).orElse("gist");
        String where = a.get("where").map(w -> expr().condition(w)).orElse(null);
        String expression = "USING " + using + " (" + String.join(", ", parts) + ")" + (where == null ? "" : " WHERE (" + where + ")");
        return new Operation.AddConstraint(table, new ConstraintDef(optName(a, "constraint_name"), ConstraintDef.Kind.EXCLUDE, null, null, null,
                null, null, expression, false, null, false));
    }

    // ---- execute / data ---------------------------------------------------------------------

    /**
     * op.execute / connection.execute: SQL text goes to the SQL engine; SQLAlchemy Core
     * update/insert/delete constructs become {@link Operation.DataChange}; SQL built at run time
     * (f-strings, %-formatting, variables that are not literals) is opaque code.
     */
    private void execute(PyNode.Call call, PyNode sqlNode) {
        if (sqlNode == null) {
            out.unparsed(call.span(), "execute() without a statement");
            return;
        }
        PyNode r = resolve(sqlNode);
        Optional<String> sql = expr().textSql(r);
        if (sql.isPresent()) {
            out.sql(sql.get(), call.span(), null);
            return;
        }
        Operation data = coreStatement(r);
        if (data != null) {
            out.orm(call.span(), List.of(data), null);
            return;
        }
        String what = r instanceof PyNode.Str s && s.fString() ? "an f-string" : "SQL built at run time";
        out.orm(call.span(), List.of(new Operation.OpaqueCode("python", "execute() of " + what + ": " + module.text(sqlNode), false, List.of())), null);
    }

    /** {@code t.update().where(...).values(...)}, {@code sa.update(t)}, {@code t.delete()}, {@code sa.insert(t)}... */
    private Operation coreStatement(PyNode n) {
        boolean where = false;
        List<String> setCols = new ArrayList<>();
        PyNode cur = n;
        for (int k = 0; k < 20 && cur instanceof PyNode.Call c && c.func() instanceof PyNode.Attr a; k++) {
            String m = a.name();
            if (m.equals("where") || m.equals("filter") || m.equals("filter_by")) where = true;
            if (m.equals("values")) {
                for (PyNode arg : c.args()) {
                    if (resolve(arg) instanceof PyNode.Dict d) {
                        for (PyNode key : d.keys()) if (key != null) name(key).ifPresent(setCols::add);
                    }
                }
                setCols.addAll(c.kwargs().keySet());
            }
            Operation.DataKind kind = switch (m) {
                case "update" -> Operation.DataKind.UPDATE;
                case "insert" -> Operation.DataKind.INSERT;
                case "delete" -> Operation.DataKind.DELETE;
                default -> null;
            };
            if (kind != null) {
                TableRef t = isSaModule(a.value()) ? c.arg(0, "table").map(this::saTable).orElse(null) : saTable(a.value());
                if (t == null) return null;
                return new Operation.DataChange(kind, t, where, setCols);
            }
            cur = a.value();
        }
        return null;
    }

    private static boolean isSaModule(PyNode n) {
        String d = PyNodes.dotted(n);
        return d != null && (d.equals("sa") || d.equals("sqlalchemy") || d.endsWith(".sql") || d.equals("expression"));
    }

    /** The table of {@code sa.table("t", ...)}, {@code sa.Table("t", meta, ...)} or an {@code op.create_table(...)} result. */
    private TableRef saTable(PyNode n) {
        PyNode r = resolve(n);
        if (r instanceof PyNode.Call c && Set.of("table", "Table", "create_table").contains(c.funcName())) {
            Optional<String> t = c.arg(0, "name").flatMap(this::name);
            if (t.isEmpty()) return null;
            return new TableRef(c.kw("schema").flatMap(this::name).orElse(null), t.get());
        }
        if (r instanceof PyNode.Attr a && a.name().equals("__table__")) return null;
        return null;
    }

    private List<Operation> bulkInsert(Args a) {
        PyNode tableNode = a.get("table").orElseThrow(() -> missing("table"));
        TableRef t = saTable(tableNode);
        if (t == null) throw new NotReadable("the table is not a literal sa.table(...): " + module.text(tableNode));
        LinkedHashSet<String> cols = new LinkedHashSet<>();
        a.get("rows").map(this::resolve).ifPresent(rows -> {
            for (PyNode row : PyNodes.items(rows)) {
                if (resolve(row) instanceof PyNode.Dict d) {
                    for (PyNode key : d.keys()) if (key != null) name(key).ifPresent(cols::add);
                }
            }
        });
        return List.of(new Operation.DataChange(Operation.DataKind.INSERT, t, false, new ArrayList<>(cols)));
    }
}

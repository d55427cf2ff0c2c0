package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.js.JsAst.Arr;
import dev.dbmigrate.parse.js.JsAst.Bad;
import dev.dbmigrate.parse.js.JsAst.Binary;
import dev.dbmigrate.parse.js.JsAst.Block;
import dev.dbmigrate.parse.js.JsAst.Call;
import dev.dbmigrate.parse.js.JsAst.Cond;
import dev.dbmigrate.parse.js.JsAst.Declarator;
import dev.dbmigrate.parse.js.JsAst.ExprStmt;
import dev.dbmigrate.parse.js.JsAst.Fn;
import dev.dbmigrate.parse.js.JsAst.FunctionDecl;
import dev.dbmigrate.parse.js.JsAst.Id;
import dev.dbmigrate.parse.js.JsAst.If;
import dev.dbmigrate.parse.js.JsAst.Index;
import dev.dbmigrate.parse.js.JsAst.Lit;
import dev.dbmigrate.parse.js.JsAst.Loop;
import dev.dbmigrate.parse.js.JsAst.Member;
import dev.dbmigrate.parse.js.JsAst.New;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Obj;
import dev.dbmigrate.parse.js.JsAst.Opaque;
import dev.dbmigrate.parse.js.JsAst.OtherStmt;
import dev.dbmigrate.parse.js.JsAst.Prop;
import dev.dbmigrate.parse.js.JsAst.Return;
import dev.dbmigrate.parse.js.JsAst.Stmt;
import dev.dbmigrate.parse.js.JsAst.Throw;
import dev.dbmigrate.parse.js.JsAst.Tpl;
import dev.dbmigrate.parse.js.JsAst.Try;
import dev.dbmigrate.parse.js.JsAst.Unary;
import dev.dbmigrate.parse.js.JsAst.VarDecl;
import dev.dbmigrate.parse.js.JsScope.Existence;
import dev.dbmigrate.parse.js.JsScope.Guard;
import dev.dbmigrate.parse.js.JsScope.Role;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Walks the statements of a JavaScript / TypeScript migration function and turns every call on a
 * database handle into statements through the Knex, Sequelize and TypeORM readers. Control flow:
 * both branches of an {@code if} are read (an existence check such as {@code hasTable} turns into
 * IF [NOT] EXISTS on the guarded operations), {@code Promise.all([...])}, {@code .then(cb)} chains,
 * transactions and {@code try} blocks are followed; loops, switch statements and calls of local
 * helper functions that involve a handle become UNPARSED statements.
 */
final class JsWalker {

    /** Roots whose calls never touch the database. */
    private static final Set<String> HARMLESS = Set.of("console", "logger", "log", "debug", "Promise", "JSON", "Math", "Object",
            "Array", "Date", "String", "Number", "Boolean", "setTimeout", "process", "require", "assert", "Buffer", "Symbol");

    final CodeSink sink;
    final Dialect dialect;
    final KnexCalls knex;
    final SequelizeCalls sequelize;
    final TypeOrmCalls typeorm;

    JsWalker(CodeSink sink) {
        this.sink = sink;
        this.dialect = sink.dialect();
        this.knex = new KnexCalls(this);
        this.sequelize = new SequelizeCalls(this);
        this.typeorm = new TypeOrmCalls(this);
    }

    // ---- statements ------------------------------------------------------------------------

    void statements(List<Stmt> body, JsScope scope) {
        for (Stmt s : body) statement(s, scope);
    }

    void statement(Stmt s, JsScope scope) {
        if (s instanceof ExprStmt e) {
            topExpression(e.expr(), scope);
        } else if (s instanceof Return r) {
            if (r.expr() != null) topExpression(r.expr(), scope);
        } else if (s instanceof VarDecl v) {
            for (Declarator d : v.decls()) declare(d, scope);
        } else if (s instanceof If f) {
            ifStatement(f, scope);
        } else if (s instanceof Block b) {
            statements(b.body(), scope.child());
        } else if (s instanceof Loop l) {
            if (mentionsHandle(l, scope)) {
                sink.unparsed(l.start(), l.end(), l.kind() + " loop over database calls: what it runs depends on run-time values");
            }
        } else if (s instanceof Try t) {
            statements(t.body().body(), scope.child());
            if (t.handler() != null && mentionsHandle(t.handler(), scope)) {
                sink.unparsed(t.handler().start(), t.handler().end(), "catch block with database calls: runs only when the try block fails");
            }
            if (t.finalizer() != null) statements(t.finalizer().body(), scope.child());
        } else if (s instanceof Throw t) {
            sink.orm(t.start(), t.end(), List.of(new Operation.OpaqueCode(language(), "throws " + text(t.expr()), false, List.of())));
        } else if (s instanceof FunctionDecl f) {
            scope.bind(f.name(), f.fn());
        } else if (s instanceof OtherStmt o) {
            if (Set.of("switch", "class").contains(o.what()) && mentionsHandleText(o.start(), o.end(), scope)) {
                sink.unparsed(o.start(), o.end(), o.what() + " statement with database calls is not read");
            }
        } else if (s instanceof Bad b) {
            sink.unparsed(b.start(), b.end(), "JavaScript not understood: " + b.message());
        }
    }

    String language() {
        return "javascript";
    }

    private void declare(Declarator d, JsScope scope) {
        Node init = d.init();
        if (init == null) return;
        Node bare = unawait(init);
        if (d.name() != null) {
            Existence ex = existence(bare, scope);
            if (ex != null) {
                scope.bind(d.name(), ex);
                return;
            }
            if (isStatic(bare, scope)) {
                scope.bind(d.name(), bare);
                return;
            }
            Chain c = chain(bare, scope);
            Role r = scope.role(c.rootName());
            if (r != null && isAlias(c, r)) {
                scope.bind(d.name(), bare);
                return;
            }
            if (r != null && c.links().size() > 0 && c.links().get(c.links().size() - 1).name().equals("transaction")
                    && !c.links().get(c.links().size() - 1).args().stream().anyMatch(a -> a instanceof Fn)) {
                scope.bind(d.name(), r == Role.KNEX ? Role.KNEX : Role.TRANSACTION);
                return;
            }
            if (bare instanceof Fn fn) {
                scope.bind(d.name(), fn);
                return;
            }
        }
        if (d.name() == null && bare instanceof Id id && scope.role(id.name()) != null) {
            for (String n : d.names()) scope.bind(n, new Member(id.start(), id.end(), id, n));
            return;
        }
        if (mentionsHandle(init, scope)) topExpression(init, scope);
    }

    /** A chain that only selects a builder ({@code knex.schema}, {@code knex.schema.withSchema('x')}, {@code Sequelize.DataTypes}). */
    private static boolean isAlias(Chain c, Role r) {
        if (c.links().isEmpty()) return true;
        for (Chain.Link l : c.links()) {
            if (l.isCall() && !l.name().equals("withSchema")) return false;
        }
        return true;
    }

    private void ifStatement(If f, JsScope scope) {
        JsScope thenScope = scope.child();
        JsScope elseScope = scope.child();
        Guard g = guard(f.test(), scope);
        if (g != null) {
            thenScope.guard = g;
            elseScope.guard = new Guard(g.existence(), !g.exists());
        } else if (mentionsHandle(f.test(), scope) && existence(unawait(f.test()), scope) == null) {
            expression(f.test(), scope, false);
        }
        String cond = g == null ? shorten(text(f.test())) : null;
        branch(f.then(), thenScope, cond);
        if (f.otherwise() != null) branch(f.otherwise(), elseScope, cond == null ? null : "!(" + cond + ")");
    }

    /** Walks one branch of an if; a condition the reader cannot decide marks its statements Conditional. */
    private void branch(Stmt s, JsScope scope, String condition) {
        if (condition == null) {
            statement(s, scope);
            return;
        }
        sink.enterCondition(condition);
        try {
            statement(s, scope);
        } finally {
            sink.exitCondition();
        }
    }

    /** The guard an if-test sets up: {@code exists}, {@code !exists}, {@code !(await knex.schema.hasTable('t'))}. */
    private Guard guard(Node test, JsScope scope) {
        Node t = unawait(test);
        if (t instanceof Unary u && u.op().equals("!")) {
            Guard inner = guard(u.arg(), scope);
            return inner == null ? null : new Guard(inner.existence(), !inner.exists());
        }
        Existence ex = existence(t, scope);
        return ex == null ? null : new Guard(ex, true);
    }

    /** The existence check an expression is or names (a hasTable/hasColumn call or a variable holding one). */
    Existence existence(Node n, JsScope scope) {
        Node t = unawait(n);
        if (t instanceof Id id && scope.lookup(id.name()) instanceof Existence ex) return ex;
        if (!(t instanceof Call)) return null;
        Chain c = chain(t, scope);
        Role r = scope.role(c.rootName());
        if (r == null || c.links().isEmpty()) return null;
        Chain.Link last = c.links().get(c.links().size() - 1);
        String table = str(last.arg(0), scope);
        if (table == null) return null;
        return switch (last.name()) {
            case "hasTable", "tableExists" -> new Existence(table, null);
            case "hasColumn" -> {
                String col = str(last.arg(1), scope);
                yield col == null ? null : new Existence(table, col);
            }
            default -> null;
        };
    }

    // ---- expressions -----------------------------------------------------------------------

    /** An expression that stands as a statement (or is returned). */
    void topExpression(Node n, JsScope scope) {
        expression(n, scope, true);
    }

    void expression(Node n, JsScope scope, boolean top) {
        Node e = Chain.unwrap(n);
        if (e instanceof Unary u && (u.op().equals("await") || u.op().equals("void") || u.op().equals("..."))) {
            expression(u.arg(), scope, top);
        } else if (e instanceof Binary b && (b.op().equals(",") || b.op().equals("&&") || b.op().equals("||") || b.op().equals("??"))) {
            expression(b.left(), scope, false);
            expression(b.right(), scope, false);
        } else if (e instanceof Cond c) {
            expression(c.then(), scope, false);
            expression(c.otherwise(), scope, false);
        } else if (e instanceof Arr a) {
            a.items().forEach(x -> expression(x, scope, false));
        } else if (e instanceof Call c) {
            call(c, scope, top);
        } else if (!(e instanceof Fn) && top && mentionsHandle(e, scope)) {
            sink.unparsed(e.start(), e.end(), "expression not understood: " + shorten(text(e)));
        }
    }

    private void call(Call call, JsScope scope, boolean top) {
        Chain c = chain(call, scope);
        int then = firstOf(c, "then", "catch", "finally");
        if (then >= 0) {
            Node before = then == 0 ? c.root() : c.links().get(then - 1).node();
            Existence ex = existence(before, scope);
            if (ex == null) expression(before, scope, top);
            for (int k = then; k < c.links().size(); k++) {
                Chain.Link l = c.links().get(k);
                if (!l.isCall() || l.args().isEmpty()) continue;
                Node cb = l.args().get(0);
                if (cb instanceof Fn fn) {
                    JsScope inner = scope.child();
                    if (ex != null && !fn.params().isEmpty() && l.name().equals("then")) inner.bind(fn.params().get(0), ex);
                    function(fn, inner);
                } else if (mentionsHandle(cb, scope)) {
                    sink.unparsed(cb.start(), cb.end(), "callback passed by reference is not followed");
                }
            }
            return;
        }
        String rootName = c.rootName();
        Role role = scope.role(rootName);
        if (role != null) {
            handle(role, c, call, scope);
            return;
        }
        if (rootName != null && (rootName.equals("Promise") && !c.links().isEmpty())) {
            for (Node a : c.links().get(0).args() == null ? List.<Node>of() : c.links().get(0).args()) expression(a, scope, false);
            return;
        }
        if (rootName != null && scope.lookup(rootName) instanceof Fn) {
            sink.unparsed(call.start(), call.end(), "calls the local helper " + rootName + "(): db-migrate does not follow helper functions");
            return;
        }
        if (rootName != null && HARMLESS.contains(rootName)) return;
        String last = c.links().isEmpty() ? "" : c.links().get(c.links().size() - 1).name();
        if (Set.of("map", "forEach", "reduce", "flatMap", "filter", "some", "every").contains(last) && mentionsHandle(call, scope)) {
            sink.unparsed(call.start(), call.end(), "loop (." + last + ") over database calls: what it runs depends on run-time values");
        } else if (mentionsHandle(call, scope)) {
            sink.unparsed(call.start(), call.end(), "passes the database handle to " + shorten(callName(c)) + "(): not followed");
        } else if (top && rootName != null) {
            sink.unparsed(call.start(), call.end(), "calls " + shorten(callName(c)) + "(): db-migrate cannot see what it runs");
        }
    }

    private static String callName(Chain c) {
        StringBuilder sb = new StringBuilder(c.rootName() == null ? "?" : c.rootName());
        for (Chain.Link l : c.links()) {
            if (!l.name().isEmpty()) sb.append('.').append(l.name());
        }
        return sb.toString();
    }

    private void handle(Role role, Chain c, Call call, JsScope scope) {
        boolean done = switch (role) {
            case KNEX -> knex.handle(c, scope);
            case KNEX_TABLE -> knex.tableStatement(c, call, scope);
            case QUERY_INTERFACE -> sequelize.handle(c, scope);
            case QUERY_RUNNER -> typeorm.handle(c, scope);
            case TRANSACTION, SEQUELIZE -> true;
        };
        if (!done) sink.unparsed(call.start(), call.end(), "call not understood: " + shorten(callName(c)) + "()");
    }

    /** Walks a callback / arrow function body. */
    void function(Fn fn, JsScope scope) {
        if (fn.body() != null) statements(fn.body(), scope);
        else if (fn.expr() != null) topExpression(fn.expr(), scope);
    }

    private static int firstOf(Chain c, String... names) {
        for (int k = 0; k < c.links().size(); k++) {
            Chain.Link l = c.links().get(k);
            if (!l.isCall()) continue;
            for (String n : names) {
                if (l.name().equals(n)) return k;
            }
        }
        return -1;
    }

    /** The chain of an expression with aliases of handle chains expanded. */
    Chain chain(Node n, JsScope scope) {
        Chain c = Chain.of(n);
        for (int guard = 0; guard < 8; guard++) {
            String root = c.rootName();
            if (root == null || scope.role(root) != null) return c;
            Node alias = scope.value(root);
            if (alias == null || isStatic(alias, scope)) return c;
            c = c.withPrefix(Chain.of(alias));
        }
        return c;
    }

    static Node unawait(Node n) {
        Node e = Chain.unwrap(n);
        while (e instanceof Unary u && (u.op().equals("await") || u.op().equals("as"))) e = u.arg();
        return e;
    }

    // ---- handle detection ------------------------------------------------------------------

    boolean mentionsHandle(Object n, JsScope scope) {
        if (n == null) return false;
        if (n instanceof Stmt s) return mentionsHandleText(s.start(), s.end(), scope);
        Node node = (Node) n;
        return mentionsHandleText(node.start(), node.end(), scope);
    }

    /** Whether the source in {@code [start, end)} uses a name bound to a handle or a local helper. */
    boolean mentionsHandleText(int start, int end, JsScope scope) {
        String src = sink.text().substring(Math.max(0, start), Math.min(end, sink.text().length()));
        for (JsToken t : JsLexer.tokenize(src).tokens()) {
            if (t.isIdent()) {
                Object v = scope.lookup(t.text());
                if (v instanceof Role r && r != Role.TRANSACTION && r != Role.SEQUELIZE || v instanceof Fn) return true;
                if (v instanceof Node alias && !isStatic(alias, scope) && mentionsHandle(alias, scope)) return true;
            }
        }
        return false;
    }

    // ---- values ----------------------------------------------------------------------------

    /** A value known without running the code (literals, arrays and objects of them, constants). */
    boolean isStatic(Node n, JsScope scope) {
        Node e = resolve(n, scope);
        if (e instanceof Lit) return true;
        if (e instanceof Tpl t) return t.exprs().stream().allMatch(x -> isStatic(x, scope));
        if (e instanceof Arr a) return a.items().stream().allMatch(x -> isStatic(x, scope));
        if (e instanceof Obj o) return o.props().stream().allMatch(p -> !p.spread() && p.key() != null && isStatic(p.value(), scope));
        if (e instanceof Unary u && u.op().equals("-")) return isStatic(u.arg(), scope);
        if (e instanceof Binary b && b.op().equals("+")) return isStatic(b.left(), scope) && isStatic(b.right(), scope);
        return false;
    }

    /** Follows constant names to their values. */
    Node resolve(Node n, JsScope scope) {
        Node e = Chain.unwrap(n);
        for (int k = 0; k < 8 && e instanceof Id id; k++) {
            Node v = scope.value(id.name());
            if (v == null) break;
            e = Chain.unwrap(v);
        }
        return e;
    }

    /** A string value (strings, numbers, static templates, '+' concatenation, constants), or null. */
    String str(Node n, JsScope scope) {
        if (n == null) return null;
        Node e = resolve(n, scope);
        if (e instanceof Lit l && l.value() instanceof String s) return s;
        if (e instanceof Lit l && l.value() instanceof Double d) return number(d);
        if (e instanceof Tpl t) {
            StringBuilder sb = new StringBuilder(t.quasis().get(0));
            for (int k = 0; k < t.exprs().size(); k++) {
                String v = str(t.exprs().get(k), scope);
                if (v == null) return null;
                sb.append(v).append(t.quasis().get(k + 1));
            }
            return sb.toString();
        }
        if (e instanceof Binary b && b.op().equals("+")) {
            String l = str(b.left(), scope);
            String r = str(b.right(), scope);
            return l == null || r == null ? null : l + r;
        }
        return null;
    }

    /** The columns with inline PRIMARY KEY turned off (NOT NULL kept), for a table-level primary key constraint. */
    static List<dev.dbmigrate.model.ColumnDef> primaryKeyAsConstraint(List<dev.dbmigrate.model.ColumnDef> cols) {
        List<dev.dbmigrate.model.ColumnDef> out = new ArrayList<>();
        for (dev.dbmigrate.model.ColumnDef c : cols) {
            out.add(c.primaryKey() ? new dev.dbmigrate.model.ColumnDef(c.name(), c.type(), true, c.defaultExpr(), false, c.unique(),
                    c.references(), c.generated(), c.check(), c.autoIncrement(), c.collation(), c.comment()) : c);
        }
        return out;
    }

    static String number(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
    }

    Integer num(Node n, JsScope scope) {
        if (n == null) return null;
        Node e = resolve(n, scope);
        if (e instanceof Lit l && l.value() instanceof Double d) return (int) Math.round(d);
        if (e instanceof Lit l && l.value() instanceof String s && s.matches("\\d+")) return Integer.parseInt(s);
        return null;
    }

    Boolean bool(Node n, JsScope scope) {
        if (n == null) return null;
        Node e = resolve(n, scope);
        if (e instanceof Lit l && l.value() instanceof Boolean b) return b;
        if (e instanceof Unary u && u.op().equals("!") && resolve(u.arg(), scope) instanceof Lit l && l.value() instanceof Double d) return d == 0;
        return null;
    }

    /** A string or an array of strings as a list; null when not static. */
    List<String> strings(Node n, JsScope scope) {
        if (n == null) return null;
        Node e = resolve(n, scope);
        if (e instanceof Arr a) {
            List<String> out = new ArrayList<>();
            for (Node x : a.items()) {
                String s = str(x, scope);
                if (s == null) return null;
                out.add(s);
            }
            return out;
        }
        String s = str(e, scope);
        return s == null ? null : List.of(s);
    }

    Obj obj(Node n, JsScope scope) {
        if (n == null) return null;
        return resolve(n, scope) instanceof Obj o ? o : null;
    }

    /** The value of property {@code key} of an object literal, or null. */
    Node prop(Obj o, String key) {
        return o == null ? null : o.get(key);
    }

    /** JSON text of a static value (defaults that are objects / arrays). */
    String json(Node n, JsScope scope) {
        Node e = resolve(n, scope);
        if (e instanceof Lit l) {
            if (l.value() == null) return "null";
            if (l.value() instanceof String s) return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
            if (l.value() instanceof Double d) return number(d);
            return String.valueOf(l.value());
        }
        if (e instanceof Arr a) {
            List<String> parts = new ArrayList<>();
            for (Node x : a.items()) parts.add(json(x, scope));
            return "[" + String.join(",", parts) + "]";
        }
        if (e instanceof Obj o) {
            List<String> parts = new ArrayList<>();
            for (Prop p : o.props()) parts.add("\"" + p.key() + "\":" + json(p.value(), scope));
            return "{" + String.join(",", parts) + "}";
        }
        String s = str(e, scope);
        return s == null ? text(e) : "\"" + s + "\"";
    }

    /** A SQL string literal. */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /**
     * A plain JavaScript value as the SQL default an ORM writes for it: strings quoted, numbers as
     * written, booleans, null; objects and arrays as JSON text. Null when it is not static.
     */
    String literalDefault(Node n, JsScope scope) {
        Node e = resolve(n, scope);
        if (e instanceof Lit l) {
            if (l.value() == null) return "NULL";
            if (l.value() instanceof String s) return quote(s);
            if (l.value() instanceof Double d) return number(d);
            if (l.value() instanceof Boolean b) return b.toString();
            return String.valueOf(l.value());
        }
        if (e instanceof Unary u && u.op().equals("-") && num(u.arg(), scope) != null) return "-" + str(u.arg(), scope);
        if (e instanceof Obj || e instanceof Arr) return isStatic(e, scope) ? quote(json(e, scope)) : null;
        String s = str(e, scope);
        return s == null ? null : quote(s);
    }

    String text(Node n) {
        return n == null ? "" : sink.text().substring(Math.max(0, n.start()), Math.min(n.end(), sink.text().length()));
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    // ---- names -----------------------------------------------------------------------------

    /** A table name as given to an ORM: "schema.table" splits into a qualified ref. */
    TableRef table(String name) {
        if (name == null) return null;
        int dot = name.indexOf('.');
        if (dot > 0 && dot < name.length() - 1) return new TableRef(name.substring(0, dot), name.substring(dot + 1));
        return TableRef.of(name);
    }

    TableRef table(String schema, String name) {
        return schema == null ? table(name) : new TableRef(schema, name);
    }

    /** Embedded SQL: a static string / template goes to the SQL engine; anything else is UNPARSED. */
    void sql(Node arg, Node call, JsScope scope) {
        if (arg == null) {
            sink.unparsed(call.start(), call.end(), "query without SQL text");
            return;
        }
        Node e = resolve(arg, scope);
        String s = str(e, scope);
        if (s == null) {
            sink.unparsed(call.start(), call.end(), "SQL built at run time: " + shorten(text(arg)));
            return;
        }
        int contentStart = (e instanceof Lit || e instanceof Tpl t && t.exprs().isEmpty()) && e.start() >= arg.start() && e.end() <= arg.end()
                ? e.start() + 1 : -1;
        sink.sql(s, sink.literalOrigin(s, contentStart), call.start(), call.end());
    }

    /** Builds operations, or reports the call as UNPARSED when a reader gave up. */
    static final class GiveUp extends RuntimeException {
        final Node at;

        GiveUp(String message, Node at) {
            super(message, null, false, false);
            this.at = at;
        }
    }

    static GiveUp giveUp(String message, Node at) {
        return new GiveUp(message, at);
    }

    static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** Positional arguments of New / Call nodes (for {@code new Table({...})}). */
    static List<Node> args(Node n) {
        Node e = Chain.unwrap(n);
        if (e instanceof New nw) return nw.args();
        if (e instanceof Call c) return c.args();
        return List.of();
    }

    /** The constructor name of a {@code new X(...)} expression, or null. */
    static String newName(Node n) {
        Node e = Chain.unwrap(n);
        if (!(e instanceof New nw)) return null;
        Node callee = nw.callee();
        if (callee instanceof Id id) return id.name();
        if (callee instanceof Member m) return m.name();
        return null;
    }

    static boolean isOpaque(Node n) {
        return n instanceof Opaque;
    }

    static boolean isIndex(Node n) {
        return n instanceof Index;
    }
}

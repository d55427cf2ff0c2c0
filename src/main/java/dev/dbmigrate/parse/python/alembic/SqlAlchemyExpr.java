package dev.dbmigrate.parse.python.alembic;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Renders the SQLAlchemy expressions that migrations pass as SQL (server defaults, CHECK
 * conditions, index expressions and predicates) the way SQLAlchemy would compile them, best
 * effort: {@code sa.text("...")} verbatim, {@code sa.func.now()} as {@code now()},
 * {@code sa.column("x") > 0} as {@code x > 0}, {@code .is_(None)} as {@code IS NULL}. Anything
 * it does not know is rendered as its Python source text.
 */
final class SqlAlchemyExpr {

    private static final Set<String> NILADIC = Set.of("current_timestamp", "current_date", "current_time", "localtime",
            "localtimestamp", "current_user", "session_user", "user");
    private static final Set<String> TEXT_FUNCS = Set.of("text", "literal_column", "DDL");

    private final PyModule module;
    private final UnaryOperator<PyNode> resolve;
    private final Dialect dialect;

    SqlAlchemyExpr(PyModule module, UnaryOperator<PyNode> resolve, Dialect dialect) {
        this.module = module;
        this.resolve = resolve;
        this.dialect = dialect;
    }

    /** The SQL of {@code sa.text("...")} / {@code text(...)} (with {@code .bindparams()} etc. chained), or of a plain string. */
    Optional<String> textSql(PyNode node) {
        PyNode n = resolve.apply(node);
        if (n instanceof PyNode.Str s && !s.fString()) return Optional.of(s.value());
        if (n instanceof PyNode.Call c) {
            if (TEXT_FUNCS.contains(c.funcName()) && !(c.func() instanceof PyNode.Attr a && !isModule(a.value()))) {
                return c.arg(0).flatMap(this::textSql);
            }
            if (c.func() instanceof PyNode.Attr a && Set.of("bindparams", "execution_options", "columns").contains(a.name())) {
                return textSql(a.value());
            }
        }
        return Optional.empty();
    }

    /** A {@code server_default}: a Python string is a quoted SQL literal; expressions render as SQL. */
    String serverDefault(PyNode node) {
        PyNode n = resolve.apply(node);
        if (n instanceof PyNode.Str s) return quote(s.value());
        return sql(n);
    }

    /** A condition given as a string (raw SQL, as SQLAlchemy treats it) or as an expression. */
    String condition(PyNode node) {
        PyNode n = resolve.apply(node);
        if (n instanceof PyNode.Str s) return s.value();
        return sql(n);
    }

    String sql(PyNode node) {
        PyNode n = resolve.apply(node);
        if (n instanceof PyNode.Str s) return quote(s.value());
        if (n instanceof PyNode.Num num) return num.text();
        if (n instanceof PyNode.Const c) return constant(c.name());
        if (n instanceof PyNode.Call c) return call(c);
        if (n instanceof PyNode.Attr a) {
            if (a.value() instanceof PyNode.Attr inner && inner.name().equals("c")) return a.name();
            String d = PyNodes.dotted(a);
            if (d != null && funcName(d) != null) return function(funcName(d), List.of());
        }
        if (n instanceof PyNode.BinOp b) {
            String op = switch (b.op()) {
                case "==" -> "=";
                case "!=" -> "<>";
                case "and", "&" -> "AND";
                case "or", "|" -> "OR";
                case "in" -> "IN";
                case "not in" -> "NOT IN";
                case "is" -> "IS";
                case "is not" -> "IS NOT";
                default -> b.op();
            };
            return operand(b.left(), op) + " " + op + " " + operand(b.right(), op);
        }
        if (n instanceof PyNode.Unary u) {
            if (u.op().equals("not") || u.op().equals("~")) return "NOT " + operand(u.operand(), "NOT");
            return u.op() + sql(u.operand());
        }
        if (n instanceof PyNode.Seq s) return "(" + String.join(", ", s.items().stream().map(this::sql).toList()) + ")";
        return module.text(n);
    }

    private String operand(PyNode node, String op) {
        PyNode n = resolve.apply(node);
        String s = sql(n);
        boolean logical = op.equals("AND") || op.equals("OR") || op.equals("NOT");
        if (n instanceof PyNode.BinOp b && (logical || b.op().equals("and") || b.op().equals("or") || b.op().equals("&") || b.op().equals("|"))
                && !(op.equals("AND") && (b.op().equals("and") || b.op().equals("&")))) {
            return "(" + s + ")";
        }
        return s;
    }

    private String call(PyNode.Call c) {
        String name = c.funcName();
        Optional<String> text = textSql(c);
        if (text.isPresent()) return text.get();
        String dotted = PyNodes.dotted(c.func());
        if (dotted != null && funcName(dotted) != null) {
            return function(funcName(dotted), c.args().stream().map(this::sql).toList());
        }
        if (c.func() instanceof PyNode.Attr a && !isModule(a.value())) {
            String left = sql(a.value());
            PyNode arg = c.args().isEmpty() ? null : c.args().get(0);
            switch (a.name()) {
                case "is_": return left + (arg == null || PyNodes.isNone(arg) ? " IS NULL" : " IS " + sql(arg));
                case "is_not", "isnot": return left + (arg == null || PyNodes.isNone(arg) ? " IS NOT NULL" : " IS NOT " + sql(arg));
                case "in_": return left + " IN " + inList(arg);
                case "not_in", "notin_": return left + " NOT IN " + inList(arg);
                case "like": return left + " LIKE " + (arg == null ? "?" : sql(arg));
                case "ilike": return left + " ILIKE " + (arg == null ? "?" : sql(arg));
                case "between": return left + " BETWEEN " + sql(c.args().get(0)) + " AND " + (c.args().size() > 1 ? sql(c.args().get(1)) : "?");
                case "desc": return left + " DESC";
                case "asc": return left + " ASC";
                case "label", "self_group": return left;
                default: break;
            }
        }
        switch (name == null ? "" : name) {
            case "column", "literal", "bindparam" -> {
                if (name.equals("column")) return c.arg(0).flatMap(PyNodes::str).orElse(module.text(c));
                return c.arg(0).map(this::sql).orElse(module.text(c));
            }
            case "true" -> { return constant("True"); }
            case "false" -> { return constant("False"); }
            case "null" -> { return "NULL"; }
            case "and_", "or_" -> {
                String op = name.equals("and_") ? " AND " : " OR ";
                return String.join(op, c.args().stream().map(a -> "(" + sql(a) + ")").toList());
            }
            case "not_" -> { return "NOT (" + c.arg(0).map(this::sql).orElse("") + ")"; }
            case "desc", "asc" -> { return c.arg(0).map(this::sql).orElse("") + " " + name.toUpperCase(Locale.ROOT); }
            case "cast" -> {
                String type = c.arg(1).map(t -> SqlAlchemyTypes.map(t, dialect, resolve).type().toString()).orElse("?");
                return "CAST(" + c.arg(0).map(this::sql).orElse("") + " AS " + type + ")";
            }
            default -> { return module.text(c); }
        }
    }

    private String inList(PyNode arg) {
        if (arg == null) return "()";
        PyNode n = resolve.apply(arg);
        if (n instanceof PyNode.Seq s) return "(" + String.join(", ", s.items().stream().map(this::sql).toList()) + ")";
        return "(" + sql(n) + ")";
    }

    /** "now" for "sa.func.now" / "func.now"; null when not a func.* chain. */
    private static String funcName(String dotted) {
        int i = dotted.indexOf("func.");
        if (i < 0 || (i > 0 && dotted.charAt(i - 1) != '.')) return null;
        return dotted.substring(i + 5);
    }

    private String function(String name, List<String> args) {
        String lower = name.toLowerCase(Locale.ROOT);
        if (NILADIC.contains(lower) && args.isEmpty()) return lower.toUpperCase(Locale.ROOT);
        if (lower.equals("now") && args.isEmpty() && dialect == Dialect.SQLITE) return "CURRENT_TIMESTAMP";
        return name + "(" + String.join(", ", args) + ")";
    }

    private String constant(String name) {
        boolean numeric = dialect == Dialect.SQLITE;
        return switch (name) {
            case "True" -> numeric ? "1" : "true";
            case "False" -> numeric ? "0" : "false";
            case "None" -> "NULL";
            default -> name;
        };
    }

    /** Whether {@code n} names a module (sa, sqlalchemy, op, postgresql...): calls on it are functions, not methods. */
    private static boolean isModule(PyNode n) {
        String d = PyNodes.dotted(n);
        if (d == null) return false;
        String first = d.contains(".") ? d.substring(0, d.indexOf('.')) : d;
        return Set.of("sa", "sqlalchemy", "op", "alembic", "postgresql", "mysql", "sqlite", "pg", "expression", "sql", "func", "schema", "types")
                .contains(first);
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}

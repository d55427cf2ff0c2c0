package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Renders Django expressions as SQL, best effort: {@code Q} objects (keyword and tuple children,
 * {@code _connector}, {@code _negated}, {@code &}, {@code |}, {@code ~}) with the common lookups,
 * {@code F("x")} as the column, {@code Lower("email")} / {@code Now()} / {@code Value(1)} as SQL
 * functions and literals. Field names become column names through the model ({@code customer}
 * -> {@code customer_id}). Anything else is kept as its Python source.
 */
final class DjangoExpr {

    private static final Map<String, String> COMPARISONS = Map.of("exact", "=", "gt", ">", "gte", ">=", "lt", "<", "lte", "<=");

    private final PyModule module;
    private final Dialect dialect;

    DjangoExpr(PyModule module, Dialect dialect) {
        this.module = module;
        this.dialect = dialect;
    }

    /** A condition: a Q object or a combination of them. */
    String q(PyNode n, DjangoState.Model model) {
        if (n instanceof PyNode.BinOp b && (b.op().equals("&") || b.op().equals("|"))) {
            String op = b.op().equals("&") ? " AND " : " OR ";
            return "(" + q(b.left(), model) + ")" + op + "(" + q(b.right(), model) + ")";
        }
        if (n instanceof PyNode.Unary u && u.op().equals("~")) return "NOT (" + q(u.operand(), model) + ")";
        if (n instanceof PyNode.Call c && "Q".equals(c.funcName())) {
            List<String> parts = new ArrayList<>();
            for (PyNode a : c.args()) {
                if (a instanceof PyNode.Seq s && s.items().size() == 2 && PyNodes.str(s.items().get(0)).isPresent()) {
                    parts.add(lookup(PyNodes.str(s.items().get(0)).get(), s.items().get(1), model));
                } else {
                    parts.add("(" + q(a, model) + ")");
                }
            }
            for (Map.Entry<String, PyNode> e : c.kwargs().entrySet()) {
                if (e.getKey().startsWith("_")) continue;
                parts.add(lookup(e.getKey(), e.getValue(), model));
            }
            String connector = c.kw("_connector").flatMap(PyNodes::str).orElse("AND");
            String joined = String.join(" " + connector + " ", parts);
            return c.kw("_negated").flatMap(PyNodes::bool).orElse(false) ? "NOT (" + joined + ")" : joined;
        }
        return expression(n, model);
    }

    private String lookup(String path, PyNode value, DjangoState.Model model) {
        String[] parts = path.split("__");
        String lk = "exact";
        int fieldParts = parts.length;
        if (parts.length > 1 && isLookup(parts[parts.length - 1])) {
            lk = parts[parts.length - 1];
            fieldParts--;
        }
        String col = column(parts[0], model);
        if (fieldParts > 1) col = String.join("__", List.of(parts).subList(0, fieldParts));
        if (COMPARISONS.containsKey(lk)) {
            if (lk.equals("exact") && PyNodes.isNone(value)) return col + " IS NULL";
            return col + " " + COMPARISONS.get(lk) + " " + expression(value, model);
        }
        switch (lk) {
            case "isnull": return col + (PyNodes.bool(value).orElse(true) ? " IS NULL" : " IS NOT NULL");
            case "in": return col + " IN (" + String.join(", ", PyNodes.items(value).stream().map(v -> expression(v, model)).toList()) + ")";
            case "iexact": return "UPPER(" + col + ") = UPPER(" + expression(value, model) + ")";
            case "contains": return col + " LIKE " + like(value, "%", "%");
            case "icontains": return "UPPER(" + col + ") LIKE UPPER(" + like(value, "%", "%") + ")";
            case "startswith": return col + " LIKE " + like(value, "", "%");
            case "endswith": return col + " LIKE " + like(value, "%", "");
            case "range": {
                List<PyNode> r = PyNodes.items(value);
                return col + " BETWEEN " + (r.isEmpty() ? "?" : expression(r.get(0), model)) + " AND " + (r.size() < 2 ? "?" : expression(r.get(1), model));
            }
            case "regex": return col + (dialect == Dialect.POSTGRESQL ? " ~ " : " REGEXP ") + expression(value, model);
            default: return col + " " + lk + " " + expression(value, model);
        }
    }

    private static boolean isLookup(String s) {
        return COMPARISONS.containsKey(s) || List.of("isnull", "in", "iexact", "contains", "icontains", "startswith", "endswith", "range", "regex",
                "istartswith", "iendswith", "iregex").contains(s);
    }

    private String like(PyNode v, String before, String after) {
        return PyNodes.str(v).map(s -> quote(before + s + after)).orElse(module.text(v));
    }

    /** An expression: F, functions, literals, ordering. */
    String expression(PyNode n, DjangoState.Model model) {
        Optional<String> lit = literal(n);
        if (lit.isPresent()) return lit.get();
        if (n instanceof PyNode.Call c) {
            String fn = c.funcName() == null ? "" : c.funcName();
            if (c.func() instanceof PyNode.Attr a && (a.name().equals("desc") || a.name().equals("asc"))) {
                return expression(a.value(), model) + " " + a.name().toUpperCase(Locale.ROOT);
            }
            switch (fn) {
                case "F": return c.arg(0).flatMap(PyNodes::str).map(f -> column(f, model)).orElse(module.text(n));
                case "Value": return c.arg(0).map(v -> expression(v, model)).orElse("NULL");
                case "Now": return "CURRENT_TIMESTAMP";
                case "OrderBy": return c.arg(0).map(v -> expression(v, model)).orElse("")
                        + (c.kw("descending").flatMap(PyNodes::bool).orElse(false) ? " DESC" : "");
                case "Q": return q(n, model);
                default: break;
            }
            if (!fn.isEmpty() && Character.isUpperCase(fn.charAt(0))) {
                List<String> args = new ArrayList<>();
                for (PyNode a : c.args()) {
                    args.add(PyNodes.str(a).map(s -> column(s, model)).orElseGet(() -> expression(a, model)));
                }
                return fn.toUpperCase(Locale.ROOT) + "(" + String.join(", ", args) + ")";
            }
        }
        if (n instanceof PyNode.BinOp b) return expression(b.left(), model) + " " + b.op() + " " + expression(b.right(), model);
        return module.text(n);
    }

    /** A Python literal as SQL (strings quoted, booleans per dialect, None as NULL). */
    Optional<String> literal(PyNode n) {
        if (n instanceof PyNode.Str s && !s.fString()) return Optional.of(quote(s.value()));
        if (n instanceof PyNode.Num num) return Optional.of(num.text().replace("_", ""));
        if (n instanceof PyNode.Unary u && u.op().equals("-") && u.operand() instanceof PyNode.Num num) return Optional.of("-" + num.text());
        if (n instanceof PyNode.Const c) {
            boolean pg = dialect == null || dialect == Dialect.POSTGRESQL;
            return switch (c.name()) {
                case "True" -> Optional.of(pg ? "true" : "1");
                case "False" -> Optional.of(pg ? "false" : "0");
                case "None" -> Optional.of("NULL");
                default -> Optional.empty();
            };
        }
        if (n instanceof PyNode.Call c && "Decimal".equals(c.funcName())) return c.arg(0).flatMap(PyNodes::str);
        return Optional.empty();
    }

    /** The column of a field name of {@code model} (a relation's {@code _id} column), or the name itself. */
    String column(String fieldName, DjangoState.Model model) {
        if (model != null) {
            Optional<DjangoState.Field> f = model.field(fieldName);
            if (f.isPresent()) return DjangoSchema.column(f.get());
        }
        return fieldName;
    }

    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }
}

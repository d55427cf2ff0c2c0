package dev.dbmigrate.schema;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * Compares two schemas: what is missing, extra or different in {@code actual} relative to
 * {@code expected}. The one comparison used by drift (migrations vs live catalog), dry runs
 * (before vs after a rollback) and rollback verification (a hand-written down vs the state before
 * the up).
 */
public final class SchemaDiff {

    private SchemaDiff() {}

    /**
     * One difference.
     *
     * @param kind     "missing" (in expected, not in actual), "extra" (in actual only), "different"
     * @param object   "table", "column", "index", "constraint", "enum", "comment"
     * @param table    the table concerned (null for enums)
     * @param name     the object's name (column, index, constraint, enum)
     * @param expected the expected definition, as text, or null
     * @param actual   the actual definition, as text, or null
     * @param detail   what differs ("type varchar(100) vs varchar(255)")
     */
    public record Difference(String kind, String object, String table, String name, String expected, String actual, String detail) {
        @Override
        public String toString() {
            return kind + " " + object + " " + (table == null ? "" : table + (name == null ? "" : ".")) + (name == null ? "" : name)
                    + (detail == null ? "" : ": " + detail);
        }
    }

    /** Options for what to compare. */
    public record Options(boolean compareComments, boolean compareConstraintNames, boolean compareIndexNames) {
        public static final Options ALL = new Options(true, true, true);
    }

    public static List<Difference> compare(Schema expected, Schema actual) {
        return compare(expected, actual, Options.ALL);
    }

    public static List<Difference> compare(Schema expected, Schema actual, Options opt) {
        List<Difference> out = new ArrayList<>();
        for (Table e : expected.tables()) {
            Optional<Table> a = actual.table(e.ref());
            if (a.isEmpty()) {
                out.add(new Difference("missing", "table", e.ref().qualified(), null, describe(e), null, null));
                continue;
            }
            compareTables(e, a.get(), opt, expected.dialect().isMysqlFamily(), out);
        }
        for (Table a : actual.tables()) {
            if (expected.table(a.ref()).isEmpty()) out.add(new Difference("extra", "table", a.ref().qualified(), null, null, describe(a), null));
        }
        for (EnumType e : expected.enums()) {
            Optional<EnumType> a = actual.enumType(e.name());
            if (a.isEmpty()) out.add(new Difference("missing", "enum", null, e.name(), String.join(", ", e.values()), null, null));
            else if (!a.get().values().equals(e.values())) {
                out.add(new Difference("different", "enum", null, e.name(), String.join(", ", e.values()), String.join(", ", a.get().values()), "labels differ"));
            }
        }
        for (EnumType a : actual.enums()) {
            if (expected.enumType(a.name()).isEmpty()) out.add(new Difference("extra", "enum", null, a.name(), null, String.join(", ", a.values()), null));
        }
        return out;
    }

    private static void compareTables(Table e, Table a, Options opt, boolean mysql, List<Difference> out) {
        String t = e.ref().qualified();
        for (ColumnDef ec : e.columns()) {
            Optional<ColumnDef> ac = a.column(ec.name());
            if (ac.isEmpty()) {
                out.add(new Difference("missing", "column", t, ec.name(), describe(ec), null, null));
                continue;
            }
            String detail = columnDetail(ec, ac.get(), opt);
            if (detail != null) out.add(new Difference("different", "column", t, ec.name(), describe(ec), describe(ac.get()), detail));
        }
        for (ColumnDef acol : a.columns()) {
            if (e.column(acol.name()).isEmpty()) out.add(new Difference("extra", "column", t, acol.name(), null, describe(acol), null));
        }
        // constraints: by name, or by shape when names are not compared
        List<ConstraintDef> unmatched = new ArrayList<>(constraints(a, mysql));
        for (ConstraintDef ec : constraints(e, mysql)) {
            ConstraintDef match = findConstraint(ec, unmatched, a, opt);
            if (match == null) {
                out.add(new Difference("missing", "constraint", t, ec.name(), describe(ec), null, null));
                continue;
            }
            unmatched.remove(match);
            String d = constraintDetail(ec, match, a);
            if (d != null) out.add(new Difference("different", "constraint", t, ec.name(), describe(ec), describe(match), d));
        }
        for (ConstraintDef ac : unmatched) out.add(new Difference("extra", "constraint", t, ac.name(), null, describe(ac), null));

        List<IndexDef> unmatchedIdx = new ArrayList<>(indexes(a, mysql));
        for (IndexDef ei : indexes(e, mysql)) {
            IndexDef match = findIndex(ei, unmatchedIdx, a, opt);
            if (match == null) {
                out.add(new Difference("missing", "index", t, ei.name(), describe(ei), null, null));
                continue;
            }
            unmatchedIdx.remove(match);
            String d = indexDetail(ei, match, a);
            if (d != null) out.add(new Difference("different", "index", t, ei.name(), describe(ei), describe(match), d));
        }
        for (IndexDef ai : unmatchedIdx) out.add(new Difference("extra", "index", t, ai.name(), null, describe(ai), null));

        if (opt.compareComments() && !Objects.equals(blankToNull(e.comment()), blankToNull(a.comment()))) {
            out.add(new Difference("different", "comment", t, null, e.comment(), a.comment(), "table comment differs"));
        }
    }

    /**
     * MySQL / MariaDB: a UNIQUE KEY and a CREATE UNIQUE INDEX are the same object (a unique index, listed
     * as a UNIQUE constraint), so unique indexes are compared as UNIQUE constraints.
     */
    private static List<ConstraintDef> constraints(Table t, boolean mysql) {
        if (!mysql) return t.constraints();
        List<ConstraintDef> out = new ArrayList<>(t.constraints());
        for (IndexDef i : t.indexes()) {
            if (i.unique() && i.where() == null) out.add(ConstraintDef.unique(i.name(), i.columns()));
        }
        return out;
    }

    private static List<IndexDef> indexes(Table t, boolean mysql) {
        return mysql ? t.indexes().stream().filter(i -> !i.unique() || i.where() != null).toList() : t.indexes();
    }

    private static ConstraintDef findConstraint(ConstraintDef ec, List<ConstraintDef> candidates, Table a, Options opt) {
        for (ConstraintDef c : candidates) {
            if (a.same(c.name(), ec.name())) return c;
        }
        if (!opt.compareConstraintNames()) {
            for (ConstraintDef c : candidates) {
                if (c.kind() == ec.kind() && constraintDetail(ec, c, a) == null) return c;
            }
        }
        return null;
    }

    private static IndexDef findIndex(IndexDef ei, List<IndexDef> candidates, Table a, Options opt) {
        for (IndexDef i : candidates) {
            if (a.same(i.name(), ei.name())) return i;
        }
        if (!opt.compareIndexNames()) {
            for (IndexDef i : candidates) {
                if (indexDetail(ei, i, a) == null) return i;
            }
        }
        return null;
    }

    static String columnDetail(ColumnDef e, ColumnDef a, Options opt) {
        List<String> parts = new ArrayList<>();
        if (!sameType(e.type(), a.type())) parts.add("type " + typeText(e.type()) + " vs " + typeText(a.type()));
        if (e.notNull() != a.notNull()) parts.add(e.notNull() ? "NOT NULL vs nullable" : "nullable vs NOT NULL");
        if (!sameDefault(e.defaultExpr(), a.defaultExpr())) parts.add("default " + e.defaultExpr() + " vs " + a.defaultExpr());
        if (e.autoIncrement() != a.autoIncrement()) parts.add(e.autoIncrement() ? "AUTO_INCREMENT vs not" : "not AUTO_INCREMENT vs AUTO_INCREMENT");
        boolean eId = e.generated() != null && e.generated().identity();
        boolean aId = a.generated() != null && a.generated().identity();
        if (eId != aId) parts.add(eId ? "identity vs not identity" : "not identity vs identity");
        else if (eId && e.generated().always() != a.generated().always()) {
            parts.add(e.generated().always() ? "GENERATED ALWAYS vs BY DEFAULT" : "GENERATED BY DEFAULT vs ALWAYS");
        }
        if (opt.compareComments() && !Objects.equals(blankToNull(e.comment()), blankToNull(a.comment()))) parts.add("comment differs");
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String constraintDetail(ConstraintDef e, ConstraintDef a, Table t) {
        List<String> parts = new ArrayList<>();
        if (e.kind() != a.kind()) parts.add("kind " + e.kind() + " vs " + a.kind());
        // a CHECK is defined by its expression (inline checks remember their column, table checks do not)
        if (e.kind() != ConstraintDef.Kind.CHECK && !sameColumns(t, e.columns(), a.columns())) parts.add("columns " + e.columns() + " vs " + a.columns());
        if (e.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            if (e.refTable() != null && a.refTable() != null
                    && (!t.same(e.refTable().name(), a.refTable().name()) || !t.same(schemaOf(e.refTable()), schemaOf(a.refTable())))) {
                parts.add("references " + e.refTable() + " vs " + a.refTable());
            }
            if (!e.refColumns().isEmpty() && !a.refColumns().isEmpty() && !sameColumns(t, e.refColumns(), a.refColumns())) {
                parts.add("referenced columns " + e.refColumns() + " vs " + a.refColumns());
            }
            if (!action(e.onDelete()).equals(action(a.onDelete()))) parts.add("ON DELETE " + action(e.onDelete()) + " vs " + action(a.onDelete()));
            if (!action(e.onUpdate()).equals(action(a.onUpdate()))) parts.add("ON UPDATE " + action(e.onUpdate()) + " vs " + action(a.onUpdate()));
        }
        if (e.kind() == ConstraintDef.Kind.CHECK && !sameExpression(e.expression(), a.expression())) {
            parts.add("expression " + e.expression() + " vs " + a.expression());
        }
        if (e.notValid() != a.notValid()) parts.add(e.notValid() ? "NOT VALID vs validated" : "validated vs NOT VALID");
        if (e.deferrable() != a.deferrable()) parts.add(e.deferrable() ? "DEFERRABLE vs not deferrable" : "not deferrable vs DEFERRABLE");
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static String indexDetail(IndexDef e, IndexDef a, Table t) {
        List<String> parts = new ArrayList<>();
        if (e.unique() != a.unique()) parts.add(e.unique() ? "unique vs not unique" : "not unique vs unique");
        if (!sameColumns(t, e.columns(), a.columns())) parts.add("columns " + e.columns() + " vs " + a.columns());
        if (!sameExpression(e.where(), a.where())) parts.add("WHERE " + e.where() + " vs " + a.where());
        String em = e.method() == null ? "btree" : e.method().toLowerCase(Locale.ROOT);
        String am = a.method() == null ? "btree" : a.method().toLowerCase(Locale.ROOT);
        if (!em.equals(am)) parts.add("method " + em + " vs " + am);
        if (!sameColumns(t, e.include(), a.include())) parts.add("INCLUDE " + e.include() + " vs " + a.include());
        return parts.isEmpty() ? null : String.join("; ", parts);
    }

    private static boolean sameColumns(Table t, List<String> a, List<String> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (!t.same(normExpr(a.get(i)), normExpr(b.get(i)))) return false;
        }
        return true;
    }

    static boolean sameType(SqlType a, SqlType b) {
        if (a == null || b == null) return a == b;
        return TypeChanges.classify(dev.dbmigrate.model.Dialect.POSTGRESQL, a, b).same()
                || typeText(a).equalsIgnoreCase(typeText(b));
    }

    static String typeText(SqlType t) {
        if (t == null) return "?";
        return TypeChanges.base(t) + (t.args().isEmpty() ? "" : "(" + String.join(",", t.args().stream().map(String::trim).toList()) + ")") + (t.array() ? "[]" : "");
    }

    private static boolean sameDefault(String a, String b) {
        return Objects.equals(normDefault(a), normDefault(b));
    }

    /** Defaults compared as {@link Expressions#comparable} expressions; NULL is no default, CURRENT_TIMESTAMP[(n)] is now(). */
    static String normDefault(String d) {
        String s = Expressions.comparable(d);
        if (s == null || s.isEmpty() || s.equals("null")) return null;
        if (s.matches("current_timestamp( \\( [0-9]* ?\\))?|now \\( \\)")) return "now()";
        return s;
    }

    private static boolean sameExpression(String a, String b) {
        return Objects.equals(normExpr(a), normExpr(b));
    }

    /** See {@link Expressions#comparable} for what compares equal. */
    static String normExpr(String e) {
        return Expressions.comparable(e);
    }

    /** A table reference's schema, with the default schemas (public, main, dbo) as null. */
    private static String schemaOf(dev.dbmigrate.model.TableRef r) {
        String s = r.schema();
        if (s == null) return null;
        String l = s.toLowerCase(Locale.ROOT);
        return l.equals("public") || l.equals("main") || l.equals("dbo") ? null : s;
    }

    private static String action(String a) {
        if (a == null) return "NO ACTION";
        String s = a.trim().toUpperCase(Locale.ROOT).replace('_', ' ');
        return s.equals("RESTRICT") ? "RESTRICT" : s;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    static String describe(Table t) {
        return t.ref().qualified() + " (" + String.join(", ", t.columnNames()) + ")";
    }

    static String describe(ColumnDef c) {
        StringBuilder sb = new StringBuilder(typeText(c.type()));
        if (c.notNull()) sb.append(" NOT NULL");
        if (c.defaultExpr() != null) sb.append(" DEFAULT ").append(c.defaultExpr());
        if (c.generated() != null && c.generated().identity()) sb.append(" IDENTITY");
        return sb.toString();
    }

    static String describe(ConstraintDef c) {
        StringBuilder sb = new StringBuilder(c.kind().name().replace('_', ' '));
        if (!c.columns().isEmpty()) sb.append(" (").append(String.join(", ", c.columns())).append(')');
        if (c.refTable() != null) sb.append(" REFERENCES ").append(c.refTable()).append(c.refColumns().isEmpty() ? "" : " (" + String.join(", ", c.refColumns()) + ")");
        if (c.onDelete() != null) sb.append(" ON DELETE ").append(c.onDelete());
        if (c.expression() != null) sb.append(" CHECK (").append(c.expression()).append(')');
        if (c.notValid()) sb.append(" NOT VALID");
        return sb.toString();
    }

    static String describe(IndexDef i) {
        return (i.unique() ? "UNIQUE " : "") + (i.method() == null ? "" : "USING " + i.method() + " ") + "(" + String.join(", ", i.columns()) + ")"
                + (i.where() == null ? "" : " WHERE " + i.where());
    }
}

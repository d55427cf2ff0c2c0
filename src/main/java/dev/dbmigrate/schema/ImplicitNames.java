package dev.dbmigrate.schema;

import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * The names databases give to unnamed constraints and indexes, so that the replayed schema uses
 * the same names as the live database (and a rollback can drop {@code orders_customer_id_fkey}).
 *
 * <ul>
 *   <li>PostgreSQL: {@code <table>_<cols>_<label>} with labels pkey, key (unique), fkey, check, excl,
 *       idx; columns joined by "_" ("expr" for expressions); the two name parts are truncated so the
 *       whole fits 63 bytes, the longer part first; on a clash the label gets a number (key1, key2).</li>
 *   <li>MySQL / MariaDB: PRIMARY; unique and plain indexes take the first column's name (col_2 on a
 *       clash); foreign keys {@code <table>_ibfk_<n>}; checks {@code <table>_chk_<n>} (MySQL) or
 *       {@code CONSTRAINT_<n>} (MariaDB).</li>
 *   <li>SQLite: unnamed constraints have no catalog name; db-migrate uses the PostgreSQL scheme for
 *       them so that they can be referred to, and {@code sqlite_autoindex_<table>_<n>} for the
 *       indexes behind UNIQUE / PRIMARY KEY.</li>
 * </ul>
 */
public final class ImplicitNames {

    static final int PG_MAX_IDENTIFIER_BYTES = 63;

    private ImplicitNames() {}

    /** PostgreSQL's makeObjectName: name1_name2_label truncated to fit 63 bytes. */
    public static String pgObjectName(String name1, String name2, String label) {
        int overhead = (label == null ? 0 : label.length() + 1) + (name2 == null ? 0 : 1);
        int avail = PG_MAX_IDENTIFIER_BYTES - overhead;
        int n1 = bytes(name1);
        int n2 = name2 == null ? 0 : bytes(name2);
        while (n1 + n2 > avail) {
            if (n1 > n2) n1--;
            else n2--;
        }
        StringBuilder sb = new StringBuilder(clip(name1, n1));
        if (name2 != null) sb.append('_').append(clip(name2, n2));
        if (label != null) sb.append('_').append(label);
        return sb.toString();
    }

    /** Like {@link #pgObjectName} but adds 1, 2, ... to the label until {@code taken} says no. */
    public static String pgChooseName(String name1, String name2, String label, Predicate<String> taken) {
        String candidate = pgObjectName(name1, name2, label);
        int n = 0;
        while (taken.test(candidate)) {
            n++;
            candidate = pgObjectName(name1, name2, label + n);
        }
        return candidate;
    }

    /** Column part of a PostgreSQL implicit name: names joined by "_", expressions as "expr". */
    public static String pgColumnPart(List<String> columns) {
        if (columns == null || columns.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (String c : columns) {
            if (sb.length() > 0) sb.append('_');
            sb.append(simpleColumn(c));
        }
        return sb.toString();
    }

    /** "email DESC" -> email, "lower(email)" -> expr, quoted names unquoted. */
    static String simpleColumn(String c) {
        String s = c.trim();
        if (s.startsWith("\"") || s.startsWith("`")) {
            int end = s.indexOf(s.charAt(0), 1);
            if (end > 0) return s.substring(1, end);
        }
        int sp = s.indexOf(' ');
        String head = sp > 0 ? s.substring(0, sp) : s;
        return head.matches("[A-Za-z_][A-Za-z0-9_$]*") ? head : "expr";
    }

    /** The PostgreSQL label for a constraint kind. */
    public static String pgLabel(ConstraintDef.Kind kind) {
        return switch (kind) {
            case PRIMARY_KEY -> "pkey";
            case UNIQUE -> "key";
            case FOREIGN_KEY -> "fkey";
            case CHECK -> "check";
            case EXCLUDE -> "excl";
        };
    }

    /** Whether the dialect names unnamed objects the PostgreSQL way (PostgreSQL; SQLite by our convention). */
    static boolean pgStyle(Dialect d) {
        return d == Dialect.POSTGRESQL || d == Dialect.SQLITE || d == Dialect.MSSQL || d == null;
    }

    private static int bytes(String s) {
        return s == null ? 0 : s.getBytes(StandardCharsets.UTF_8).length;
    }

    private static String clip(String s, int maxBytes) {
        if (s == null) return "";
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        if (b.length <= maxBytes) return s;
        // do not cut a multi-byte character in half
        int end = maxBytes;
        while (end > 0 && (b[end] & 0xC0) == 0x80) end--;
        return new String(b, 0, end, StandardCharsets.UTF_8);
    }

    private static final java.util.regex.Pattern IDENTIFIER = java.util.regex.Pattern.compile("\"([^\"]+)\"|`([^`]+)`|\\b([A-Za-z_][A-Za-z0-9_]*)\\b");

    /** First identifier of a CHECK expression that names a column, for the check's implicit name. */
    static String firstColumnIn(String expression, Predicate<String> isColumn) {
        if (expression == null) return null;
        var m = IDENTIFIER.matcher(expression);
        while (m.find()) {
            String id = m.group(1) != null ? m.group(1) : m.group(2) != null ? m.group(2) : m.group(3).toLowerCase(Locale.ROOT);
            if (isColumn.test(id)) return id;
        }
        return null;
    }
}

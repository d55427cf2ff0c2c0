package dev.dbmigrate.db.catalog;

import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Column types as catalogs spell them, turned into the canonical {@link SqlType} names the parse
 * stage uses ("varchar", "timestamptz", "integer", "numeric"...), so that a live schema and a
 * replayed one compare type by type. {@link SqlType#raw()} keeps the catalog's spelling.
 */
public final class CatalogTypes {

    private static final Map<String, String> NAMES = Map.ofEntries(
            Map.entry("character varying", "varchar"),
            Map.entry("character", "char"),
            Map.entry("bpchar", "char"),
            Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"),
            Map.entry("int", "integer"),
            Map.entry("int4", "integer"),
            Map.entry("int2", "smallint"),
            Map.entry("int8", "bigint"),
            Map.entry("decimal", "numeric"),
            Map.entry("double", "double precision"),
            Map.entry("float8", "double precision"),
            Map.entry("float4", "real"),
            Map.entry("bool", "boolean"));

    private CatalogTypes() {}

    /**
     * A PostgreSQL {@code format_type()} result: "character varying(255)", "timestamp(3) without
     * time zone", "numeric(10,2)", "text[]", "\"Role\"", "app.mood".
     *
     * @param primarySchema the schema read as unqualified; user types there lose their qualifier
     */
    public static SqlType postgres(String formatted, String primarySchema) {
        String s = formatted.trim();
        boolean array = false;
        while (s.endsWith("[]")) {
            array = true;
            s = s.substring(0, s.length() - 2).trim();
        }
        // "timestamp(3) without time zone": the modifier sits inside the name
        List<String> args = new ArrayList<>();
        String name = s;
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = s.indexOf(')', open);
            if (close > open) {
                args = splitArgs(s.substring(open + 1, close));
                name = (s.substring(0, open) + s.substring(close + 1)).replaceAll("\\s+", " ").trim();
            }
        }
        name = unquoteQualified(name, primarySchema);
        // built-in types come lower case; user types keep their case (format_type quoted them)
        return new SqlType(NAMES.getOrDefault(name.toLowerCase(Locale.ROOT), name), args, array, formatted.trim());
    }

    /** "public.\"Role\"" -> Role (when public is the primary schema), "other.mood" kept qualified. */
    private static String unquoteQualified(String name, String primarySchema) {
        List<String> parts = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c == '"') {
                if (quoted && i + 1 < name.length() && name.charAt(i + 1) == '"') {
                    cur.append('"');
                    i++;
                } else {
                    quoted = !quoted;
                }
            } else if (c == '.' && !quoted) {
                parts.add(cur.toString());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        parts.add(cur.toString());
        if (parts.size() == 2 && (parts.get(0).equals(primarySchema) || parts.get(0).equals("pg_catalog"))) return parts.get(1);
        return String.join(".", parts);
    }

    /**
     * A MySQL / MariaDB {@code COLUMN_TYPE}: "int(11)", "int unsigned", "tinyint(1)" (boolean),
     * "varchar(255)", "decimal(10,2)", "enum('a','b')", "datetime(3)", "double".
     */
    public static SqlType mysql(String columnType) {
        String s = columnType.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        String name = lower;
        List<String> args = new ArrayList<>();
        int open = s.indexOf('(');
        if (open >= 0) {
            int close = s.lastIndexOf(')');
            name = lower.substring(0, open).trim();
            args = name.equals("enum") || name.equals("set") ? splitQuoted(s.substring(open + 1, close)) : splitArgs(s.substring(open + 1, close));
        } else {
            int sp = lower.indexOf(' ');
            if (sp > 0) name = lower.substring(0, sp);
        }
        if (name.equals("tinyint") && args.equals(List.of("1"))) return new SqlType("boolean", List.of(), false, s);
        if (name.endsWith("int")) args = List.of(); // display width, not a length
        String canonical = NAMES.getOrDefault(name, name);
        if (canonical.equals("double precision") || canonical.equals("real")) args = List.of();
        return new SqlType(canonical, args, false, s);
    }

    /** A SQLite declared type ("INTEGER", "VARCHAR(255)", "" when none), folded to lower case. */
    public static SqlType sqlite(String declared) {
        if (declared == null || declared.isBlank()) return null;
        String s = declared.trim();
        String lower = s.toLowerCase(Locale.ROOT);
        List<String> args = new ArrayList<>();
        String name = lower;
        int open = lower.indexOf('(');
        if (open >= 0) {
            int close = lower.lastIndexOf(')');
            args = splitArgs(s.substring(open + 1, close > open ? close : lower.length()));
            name = lower.substring(0, open).trim();
        }
        name = name.replaceAll("\\s+", " ");
        return new SqlType(NAMES.getOrDefault(name, name), args, false, s);
    }

    private static List<String> splitArgs(String inner) {
        List<String> out = new ArrayList<>();
        for (String a : inner.split(",")) {
            if (!a.isBlank()) out.add(a.trim());
        }
        return out;
    }

    /** 'a','b,c','it''s' -> ['a', 'b,c', 'it''s'] (quotes kept, as written in DDL). */
    static List<String> splitQuoted(String inner) {
        List<String> out = new ArrayList<>();
        StringBuilder cur = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\'') {
                if (quoted && i + 1 < inner.length() && inner.charAt(i + 1) == '\'') {
                    cur.append("''");
                    i++;
                    continue;
                }
                quoted = !quoted;
            }
            if (c == ',' && !quoted) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (cur.length() > 0) out.add(cur.toString().trim());
        return out;
    }
}

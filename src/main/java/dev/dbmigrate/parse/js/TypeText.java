package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Column types for the ORM readers: {@link #of} builds a {@link SqlType} from a canonical name and
 * the SQL the ORM writes; {@link #parse} reads a type written as SQL text (Knex
 * {@code specificType}, TypeORM {@code type: 'varchar'}, Rails string types) into the canonical
 * names of {@link SqlType}'s javadoc ({@code int4 -> integer}, {@code character varying -> varchar},
 * {@code timestamp with time zone -> timestamptz}, {@code text[]} arrays...).
 */
public final class TypeText {

    private static final Pattern TYPE = Pattern.compile("(?is)^\\s*([a-z_][\\w .$\"]*?)\\s*(?:\\((.*)\\))?\\s*((?:\\[\\s*\\d*\\s*\\])*)\\s*(unsigned)?\\s*$");

    private static final Map<String, String> CANON = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"), Map.entry("int8", "bigint"), Map.entry("serial4", "serial"),
            Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"), Map.entry("character", "char"),
            Map.entry("bpchar", "char"), Map.entry("nchar", "char"), Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("bool", "boolean"), Map.entry("timestamp without time zone", "timestamp"),
            Map.entry("timestamp with time zone", "timestamptz"), Map.entry("time without time zone", "time"),
            Map.entry("time with time zone", "timetz"));

    private TypeText() {}

    /** A type with canonical {@code name}, arguments and the SQL text the ORM writes for it. */
    public static SqlType of(String name, String raw, Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            if (o != null) a.add(String.valueOf(o));
        }
        return new SqlType(name, a, false, raw);
    }

    /** Reads a type written as SQL; never throws (unknown text comes back lower-cased as a user type). */
    public static SqlType parse(String text, Dialect dialect) {
        if (text == null || text.isBlank()) return null;
        String raw = text.trim();
        Matcher m = TYPE.matcher(raw);
        if (!m.matches()) return new SqlType(raw.toLowerCase(Locale.ROOT), List.of(), false, raw);
        String base = m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> args = new ArrayList<>();
        if (m.group(2) != null) {
            for (String s : m.group(2).split(",")) {
                String t = s.trim();
                if (t.startsWith("'") && t.endsWith("'") && t.length() >= 2) t = t.substring(1, t.length() - 1).replace("''", "'");
                if (!t.isEmpty()) args.add(t);
            }
        }
        String name = canonical(base, dialect);
        if (m.group(4) != null) name = name + " unsigned";
        if (dialect != null && dialect.isMysqlFamily() && name.matches("(tiny|small|medium|big)?int(eger)?( unsigned)?")) {
            args.clear();
        }
        return new SqlType(name, args, !m.group(3).isEmpty(), raw);
    }

    /** The canonical name of a base type name for the dialect. */
    public static String canonical(String base, Dialect dialect) {
        String n = base.toLowerCase(Locale.ROOT).trim().replaceAll("\\s+", " ");
        if (dialect != null && dialect.isMysqlFamily()) {
            if (n.equals("real") || n.equals("double") || n.equals("double precision")) return "double precision";
            if (n.equals("float")) return "real";
            if (n.equals("bool") || n.equals("boolean")) return "boolean";
        }
        if (n.startsWith("timestamp(") || n.startsWith("timestamptz(")) n = n.substring(0, n.indexOf('('));
        return CANON.getOrDefault(n, n);
    }
}

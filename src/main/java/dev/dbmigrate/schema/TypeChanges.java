package dev.dbmigrate.schema;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What a column type change does, per dialect: whether it can lose or reject data (narrowing) and
 * whether it rewrites the table (PostgreSQL: not binary-coercible; MySQL: ALGORITHM=COPY).
 */
public final class TypeChanges {

    private TypeChanges() {}

    /** Integer widths in bytes (also the serial pseudo-types). */
    private static final Map<String, Integer> INT_BYTES = Map.ofEntries(
            Map.entry("tinyint", 1), Map.entry("smallint", 2), Map.entry("smallserial", 2), Map.entry("mediumint", 3),
            Map.entry("integer", 4), Map.entry("int", 4), Map.entry("serial", 4), Map.entry("bigint", 8), Map.entry("bigserial", 8));

    /** Effect of changing a column from one type to another. */
    public record Change(boolean same, boolean narrowing, boolean rewrite, String reason) {}

    public static Change classify(Dialect dialect, SqlType from, SqlType to) {
        if (from == null || to == null) return new Change(false, false, true, "the previous type is not known");
        String f = unsignedless(from);
        String t = unsignedless(to);
        boolean ints = INT_BYTES.containsKey(f) && INT_BYTES.containsKey(t);
        if (f.equals(t) && from.array() == to.array() && unsigned(from) == unsigned(to)
                && (ints || sameArgs(f, from, to))) {
            // integer arguments are MySQL display widths (int(11) is int): they change nothing
            return new Change(true, false, false, "same type");
        }
        if (from.array() != to.array()) return new Change(false, true, true, "array <-> scalar conversion");
        if (dialect != null && dialect.isMysqlFamily()) {
            Change my = classifyMysqlFamily(f, from, t, to);
            if (my != null) return my;
        }

        // character types
        if (isVarchar(f) && isVarchar(t)) {
            int a = from.length();
            int b = to.length();
            if (b < 0 && dialect == Dialect.POSTGRESQL) return new Change(false, false, false, "length limit removed");
            if (a >= 0 && b >= 0 && b < a) return new Change(false, true, dialect != Dialect.POSTGRESQL, "varchar(" + a + ") -> varchar(" + b + ") can truncate or reject longer values");
            if (a < 0 && b >= 0) return new Change(false, true, dialect != Dialect.POSTGRESQL, "unbounded -> varchar(" + b + ") can reject longer values");
            return new Change(false, false, dialect.isMysqlFamily() && mysqlLengthBucketChanges(a, b), "varchar length increased");
        }
        if (isVarchar(f) && t.equals("text")) {
            return new Change(false, false, dialect.isMysqlFamily(), "varchar -> text widens");
        }
        if (f.equals("text") && isVarchar(t)) {
            return new Change(false, to.length() >= 0, dialect.isMysqlFamily(), to.length() >= 0 ? "text -> varchar(" + to.length() + ") can reject longer values" : "text -> varchar");
        }
        if (f.equals("char") && t.equals("char")) {
            boolean narrower = to.length() >= 0 && from.length() >= 0 && to.length() < from.length();
            return new Change(false, narrower, true, narrower ? "char length reduced" : "char length changed");
        }
        if (f.equals("char") && (isVarchar(t) || t.equals("text"))) {
            boolean narrower = isVarchar(t) && to.length() >= 0 && from.length() >= 0 && to.length() < from.length();
            return new Change(false, narrower, true, "char -> " + t);
        }

        // integers
        Integer fi = INT_BYTES.get(f);
        Integer ti = INT_BYTES.get(t);
        if (fi != null && ti != null) {
            if (ti < fi) return new Change(false, true, true, f + " -> " + t + " can overflow");
            if (unsigned(from) && !unsigned(to) && ti.equals(fi)) {
                return new Change(false, true, true, f + " unsigned -> " + t + " can overflow for values above the signed maximum");
            }
            if (!unsigned(from) && unsigned(to)) return new Change(false, true, true, f + " -> " + t + " unsigned rejects negative values");
            return new Change(false, false, true, f + " -> " + t + " widens but rewrites the table");
        }

        // numeric precision / scale
        if (isNumeric(f) && isNumeric(t)) {
            int p1 = from.length(), s1 = Math.max(from.scale(), 0), p2 = to.length(), s2 = Math.max(to.scale(), 0);
            if (dialect != null && dialect.isMysqlFamily()) {
                // MySQL: DECIMAL without a precision is DECIMAL(10,0)
                if (p1 < 0) p1 = 10;
                if (p2 < 0) p2 = 10;
            }
            if (p2 < 0 && dialect == Dialect.POSTGRESQL) return new Change(false, false, false, "precision limit removed");
            if (p1 < 0 && p2 >= 0) return new Change(false, true, true, "unconstrained numeric -> numeric(" + p2 + "," + s2 + ")");
            if (s2 == s1 && p2 >= p1) return new Change(false, false, dialect != Dialect.POSTGRESQL, "precision increased at the same scale");
            boolean narrower = s2 < s1 || (p2 - s2) < (p1 - s1);
            return new Change(false, narrower, true, narrower ? "lower precision or scale can round or reject values" : "scale changed");
        }
        if (fi != null && isNumeric(t)) {
            return new Change(false, false, true, f + " -> numeric rewrites the table");
        }
        if (isNumeric(f) && ti != null) return new Change(false, true, true, "numeric -> " + t + " drops the fraction and can overflow");

        // floating point
        if ((f.equals("real") && t.equals("double precision"))) return new Change(false, false, true, "real -> double precision rewrites");
        if ((f.equals("double precision") && t.equals("real"))) return new Change(false, true, true, "double precision -> real loses precision");

        // time
        if (f.equals("timestamp") && t.equals("timestamptz")) return new Change(false, false, true, "timestamp -> timestamptz rewrites (and reinterprets values in the session time zone)");
        if (f.equals("timestamptz") && t.equals("timestamp")) return new Change(false, false, true, "timestamptz -> timestamp rewrites and drops the zone");
        if ((f.equals("timestamp") || f.equals("timestamptz") || f.equals("datetime")) && t.equals("date")) return new Change(false, true, true, "timestamp -> date drops the time of day");

        // json
        if (f.equals("json") && t.equals("jsonb")) return new Change(false, false, true, "json -> jsonb rewrites the table");
        if (f.equals("cidr") && t.equals("inet")) return new Change(false, false, false, "cidr -> inet is binary-coercible");

        // anything to text is lossless, but still a rewrite unless it is a varchar
        if (t.equals("text")) return new Change(false, false, true, f + " -> text rewrites the table");
        // cross-family conversions may reject values (text -> integer, varchar -> uuid...)
        return new Change(false, isStringy(f) && !isStringy(t), true, f + " -> " + t + " converts every row and may reject values that do not cast");
    }

    // ---- MySQL / MariaDB ---------------------------------------------------------------------

    /** Maximum bytes of the MySQL text and blob families. */
    private static final Map<String, Long> LOB_BYTES = Map.of(
            "tinytext", 255L, "text", 65_535L, "mediumtext", 16_777_215L, "longtext", 4_294_967_295L,
            "tinyblob", 255L, "blob", 65_535L, "mediumblob", 16_777_215L, "longblob", 4_294_967_295L);

    /** Bytes per character assumed for MySQL string columns: utf8mb4, the MySQL 8 default and what frameworks set. */
    public static final int MYSQL_BYTES_PER_CHAR = 4;

    /**
     * MySQL / MariaDB specifics: every type change there is ALGORITHM=COPY except VARCHAR growth
     * that keeps the number of length bytes, and ENUM / SET members appended at the end while the
     * storage size stays the same. Returns null for pairs the generic rules handle.
     */
    private static Change classifyMysqlFamily(String f, SqlType from, String t, SqlType to) {
        boolean enumLike = (f.equals("enum") || f.equals("set")) && f.equals(t);
        if (enumLike) return enumChange(f, members(from), members(to));
        Long fl = lobBytes(f, from);
        Long tl = lobBytes(t, to);
        if (fl != null && tl != null && (LOB_BYTES.containsKey(f) || LOB_BYTES.containsKey(t))) {
            if (tl < fl) {
                return new Change(false, true, true, f + (from.length() >= 0 ? "(" + from.length() + ")" : "") + " -> " + t
                        + (to.length() >= 0 ? "(" + to.length() + ")" : "") + " holds at most " + tl + " bytes: longer values are rejected or cut");
            }
            return new Change(false, false, true, f + " -> " + t + " widens but is a type change: MySQL copies the table");
        }
        return null;
    }

    /** Maximum bytes of a string column: LOB sizes, varchar/char/varbinary/binary lengths (utf8mb4 for the character types). */
    private static Long lobBytes(String base, SqlType type) {
        Long lob = LOB_BYTES.get(base);
        if (lob != null) return lob;
        int n = type.length();
        if (n < 0) return null;
        return switch (base) {
            case "varchar", "char" -> (long) n * MYSQL_BYTES_PER_CHAR;
            case "varbinary", "binary" -> (long) n;
            default -> null;
        };
    }

    private static Change enumChange(String kind, List<String> a, List<String> b) {
        if (!b.containsAll(a)) {
            List<String> gone = new ArrayList<>(a);
            gone.removeAll(b);
            return new Change(false, true, true, kind + " loses " + String.join(", ", gone) + ": rows holding it are rejected or emptied");
        }
        if (b.subList(0, a.size()).equals(a)) {
            boolean sizeChanges = enumStorageBytes(kind, a.size()) != enumStorageBytes(kind, b.size());
            return new Change(false, false, sizeChanges, sizeChanges
                    ? kind + " members appended, but the storage size grows from " + enumStorageBytes(kind, a.size()) + " to "
                            + enumStorageBytes(kind, b.size()) + " bytes: MySQL copies the table"
                    : kind + " members appended at the end: a metadata change");
        }
        return new Change(false, false, true, kind + " members reordered or inserted before the last one: every stored index changes, MySQL copies the table");
    }

    /** ENUM: 1 byte up to 255 members, else 2; SET: 1, 2, 3, 4 or 8 bytes for up to 8, 16, 24, 32, 64 members. */
    static int enumStorageBytes(String kind, int members) {
        if (kind.equals("enum")) return members <= 255 ? 1 : 2;
        int bytes = (members + 7) / 8;
        return bytes > 4 ? 8 : Math.max(bytes, 1);
    }

    /** ENUM / SET members without their quotes. */
    static List<String> members(SqlType t) {
        List<String> out = new ArrayList<>();
        for (String a : t.args()) {
            String v = a.trim();
            if (v.length() >= 2 && (v.charAt(0) == '\'' || v.charAt(0) == '"') && v.charAt(v.length() - 1) == v.charAt(0)) {
                v = v.substring(1, v.length() - 1).replace("''", "'");
            }
            out.add(v);
        }
        return out;
    }

    /** {@link #base} of the type with a MySQL " unsigned" suffix of the name removed (signedness is {@link #unsigned}). */
    private static String unsignedless(SqlType t) {
        String n = t.name().trim();
        if (!n.toLowerCase(Locale.ROOT).endsWith(" unsigned")) return base(t);
        return base(new SqlType(n.substring(0, n.length() - " unsigned".length()).trim(), t.args(), t.array(), t.raw()));
    }

    /** True for an UNSIGNED integer type (as the name or the raw text says). */
    static boolean unsigned(SqlType t) {
        return t.name().toLowerCase(Locale.ROOT).contains("unsigned") || (t.raw() != null && t.raw().toLowerCase(Locale.ROOT).contains("unsigned"));
    }

    private static boolean sameArgs(String base, SqlType a, SqlType b) {
        if (base.equals("enum") || base.equals("set")) return members(a).equals(members(b));
        return a.args().stream().map(String::trim).toList().equals(b.args().stream().map(String::trim).toList());
    }

    /** MySQL stores varchar lengths in 1 byte up to 255 bytes, 2 bytes above; crossing it forces a copy (utf8mb4 = 4 bytes/char). */
    private static boolean mysqlLengthBucketChanges(int a, int b) {
        if (a < 0 || b < 0) return true;
        return (a * 4 <= 255) != (b * 4 <= 255);
    }

    static String base(SqlType t) {
        String n = t.name().toLowerCase(Locale.ROOT);
        return switch (n) {
            case "int", "int4" -> "integer";
            case "int2" -> "smallint";
            case "int8" -> "bigint";
            case "character varying", "nvarchar" -> "varchar";
            case "character", "bpchar", "nchar" -> "char";
            case "decimal" -> "numeric";
            case "float8", "double" -> "double precision";
            case "float4" -> "real";
            case "bool" -> "boolean";
            case "timestamp with time zone" -> "timestamptz";
            case "timestamp without time zone" -> "timestamp";
            default -> n;
        };
    }

    private static boolean isVarchar(String n) {
        return n.equals("varchar");
    }

    private static boolean isNumeric(String n) {
        return n.equals("numeric");
    }

    private static boolean isStringy(String n) {
        return n.equals("varchar") || n.equals("text") || n.equals("char") || n.equals("citext")
                || n.equals("tinytext") || n.equals("mediumtext") || n.equals("longtext");
    }
}

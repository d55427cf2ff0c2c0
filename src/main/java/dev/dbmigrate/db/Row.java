package dev.dbmigrate.db;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Map;

/**
 * One row of a catalog or history query, copied out of the result set, with typed,
 * case-insensitive access. Columns a table layout does not have read as null, so one reader serves
 * old and new layouts of a tool's table, and SELECT * works across MySQL and MariaDB versions.
 */
public final class Row {

    private final Map<String, Object> objects = new HashMap<>();
    private final Map<String, String> strings = new HashMap<>();

    /** Copies the result set's current row. */
    public Row(ResultSet rs) throws SQLException {
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            if (objects.containsKey(label)) continue;
            String type = md.getColumnTypeName(i) == null ? "" : md.getColumnTypeName(i).toLowerCase(Locale.ROOT);
            Object o = rs.getObject(i);
            if (o != null && (type.contains("timestamptz") || type.contains("with time zone"))) {
                o = rs.getObject(i, OffsetDateTime.class);
            }
            objects.put(label, o);
            strings.put(label, o == null ? null : o instanceof byte[] ? null : rs.getString(i));
        }
    }

    public boolean has(String column) {
        return objects.containsKey(column.toLowerCase(Locale.ROOT));
    }

    private Object obj(String column) {
        return objects.get(column.toLowerCase(Locale.ROOT));
    }

    public String str(String column) {
        Object o = obj(column);
        if (o == null) return null;
        if (o instanceof BigDecimal bd) return bd.stripTrailingZeros().toPlainString();
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
        }
        return strings.get(column.toLowerCase(Locale.ROOT));
    }

    public Long lng(String column) {
        String s = str(column);
        if (s == null || s.isBlank()) return null;
        try {
            return new BigDecimal(s.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Booleans as PostgreSQL, MySQL (tinyint) and SQLite (0/1, 'true') store them. */
    public Boolean bool(String column) {
        Object o = obj(column);
        if (o == null) return null;
        if (o instanceof Boolean b) return b;
        return switch (String.valueOf(str(column)).trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "1", "y", "yes", "on" -> true;
            default -> false;
        };
    }

    /** Hex of a binary column (sqlx checksum), or of the text when the driver hands back hex already. */
    public String hex(String column) {
        Object o = obj(column);
        if (o == null) return null;
        if (o instanceof byte[] b) return HexFormat.of().formatHex(b);
        String s = str(column);
        if (s.startsWith("\\x")) return s.substring(2).toLowerCase(Locale.ROOT);
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * A timestamp as ISO-8601: with "Z" for columns with a time zone (timestamptz), without an
     * offset for local timestamps; SQLite text is kept as written, epoch numbers become instants.
     */
    public String timestamp(String column) {
        Object o = obj(column);
        if (o == null) return null;
        if (o instanceof OffsetDateTime odt) return odt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (o instanceof Timestamp ts) return ts.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (o instanceof LocalDateTime ldt) return ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (o instanceof Number n) return epoch(n.longValue());
        String s = o.toString().trim();
        if (s.matches("\\d{10,13}")) return epoch(Long.parseLong(s));
        return s;
    }

    /** Epoch seconds (10 digits) or milliseconds (13 digits) as an ISO instant. */
    public static String epoch(long value) {
        Instant t = value > 99_999_999_999L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}

package dev.dbmigrate.db.history;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
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
 * Typed, case-insensitive access to the current row of a history query. Columns that a tool
 * version does not have read as null, so one reader serves old and new table layouts.
 */
final class Row {

    private final ResultSet rs;
    private final Map<String, Integer> index = new HashMap<>();
    private final Map<String, String> typeNames = new HashMap<>();

    Row(ResultSet rs) throws SQLException {
        this.rs = rs;
        ResultSetMetaData md = rs.getMetaData();
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
            index.putIfAbsent(label, i);
            typeNames.put(label, md.getColumnTypeName(i) == null ? "" : md.getColumnTypeName(i).toLowerCase(Locale.ROOT));
        }
    }

    boolean has(String column) {
        return index.containsKey(column.toLowerCase(Locale.ROOT));
    }

    private Integer col(String column) {
        return index.get(column.toLowerCase(Locale.ROOT));
    }

    String str(String column) throws SQLException {
        Integer i = col(column);
        if (i == null) return null;
        Object o = rs.getObject(i);
        if (o == null) return null;
        if (o instanceof BigDecimal bd) return bd.stripTrailingZeros().toPlainString();
        if (o instanceof Double || o instanceof Float) {
            double d = ((Number) o).doubleValue();
            if (d == Math.rint(d) && Math.abs(d) < 1e17) return Long.toString((long) d);
        }
        return rs.getString(i);
    }

    Long lng(String column) throws SQLException {
        String s = str(column);
        if (s == null || s.isBlank()) return null;
        try {
            return new BigDecimal(s.trim()).longValueExact();
        } catch (NumberFormatException | ArithmeticException e) {
            return null;
        }
    }

    /** Booleans as PostgreSQL, MySQL (tinyint) and SQLite (0/1, 'true') store them. */
    Boolean bool(String column) throws SQLException {
        String s = str(column);
        if (s == null) return null;
        return switch (s.trim().toLowerCase(Locale.ROOT)) {
            case "t", "true", "1", "y", "yes", "on" -> true;
            default -> false;
        };
    }

    /** Hex of a binary column (sqlx checksum), or of the text when the driver hands back hex already. */
    String hex(String column) throws SQLException {
        Integer i = col(column);
        if (i == null) return null;
        Object o = rs.getObject(i);
        if (o == null) return null;
        if (o instanceof byte[] b) return HexFormat.of().formatHex(b);
        String s = rs.getString(i);
        if (s.startsWith("\\x")) return s.substring(2).toLowerCase(Locale.ROOT);
        return s.toLowerCase(Locale.ROOT);
    }

    /**
     * A timestamp as ISO-8601: with "Z" for columns with a time zone (timestamptz), without an
     * offset for local timestamps; SQLite text is kept as written, epoch numbers become instants.
     */
    String timestamp(String column) throws SQLException {
        Integer i = col(column);
        if (i == null) return null;
        Object o = rs.getObject(i);
        if (o == null) return null;
        String type = typeNames.getOrDefault(column.toLowerCase(Locale.ROOT), "");
        if (type.contains("timestamptz") || type.contains("with time zone")) {
            OffsetDateTime odt = rs.getObject(i, OffsetDateTime.class);
            return odt == null ? null : odt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        }
        if (o instanceof Timestamp ts) return ts.toLocalDateTime().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (o instanceof LocalDateTime ldt) return ldt.format(DateTimeFormatter.ISO_LOCAL_DATE_TIME);
        if (o instanceof OffsetDateTime odt) return odt.withOffsetSameInstant(ZoneOffset.UTC).format(DateTimeFormatter.ISO_OFFSET_DATE_TIME);
        if (o instanceof Number n) return epoch(n.longValue());
        String s = o.toString().trim();
        if (s.matches("\\d{10,13}")) return epoch(Long.parseLong(s));
        return s;
    }

    int sqlType(String column) throws SQLException {
        Integer i = col(column);
        return i == null ? Types.NULL : rs.getMetaData().getColumnType(i);
    }

    /** Epoch seconds (10 digits) or milliseconds (13 digits) as an ISO instant. */
    static String epoch(long value) {
        Instant t = value > 99_999_999_999L ? Instant.ofEpochMilli(value) : Instant.ofEpochSecond(value);
        return DateTimeFormatter.ISO_INSTANT.format(t);
    }
}

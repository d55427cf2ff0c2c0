package dev.dbmigrate.parse.liquibase;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase column types ("VARCHAR(255)", "int", "java.sql.Types.BIGINT", "timestamp with time zone",
 * "clob") as the {@link SqlType} the database ends up with, following Liquibase's own per-database
 * translation for the common types (int -> integer, clob -> text on PostgreSQL, datetime -> timestamp
 * on PostgreSQL, boolean -> tinyint(1)-like boolean on MySQL...). Unknown names are kept lower-case.
 */
public final class LiquibaseTypes {

    private static final Pattern TYPE = Pattern.compile("(?is)^\\s*([a-z_][\\w .$]*?)\\s*(?:\\((.*)\\))?\\s*(\\[\\])?\\s*$");
    private static final Map<String, String> COMMON = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("integer", "integer"), Map.entry("int4", "integer"),
            Map.entry("mediumint", "integer"), Map.entry("bigint", "bigint"), Map.entry("int8", "bigint"),
            Map.entry("long", "bigint"), Map.entry("smallint", "smallint"), Map.entry("int2", "smallint"),
            Map.entry("varchar", "varchar"), Map.entry("character varying", "varchar"), Map.entry("nvarchar", "varchar"),
            Map.entry("varchar2", "varchar"), Map.entry("nvarchar2", "varchar"), Map.entry("string", "varchar"),
            Map.entry("char", "char"), Map.entry("character", "char"), Map.entry("nchar", "char"),
            Map.entry("text", "text"), Map.entry("decimal", "numeric"), Map.entry("numeric", "numeric"),
            Map.entry("number", "numeric"), Map.entry("currency", "numeric"), Map.entry("real", "real"),
            Map.entry("float4", "real"), Map.entry("double", "double precision"), Map.entry("float8", "double precision"),
            Map.entry("double precision", "double precision"), Map.entry("boolean", "boolean"), Map.entry("bool", "boolean"),
            Map.entry("bit", "boolean"), Map.entry("date", "date"), Map.entry("time", "time"), Map.entry("timestamp", "timestamp"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("timestamptz", "timestamptz"), Map.entry("json", "json"), Map.entry("jsonb", "jsonb"),
            Map.entry("uuid", "uuid"), Map.entry("serial", "serial"), Map.entry("bigserial", "bigserial"),
            Map.entry("smallserial", "smallserial"));

    private LiquibaseTypes() {}

    public static SqlType parse(String raw, Dialect dialect) {
        if (raw == null || raw.isBlank()) return null;
        String s = raw.trim().replaceFirst("(?i)^java\\.sql\\.Types\\.", "");
        Matcher m = TYPE.matcher(s);
        if (!m.matches()) return new SqlType(s.toLowerCase(Locale.ROOT), List.of(), false, raw.trim());
        String base = m.group(1).trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        List<String> args = new ArrayList<>();
        if (m.group(2) != null) {
            for (String a : m.group(2).split(",")) {
                String t = a.trim().replaceFirst("(?i)\\s+(byte|char)$", "");
                if (!t.isEmpty()) args.add(t);
            }
        }
        boolean pg = dialect == Dialect.POSTGRESQL;
        boolean my = dialect != null && dialect.isMysqlFamily();
        String name = switch (base) {
            case "clob", "nclob", "longtext", "mediumtext", "tinytext" -> pg ? "text" : base.equals("clob") || base.equals("nclob") ? (my ? "longtext" : "text") : base;
            case "blob", "longblob", "binary", "varbinary", "bytea", "image" -> pg ? "bytea" : base.equals("bytea") ? "blob" : base;
            case "datetime" -> pg ? "timestamp" : "datetime";
            case "tinyint" -> pg ? "smallint" : "tinyint";
            case "float" -> pg ? "double precision" : "float";
            case "bit" -> args.isEmpty() || args.equals(List.of("1")) ? "boolean" : "bit";
            default -> COMMON.getOrDefault(base, base);
        };
        if (name.equals("boolean") && base.equals("bit")) args.clear();
        return new SqlType(name, args, m.group(3) != null, raw.trim());
    }
}

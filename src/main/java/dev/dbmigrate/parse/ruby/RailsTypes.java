package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.parse.js.TypeText;
import java.util.Locale;

/**
 * Active Record's abstract column types as each adapter's {@code NATIVE_DATABASE_TYPES} writes
 * them (Rails 7): {@code string} -> character varying on PostgreSQL (no limit) / varchar(255) on
 * MySQL / varchar on SQLite; {@code datetime} -> timestamp(6) on PostgreSQL and datetime(6) on
 * MySQL / SQLite (Rails 7 defaults precision to 6; {@code timestamptz} when asked); {@code integer}
 * with {@code limit: 2 / 8} -> smallint / bigint; {@code float} -> double precision on PostgreSQL;
 * {@code decimal} -> numeric; {@code binary} -> bytea / blob; {@code boolean} -> tinyint(1) on
 * MySQL; {@code text} with a limit -> tiny/medium/longtext on MySQL; {@code primary_key} -> bigserial
 * / bigint auto_increment / integer. Unknown names are taken as the database's own type
 * ({@code t.column :x, "citext"}).
 */
final class RailsTypes {

    private RailsTypes() {}

    static SqlType type(String name, Integer limit, Integer precision, Integer scale, boolean array, Dialect d) {
        SqlType t = base(name.toLowerCase(Locale.ROOT), limit, precision, scale, d);
        return array && t != null ? new SqlType(t.name(), t.args(), true, t.raw() + "[]") : t;
    }

    private static SqlType base(String n, Integer limit, Integer precision, Integer scale, Dialect d) {
        boolean pg = d == Dialect.POSTGRESQL;
        boolean my = d.isMysqlFamily();
        switch (n) {
            case "string" -> {
                if (limit != null) return TypeText.of("varchar", (pg ? "character varying(" : "varchar(") + limit + ")", limit);
                return my ? TypeText.of("varchar", "varchar(255)", 255) : TypeText.of("varchar", pg ? "character varying" : "varchar");
            }
            case "text" -> {
                if (my && limit != null) {
                    String tt = limit <= 255 ? "tinytext" : limit <= 65535 ? "text" : limit <= 16777215 ? "mediumtext" : "longtext";
                    return TypeText.of(tt, tt);
                }
                return TypeText.of("text", "text");
            }
            case "integer" -> {
                if (limit != null && limit <= 2) return TypeText.of("smallint", "smallint");
                if (limit != null && limit > 4) return TypeText.of("bigint", "bigint");
                if (my && limit != null && limit == 1) return TypeText.of("tinyint", "tinyint");
                return TypeText.of("integer", my ? "int" : "integer");
            }
            case "bigint" -> {
                return TypeText.of("bigint", "bigint");
            }
            case "primary_key" -> {
                return pg ? TypeText.of("bigserial", "bigserial") : my ? TypeText.of("bigint", "bigint") : TypeText.of("integer", "integer");
            }
            case "float" -> {
                return pg ? TypeText.of("double precision", "float") : my ? TypeText.of("real", "float") : TypeText.of("float", "float");
            }
            case "decimal", "numeric" -> {
                if (precision == null) return TypeText.of("numeric", "decimal");
                return TypeText.of("numeric", "decimal(" + precision + (scale == null ? "" : "," + scale) + ")", precision, scale);
            }
            case "datetime", "timestamp" -> {
                int p = precision == null ? 6 : precision;
                if (pg) return TypeText.of("timestamp", "timestamp(" + p + ")", p);
                String w = my && n.equals("timestamp") ? "timestamp" : "datetime";
                return TypeText.of(w, w + "(" + p + ")", p);
            }
            case "timestamptz" -> {
                int p = precision == null ? 6 : precision;
                return TypeText.of("timestamptz", "timestamptz(" + p + ")", p);
            }
            case "time" -> {
                return precision == null ? TypeText.of("time", "time") : TypeText.of("time", "time(" + precision + ")", precision);
            }
            case "date" -> {
                return TypeText.of("date", "date");
            }
            case "binary", "blob" -> {
                return pg ? TypeText.of("bytea", "bytea") : TypeText.of("blob", "blob");
            }
            case "boolean" -> {
                return TypeText.of("boolean", my ? "tinyint(1)" : "boolean");
            }
            case "json" -> {
                return TypeText.of("json", "json");
            }
            case "jsonb" -> {
                return pg ? TypeText.of("jsonb", "jsonb") : TypeText.of("json", "json");
            }
            case "uuid" -> {
                return pg ? TypeText.of("uuid", "uuid") : TypeText.of("char", "char(36)", 36);
            }
            default -> {
                return TypeText.parse(n, d);
            }
        }
    }
}

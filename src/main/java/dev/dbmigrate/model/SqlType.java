package dev.dbmigrate.model;

import java.util.List;

/**
 * A column type.
 *
 * @param name  canonical lower-case base name ("varchar", "char", "text", "integer", "smallint",
 *              "bigint", "numeric", "real", "double precision", "boolean", "timestamp",
 *              "timestamptz", "date", "time", "json", "jsonb", "uuid", "bytea", "serial",
 *              "bigserial", "smallserial", "enum" for MySQL inline enums, or a user type name)
 * @param args  type arguments as written (length, precision and scale, or MySQL enum values)
 * @param array true for PostgreSQL array types ({@code text[]})
 * @param raw   the type as written in the source
 */
public record SqlType(String name, List<String> args, boolean array, String raw) {

    public SqlType {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** The first numeric argument (varchar length, numeric precision), or -1. */
    public int length() {
        if (args.isEmpty()) return -1;
        try {
            return Integer.parseInt(args.get(0).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The second numeric argument (numeric scale), or -1. */
    public int scale() {
        if (args.size() < 2) return -1;
        try {
            return Integer.parseInt(args.get(1).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    @Override
    public String toString() {
        return raw != null ? raw : name + (args.isEmpty() ? "" : "(" + String.join(",", args) + ")") + (array ? "[]" : "");
    }
}

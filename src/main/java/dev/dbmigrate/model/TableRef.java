package dev.dbmigrate.model;

/**
 * A table name, already normalised for its dialect (PostgreSQL folds unquoted names to lower case;
 * MySQL and SQLite names are kept as written and compared case-insensitively by the schema).
 *
 * @param schema the schema / database qualifier, or null when the statement did not give one
 * @param name   the table name without quotes
 */
public record TableRef(String schema, String name) {

    public static TableRef of(String name) {
        return new TableRef(null, name);
    }

    /** "schema.name" or "name". */
    public String qualified() {
        return schema == null ? name : schema + "." + name;
    }

    @Override
    public String toString() {
        return qualified();
    }
}

package dev.dbmigrate.model;

/**
 * A column definition as a statement states it.
 *
 * @param name          column name (normalised like {@link TableRef})
 * @param type          its type, or null when not given (SQLite allows that)
 * @param notNull       true when NOT NULL was stated (or implied by PRIMARY KEY / identity)
 * @param defaultExpr   the DEFAULT expression as written, or null
 * @param primaryKey    inline PRIMARY KEY
 * @param unique        inline UNIQUE
 * @param references    inline REFERENCES, or null
 * @param generated     GENERATED ... AS IDENTITY / AS (expr) STORED, or null
 * @param check         inline CHECK expression, or null
 * @param autoIncrement MySQL AUTO_INCREMENT / SQLite AUTOINCREMENT
 * @param collation     COLLATE name, or null
 * @param comment       inline COMMENT (MySQL), or null
 */
public record ColumnDef(
        String name,
        SqlType type,
        boolean notNull,
        String defaultExpr,
        boolean primaryKey,
        boolean unique,
        ForeignKeyRef references,
        Generated generated,
        String check,
        boolean autoIncrement,
        String collation,
        String comment) {

    /** A plain column: name, type, nullability, default. */
    public static ColumnDef of(String name, SqlType type, boolean notNull, String defaultExpr) {
        return new ColumnDef(name, type, notNull, defaultExpr, false, false, null, null, null, false, null, null);
    }

    public ColumnDef withName(String newName) {
        return new ColumnDef(newName, type, notNull, defaultExpr, primaryKey, unique, references, generated, check, autoIncrement, collation, comment);
    }

    public ColumnDef withType(SqlType newType) {
        return new ColumnDef(name, newType, notNull, defaultExpr, primaryKey, unique, references, generated, check, autoIncrement, collation, comment);
    }

    public ColumnDef withNotNull(boolean nn) {
        return new ColumnDef(name, type, nn, defaultExpr, primaryKey, unique, references, generated, check, autoIncrement, collation, comment);
    }

    public ColumnDef withDefault(String expr) {
        return new ColumnDef(name, type, notNull, expr, primaryKey, unique, references, generated, check, autoIncrement, collation, comment);
    }

    public ColumnDef withComment(String text) {
        return new ColumnDef(name, type, notNull, defaultExpr, primaryKey, unique, references, generated, check, autoIncrement, collation, text);
    }

    /** An inline REFERENCES clause. */
    public record ForeignKeyRef(TableRef table, String column, String onDelete, String onUpdate) {}

    /**
     * Generated column or identity.
     *
     * @param identity   true for GENERATED ... AS IDENTITY
     * @param always     ALWAYS (vs BY DEFAULT) for identity
     * @param expression the generation expression for computed columns
     * @param stored     STORED (vs VIRTUAL) for computed columns
     */
    public record Generated(boolean identity, boolean always, String expression, boolean stored) {}
}

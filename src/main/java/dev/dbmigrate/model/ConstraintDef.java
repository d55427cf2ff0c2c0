package dev.dbmigrate.model;

import java.util.List;

/**
 * A table constraint.
 *
 * @param name       the name as written, or null when the database will choose one (the schema
 *                   stage resolves implicit names such as {@code orders_customer_id_fkey})
 * @param kind       what kind of constraint
 * @param columns    the constrained columns (empty for CHECK)
 * @param refTable   FOREIGN KEY: referenced table
 * @param refColumns FOREIGN KEY: referenced columns (empty = the referenced primary key)
 * @param onDelete   FOREIGN KEY: ON DELETE action as written upper-case ("CASCADE", "SET NULL"...), or null
 * @param onUpdate   FOREIGN KEY: ON UPDATE action, or null
 * @param expression CHECK / EXCLUDE expression, or null
 * @param notValid   PostgreSQL NOT VALID
 * @param usingIndex PostgreSQL ... USING INDEX name, or null
 * @param deferrable DEFERRABLE
 */
public record ConstraintDef(
        String name,
        Kind kind,
        List<String> columns,
        TableRef refTable,
        List<String> refColumns,
        String onDelete,
        String onUpdate,
        String expression,
        boolean notValid,
        String usingIndex,
        boolean deferrable) {

    public enum Kind { PRIMARY_KEY, UNIQUE, FOREIGN_KEY, CHECK, EXCLUDE }

    public ConstraintDef {
        columns = columns == null ? List.of() : List.copyOf(columns);
        refColumns = refColumns == null ? List.of() : List.copyOf(refColumns);
    }

    public ConstraintDef withName(String newName) {
        return new ConstraintDef(newName, kind, columns, refTable, refColumns, onDelete, onUpdate, expression, notValid, usingIndex, deferrable);
    }

    public ConstraintDef withNotValid(boolean nv) {
        return new ConstraintDef(name, kind, columns, refTable, refColumns, onDelete, onUpdate, expression, nv, usingIndex, deferrable);
    }

    public static ConstraintDef primaryKey(String name, List<String> columns) {
        return new ConstraintDef(name, Kind.PRIMARY_KEY, columns, null, null, null, null, null, false, null, false);
    }

    public static ConstraintDef unique(String name, List<String> columns) {
        return new ConstraintDef(name, Kind.UNIQUE, columns, null, null, null, null, null, false, null, false);
    }

    public static ConstraintDef check(String name, String expression) {
        return new ConstraintDef(name, Kind.CHECK, null, null, null, null, null, expression, false, null, false);
    }

    public static ConstraintDef foreignKey(String name, List<String> columns, TableRef refTable, List<String> refColumns, String onDelete, String onUpdate) {
        return new ConstraintDef(name, Kind.FOREIGN_KEY, columns, refTable, refColumns, onDelete, onUpdate, null, false, null, false);
    }
}

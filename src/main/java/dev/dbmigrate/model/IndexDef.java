package dev.dbmigrate.model;

import java.util.List;

/**
 * An index.
 *
 * @param name    index name, or null when the database chooses one (resolved by the schema stage)
 * @param table   the indexed table
 * @param columns key columns or expressions as written ("email", "lower(email)", "created_at DESC")
 * @param unique  UNIQUE index
 * @param method  access method (btree, gin, gist, hash...), or null for the default
 * @param where   partial index predicate, or null
 * @param include INCLUDE columns (PostgreSQL 11+)
 */
public record IndexDef(String name, TableRef table, List<String> columns, boolean unique, String method, String where, List<String> include) {

    public IndexDef {
        columns = columns == null ? List.of() : List.copyOf(columns);
        include = include == null ? List.of() : List.copyOf(include);
    }

    public IndexDef withName(String newName) {
        return new IndexDef(newName, table, columns, unique, method, where, include);
    }

    public IndexDef withTable(TableRef newTable) {
        return new IndexDef(name, newTable, columns, unique, method, where, include);
    }
}

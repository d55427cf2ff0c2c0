package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The table a Knex table builder ({@code (table) => {...}}) works on. In a {@code createTable}
 * callback the builder's calls collect into one CREATE TABLE ({@code create} true); in
 * {@code alterTable} / {@code table} each call is its own statement.
 */
final class KnexTable {

    final TableRef table;
    final boolean create;
    /** Operations that must run before the CREATE TABLE (native enum types). */
    final List<Operation> before = new ArrayList<>();
    final List<ColumnDef> columns = new ArrayList<>();
    final List<ConstraintDef> constraints = new ArrayList<>();
    /** Operations after the CREATE TABLE (indexes, comments). */
    final List<Operation> after = new ArrayList<>();

    KnexTable(TableRef table, boolean create) {
        this.table = table;
        this.create = create;
    }

    /** The table name as Knex uses it in implicit names ("." and "-" become "_"). */
    String nameForKeys() {
        return table.name().replaceAll("[.-]", "_");
    }
}

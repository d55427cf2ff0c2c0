package dev.dbmigrate.parse.js;

import dev.dbmigrate.parse.js.JsAst.Node;
import java.util.HashMap;
import java.util.Map;

/**
 * Names visible while walking a migration function: database handles (by {@link Role}), constant
 * values ({@code const TABLE = 'users'}), aliases of handle chains ({@code const schema = knex.schema}),
 * local helper functions, results of existence checks, and the existence guard the walk is under.
 */
final class JsScope {

    /** What a name stands for. */
    enum Role {
        /** A Knex instance or transaction ({@code knex}, {@code trx}). */
        KNEX,
        /** A Knex table builder inside createTable / alterTable; see {@link JsScope#table}. */
        KNEX_TABLE,
        /** Sequelize's queryInterface. */
        QUERY_INTERFACE,
        /** The Sequelize library / DataTypes (types, fn, literal). */
        SEQUELIZE,
        /** TypeORM's queryRunner. */
        QUERY_RUNNER,
        /** A transaction object (Sequelize {@code t}): commit/rollback do nothing to the schema. */
        TRANSACTION
    }

    /** The value of {@code hasTable} / {@code hasColumn} (column null for a table). */
    record Existence(String table, String column) {}

    /** The walk is inside a branch that runs only when {@code existence} is {@code exists}. */
    record Guard(Existence existence, boolean exists) {}

    private final JsScope parent;
    private final Map<String, Object> names = new HashMap<>();
    Guard guard;

    JsScope(JsScope parent) {
        this.parent = parent;
        this.guard = parent == null ? null : parent.guard;
    }

    JsScope child() {
        return new JsScope(this);
    }

    void bind(String name, Object value) {
        if (name != null) names.put(name, value);
    }

    Object lookup(String name) {
        for (JsScope s = this; s != null; s = s.parent) {
            if (s.names.containsKey(name)) return s.names.get(name);
        }
        return null;
    }

    Role role(String name) {
        return name != null && lookup(name) instanceof Role r ? r : null;
    }

    Node value(String name) {
        return name != null && lookup(name) instanceof Node n ? n : null;
    }

    /** The table a Knex table-builder name stands for. */
    static final String TABLE_PREFIX = "\u0000table:";

    void bindTable(String builder, KnexTable table) {
        bind(builder, Role.KNEX_TABLE);
        bind(TABLE_PREFIX + builder, table);
    }

    KnexTable table(String builder) {
        return lookup(TABLE_PREFIX + builder) instanceof KnexTable t ? t : null;
    }

    /** True when the guard says {@code table} (and {@code column}) is known not to exist here. */
    boolean knownMissing(String table, String column) {
        return guard != null && !guard.exists() && guard.existence().table().equals(table)
                && java.util.Objects.equals(guard.existence().column(), column);
    }

    /** True when the guard says {@code table} (and {@code column}) is known to exist here. */
    boolean knownPresent(String table, String column) {
        return guard != null && guard.exists() && guard.existence().table().equals(table)
                && java.util.Objects.equals(guard.existence().column(), column);
    }
}

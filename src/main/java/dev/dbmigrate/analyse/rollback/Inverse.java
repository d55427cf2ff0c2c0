package dev.dbmigrate.analyse.rollback;

import java.util.List;

/**
 * The inverse of one operation.
 *
 * @param sql        statements that undo it (empty when nothing needs undoing or it cannot be undone)
 * @param reversible false when the operation cannot be undone by SQL (data statements, opaque code,
 *                   PostgreSQL enum ADD VALUE...)
 * @param dataLoss   true when undoing it (or having done it) loses data: a dropped column's values, a
 *                   created table's rows, truncated rows
 * @param note       what the reader must know, or null
 */
public record Inverse(List<String> sql, boolean reversible, boolean dataLoss, String note) {

    public Inverse {
        sql = List.copyOf(sql);
    }

    public static Inverse of(String... sql) {
        return new Inverse(List.of(sql), true, false, null);
    }

    public static Inverse none() {
        return new Inverse(List.of(), true, false, null);
    }

    public static Inverse irreversible(String note) {
        return new Inverse(List.of(), false, true, note);
    }

    public Inverse withNote(String n) {
        return new Inverse(sql, reversible, dataLoss, n);
    }

    public Inverse losingData(String n) {
        return new Inverse(sql, reversible, true, n);
    }
}

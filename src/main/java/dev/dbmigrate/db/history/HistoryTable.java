package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.List;

/**
 * One migration tool's history table: where it lives, how to read it, and how its rows match the
 * tool's migration files. One implementation per tool, registered in {@link HistoryTables}.
 * Implementations only run SELECTs.
 */
public interface HistoryTable {

    Tool tool();

    /** The table name the tool creates by default. */
    String defaultTable();

    /** Every table the tool itself keeps (its history table, locks, metadata): left out of drift. */
    default List<String> ownTables() {
        return List.of(defaultTable());
    }

    /** The schema the tool puts its table in by default, or null for the connection's current schema. */
    default String defaultSchema(Dialect dialect) {
        return null;
    }

    default AppliedState.Semantics semantics() {
        return AppliedState.Semantics.ROWS;
    }

    /** Reads the (existing) table. */
    AppliedState read(ReadOnlySession session, FoundTable table) throws SQLException;

    /** The key a file migration is recorded under (see {@link AppliedMigration#key()}). */
    String keyOf(Migration migration);

    /**
     * The file's checksum as the tool computes and records it, or null when the tool records none
     * or it cannot be computed exactly.
     */
    default String checksumOf(Migration migration) {
        return null;
    }

    /** Compares a recorded checksum with the file. */
    default ChecksumCheck verify(Migration migration, String recorded) {
        if (recorded == null) return ChecksumCheck.UNKNOWN;
        String mine = checksumOf(migration);
        if (mine == null) return ChecksumCheck.UNKNOWN;
        return mine.equalsIgnoreCase(recorded.trim()) ? ChecksumCheck.MATCH : ChecksumCheck.MISMATCH;
    }

    /** Migrations the tool runs again whenever they change (Flyway repeatable migrations). */
    default boolean repeatable(Migration migration) {
        return false;
    }

    /** The version a migration is ordered by, for "at or below the current version" comparisons. */
    default String orderVersion(Migration migration) {
        return migration.version() != null ? migration.version() : keyOf(migration);
    }

    enum ChecksumCheck { MATCH, MISMATCH, UNKNOWN }
}

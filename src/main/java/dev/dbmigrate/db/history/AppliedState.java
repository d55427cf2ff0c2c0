package dev.dbmigrate.db.history;

import dev.dbmigrate.model.Tool;
import java.util.List;

/**
 * What one database says about one tool's migrations.
 *
 * @param tool       the tool whose table was read
 * @param table      the history table as found ("public._prisma_migrations"), or the name looked for
 *                   when it does not exist
 * @param tableFound false when the table does not exist: nothing was ever applied there (or the tool
 *                   is configured to use another table/schema)
 * @param semantics  how the rows are to be read
 * @param rows       the entries, in the tool's order (for {@link Semantics#CURRENT_VERSION} one row:
 *                   the current version; for {@link Semantics#HEADS} the heads)
 * @param baseline   Flyway baseline version: files at or below it count as applied; null otherwise
 * @param notes      other facts read from the database (Rails environment, Knex lock, dirty flag)
 */
public record AppliedState(
        Tool tool,
        String table,
        boolean tableFound,
        Semantics semantics,
        List<AppliedMigration> rows,
        String baseline,
        List<String> notes) {

    public AppliedState {
        rows = rows == null ? List.of() : List.copyOf(rows);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /** How a tool's history rows relate to its migration files. */
    public enum Semantics {
        /** One row per applied migration (most tools). */
        ROWS,
        /** Only the current version is stored; every file version at or below it is applied (golang-migrate). */
        CURRENT_VERSION,
        /** Only the current head revisions are stored; their ancestors are applied too (Alembic). */
        HEADS,
        /** Rows carry the migration's creation time; every migration created up to the newest row is applied (Drizzle). */
        WATERMARK
    }

    public static AppliedState notFound(Tool tool, String table, Semantics semantics, String note) {
        return new AppliedState(tool, table, false, semantics, List.of(), null, note == null ? List.of() : List.of(note));
    }
}

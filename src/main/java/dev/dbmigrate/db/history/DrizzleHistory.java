package dev.dbmigrate.db.history;

import dev.dbmigrate.db.Row;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * Drizzle: {@code __drizzle_migrations(id, hash, created_at)}, in schema {@code drizzle} on
 * PostgreSQL. {@code created_at} is the journal's {@code when} of the migration (its creation time,
 * not when it ran) and {@code hash} the SHA-256 of its SQL file. Drizzle's migrator applies every
 * journal entry newer than the newest row, so everything up to that row counts as applied. The
 * journal time comes from the reader's {@code when} attribute.
 */
final class DrizzleHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.DRIZZLE;
    }

    @Override
    public String defaultTable() {
        return "__drizzle_migrations";
    }

    @Override
    public String defaultSchema(Dialect dialect) {
        return dialect == Dialect.POSTGRESQL ? "drizzle" : null;
    }

    @Override
    public AppliedState.Semantics semantics() {
        return AppliedState.Semantics.WATERMARK;
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String created = r.str("created_at");
            Long id = r.lng("id");
            String key = Versions.numeric(created);
            return new AppliedMigration(key, created, null, null, r.str("hash"), AppliedMigration.State.APPLIED, id,
                    Versions.isDigits(key) && key.length() <= 18 ? Map.of("createdAt", Row.epoch(Long.parseLong(key))) : null);
        });
        rows = Select.numbered(rows, Comparator.comparing(AppliedMigration::version, Versions.ORDER));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        String when = Select.attr(m, "when", "folderMillis", "createdAt");
        if (when == null && m.version() != null && m.version().matches("\\d{12,}")) when = m.version();
        return Versions.numeric(when);
    }

    @Override
    public String checksumOf(Migration m) {
        byte[] b = Select.checksumBytes(m);
        return b == null ? null : Checksums.sha256Hex(b);
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * golang-migrate: {@code schema_migrations(version bigint, dirty boolean)} holds one row, the current
 * version; every migration at or below it counts as applied. {@code dirty = true} means the
 * migration of that version failed half-way and golang-migrate refuses to run until
 * {@code migrate force} is used. An empty table means nothing is applied (version -1).
 */
final class GolangMigrateHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.GOLANG_MIGRATE;
    }

    @Override
    public String defaultTable() {
        return "schema_migrations";
    }

    @Override
    public AppliedState.Semantics semantics() {
        return AppliedState.Semantics.CURRENT_VERSION;
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<String> notes = new ArrayList<>();
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            Long v = r.lng("version");
            if (v == null || v < 0) return null;
            boolean dirty = Boolean.TRUE.equals(r.bool("dirty"));
            return new AppliedMigration(Long.toString(v), Long.toString(v), null, null, null,
                    dirty ? AppliedMigration.State.FAILED : AppliedMigration.State.APPLIED, 1L, java.util.Map.of("dirty", dirty));
        });
        if (rows.size() > 1) notes.add(t.display() + " holds " + rows.size() + " rows; golang-migrate keeps exactly one (the current version)");
        for (AppliedMigration a : rows) {
            if (a.state() == AppliedMigration.State.FAILED) {
                notes.add("dirty: migration " + a.version() + " failed part-way; fix the database by hand, then `migrate force "
                        + a.version() + "` (if it fully applied) or `migrate force <previous version>`");
            }
        }
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, notes);
    }

    @Override
    public String keyOf(Migration m) {
        return Select.numericVersion(m);
    }
}

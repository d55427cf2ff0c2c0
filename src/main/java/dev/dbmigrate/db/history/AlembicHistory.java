package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.List;

/**
 * Alembic: {@code alembic_version(version_num)} holds only the current head revision(s) (several
 * after a branch). Every ancestor of a head (through {@code down_revision}, i.e.
 * {@link Migration#dependsOn()}) is applied.
 */
final class AlembicHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.ALEMBIC;
    }

    @Override
    public String defaultTable() {
        return "alembic_version";
    }

    @Override
    public AppliedState.Semantics semantics() {
        return AppliedState.Semantics.HEADS;
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> heads = Select.all(s, t, r -> {
            String v = r.str("version_num");
            return v == null ? null : new AppliedMigration(v.trim(), v.trim(), null, null, null, AppliedMigration.State.APPLIED, null, null);
        });
        return new AppliedState(tool(), t.display(), true, semantics(), heads, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        return m.id();
    }

    @Override
    public String orderVersion(Migration m) {
        return null;
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * goose: {@code goose_db_version(id, version_id, is_applied, tstamp)}. Version 0 is goose's own
 * bootstrap row. Older goose versions record a down migration as a new row with
 * {@code is_applied = false}; the newest row of a version decides (current goose deletes the row).
 */
final class GooseHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.GOOSE;
    }

    @Override
    public String defaultTable() {
        return "goose_db_version";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            Long v = r.lng("version_id");
            if (v == null || v == 0) return null;
            boolean applied = !Boolean.FALSE.equals(r.bool("is_applied"));
            Long id = r.lng("id");
            return new AppliedMigration(Long.toString(v), Long.toString(v), null, r.timestamp("tstamp"), null,
                    applied ? AppliedMigration.State.APPLIED : AppliedMigration.State.REVERTED, id, null);
        });
        rows = Select.numbered(rows, Comparator.comparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        return Select.numericVersion(m);
    }
}

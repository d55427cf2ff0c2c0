package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/** Sequelize (umzug's SequelizeStorage): {@code "SequelizeMeta"(name)}, the file names of applied migrations. */
final class SequelizeHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.SEQUELIZE;
    }

    @Override
    public String defaultTable() {
        return "SequelizeMeta";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String n = r.str("name");
            return n == null ? null : new AppliedMigration(n, null, n, null, null, AppliedMigration.State.APPLIED, null, null);
        });
        rows = Select.numbered(rows, Comparator.comparing(AppliedMigration::key));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        return Select.fileNameOrId(m);
    }

    @Override
    public String orderVersion(Migration m) {
        return null;
    }
}

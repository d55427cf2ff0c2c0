package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * dbmate: {@code schema_migrations(version varchar(128) primary key)}: one row per applied
 * migration, the version being the leading digits of the file name, compared as text.
 */
final class DbmateHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.DBMATE;
    }

    @Override
    public String defaultTable() {
        return "schema_migrations";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        return new AppliedState(tool(), t.display(), true, semantics(), versionRows(s, t), null, List.of());
    }

    /** One applied row per {@code version} value, in version order (dbmate and Rails). */
    static List<AppliedMigration> versionRows(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String v = r.str("version");
            return v == null ? null : new AppliedMigration(v.trim(), v.trim(), null, null, null, AppliedMigration.State.APPLIED, null, null);
        });
        return Select.numbered(rows, Comparator.comparing(AppliedMigration::version, Versions.ORDER));
    }

    @Override
    public String keyOf(Migration m) {
        return Select.version(m);
    }
}

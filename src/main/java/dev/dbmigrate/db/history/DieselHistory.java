package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Diesel: {@code __diesel_schema_migrations(version varchar(50), run_on timestamp)}. The version is
 * the migration folder's name up to the first '_' with the dashes removed
 * ({@code 2024-01-15-093000_create_users} -> {@code 20240115093000}).
 */
final class DieselHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.DIESEL;
    }

    @Override
    public String defaultTable() {
        return "__diesel_schema_migrations";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String v = r.str("version");
            return v == null ? null : new AppliedMigration(v.trim(), v.trim(), null, r.timestamp("run_on"), null, AppliedMigration.State.APPLIED, null, null);
        });
        rows = Select.numbered(rows, Comparator.comparing(AppliedMigration::version, Versions.ORDER));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        String folder = "up.sql".equals(Select.fileName(m)) ? Select.folderName(m) : m.id();
        if (folder == null) folder = m.version();
        return folder == null ? null : folder.split("_", 2)[0].replace("-", "");
    }
}

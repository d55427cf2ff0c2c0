package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * sqlx: {@code _sqlx_migrations(version bigint, description, installed_on, success, checksum bytea,
 * execution_time)}. {@code success = false} is a migration that failed (sqlx calls the database
 * dirty); the checksum is the SHA-384 of the (up) file.
 */
final class SqlxHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.SQLX;
    }

    @Override
    public String defaultTable() {
        return "_sqlx_migrations";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            Long v = r.lng("version");
            if (v == null) return null;
            Map<String, Object> d = new LinkedHashMap<>();
            Long ns = r.lng("execution_time");
            if (ns != null) d.put("executionTimeMs", ns / 1_000_000);
            boolean ok = !Boolean.FALSE.equals(r.bool("success"));
            return new AppliedMigration(Long.toString(v), Long.toString(v), r.str("description"), r.timestamp("installed_on"),
                    r.hex("checksum"), ok ? AppliedMigration.State.APPLIED : AppliedMigration.State.FAILED, v, d);
        });
        rows = Select.numbered(rows, Comparator.comparing(AppliedMigration::order));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        return Select.numericVersion(m);
    }

    @Override
    public String checksumOf(Migration m) {
        byte[] b = Select.checksumBytes(m);
        return b == null ? null : Checksums.sha384Hex(b);
    }
}

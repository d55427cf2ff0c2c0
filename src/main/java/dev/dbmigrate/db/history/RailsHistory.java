package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rails (Active Record): {@code schema_migrations(version varchar primary key)}, one row per applied
 * migration (the file's timestamp), plus {@code ar_internal_metadata(key, value, created_at,
 * updated_at)} whose {@code environment} row names the Rails environment that set up the database.
 */
final class RailsHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.RAILS;
    }

    @Override
    public String defaultTable() {
        return "schema_migrations";
    }

    @Override
    public List<String> ownTables() {
        return List.of("schema_migrations", "ar_internal_metadata");
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<String> notes = new ArrayList<>();
        Optional<FoundTable> meta = s.findTable(t.schema(), "ar_internal_metadata", false);
        if (meta.isPresent()) {
            for (String[] kv : Select.all(s, meta.get(), r -> new String[] {r.str("key"), r.str("value")})) {
                if ("environment".equals(kv[0])) notes.add("ar_internal_metadata: environment = " + kv[1]);
            }
        }
        return new AppliedState(tool(), t.display(), true, semantics(), DbmateHistory.versionRows(s, t), null, notes);
    }

    @Override
    public String keyOf(Migration m) {
        return Select.version(m);
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Knex: {@code knex_migrations(id, name, batch, migration_time)}, one row per applied migration
 * file (by file name, extension included), and {@code knex_migrations_lock(index, is_locked)}: a
 * lock left at 1 stops every later {@code knex migrate} until {@code knex migrate:unlock}.
 */
final class KnexHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.KNEX;
    }

    @Override
    public String defaultTable() {
        return "knex_migrations";
    }

    @Override
    public List<String> ownTables() {
        return List.of("knex_migrations", "knex_migrations_lock");
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            Long batch = r.lng("batch");
            return new AppliedMigration(r.str("name"), null, r.str("name"), r.timestamp("migration_time"), null,
                    AppliedMigration.State.APPLIED, r.lng("id"), batch == null ? null : Map.of("batch", batch));
        });
        rows = Select.numbered(rows, Comparator.comparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        List<String> notes = new ArrayList<>();
        Optional<FoundTable> lock = s.findTable(t.schema(), t.name() + "_lock", false);
        if (lock.isPresent()) {
            List<Long> locks = Select.all(s, lock.get(), r -> r.lng("is_locked"));
            if (locks.stream().anyMatch(l -> l != null && l != 0)) {
                notes.add(lock.get().display() + " is locked: a migration is running now, or one crashed and left the lock;"
                        + " `knex migrate:unlock` releases it");
            }
        }
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, notes);
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

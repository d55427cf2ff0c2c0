package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;

/**
 * Django: {@code django_migrations(id, app, name, applied)}, one row per applied migration, keyed
 * "app.name" (the same form as {@link Migration#id()} for Django). A squashed migration counts as
 * applied when all the migrations it {@code replaces} are (the analysis handles that).
 */
final class DjangoHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.DJANGO;
    }

    @Override
    public String defaultTable() {
        return "django_migrations";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String key = r.str("app") + "." + r.str("name");
            return new AppliedMigration(key, null, r.str("name"), r.timestamp("applied"), null, AppliedMigration.State.APPLIED, r.lng("id"), null);
        });
        rows = Select.numbered(rows, Comparator.comparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        if (m.id() != null && m.id().contains(".")) return m.id();
        // app/migrations/0001_initial.py -> app.0001_initial
        Path f = m.file();
        if (f != null && f.getParent() != null && f.getParent().getParent() != null) {
            String stem = f.getFileName().toString().replaceFirst("\\.py$", "");
            return f.getParent().getParent().getFileName() + "." + stem;
        }
        return m.id();
    }

    @Override
    public String orderVersion(Migration m) {
        return null;
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM: {@code migrations(id, timestamp, name)}, one row per applied migration class; TypeORM
 * matches by {@code name}, the class name ({@code AddUsers1700000000000}). The class name comes from
 * the reader's {@code className} attribute, else from the file name the CLI generates
 * ({@code 1700000000000-AddUsers.ts}).
 */
final class TypeormHistory implements HistoryTable {

    private static final Pattern FILE = Pattern.compile("^(\\d{13,})-(.+?)(\\.[^.]+)?$");

    @Override
    public Tool tool() {
        return Tool.TYPEORM;
    }

    @Override
    public String defaultTable() {
        return "migrations";
    }

    @Override
    public List<String> ownTables() {
        return List.of("migrations", "typeorm_metadata");
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String ts = r.str("timestamp");
            return new AppliedMigration(r.str("name"), ts, r.str("name"), null, null, AppliedMigration.State.APPLIED, r.lng("id"),
                    ts == null ? null : Map.of("timestamp", ts));
        });
        rows = Select.numbered(rows, Comparator.comparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        String cls = Select.attr(m, "className", "class");
        if (cls != null) return cls;
        if (m.id() != null && m.id().matches("[A-Za-z_$][\\w$]*\\d{13,}")) return m.id();
        Matcher f = FILE.matcher(String.valueOf(Select.fileName(m)));
        if (f.matches()) return pascal(f.group(2)) + f.group(1);
        return m.id();
    }

    /** "add-users" / "add_users" / "AddUsers" -> "AddUsers" (the TypeORM CLI's class naming). */
    private static String pascal(String s) {
        StringBuilder sb = new StringBuilder();
        for (String part : s.split("[^A-Za-z0-9]+")) {
            if (part.isEmpty()) continue;
            sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    @Override
    public String orderVersion(Migration m) {
        String k = keyOf(m);
        Matcher d = Pattern.compile("(\\d{13,})$").matcher(k == null ? "" : k);
        return d.find() ? d.group(1) : m.version();
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: {@code flyway_schema_history(installed_rank, version, description, type, script, checksum,
 * installed_by, installed_on, execution_time, success)}. Versioned migrations match by version
 * (numerically: "1.1" = "1_1" = "1.1.0"), repeatable ones ({@code R__x.sql}, version null) by
 * description, and the newest row of each wins. {@code SCHEMA} rows are Flyway's own, a
 * {@code BASELINE} row marks everything at or below its version as applied, {@code DELETE} rows
 * (written by {@code repair}) undo the row before them. The checksum is Flyway's CRC32 ({@link Checksums#flyway}).
 */
final class FlywayHistory implements HistoryTable {

    /** V1_2__desc.sql / R__desc.sql / U1__desc.sql; the separator is "__". */
    private static final Pattern FILE = Pattern.compile("^([VRU])([^_]*(?:_[^_]+)*?)?__(.*?)(\\.[^.]+)?$");

    @Override
    public Tool tool() {
        return Tool.FLYWAY;
    }

    @Override
    public String defaultTable() {
        return "flyway_schema_history";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        String[] baseline = {null};
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String type = r.str("type") == null ? "SQL" : r.str("type").toUpperCase(Locale.ROOT);
            String version = r.str("version");
            String description = r.str("description");
            Long rank = r.lng("installed_rank");
            if (type.equals("SCHEMA")) return null;
            if (type.startsWith("UNDO")) return null;
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("type", type);
            if (r.str("script") != null) d.put("script", r.str("script"));
            if (r.str("installed_by") != null) d.put("installedBy", r.str("installed_by"));
            Long ms = r.lng("execution_time");
            if (ms != null) d.put("executionTimeMs", ms);
            AppliedMigration.State state;
            if (type.equals("BASELINE")) {
                state = AppliedMigration.State.MARKED;
                if (baseline[0] == null || Versions.compare(version, baseline[0]) > 0) baseline[0] = version;
            } else if (type.equals("DELETE")) {
                state = AppliedMigration.State.REVERTED;
            } else {
                state = Boolean.FALSE.equals(r.bool("success")) ? AppliedMigration.State.FAILED : AppliedMigration.State.APPLIED;
            }
            String key = version == null ? repeatableKey(description) : canonical(version);
            return new AppliedMigration(key, version, description, r.timestamp("installed_on"), r.str("checksum"), state, rank, d);
        });
        rows = new ArrayList<>(rows);
        rows.sort(Comparator.comparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, baseline[0], List.of());
    }

    /** Flyway's version identity: segments split at '.' or '_', leading zeros and trailing ".0"s dropped. */
    static String canonical(String version) {
        if (version == null) return null;
        String[] parts = version.trim().replace('_', '.').split("\\.");
        List<String> out = new ArrayList<>();
        for (String p : parts) out.add(Versions.numeric(p));
        while (out.size() > 1 && out.get(out.size() - 1).equals("0")) out.remove(out.size() - 1);
        return String.join(".", out);
    }

    private static String repeatableKey(String description) {
        return "R:" + (description == null ? "" : description.trim());
    }

    @Override
    public String keyOf(Migration m) {
        if (repeatable(m)) return repeatableKey(description(m));
        String v = m.version();
        if (v == null) {
            Matcher f = FILE.matcher(String.valueOf(Select.fileName(m)));
            if (f.matches() && f.group(2) != null) v = f.group(2);
        }
        return canonical(v != null ? v : m.id());
    }

    private static String description(Migration m) {
        String attr = Select.attr(m, "description");
        if (attr != null) return attr;
        Matcher f = FILE.matcher(String.valueOf(Select.fileName(m)));
        if (f.matches()) return f.group(3).replace('_', ' ');
        return m.name() == null ? m.id() : m.name().replace('_', ' ');
    }

    @Override
    public boolean repeatable(Migration m) {
        Object attr = m.attributes().get("repeatable");
        if (attr != null) return Boolean.parseBoolean(attr.toString());
        if ("SQL_REPEATABLE".equals(Select.attr(m, "type"))) return true;
        if (m.version() != null) return false;
        Matcher f = FILE.matcher(String.valueOf(Select.fileName(m)));
        return f.matches() && f.group(1).equals("R");
    }

    @Override
    public String checksumOf(Migration m) {
        byte[] b = Select.checksumBytes(m);
        return b == null ? null : Integer.toString(Checksums.flyway(b));
    }

    @Override
    public String orderVersion(Migration m) {
        return repeatable(m) ? null : keyOf(m);
    }
}

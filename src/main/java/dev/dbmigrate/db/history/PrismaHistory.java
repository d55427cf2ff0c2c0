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
 * Prisma Migrate: {@code _prisma_migrations(id, checksum, finished_at, migration_name, logs,
 * rolled_back_at, started_at, applied_steps_count)}. A row with {@code rolled_back_at} set no longer
 * counts; one without {@code finished_at} is a failed migration that blocks {@code migrate deploy}.
 * The checksum is the SHA-256 (hex) of {@code migration.sql}.
 */
final class PrismaHistory implements HistoryTable {

    @Override
    public Tool tool() {
        return Tool.PRISMA;
    }

    @Override
    public String defaultTable() {
        return "_prisma_migrations";
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String finished = r.timestamp("finished_at");
            String rolledBack = r.timestamp("rolled_back_at");
            AppliedMigration.State state = rolledBack != null ? AppliedMigration.State.REVERTED
                    : finished == null ? AppliedMigration.State.FAILED : AppliedMigration.State.APPLIED;
            Map<String, Object> d = new LinkedHashMap<>();
            String started = r.timestamp("started_at");
            if (started != null) d.put("startedAt", started);
            if (rolledBack != null) d.put("rolledBackAt", rolledBack);
            Long steps = r.lng("applied_steps_count");
            if (steps != null) d.put("appliedStepsCount", steps);
            String logs = r.str("logs");
            if (logs != null && !logs.isBlank()) d.put("logs", firstLine(logs));
            String name = r.str("migration_name");
            return new AppliedMigration(name, null, name, finished != null ? finished : started, r.str("checksum"), state, null, d);
        });
        List<AppliedMigration> numbered = Select.numbered(rows, Comparator.comparing(a -> String.valueOf(a.details().get("startedAt"))));
        return new AppliedState(tool(), t.display(), true, semantics(), numbered, null, List.of());
    }

    private static String firstLine(String s) {
        String line = s.strip().split("\\R", 2)[0];
        return line.length() > 300 ? line.substring(0, 300) + "..." : line;
    }

    @Override
    public String keyOf(Migration m) {
        String file = Select.fileName(m);
        if ("migration.sql".equals(file) && Select.folderName(m) != null) return Select.folderName(m);
        return m.id();
    }

    @Override
    public String checksumOf(Migration m) {
        byte[] b = Select.checksumBytes(m);
        return b == null ? null : Checksums.sha256Hex(b);
    }

    @Override
    public ChecksumCheck verify(Migration m, String recorded) {
        if (recorded == null || recorded.isBlank()) return ChecksumCheck.UNKNOWN;
        byte[] b = Select.checksumBytes(m);
        if (b == null) return ChecksumCheck.UNKNOWN;
        return Checksums.prismaMatches(b, recorded.trim()) ? ChecksumCheck.MATCH : ChecksumCheck.MISMATCH;
    }

    @Override
    public String orderVersion(Migration m) {
        return keyOf(m);
    }
}

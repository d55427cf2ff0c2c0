package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import java.nio.charset.StandardCharsets;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Liquibase: {@code DATABASECHANGELOG(ID, AUTHOR, FILENAME, DATEEXECUTED, ORDEREXECUTED, EXECTYPE,
 * MD5SUM, DESCRIPTION, COMMENTS, TAG, LIQUIBASE, CONTEXTS, LABELS, DEPLOYMENT_ID)}, one row per
 * changeSet, keyed "id::author" (as {@link Migration#id()} for Liquibase). EXECTYPE EXECUTED and
 * RERAN are applied, MARK_RAN was marked without running, FAILED failed, SKIPPED did not run.
 *
 * <p>MD5SUM (checksum version 9, Liquibase 4.22+) is computed for changeSets of formatted SQL
 * changelogs: MD5 of the changeSet's SQL with every space, tab, CR and LF removed gives the change's
 * checksum "9:x"; the changeSet's is MD5 of "9:x:". XML/YAML/JSON changeSets need Liquibase's own
 * change serialisation, and SQL that uses ${properties} needs the changelog parameters: those are
 * not verified (the checksum is reported, never guessed).
 */
final class LiquibaseHistory implements HistoryTable {

    /** Lines of a formatted SQL changelog that are directives, not part of a changeSet's SQL. */
    private static final Pattern DIRECTIVE = Pattern.compile(
            "^\\s*--\\s*(liquibase\\s+formatted|changeset\\s|rollback\\b|preconditions?\\b|precondition-|comment:|validCheckSum:|ignoreLines:|property\\s|include\\s|includeAll\\s).*$",
            Pattern.CASE_INSENSITIVE);

    @Override
    public Tool tool() {
        return Tool.LIQUIBASE;
    }

    @Override
    public String defaultTable() {
        return "databasechangelog";
    }

    @Override
    public List<String> ownTables() {
        return List.of("databasechangelog", "databasechangeloglock");
    }

    @Override
    public AppliedState read(ReadOnlySession s, FoundTable t) throws SQLException {
        List<AppliedMigration> rows = Select.all(s, t, r -> {
            String type = r.str("exectype") == null ? "EXECUTED" : r.str("exectype").trim().toUpperCase(Locale.ROOT);
            AppliedMigration.State state = switch (type) {
                case "MARK_RAN" -> AppliedMigration.State.MARKED;
                case "FAILED" -> AppliedMigration.State.FAILED;
                case "SKIPPED" -> AppliedMigration.State.REVERTED;
                default -> AppliedMigration.State.APPLIED;
            };
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("execType", type);
            if (r.str("filename") != null) d.put("filename", r.str("filename"));
            if (r.str("tag") != null) d.put("tag", r.str("tag"));
            if (r.str("deployment_id") != null) d.put("deploymentId", r.str("deployment_id"));
            String key = r.str("id") + "::" + r.str("author");
            return new AppliedMigration(key, null, r.str("description"), r.timestamp("dateexecuted"), r.str("md5sum"), state, r.lng("orderexecuted"), d);
        });
        rows = Select.numbered(rows, Comparator.comparing((AppliedMigration a) -> a.appliedAt() == null ? "" : a.appliedAt())
                .thenComparing(a -> a.order() == null ? Long.MAX_VALUE : a.order()));
        return new AppliedState(tool(), t.display(), true, semantics(), rows, null, List.of());
    }

    @Override
    public String keyOf(Migration m) {
        String id = m.id();
        if (id == null) return null;
        String[] parts = id.split("::");
        return parts.length >= 2 ? parts[0] + "::" + parts[1] : id;
    }

    @Override
    public boolean repeatable(Migration m) {
        return Boolean.parseBoolean(String.valueOf(m.attributes().get("runOnChange")))
                || Boolean.parseBoolean(String.valueOf(m.attributes().get("runAlways")));
    }

    @Override
    public String checksumOf(Migration m) {
        Script up = m.up();
        if (up == null || up.language() != Script.Language.SQL || up.text() == null) return null;
        StringBuilder sql = new StringBuilder();
        for (String line : up.text().split("\\R", -1)) {
            if (!DIRECTIVE.matcher(line).matches()) sql.append(line).append('\n');
        }
        String body = sql.toString();
        if (body.contains("${")) return null;
        return formattedSqlChecksum(body);
    }

    /** Checksum version 9 of a changeSet holding one SQL change with this text. */
    static String formattedSqlChecksum(String sql) {
        StringBuilder compact = new StringBuilder(sql.length());
        for (int i = 0; i < sql.length(); i++) {
            char c = sql.charAt(i);
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') compact.append(c);
        }
        String change = "9:" + Checksums.md5Hex(compact.toString().getBytes(StandardCharsets.UTF_8));
        return "9:" + Checksums.md5Hex((change + ":").getBytes(StandardCharsets.UTF_8));
    }

    @Override
    public ChecksumCheck verify(Migration m, String recorded) {
        if (recorded == null || !recorded.trim().startsWith("9:")) return ChecksumCheck.UNKNOWN;
        return HistoryTable.super.verify(m, recorded);
    }

    @Override
    public String orderVersion(Migration m) {
        return null;
    }
}

package dev.dbmigrate.parse.liquibase;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One Liquibase changelog file as read (not following includes).
 *
 * @param file            the file
 * @param format          XML, YAML or JSON; null for formatted SQL
 * @param logicalFilePath the {@code logicalFilePath} declared by the changelog, or null
 * @param entries         changeSets and includes in file order
 */
public record Changelog(Path file, LbTree.Format format, String logicalFilePath, List<Entry> entries) {

    public Changelog {
        entries = List.copyOf(entries);
    }

    public sealed interface Entry {}

    /** {@code include file="..."}. */
    public record Include(String file, boolean relativeToChangelogFile, int line) implements Entry {}

    /** {@code includeAll path="..."}. */
    public record IncludeAll(String path, boolean relativeToChangelogFile, boolean errorIfMissingOrEmpty, int line) implements Entry {}

    /** A change inside a changeSet or rollback: its element name and content. */
    public record Change(String name, LbNode node) {}

    /**
     * The rollback of a changeSet.
     *
     * @param changes   rollback changes
     * @param sql       raw SQL texts (XML element text, YAML string)
     * @param refId     {@code changeSetId} of a referenced changeSet whose changes are the rollback, or null
     * @param refAuthor {@code changeSetAuthor} of it, or null
     */
    public record Rollback(List<Change> changes, List<LbNode> sql, String refId, String refAuthor) {
        public Rollback {
            changes = List.copyOf(changes);
            sql = List.copyOf(sql);
        }

        /** True when the rollback does nothing ({@code <rollback/>}, {@code --rollback not required}). */
        public boolean isEmpty() {
            return changes.isEmpty() && refId == null && sql.stream().allMatch(s -> s.body() == null || s.body().isBlank());
        }
    }

    /**
     * A changeSet.
     *
     * @param id         its id
     * @param author     its author
     * @param line       first line
     * @param endLine    last line
     * @param attributes its other attributes as text (runInTransaction, runAlways, context, labels, dbms...)
     * @param changes    its changes in order (XML/YAML/JSON)
     * @param rollback   its rollback, or null when none is declared
     * @param sqlBody    formatted SQL: the SQL text of the changeSet, else null
     * @param sqlBodyLine formatted SQL: first line of {@code sqlBody}
     * @param sqlRollback formatted SQL: the rollback SQL, else null
     * @param sqlRollbackLine formatted SQL: first line of the rollback
     */
    public record ChangeSet(String id, String author, int line, int endLine, Map<String, String> attributes,
                            List<Change> changes, Rollback rollback,
                            String sqlBody, int sqlBodyLine, String sqlRollback, int sqlRollbackLine) implements Entry {
        public ChangeSet {
            attributes = Map.copyOf(attributes);
            changes = List.copyOf(changes);
        }

        public boolean runInTransaction() {
            String v = attributes.get("runInTransaction");
            return v == null || !v.trim().equalsIgnoreCase("false");
        }
    }
}

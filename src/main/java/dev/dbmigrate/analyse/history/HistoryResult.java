package dev.dbmigrate.analyse.history;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult.Problem;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Result of {@code migration_history} / {@code history}: the project's migrations in the tool's
 * order with their state in each database, integrity problems, and per-database summaries.
 *
 * @param projectPath  the project (absolute)
 * @param tool         the migration tool
 * @param dialect      the project's dialect, or null when unknown
 * @param migrations   file migrations in apply order, then migrations recorded in a database
 *                     without a file (status {@code missing})
 * @param problems     integrity problems from the files plus, per database, failed / modified /
 *                     missing / out-of-order migrations (messages name the environment when there
 *                     are several)
 * @param current      the current version of the first database, or null
 * @param lastAppliedAt when the first database last applied a migration (ISO-8601), or null
 * @param environments the databases read, in the order given; empty when none was given
 * @param message      a note for the reader (e.g. how to see the applied state), or null
 * @param notes        assumptions made while resolving the project (dialect assumed, reader fallback...)
 */
public record HistoryResult(
        Path projectPath,
        Tool tool,
        Dialect dialect,
        List<Entry> migrations,
        List<Problem> problems,
        String current,
        String lastAppliedAt,
        List<Environment> environments,
        String message,
        List<String> notes) {

    public HistoryResult {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
        environments = List.copyOf(environments);
        notes = notes == null ? List.of() : List.copyOf(notes);
    }

    /**
     * One migration.
     *
     * @param id               the tool's id (or, for a missing one, the recorded key)
     * @param name             human-readable name, or null
     * @param version          version, or null
     * @param file             the file, or null for a missing migration
     * @param status           status in the first database; null when no database was read
     * @param appliedAt        when the first database applied it, or null
     * @param checksum         the file's checksum as the tool computes it (Prisma/Drizzle SHA-256,
     *                         Flyway CRC32, sqlx SHA-384, Liquibase MD5SUM), or null
     * @param recordedChecksum the checksum the first database recorded, or null
     * @param note             a remark on the first database's state ("marked as applied without
     *                         running", "below baseline 3"...), or null
     * @param states           the state in each database, in {@link HistoryResult#environments()} order
     */
    public record Entry(
            String id,
            String name,
            String version,
            Path file,
            MigrationStatus status,
            String appliedAt,
            String checksum,
            String recordedChecksum,
            String note,
            List<State> states) {

        public Entry {
            states = List.copyOf(states);
        }
    }

    /**
     * A migration's state in one database.
     *
     * @param environment      the environment name
     * @param status           its status there; null when the database could not be read, or (for
     *                         a missing migration) when that database does not record it
     * @param appliedAt        when it was applied there, or null
     * @param recordedChecksum the checksum recorded there, or null
     * @param note             a remark, or null
     */
    public record State(String environment, MigrationStatus status, String appliedAt, String recordedChecksum, String note) {}

    /**
     * One database.
     *
     * @param name              environment name ("dev", "staging", or a label made from the URL)
     * @param url               the URL with the password replaced by ***
     * @param reachable         whether the history could be read
     * @param error             why not, or null
     * @param historyTable      the history table read (schema-qualified), or null
     * @param historyTableFound false when the table does not exist (nothing applied yet)
     * @param current           current version there, or null
     * @param lastAppliedAt     last time a migration was applied there, or null
     * @param counts            number of migrations per status id
     * @param notes             other facts read (Rails environment, Knex lock, dirty flag...)
     */
    public record Environment(
            String name,
            String url,
            boolean reachable,
            String error,
            String historyTable,
            boolean historyTableFound,
            String current,
            String lastAppliedAt,
            Map<String, Integer> counts,
            List<String> notes) {

        public Environment {
            counts = counts == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(counts));
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }
}

package dev.dbmigrate.db.history;

import java.util.Map;

/**
 * One entry of a tool's history table, as the tool means it.
 *
 * @param key       what the tool matches migration files by (normalised version, file name,
 *                  "app.name", Alembic revision, "id::author"...): compared with
 *                  {@link HistoryTable#keyOf}
 * @param version   the version as recorded, or null
 * @param name      the recorded name / description / script, or null
 * @param appliedAt when it was applied (ISO-8601; with offset when the column has a time zone), or null
 * @param checksum  the recorded checksum as the tool writes it (hex, Flyway's signed integer,
 *                  Liquibase's "9:md5"), or null when the tool records none
 * @param state     what the row says happened
 * @param order     the tool's own order (installed_rank, id, ORDEREXECUTED...), or null
 * @param details   further recorded facts worth showing (batch, execution time, installed_by, type...)
 */
public record AppliedMigration(
        String key,
        String version,
        String name,
        String appliedAt,
        String checksum,
        State state,
        Long order,
        Map<String, Object> details) {

    public AppliedMigration {
        details = details == null ? Map.of() : Map.copyOf(details);
    }

    /** What a history row says. */
    public enum State {
        /** Ran to the end. */
        APPLIED,
        /** Recorded as applied without running (Flyway baseline, Liquibase MARK_RAN, Prisma resolve --applied). */
        MARKED,
        /** Started and did not finish (Prisma unfinished, Flyway success=false, golang-migrate dirty, sqlx success=false). */
        FAILED,
        /** Recorded and then rolled back / reverted, so not applied now (Prisma rolled_back_at, goose is_applied=false). */
        REVERTED
    }

    public boolean countsAsApplied() {
        return state == State.APPLIED || state == State.MARKED;
    }
}

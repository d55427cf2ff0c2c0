package dev.dbmigrate.analyse.history;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** Where a migration stands in one database. */
public enum MigrationStatus {
    /** Recorded as applied, and the file (where the tool keeps a checksum) is unchanged. */
    APPLIED,
    /** Not applied yet (or rolled back). */
    PENDING,
    /** Started and did not finish; the tool refuses to go on until it is repaired. */
    FAILED,
    /** Applied, but the file changed since: the recorded checksum differs from the file's. */
    MODIFIED,
    /** Recorded as applied, but no migration file has it. */
    MISSING;

    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Applied in some form (the schema has it). */
    public boolean inDatabase() {
        return this == APPLIED || this == MODIFIED || this == MISSING;
    }
}

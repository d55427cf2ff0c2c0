package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;
import java.util.Locale;

/**
 * What to dry-run.
 *
 * @param projectPath project root or migrations folder
 * @param migration   id or version prefix of the migration to try (default: the latest), or null
 * @param databaseUrl a scratch database to run on instead of the embedded PostgreSQL (PostgreSQL
 *                    projects) or a temporary file (SQLite projects), or null
 * @param scratch     the user confirms that {@code databaseUrl} is a scratch database that may be
 *                    written to; a URL without it is refused
 * @param dialect     overrides the project's dialect, or null
 * @param rollback    which rollback to apply and check
 */
public record DryRunRequest(Path projectPath, String migration, String databaseUrl, boolean scratch, Dialect dialect, Rollback rollback) {

    public DryRunRequest {
        if (rollback == null) rollback = Rollback.PLAN;
    }

    /** Which rollback the dry run applies. */
    public enum Rollback {
        /** What plan_rollback gives: the tool's down when it statically restores the schema, else the generated inverse. */
        PLAN,
        /** The generated inverse, even when the migration has a hand-written down. */
        GENERATED,
        /** The tool's own hand-written down, as written. */
        DOWN;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Rollback fromId(String s) {
            if (s == null || s.isBlank()) return PLAN;
            for (Rollback r : values()) {
                if (r.id().equalsIgnoreCase(s.trim())) return r;
            }
            throw new dev.dbmigrate.InputException("unknown rollback '" + s + "' (plan, generated, down)");
        }
    }
}

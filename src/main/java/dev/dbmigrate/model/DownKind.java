package dev.dbmigrate.model;

/** What kind of "down" (reverse) a migration has in its own tool. */
public enum DownKind {
    /** The tool has no down migrations at all (Prisma, Flyway community, Drizzle, sqlx simple mode...). */
    UNSUPPORTED,
    /** The tool supports a down part and this migration has none (missing .down.sql, no Down section). */
    MISSING,
    /** A down part exists but does nothing (Alembic {@code downgrade(): pass}, empty down.sql). */
    EMPTY,
    /** A down part exists with content. */
    PRESENT
}

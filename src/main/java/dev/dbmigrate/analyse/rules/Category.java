package dev.dbmigrate.analyse.rules;

import java.util.Locale;

/** Rule categories (the {@code category} field of findings). */
public enum Category {
    /** Data is lost. */
    DESTRUCTIVE,
    /** Blocks reads or writes while it runs. */
    LOCKING,
    /** May fail on existing rows. */
    DATA,
    /** Breaks the code that is running now. */
    COMPAT,
    /** Transaction handling. */
    TRANSACTION,
    /** Style and future-proofing. */
    STYLE,
    /** The statement escapes or defeats analysis, or the migration cannot be undone. */
    VISIBILITY,
    /** The database does not support the statement as written. */
    UNSUPPORTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    @Override
    public String toString() {
        return id();
    }
}

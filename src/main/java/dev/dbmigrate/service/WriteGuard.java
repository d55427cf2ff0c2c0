package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Read-only audit mode. Every service method that writes (a migration file, a config file, a dry run on a
 * scratch database) calls {@link #requireWritable(String)} first; in read-only mode that throws an
 * {@link InputException}, which the MCP adapter returns as an {@code isError} result and the CLI prints
 * as one line (exit 2). Reading a database (history, data-aware validation) is not a write.
 *
 * <p>Read-only mode is switched on by {@code --read-only} or the environment variable
 * {@value #ENV} (1, true, yes, on). The MCP server then also offers only the tools annotated
 * {@code readOnlyHint=true}; the guard makes the promise hold even for a tool that forgets its annotation.
 */
public final class WriteGuard {

    /** Environment variable that turns on read-only audit mode. */
    public static final String ENV = "DB_MIGRATE_READ_ONLY";

    public static final WriteGuard WRITABLE = new WriteGuard(false);
    public static final WriteGuard READ_ONLY = new WriteGuard(true);

    private static final Set<String> TRUE = Set.of("1", "true", "yes", "on");

    private final boolean readOnly;

    private WriteGuard(boolean readOnly) {
        this.readOnly = readOnly;
    }

    public static WriteGuard of(boolean readOnly) {
        return readOnly ? READ_ONLY : WRITABLE;
    }

    /** Whether {@value #ENV} in {@code env} asks for read-only mode. */
    public static boolean requestedBy(Map<String, String> env) {
        String v = env.get(ENV);
        return v != null && TRUE.contains(v.trim().toLowerCase(Locale.ROOT));
    }

    public boolean readOnly() {
        return readOnly;
    }

    /**
     * Call before any write.
     *
     * @param what the write, for the message, e.g. "dry run on scratch database postgresql://localhost/scratch"
     *             (redact passwords before passing a URL)
     * @throws InputException in read-only mode
     */
    public void requireWritable(String what) {
        if (readOnly) {
            throw new InputException("refused in read-only audit mode: " + what
                    + " would write. Restart db-migrate without --read-only (and without " + ENV + ") to allow it.");
        }
    }

    @Override
    public String toString() {
        return readOnly ? "read-only" : "writable";
    }
}

package dev.dbmigrate.service;

/**
 * Progress of long work (validating a large folder, a dry run). The MCP adapter turns it into
 * progress notifications when the client asked for them; the CLI prints it to stderr when stderr is
 * a terminal. Implementations must be cheap and thread-safe.
 */
@FunctionalInterface
public interface Progress {

    Progress NONE = (done, total, message) -> { };

    /**
     * @param done    units done so far
     * @param total   total units, or -1 when unknown
     * @param message what is happening now
     */
    void report(long done, long total, String message);
}

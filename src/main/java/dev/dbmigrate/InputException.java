package dev.dbmigrate;

import java.nio.file.Path;

/**
 * Bad input: a path that does not exist, a file that is not text, an unknown dialect, a migration
 * id that matches nothing. The CLI prints {@link #getMessage()} as one line on stderr and exits 2;
 * the MCP server returns it as an {@code isError} result. The message names the file (and line)
 * when there is one.
 */
public class InputException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public InputException(String message) {
        super(message);
    }

    public InputException(String message, Throwable cause) {
        super(message, cause);
    }

    /** "file:line: message" (line omitted when &lt;= 0). */
    public static InputException at(Path file, int line, String message) {
        String where = file == null ? "" : file + (line > 0 ? ":" + line : "") + ": ";
        return new InputException(where + message);
    }
}

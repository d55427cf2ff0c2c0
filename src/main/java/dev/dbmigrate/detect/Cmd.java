package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;

/** Small helpers for the commands detections suggest. */
final class Cmd {

    private Cmd() {}

    /** A command the tool does not have, with what to do instead. */
    static String none(String why) {
        return "(none: " + why + ")";
    }

    /** "1 migration", "3 migrations". */
    static String count(long n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }

    /** A path argument relative to the root, quoted when it holds spaces. */
    static String arg(Found f, Path p) {
        return quote(f.rel(p));
    }

    static String quote(String s) {
        return s.matches("[\\w./:@%+=,-]+") ? s : "'" + s.replace("'", "'\\''") + "'";
    }

    /** A one-off SQL runner for a dialect (used where the tool has no runner of its own). */
    static String sqlClient(Dialect d, String file) {
        if (d == null) return "run " + file + " with your database client";
        return switch (d) {
            case POSTGRESQL -> "psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -1 -f " + file;
            case MYSQL, MARIADB -> "mysql --database=<db> < " + file;
            case SQLITE -> "sqlite3 <database-file> < " + file;
            case MSSQL -> "sqlcmd -d <db> -b -i " + file;
        };
    }
}

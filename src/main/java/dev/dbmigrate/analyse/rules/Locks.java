package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.TableRef;

/** Wording for the {@code lock} field of findings. */
public final class Locks {

    private Locks() {}

    /** PostgreSQL ACCESS EXCLUSIVE: blocks reads and writes. */
    public static String accessExclusive(TableRef t) {
        return "ACCESS EXCLUSIVE on " + t + " (blocks reads and writes)";
    }

    /** PostgreSQL SHARE: blocks writes (CREATE INDEX). */
    public static String share(TableRef t) {
        return "SHARE on " + t + " (blocks writes, allows reads)";
    }

    /** PostgreSQL SHARE ROW EXCLUSIVE: blocks writes (ADD FOREIGN KEY, on both tables). */
    public static String shareRowExclusive(TableRef t) {
        return "SHARE ROW EXCLUSIVE on " + t + " (blocks writes, allows reads)";
    }

    /** PostgreSQL SHARE UPDATE EXCLUSIVE: allows reads and writes, blocks other DDL and VACUUM. */
    public static String shareUpdateExclusive(TableRef t) {
        return "SHARE UPDATE EXCLUSIVE on " + t + " (allows reads and writes; blocks other schema changes)";
    }

    /** MySQL / MariaDB table copy. */
    public static String mysqlCopy(TableRef t) {
        return "table copy of " + t + " (ALGORITHM=COPY: writes blocked for the whole copy)";
    }

    /** Row locks of a data statement. */
    public static String rowLocks(TableRef t) {
        return "row locks on every affected row of " + t + " until the transaction ends";
    }
}

package dev.dbmigrate.db.dryrun;

import java.util.Locale;

/**
 * A relation lock a statement took, observed in {@code pg_locks} inside its transaction.
 *
 * @param mode     "ACCESS EXCLUSIVE", "SHARE ROW EXCLUSIVE"...
 * @param relation the locked relation ("orders", "billing.invoices")
 * @param kind     "table", "index", "sequence", "view"...
 * @param blocks   what the lock blocks for other sessions until the transaction ends
 */
public record LockTaken(String mode, String relation, String kind, String blocks) {

    /** "ACCESS EXCLUSIVE on orders", "SHARE on index orders_pkey". */
    public String describe() {
        return mode + " on " + (kind.equals("table") ? "" : kind + " ") + relation;
    }

    /** A lock from pg_locks: its mode as PostgreSQL names it ("AccessExclusiveLock") and pg_class.relkind. */
    static LockTaken of(String pgMode, String relation, String relkind) {
        String mode = pgMode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
        String kind = switch (relkind == null ? "" : relkind) {
            case "i", "I" -> "index";
            case "S" -> "sequence";
            case "v" -> "view";
            case "m" -> "materialized view";
            default -> "table";
        };
        return new LockTaken(mode, relation, kind, blocks(mode));
    }

    /** PostgreSQL's table lock modes, weakest first. */
    private static final java.util.List<String> MODES = java.util.List.of("ACCESS SHARE", "ROW SHARE", "ROW EXCLUSIVE",
            "SHARE UPDATE EXCLUSIVE", "SHARE", "SHARE ROW EXCLUSIVE", "EXCLUSIVE", "ACCESS EXCLUSIVE");

    /** The rank of a mode (higher conflicts with more); -1 for an unknown mode. */
    static int strength(String mode) {
        return MODES.indexOf(mode);
    }

    /** What each table lock mode blocks for other sessions (PostgreSQL's lock conflict table). */
    static String blocks(String mode) {
        return switch (mode) {
            case "ACCESS EXCLUSIVE" -> "reads and writes";
            case "EXCLUSIVE", "SHARE ROW EXCLUSIVE", "SHARE" -> "writes";
            case "SHARE UPDATE EXCLUSIVE" -> "other schema changes and VACUUM";
            case "ROW EXCLUSIVE" -> "CREATE INDEX and most ALTER TABLE";
            case "ROW SHARE" -> "most ALTER TABLE";
            default -> "ALTER TABLE, DROP and TRUNCATE";
        };
    }
}

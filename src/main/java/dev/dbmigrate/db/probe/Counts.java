package dev.dbmigrate.db.probe;

import java.util.Locale;

/**
 * How the data probes bound their counts, and how rules word them. Evidence counts (NULLs,
 * duplicates, long values, orphans) stop at {@link #CAP}: an answer of {@code CAP + 1} means
 * "more than CAP". Row estimates come from the catalog and are not capped.
 */
public final class Counts {

    /** Evidence counts stop here; {@code CAP + 1} means "more than CAP". */
    public static final long CAP = 100_000;

    private Counts() {}

    /** "1,204", or "more than 100,000" for a count that hit the cap. */
    public static String atLeast(long n) {
        return n > CAP ? "more than " + number(CAP) : number(n);
    }

    /** "~2,400,000" for a row estimate. */
    public static String estimate(long n) {
        return "~" + number(n);
    }

    /** "orders: ~2,400,000 rows". */
    public static String tableRows(Object table, long n) {
        return table + ": " + estimate(n) + (n == 1 ? " row" : " rows");
    }

    public static String number(long n) {
        return String.format(Locale.ROOT, "%,d", n);
    }
}

package dev.dbmigrate.db.history;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Version strings as migration tools compare them: numerically, segment by segment. */
public final class Versions {

    private static final Pattern LEADING_DIGITS = Pattern.compile("^(\\d+)");

    private Versions() {}

    /**
     * Compares "1.10" and "1.2", "0002" and "10", "2024_01_01" and "20240102" segment by segment
     * (segments split at '.', '_' and '-'; numeric segments as numbers, trailing zero segments
     * ignored). Non-numeric segments compare as text. Nulls sort first.
     */
    public static final Comparator<String> ORDER = Versions::compare;

    public static int compare(String a, String b) {
        if (a == null || b == null) return a == null ? (b == null ? 0 : -1) : 1;
        List<String> x = segments(a);
        List<String> y = segments(b);
        for (int i = 0; i < Math.max(x.size(), y.size()); i++) {
            String p = i < x.size() ? x.get(i) : "0";
            String q = i < y.size() ? y.get(i) : "0";
            int c;
            if (isDigits(p) && isDigits(q)) c = new BigInteger(p).compareTo(new BigInteger(q));
            else c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }

    private static List<String> segments(String v) {
        List<String> out = new ArrayList<>();
        for (String s : v.trim().split("[._\\-]")) {
            if (!s.isEmpty()) out.add(s);
        }
        // trailing zero segments do not count ("1.0" == "1")
        while (out.size() > 1 && isDigits(out.get(out.size() - 1)) && new BigInteger(out.get(out.size() - 1)).signum() == 0) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    public static boolean isDigits(String s) {
        if (s == null || s.isEmpty()) return false;
        for (int i = 0; i < s.length(); i++) {
            if (!Character.isDigit(s.charAt(i))) return false;
        }
        return true;
    }

    /** A number without leading zeros ("0042" -> "42"), or the input when it is not a plain number. */
    public static String numeric(String s) {
        if (s == null) return null;
        String t = s.trim();
        return isDigits(t) ? new BigInteger(t).toString() : t;
    }

    /** The leading digits of a string ("20240101_add.sql" -> "20240101"), or null. */
    public static String leadingDigits(String s) {
        if (s == null) return null;
        Matcher m = LEADING_DIGITS.matcher(s);
        return m.find() ? m.group(1) : null;
    }

    /** The file name of a path, or null. */
    public static String fileName(Path p) {
        return p == null || p.getFileName() == null ? null : p.getFileName().toString();
    }
}

package dev.dbmigrate.read.flyway;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * A Flyway migration version, compared the way Flyway compares them: underscores become dots, the
 * text is split at each dot followed by a digit, every part is a number, trailing zero parts do not
 * count ({@code 1.0} equals {@code 1}, {@code 1.10} comes after {@code 1.2}).
 *
 * @param text  the version as Flyway records it in {@code flyway_schema_history.version} ("1.10")
 * @param parts the numeric parts without trailing zeros
 */
public record FlywayVersion(String text, List<BigInteger> parts) implements Comparable<FlywayVersion> {

    private static final Pattern SPLIT = Pattern.compile("\\.(?=\\d)");

    /** @throws NumberFormatException when a part is not a number (Flyway rejects the name) */
    public static FlywayVersion parse(String raw) {
        String text = raw.replace('_', '.');
        List<BigInteger> parts = new ArrayList<>();
        for (String p : SPLIT.split(text, -1)) {
            if (p.isEmpty() || !p.chars().allMatch(Character::isDigit)) throw new NumberFormatException("not a version: " + raw);
            parts.add(new BigInteger(p));
        }
        for (int i = parts.size() - 1; i > 0 && parts.get(i).signum() == 0; i--) parts.remove(i);
        return new FlywayVersion(text, List.copyOf(parts));
    }

    @Override
    public int compareTo(FlywayVersion o) {
        int n = Math.max(parts.size(), o.parts.size());
        for (int i = 0; i < n; i++) {
            BigInteger a = i < parts.size() ? parts.get(i) : BigInteger.ZERO;
            BigInteger b = i < o.parts.size() ? o.parts.get(i) : BigInteger.ZERO;
            int c = a.compareTo(b);
            if (c != 0) return c;
        }
        return 0;
    }

    /** The canonical key for duplicate detection ("1.0" and "001" share the key of "1"). */
    public String key() {
        return parts.stream().map(BigInteger::toString).reduce((a, b) -> a + "." + b).orElse("");
    }
}

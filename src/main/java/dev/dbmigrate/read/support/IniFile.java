package dev.dbmigrate.read.support;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The subset of Python's configparser that alembic.ini uses: {@code [section]}, {@code key = value}
 * and {@code key: value}, full-line {@code #} / {@code ;} comments, indented continuation lines,
 * case-insensitive keys, {@code %(name)s} interpolation from the section, {@code [DEFAULT]} and
 * the {@code here} default (the ini file's folder), {@code %%} for a percent sign. Hand-written:
 * no INI library is on the classpath and the format needs only this much.
 */
public final class IniFile {

    private final Map<String, Map<String, String>> sections = new LinkedHashMap<>();
    private final Map<String, String> defaults = new LinkedHashMap<>();

    private IniFile() {}

    /** @param here the folder of the ini file, for {@code %(here)s} */
    public static IniFile parse(String text, String here) {
        IniFile ini = new IniFile();
        ini.defaults.put("here", here);
        Map<String, String> current = null;
        String lastKey = null;
        for (String raw : text.split("\r\n|\r|\n", -1)) {
            String trimmed = raw.strip();
            if (trimmed.isEmpty()) {
                lastKey = null;
                continue;
            }
            if (trimmed.startsWith("#") || trimmed.startsWith(";")) continue;
            boolean indented = Character.isWhitespace(raw.charAt(0));
            if (indented && current != null && lastKey != null) {
                String prev = current.get(lastKey);
                current.put(lastKey, prev.isEmpty() ? trimmed : prev + "\n" + trimmed);
                continue;
            }
            if (trimmed.startsWith("[") && trimmed.endsWith("]")) {
                String name = trimmed.substring(1, trimmed.length() - 1).strip();
                current = name.equals("DEFAULT") ? ini.defaults : ini.sections.computeIfAbsent(name, k -> new LinkedHashMap<>());
                lastKey = null;
                continue;
            }
            int eq = indexOfSeparator(trimmed);
            if (current == null || eq < 0) continue;
            lastKey = trimmed.substring(0, eq).strip().toLowerCase(Locale.ROOT);
            current.put(lastKey, trimmed.substring(eq + 1).strip());
        }
        return ini;
    }

    private static int indexOfSeparator(String line) {
        int eq = line.indexOf('=');
        int colon = line.indexOf(':');
        if (eq < 0) return colon;
        if (colon < 0) return eq;
        return Math.min(eq, colon);
    }

    public boolean hasSection(String name) {
        return sections.containsKey(name);
    }

    public Iterable<String> sectionNames() {
        return sections.keySet();
    }

    /** The interpolated value of {@code key} in {@code section} (or DEFAULT). */
    public Optional<String> get(String section, String key) {
        return raw(section, key).map(v -> interpolate(v, sections.getOrDefault(section, Map.of()), 0));
    }

    /** The value of {@code key} in {@code section} (or DEFAULT) as written, {@code %(name)s} not replaced. */
    public Optional<String> raw(String section, String key) {
        String v = sections.getOrDefault(section, Map.of()).get(key.toLowerCase(Locale.ROOT));
        if (v == null) v = defaults.get(key.toLowerCase(Locale.ROOT));
        return Optional.ofNullable(v);
    }

    private String interpolate(String v, Map<String, String> section, int depth) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < v.length(); i++) {
            char c = v.charAt(i);
            if (c == '%' && i + 1 < v.length() && v.charAt(i + 1) == '%') {
                sb.append('%');
                i++;
            } else if (c == '%' && i + 1 < v.length() && v.charAt(i + 1) == '(') {
                int close = v.indexOf(")s", i);
                if (close < 0) {
                    sb.append(c);
                    continue;
                }
                String name = v.substring(i + 2, close).toLowerCase(Locale.ROOT);
                String rep = section.containsKey(name) ? section.get(name) : defaults.get(name);
                if (rep == null || depth > 10) {
                    sb.append(v, i, close + 2);
                } else {
                    sb.append(interpolate(rep, section, depth + 1));
                }
                i = close + 1;
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }
}

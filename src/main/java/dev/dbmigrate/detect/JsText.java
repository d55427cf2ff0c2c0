package dev.dbmigrate.detect;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Literal values out of JavaScript/TypeScript config files (drizzle.config.ts, knexfile.js, data-source.ts,
 * .sequelizerc...). There is no JS parser on the classpath and only literal property values matter, so
 * this reads {@code key: <expression>} pairs with a small scanner that respects strings, comments and
 * brackets. Values computed at run time (process.env.X without a default) come back as null.
 */
final class JsText {

    private JsText() {}

    /** A {@code key: expression} occurrence; {@code start} is the offset of the key in the comment-free text. */
    record Prop(int start, String expr) {}

    private static final Pattern STRING_LITERAL = Pattern.compile("'([^'\\\\\\n]*)'|\"([^\"\\\\\\n]*)\"|`([^`\\\\]*)`");
    private static final Pattern DEFAULT_LITERAL = Pattern.compile("(?:\\|\\||\\?\\?)\\s*(['\"`])([^'\"`]*)\\1");

    /** The text without // and /* *&#47; comments (string contents kept). */
    static String stripComments(String text) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        int n = text.length();
        while (i < n) {
            char c = text.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && text.charAt(j) != c && !(c != '`' && text.charAt(j) == '\n')) {
                    if (text.charAt(j) == '\\') j++;
                    j++;
                }
                j = Math.min(j + 1, n);
                out.append(text, i, j);
                i = j;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '/') {
                while (i < n && text.charAt(i) != '\n') i++;
            } else if (c == '/' && i + 1 < n && text.charAt(i + 1) == '*') {
                int end = text.indexOf("*/", i + 2);
                i = end < 0 ? n : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Every {@code key: expression} (key bare or quoted) in comment-free text, in order. */
    static List<Prop> props(String code, String key) {
        List<Prop> out = new ArrayList<>();
        Matcher m = Pattern.compile("(?<![\\w$.])(['\"]?)" + Pattern.quote(key) + "\\1\\s*:(?!:)").matcher(code);
        while (m.find()) out.add(new Prop(m.start(), expression(code, m.end())));
        return out;
    }

    /** The first {@code key: expression}, or null. */
    static String expr(String code, String key) {
        List<Prop> p = props(code, key);
        return p.isEmpty() ? null : p.get(0).expr();
    }

    /** The expression starting at {@code from}, up to a ',' ';' or closing bracket at depth 0. */
    static String expression(String code, int from) {
        int depth = 0;
        int i = from;
        int n = Math.min(code.length(), from + 2000);
        while (i < n) {
            char c = code.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int j = i + 1;
                while (j < n && code.charAt(j) != c) {
                    if (code.charAt(j) == '\\') j++;
                    j++;
                }
                i = j + 1;
                continue;
            }
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) break;
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) break;
            i++;
        }
        return code.substring(from, Math.min(i, code.length())).strip();
    }

    /** The string value of an expression that is a literal (or "x ?? 'literal'"), else null. */
    static String literal(String expr) {
        if (expr == null || expr.isEmpty()) return null;
        Matcher m = STRING_LITERAL.matcher(expr);
        if (m.lookingAt() && !expr.contains("${")) return firstGroup(m);
        Matcher d = DEFAULT_LITERAL.matcher(expr);
        return d.find() ? d.group(2) : null;
    }

    /** Every string literal of an expression, in order. */
    static List<String> literals(String expr) {
        List<String> out = new ArrayList<>();
        if (expr == null) return out;
        Matcher m = STRING_LITERAL.matcher(expr.replaceAll("\\$\\{[^}]*}", ""));
        while (m.find()) out.add(firstGroup(m));
        return out;
    }

    /**
     * A path expression as a relative path: {@code './db/migrations'}, {@code path.join(__dirname, 'db', 'migrations')},
     * {@code `${__dirname}/migrations`} or {@code __dirname + '/migrations'} give "db/migrations" or "migrations";
     * null when the expression has no literal part.
     */
    static String path(String expr) {
        List<String> parts = literals(expr);
        if (parts.isEmpty()) return null;
        StringBuilder sb = new StringBuilder();
        for (String p : parts) {
            if (p.isEmpty()) continue;
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != '/' && !p.startsWith("/")) sb.append('/');
            sb.append(p);
        }
        String s = sb.toString();
        while (s.startsWith("./")) s = s.substring(2);
        while (s.startsWith("/") && (expr.contains("__dirname") || expr.contains("cwd()") || expr.contains("import.meta"))) s = s.substring(1);
        return s.isEmpty() ? null : s;
    }

    private static String firstGroup(Matcher m) {
        for (int g = 1; g <= m.groupCount(); g++) if (m.group(g) != null) return m.group(g);
        return "";
    }
}

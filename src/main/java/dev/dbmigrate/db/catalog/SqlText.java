package dev.dbmigrate.db.catalog;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Small scans over the CREATE statements SQLite keeps in sqlite_master (the only place it keeps
 * CHECK constraints, generated-column expressions and index expressions). Structure is found on a
 * masked copy where quoted text and comments are blanked, so that parentheses and commas inside
 * strings do not count.
 */
final class SqlText {

    private SqlText() {}

    /** The text with the inside of '...', "...", `...`, [...] and comments replaced by spaces (same length). */
    static String mask(String sql) {
        char[] out = sql.toCharArray();
        int i = 0;
        while (i < out.length) {
            char c = out[i];
            if (c == '\'' || c == '"' || c == '`' || c == '[') {
                char close = c == '[' ? ']' : c;
                int j = i + 1;
                while (j < out.length) {
                    if (out[j] == close) {
                        if (close != ']' && j + 1 < out.length && out[j + 1] == close) {
                            out[j] = ' ';
                            out[j + 1] = ' ';
                            j += 2;
                            continue;
                        }
                        break;
                    }
                    out[j] = ' ';
                    j++;
                }
                i = j + 1;
            } else if (c == '-' && i + 1 < out.length && out[i + 1] == '-') {
                while (i < out.length && out[i] != '\n') out[i++] = ' ';
            } else if (c == '/' && i + 1 < out.length && out[i + 1] == '*') {
                int j = i;
                while (j < out.length && !(out[j] == '*' && j + 1 < out.length && out[j + 1] == '/')) out[j++] = ' ';
                for (int k = j; k < Math.min(j + 2, out.length); k++) out[k] = ' ';
                i = j + 2;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** The content of the parenthesis opening at {@code open} (exclusive), or the rest of the text. */
    static String parenthesised(String text, int open) {
        String m = mask(text);
        int depth = 0;
        for (int i = open; i < m.length(); i++) {
            if (m.charAt(i) == '(') depth++;
            else if (m.charAt(i) == ')' && --depth == 0) return text.substring(open + 1, i).trim();
        }
        return text.substring(Math.min(open + 1, text.length())).trim();
    }

    /** Top-level comma-separated parts of the first parenthesised list (a CREATE TABLE's column and constraint definitions). */
    static List<String> elements(String createSql) {
        List<String> out = new ArrayList<>();
        if (createSql == null) return out;
        String m = mask(createSql);
        int open = m.indexOf('(');
        if (open < 0) return out;
        int depth = 0;
        int start = open + 1;
        for (int i = open; i < m.length(); i++) {
            char c = m.charAt(i);
            if (c == '(') {
                depth++;
            } else if (c == ')') {
                if (--depth == 0) {
                    add(out, createSql.substring(start, i));
                    break;
                }
            } else if (c == ',' && depth == 1) {
                add(out, createSql.substring(start, i));
                start = i + 1;
            }
        }
        return out;
    }

    private static void add(List<String> out, String part) {
        if (!part.isBlank()) out.add(part.trim());
    }

    /** Whitespace-separated words of a definition, quoted names kept whole. */
    static List<String> words(String def) {
        List<String> out = new ArrayList<>();
        String m = mask(def);
        int i = 0;
        while (i < m.length()) {
            while (i < m.length() && Character.isWhitespace(m.charAt(i))) i++;
            int start = i;
            while (i < m.length() && !Character.isWhitespace(m.charAt(i)) && m.charAt(i) != '(') i++;
            if (i > start) out.add(def.substring(start, i));
            else i++;
        }
        return out;
    }

    /** Key parts of "CREATE [UNIQUE] INDEX name ON table (a, lower(b) DESC) [WHERE ...]", as written. */
    static List<String> indexColumns(String sql) {
        String m = mask(sql);
        int on = m.toUpperCase(Locale.ROOT).indexOf(" ON ");
        int open = on < 0 ? -1 : m.indexOf('(', on);
        if (open < 0) return List.of();
        return elements(sql.substring(open));
    }

    /** The predicate after WHERE of a partial index, or null. */
    static String indexWhere(String sql) {
        String m = mask(sql).toUpperCase(Locale.ROOT);
        int on = m.indexOf(" ON ");
        int open = on < 0 ? -1 : m.indexOf('(', on);
        if (open < 0) return null;
        int depth = 0;
        int close = -1;
        for (int i = open; i < m.length(); i++) {
            if (m.charAt(i) == '(') depth++;
            else if (m.charAt(i) == ')' && --depth == 0) {
                close = i;
                break;
            }
        }
        if (close < 0) return null;
        int where = m.indexOf("WHERE", close);
        return where < 0 ? null : sql.substring(where + 5).trim().replaceFirst(";\\s*$", "");
    }
}

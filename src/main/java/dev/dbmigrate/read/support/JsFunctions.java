package dev.dbmigrate.read.support;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the source of a named function ({@code up}, {@code down}) in a JavaScript / TypeScript
 * migration: {@code exports.up = function...}, {@code export async function up(...)},
 * {@code export const up = async (...) => ...}, object properties {@code up: ...}, and methods
 * ({@code async up(queryInterface) {...}}, TypeORM's {@code public async up(queryRunner: QueryRunner): Promise<void> {...}}).
 * Works on a {@link SourceMask#js masked} copy so that braces in strings, templates and comments do
 * not count. Does not parse JavaScript; it only finds where the function starts and ends.
 */
public final class JsFunctions {

    private JsFunctions() {}

    /** A function found in the source: offsets into the original text and its first line. */
    public record Found(int start, int end, int line, String text) {}

    public static Optional<Found> find(String source, String name) {
        String masked = SourceMask.js(source);
        String n = Pattern.quote(name);
        Pattern[] assignments = {
            Pattern.compile("\\bexports\\s*\\.\\s*" + n + "\\s*=(?!=)\\s*"),
            Pattern.compile("\\b(?:export\\s+)?(?:const|let|var)\\s+" + n + "\\s*(?::[^=]+)?=(?!=)\\s*"),
            Pattern.compile("(?<=[\\s{,]|^)" + n + "\\s*:(?!:)\\s*"),
        };
        Pattern declaration = Pattern.compile("\\b(?:export\\s+)?(?:default\\s+)?(?:async\\s+)?function\\s*\\*?\\s*" + n + "\\s*\\(");
        Pattern method = Pattern.compile("(?<=[\\s{,;]|^)((?:(?:public|private|protected|static|override|async)\\s+)*)" + n + "\\s*\\(");

        Found best = null;
        for (Pattern p : assignments) {
            Matcher m = p.matcher(masked);
            while (m.find()) {
                if (precededByDot(masked, m.start())) continue;
                Found f = value(source, masked, m.start(), m.end());
                if (f != null) {
                    if (best == null || f.start < best.start) best = f;
                    break;
                }
            }
        }
        Matcher d = declaration.matcher(masked);
        if (d.find()) {
            Found f = functionFrom(source, masked, d.start(), d.end() - 1);
            if (f != null && (best == null || f.start < best.start)) best = f;
        }
        Matcher m = method.matcher(masked);
        while (m.find()) {
            int open = m.end() - 1;
            int close = match(masked, open);
            if (close < 0) continue;
            int body = skipReturnType(masked, close + 1);
            if (body < 0 || masked.charAt(body) != '{') continue;
            int bodyEnd = match(masked, body);
            if (bodyEnd < 0) continue;
            int start = m.start();
            Found f = found(source, start, bodyEnd + 1);
            if (best == null || f.start < best.start) best = f;
            break;
        }
        return Optional.ofNullable(best);
    }

    private static boolean precededByDot(String masked, int at) {
        int k = at - 1;
        while (k >= 0 && Character.isWhitespace(masked.charAt(k))) k--;
        return k >= 0 && masked.charAt(k) == '.';
    }

    /** The function value assigned at {@code valueStart}; {@code defStart} is where the definition begins. */
    private static Found value(String source, String masked, int defStart, int valueStart) {
        int i = skipWs(masked, valueStart);
        if (masked.startsWith("async", i) && !isIdentChar(masked, i + 5)) i = skipWs(masked, i + 5);
        if (masked.startsWith("function", i) && !isIdentChar(masked, i + 8)) {
            int open = masked.indexOf('(', i);
            return open < 0 ? null : functionFrom(source, masked, defStart, open);
        }
        int arrow;
        if (i < masked.length() && masked.charAt(i) == '(') {
            int close = match(masked, i);
            if (close < 0) return null;
            arrow = skipWs(masked, close + 1);
            if (arrow < masked.length() && masked.charAt(arrow) == ':') {
                arrow = masked.indexOf("=>", arrow);
                if (arrow < 0) return null;
            }
        } else {
            int e = i;
            while (isIdentChar(masked, e)) e++;
            if (e == i) return null;
            arrow = skipWs(masked, e);
        }
        if (!masked.startsWith("=>", arrow)) {
            return null;
        }
        int body = skipWs(masked, arrow + 2);
        if (body < masked.length() && masked.charAt(body) == '{') {
            int end = match(masked, body);
            return end < 0 ? null : found(source, defStart, end + 1);
        }
        return found(source, defStart, expressionEnd(masked, body));
    }

    private static Found functionFrom(String source, String masked, int defStart, int openParen) {
        int close = match(masked, openParen);
        if (close < 0) return null;
        int body = skipReturnType(masked, close + 1);
        if (body < 0 || masked.charAt(body) != '{') return null;
        int end = match(masked, body);
        return end < 0 ? null : found(source, defStart, end + 1);
    }

    /** After a parameter list: skips an optional {@code : ReturnType}; returns the index of the next '{' or -1. */
    private static int skipReturnType(String masked, int from) {
        int i = skipWs(masked, from);
        if (i >= masked.length()) return -1;
        if (masked.charAt(i) == '{') return i;
        if (masked.charAt(i) != ':') return -1;
        int angle = 0;
        for (int k = i + 1; k < masked.length(); k++) {
            char c = masked.charAt(k);
            if (c == '<') angle++;
            else if (c == '>') angle--;
            else if (c == '{' && angle == 0) return k;
            else if (c == ';' || c == '=' && angle == 0) return -1;
        }
        return -1;
    }

    /** End (exclusive) of an arrow function's expression body: a depth-0 ',' or ';' or unmatched closer. */
    private static int expressionEnd(String masked, int from) {
        int depth = 0;
        for (int k = from; k < masked.length(); k++) {
            char c = masked.charAt(k);
            if (c == '(' || c == '[' || c == '{') depth++;
            else if (c == ')' || c == ']' || c == '}') {
                if (depth == 0) return trimEnd(masked, from, k);
                depth--;
            } else if ((c == ',' || c == ';') && depth == 0) {
                return trimEnd(masked, from, k);
            }
        }
        return trimEnd(masked, from, masked.length());
    }

    private static int trimEnd(String masked, int from, int end) {
        while (end > from && Character.isWhitespace(masked.charAt(end - 1))) end--;
        return end;
    }

    /** Index of the bracket matching the one at {@code open}, or -1. */
    public static int match(String masked, int open) {
        Deque<Character> stack = new ArrayDeque<>();
        for (int k = open; k < masked.length(); k++) {
            char c = masked.charAt(k);
            switch (c) {
                case '(' -> stack.push(')');
                case '[' -> stack.push(']');
                case '{' -> stack.push('}');
                case ')', ']', '}' -> {
                    if (stack.isEmpty() || stack.pop() != c) return -1;
                    if (stack.isEmpty()) return k;
                }
                default -> { }
            }
        }
        return -1;
    }

    private static int skipWs(String s, int i) {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) i++;
        return i;
    }

    private static boolean isIdentChar(String s, int i) {
        return i < s.length() && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$');
    }

    private static Found found(String source, int start, int end) {
        TextLines lines = TextLines.of(source);
        return new Found(start, end, lines.lineOf(start), source.substring(start, end));
    }
}

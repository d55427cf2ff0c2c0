package dev.dbmigrate.read.support;

/**
 * Blanks out comments and literal contents of source text, keeping every other character (and
 * every line break) at its offset, so that keyword searches and bracket matching on the result
 * can map straight back to the original. Hand-written: the readers only need to find function
 * boundaries in JavaScript/TypeScript and Ruby, not to parse those languages, and no small JS or
 * Ruby lexer library is on the classpath.
 */
public final class SourceMask {

    private SourceMask() {}

    /** SQL with {@code --} and {@code /* *}{@code /} comments blanked (string literals kept). */
    public static String sql(String text) {
        char[] out = text.toCharArray();
        int n = out.length;
        int i = 0;
        while (i < n) {
            char c = out[i];
            if (c == '\'') {
                i = skipQuoted(out, i, '\'', false, true, false);
            } else if (c == '-' && i + 1 < n && out[i + 1] == '-') {
                i = lineComment(out, i);
            } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
                i = blockComment(text, out, i);
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** JavaScript / TypeScript with comments, string, template and regex literal contents blanked. */
    public static String js(String text) {
        char[] out = text.toCharArray();
        int n = out.length;
        // template nesting: each entry is the brace depth inside a ${ ... } expression
        java.util.ArrayDeque<int[]> templates = new java.util.ArrayDeque<>();
        boolean inTemplate = false;
        int i = 0;
        while (i < n) {
            char c = out[i];
            if (inTemplate) {
                if (c == '\\') {
                    blank(out, i, Math.min(n, i + 2));
                    i += 2;
                } else if (c == '`') {
                    inTemplate = false;
                    i++;
                } else if (c == '$' && i + 1 < n && out[i + 1] == '{') {
                    out[i] = ' ';
                    out[i + 1] = ' ';
                    templates.push(new int[] {0});
                    inTemplate = false;
                    i += 2;
                } else {
                    if (c != '\n') out[i] = ' ';
                    i++;
                }
                continue;
            }
            if (c == '/' && i + 1 < n && out[i + 1] == '/') {
                i = lineComment(out, i);
            } else if (c == '/' && i + 1 < n && out[i + 1] == '*') {
                i = blockComment(text, out, i);
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(out, i, c, true, false, true);
            } else if (c == '`') {
                inTemplate = true;
                i++;
            } else if (c == '/' && regexAllowed(out, i)) {
                i = skipRegex(out, i);
            } else if (c == '{' && !templates.isEmpty()) {
                templates.peek()[0]++;
                i++;
            } else if (c == '}' && !templates.isEmpty()) {
                if (templates.peek()[0] == 0) {
                    templates.pop();
                    out[i] = ' ';
                    inTemplate = true;
                } else {
                    templates.peek()[0]--;
                }
                i++;
            } else {
                i++;
            }
        }
        return new String(out);
    }

    /** Ruby with comments, string contents, heredoc bodies and =begin/=end blocks blanked. */
    public static String ruby(String text) {
        char[] out = text.toCharArray();
        int n = out.length;
        java.util.ArrayDeque<String> heredocs = new java.util.ArrayDeque<>();
        int i = 0;
        boolean lineStart = true;
        while (i < n) {
            char c = out[i];
            if (lineStart && text.startsWith("=begin", i)) {
                int end = text.indexOf("\n=end", i);
                int stop = end < 0 ? n : Math.min(n, lineEnd(text, end + 1));
                blank(out, i, stop);
                i = stop;
                continue;
            }
            lineStart = false;
            if (c == '\n') {
                i++;
                lineStart = true;
                while (!heredocs.isEmpty()) {
                    String term = heredocs.poll();
                    while (i < n) {
                        int le = lineEnd(text, i);
                        boolean done = text.substring(i, le).strip().equals(term);
                        if (!done) blank(out, i, le);
                        i = le < n ? le + 1 : n;
                        if (done) break;
                    }
                }
            } else if (c == '#') {
                i = lineComment(out, i);
            } else if (c == '\'' || c == '"') {
                i = skipQuoted(out, i, c, true, false, false);
            } else if (c == '<' && i + 2 < n && out[i + 1] == '<') {
                java.util.regex.Matcher m = HEREDOC.matcher(text).region(i, n);
                if (m.lookingAt()) {
                    heredocs.add(m.group(2) != null ? m.group(2) : m.group(3));
                    i = m.end();
                } else {
                    i += 2;
                }
            } else {
                i++;
            }
        }
        return new String(out);
    }

    private static final java.util.regex.Pattern HEREDOC =
            java.util.regex.Pattern.compile("<<[~-]?(['\"]?)([A-Z_][A-Z0-9_]*)\\1|<<[~-](['\"]?[A-Za-z_]\\w*)");

    private static int lineEnd(String text, int from) {
        int e = text.indexOf('\n', from);
        return e < 0 ? text.length() : e;
    }

    /** Blanks up to the end of the line; returns the index of the line break (or the end). */
    private static int lineComment(char[] out, int i) {
        while (i < out.length && out[i] != '\n') out[i++] = ' ';
        return i;
    }

    /** Blanks a block comment starting at {@code i}; returns the index after it. */
    private static int blockComment(String text, char[] out, int i) {
        int end = text.indexOf("*/", i + 2);
        int stop = end < 0 ? out.length : end + 2;
        blank(out, i, stop);
        return stop;
    }

    private static void blank(char[] out, int from, int to) {
        for (int k = from; k < to && k < out.length; k++) {
            if (out[k] != '\n') out[k] = ' ';
        }
    }

    /** Blanks the contents of a quoted literal starting at {@code start}; returns the index after it. */
    private static int skipQuoted(char[] out, int start, char quote, boolean backslash, boolean doubled, boolean stopAtNewline) {
        int i = start + 1;
        int n = out.length;
        while (i < n) {
            char c = out[i];
            if (c == '\\' && backslash) {
                out[i] = ' ';
                if (i + 1 < n && out[i + 1] != '\n') out[i + 1] = ' ';
                i += 2;
                continue;
            }
            if (c == quote) {
                if (doubled && i + 1 < n && out[i + 1] == quote) {
                    out[i] = ' ';
                    out[i + 1] = ' ';
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            if (c == '\n' && stopAtNewline) return i;
            if (c != '\n') out[i] = ' ';
            i++;
        }
        return n;
    }

    private static boolean regexAllowed(char[] out, int at) {
        int k = at - 1;
        while (k >= 0 && Character.isWhitespace(out[k])) k--;
        if (k < 0) return true;
        char p = out[k];
        if ("(,=:[!&|?{};+-*%<>~^".indexOf(p) >= 0) return true;
        if (Character.isLetter(p)) {
            int s = k;
            while (s > 0 && Character.isLetter(out[s - 1])) s--;
            String word = new String(out, s, k - s + 1);
            return java.util.Set.of("return", "typeof", "case", "in", "of", "new", "delete", "void", "throw", "yield", "await").contains(word);
        }
        return false;
    }

    private static int skipRegex(char[] out, int start) {
        int i = start + 1;
        int n = out.length;
        boolean inClass = false;
        while (i < n && out[i] != '\n') {
            char c = out[i];
            if (c == '\\') {
                out[i] = ' ';
                if (i + 1 < n && out[i + 1] != '\n') out[i + 1] = ' ';
                i += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) return i + 1;
            out[i] = ' ';
            i++;
        }
        return i;
    }
}

package dev.dbmigrate.parse.python;

import dev.dbmigrate.parse.python.PyToken.Kind;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * A Python 3 tokenizer following the language reference's lexical rules: NEWLINE only at the end
 * of logical lines (implicit joining inside brackets, backslash continuations), INDENT/DEDENT from
 * the indentation stack (tabs to the next multiple of 8), blank and comment-only lines ignored,
 * strings with every prefix combination ({@code r u b f} and pairs), single/double/triple quotes,
 * escapes decoded (raw strings keep them), f-string replacement fields skipped as a unit (nested
 * quotes and braces included), numbers in all bases with underscores, exponents and imaginary
 * suffixes. It never throws: anything it cannot read becomes an {@link Kind#ERROR} token whose
 * value says why, and tokenizing continues.
 *
 * <p>Written by hand: there is no maintained Java library that tokenizes Python 3 (Jython is 2.7).
 */
public final class PyTokenizer {

    /** A {@code # comment}: its position and text without the {@code #}. */
    public record Comment(int line, int col, String text) {}

    public record Result(List<PyToken> tokens, List<Comment> comments) {}

    private static final String[] OPERATORS = {
        "**=", "//=", ">>=", "<<=", "...",
        "**", "//", "<<", ">>", "<=", ">=", "==", "!=", "->", ":=", "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "@=",
        "(", ")", "[", "]", "{", "}", ",", ":", ";", ".", "+", "-", "*", "/", "%", "&", "|", "^", "~", "<", ">", "=", "@", "!"
    };

    private final String s;
    private final int n;
    private final int lineOffset;
    private final List<PyToken> tokens = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    private final Deque<Integer> indents = new ArrayDeque<>();
    private int pos;
    private int line = 1;
    private int lineStart;
    private int depth;

    private PyTokenizer(String source, int firstLine) {
        this.s = source;
        this.n = source.length();
        this.lineOffset = firstLine - 1;
        indents.push(0);
    }

    /** Tokenizes {@code source}, whose first line is line {@code firstLine} of its file. */
    public static Result tokenize(String source, int firstLine) {
        PyTokenizer t = new PyTokenizer(source, firstLine);
        t.run();
        return new Result(List.copyOf(t.tokens), List.copyOf(t.comments));
    }

    private void run() {
        boolean atLineStart = true;
        while (pos < n) {
            if (atLineStart && depth == 0) {
                if (!indentation()) continue;
                atLineStart = false;
                if (pos >= n) break;
            }
            char c = s.charAt(pos);
            if (c == ' ' || c == '\t' || c == '\f') {
                pos++;
            } else if (c == '#') {
                comment();
            } else if (c == '\n' || c == '\r') {
                if (depth == 0) {
                    if (!tokens.isEmpty() && last().kind() != Kind.NEWLINE) {
                        add(Kind.NEWLINE, pos, pos + 1, "\n", 0);
                    }
                    atLineStart = true;
                }
                newline();
            } else if (c == '\\') {
                int after = pos + 1;
                if (after < n && (s.charAt(after) == '\n' || s.charAt(after) == '\r')) {
                    pos = after;
                    newline();
                } else {
                    error(pos, pos + 1, "stray backslash");
                    pos++;
                }
            } else if (isIdStart(c)) {
                nameOrString();
            } else if (Character.isDigit(c) || (c == '.' && pos + 1 < n && Character.isDigit(s.charAt(pos + 1)))) {
                number();
            } else if (c == '\'' || c == '"') {
                string(pos, 0);
            } else {
                operator();
            }
        }
        if (!tokens.isEmpty() && last().kind() != Kind.NEWLINE) add(Kind.NEWLINE, n, n, "", 0);
        while (indents.size() > 1) {
            indents.pop();
            add(Kind.DEDENT, n, n, "", 0);
        }
        add(Kind.ENDMARKER, n, n, "", 0);
    }

    /**
     * Reads the indentation of a new logical line and emits INDENT/DEDENT. Returns false when the
     * line is blank or comment-only (consumed entirely, no tokens).
     */
    private boolean indentation() {
        int width = 0;
        int p = pos;
        while (p < n) {
            char c = s.charAt(p);
            if (c == ' ') width++;
            else if (c == '\t') width = (width / 8 + 1) * 8;
            else if (c == '\f') width = 0;
            else break;
            p++;
        }
        pos = p;
        if (p >= n) return true;
        char c = s.charAt(p);
        if (c == '#') {
            comment();
            if (pos < n) newline();
            return false;
        }
        if (c == '\n' || c == '\r') {
            newline();
            return false;
        }
        int top = indents.peek();
        if (width > top) {
            indents.push(width);
            add(Kind.INDENT, lineStart, p, s.substring(lineStart, p), 0);
        } else {
            while (width < indents.peek()) {
                indents.pop();
                add(Kind.DEDENT, p, p, "", 0);
            }
            if (width != indents.peek()) error(p, p, "unindent does not match any outer indentation level");
        }
        return true;
    }

    private void comment() {
        int start = pos;
        while (pos < n && s.charAt(pos) != '\n' && s.charAt(pos) != '\r') pos++;
        comments.add(new Comment(line + lineOffset, start - lineStart + 1, s.substring(start + 1, pos)));
    }

    /** Consumes one line break at pos (\n, \r\n or \r). */
    private void newline() {
        if (s.charAt(pos) == '\r' && pos + 1 < n && s.charAt(pos + 1) == '\n') pos++;
        pos++;
        line++;
        lineStart = pos;
    }

    private void nameOrString() {
        int start = pos;
        while (pos < n && isIdPart(s.charAt(pos))) pos++;
        String word = s.substring(start, pos);
        if (pos < n && (s.charAt(pos) == '\'' || s.charAt(pos) == '"')) {
            int flags = prefixFlags(word);
            if (flags >= 0) {
                pos = start;
                string(start, flags);
                return;
            }
        }
        add(Kind.NAME, start, pos, word, 0);
    }

    /** Flags for a string prefix, or -1 when {@code word} is not one. */
    private static int prefixFlags(String word) {
        if (word.length() > 2) return -1;
        int flags = 0;
        boolean u = false;
        for (char ch : word.toLowerCase().toCharArray()) {
            switch (ch) {
                case 'r' -> flags |= (flags & PyToken.RAW) != 0 ? -1 : PyToken.RAW;
                case 'b' -> flags |= (flags & PyToken.BYTES) != 0 ? -1 : PyToken.BYTES;
                case 'f' -> flags |= (flags & PyToken.F_STRING) != 0 ? -1 : PyToken.F_STRING;
                case 'u' -> u = true;
                default -> { return -1; }
            }
            if (flags < 0) return -1;
        }
        if (u && word.length() > 1) return -1;
        if ((flags & PyToken.BYTES) != 0 && (flags & PyToken.F_STRING) != 0) return -1;
        return flags;
    }

    /** Reads a string literal starting at {@code start} (prefix included); pos is at the prefix. */
    private void string(int start, int flags) {
        int startLine = line;
        int startCol = start - lineStart + 1;
        while (s.charAt(pos) != '\'' && s.charAt(pos) != '"') pos++;
        char q = s.charAt(pos);
        boolean triple = pos + 2 < n && s.charAt(pos + 1) == q && s.charAt(pos + 2) == q;
        pos += triple ? 3 : 1;
        boolean raw = (flags & PyToken.RAW) != 0;
        boolean fstr = (flags & PyToken.F_STRING) != 0;
        boolean bytes = (flags & PyToken.BYTES) != 0;
        StringBuilder val = new StringBuilder();
        while (true) {
            if (pos >= n) {
                errorAt(startLine, startCol, start, n, "unterminated string literal");
                return;
            }
            char c = s.charAt(pos);
            if (c == q && (!triple || (pos + 2 < n && s.charAt(pos + 1) == q && s.charAt(pos + 2) == q))) {
                pos += triple ? 3 : 1;
                break;
            }
            if ((c == '\n' || c == '\r') && !triple) {
                errorAt(startLine, startCol, start, pos, "unterminated string literal");
                return;
            }
            if (c == '\\' && pos + 1 < n) {
                char d = s.charAt(pos + 1);
                if (raw) {
                    val.append(c);
                    pos++;
                    if (d == '\n' || d == '\r') {
                        appendNewline(val);
                    } else {
                        val.append(d);
                        pos++;
                    }
                } else {
                    escape(val, bytes);
                }
            } else if (fstr && c == '{') {
                if (pos + 1 < n && s.charAt(pos + 1) == '{') {
                    val.append('{');
                    pos += 2;
                } else {
                    int fieldStart = pos;
                    if (!replacementField()) {
                        errorAt(startLine, startCol, start, pos, "unterminated f-string replacement field");
                        return;
                    }
                    val.append(s, fieldStart, pos);
                    flags |= PyToken.HAS_FIELDS;
                }
            } else if (fstr && c == '}' && pos + 1 < n && s.charAt(pos + 1) == '}') {
                val.append('}');
                pos += 2;
            } else if (c == '\n' || c == '\r') {
                appendNewline(val);
            } else {
                val.append(c);
                pos++;
            }
        }
        tokens.add(new PyToken(Kind.STRING, s.substring(start, pos), val.toString(), startLine + lineOffset, startCol,
                line + lineOffset, pos - lineStart + 1, start, pos, flags));
    }

    private void appendNewline(StringBuilder val) {
        val.append('\n');
        newline();
    }

    /** Decodes one escape sequence at pos (a backslash). */
    private void escape(StringBuilder val, boolean bytes) {
        char d = s.charAt(pos + 1);
        switch (d) {
            case '\n', '\r' -> {
                pos++;
                newline();
                return;
            }
            case '\\', '\'', '"' -> val.append(d);
            case 'a' -> val.append('\u0007');
            case 'b' -> val.append('\b');
            case 'f' -> val.append('\f');
            case 'n' -> val.append('\n');
            case 'r' -> val.append('\r');
            case 't' -> val.append('\t');
            case 'v' -> val.append('\u000b');
            case 'x' -> {
                if (hexRun(pos + 2, 2)) {
                    val.append((char) Integer.parseInt(s.substring(pos + 2, pos + 4), 16));
                    pos += 4;
                    return;
                }
                val.append('\\').append(d);
            }
            case 'u', 'U' -> {
                int len = d == 'u' ? 4 : 8;
                if (!bytes && hexRun(pos + 2, len)) {
                    val.appendCodePoint(Integer.parseInt(s.substring(pos + 2, pos + 2 + len), 16));
                    pos += 2 + len;
                    return;
                }
                val.append('\\').append(d);
            }
            default -> {
                if (d >= '0' && d <= '7') {
                    int p = pos + 1;
                    int v = 0;
                    while (p < n && p < pos + 4 && s.charAt(p) >= '0' && s.charAt(p) <= '7') v = v * 8 + (s.charAt(p++) - '0');
                    val.append((char) v);
                    pos = p;
                    return;
                }
                val.append('\\').append(d);
            }
        }
        pos += 2;
    }

    private boolean hexRun(int from, int len) {
        if (from + len > n) return false;
        for (int i = from; i < from + len; i++) {
            if (Character.digit(s.charAt(i), 16) < 0) return false;
        }
        return true;
    }

    /** Skips an f-string replacement field starting at '{' (pos); false when it never closes. */
    private boolean replacementField() {
        int braces = 0;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '{' || c == '(' || c == '[') {
                braces++;
                pos++;
            } else if (c == '}' || c == ')' || c == ']') {
                braces--;
                pos++;
                if (braces == 0) return true;
            } else if (c == '\'' || c == '"') {
                if (!skipNestedString()) return false;
            } else if (c == '\n' || c == '\r') {
                newline();
            } else {
                pos++;
            }
        }
        return false;
    }

    /** Skips a string literal nested in an f-string field (prefixes were already read as text). */
    private boolean skipNestedString() {
        char q = s.charAt(pos);
        boolean triple = pos + 2 < n && s.charAt(pos + 1) == q && s.charAt(pos + 2) == q;
        pos += triple ? 3 : 1;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '\\') {
                pos += 2;
            } else if (c == q && (!triple || (pos + 2 < n && s.charAt(pos + 1) == q && s.charAt(pos + 2) == q))) {
                pos += triple ? 3 : 1;
                return true;
            } else if (c == '\n' || c == '\r') {
                if (!triple) return false;
                newline();
            } else {
                pos++;
            }
        }
        return false;
    }

    private void number() {
        int start = pos;
        char c = s.charAt(pos);
        if (c == '0' && pos + 1 < n && "xXoObB".indexOf(s.charAt(pos + 1)) >= 0) {
            pos += 2;
            while (pos < n && (Character.digit(s.charAt(pos), 16) >= 0 || s.charAt(pos) == '_')) pos++;
        } else {
            digits();
            if (pos < n && s.charAt(pos) == '.') {
                pos++;
                digits();
            }
            if (pos < n && (s.charAt(pos) == 'e' || s.charAt(pos) == 'E')) {
                int save = pos;
                pos++;
                if (pos < n && (s.charAt(pos) == '+' || s.charAt(pos) == '-')) pos++;
                if (pos < n && Character.isDigit(s.charAt(pos))) digits();
                else pos = save;
            }
            if (pos < n && (s.charAt(pos) == 'j' || s.charAt(pos) == 'J')) pos++;
        }
        add(Kind.NUMBER, start, pos, s.substring(start, pos), 0);
    }

    private void digits() {
        while (pos < n && (Character.isDigit(s.charAt(pos)) || s.charAt(pos) == '_')) pos++;
    }

    private void operator() {
        for (String op : OPERATORS) {
            if (s.startsWith(op, pos)) {
                char c = op.charAt(0);
                if (op.length() == 1) {
                    if (c == '(' || c == '[' || c == '{') depth++;
                    else if ((c == ')' || c == ']' || c == '}') && depth > 0) depth--;
                }
                add(Kind.OP, pos, pos + op.length(), op, 0);
                pos += op.length();
                return;
            }
        }
        int cp = s.codePointAt(pos);
        int len = Character.charCount(cp);
        error(pos, pos + len, "unexpected character '" + new String(Character.toChars(cp)) + "'");
        pos += len;
    }

    private void add(Kind kind, int start, int end, String text, int flags) {
        int col = start - lineStart + 1;
        tokens.add(new PyToken(kind, text, text, line + lineOffset, Math.max(col, 1), line + lineOffset, Math.max(end - lineStart + 1, 1), start, end, flags));
    }

    private void error(int start, int end, String why) {
        tokens.add(new PyToken(Kind.ERROR, s.substring(start, end), why, line + lineOffset, start - lineStart + 1, line + lineOffset, end - lineStart + 1, start, end, 0));
    }

    private void errorAt(int startLine, int startCol, int start, int end, String why) {
        pos = end;
        tokens.add(new PyToken(Kind.ERROR, s.substring(start, end), why, startLine + lineOffset, startCol, line + lineOffset, end - lineStart + 1, start, end, 0));
    }

    private PyToken last() {
        return tokens.get(tokens.size() - 1);
    }

    private static boolean isIdStart(char c) {
        return c == '_' || Character.isUnicodeIdentifierStart(c);
    }

    private static boolean isIdPart(char c) {
        return c == '_' || Character.isUnicodeIdentifierPart(c) && !Character.isIdentifierIgnorable(c);
    }
}

package dev.dbmigrate.parse.js;

import dev.dbmigrate.parse.js.JsToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokenizer for JavaScript and TypeScript as migrations are written: identifiers, numbers
 * (hex, octal, binary, separators, BigInt), '' and "" strings with every escape, template literals
 * with nested {@code ${...}} substitutions (tokenized recursively), line and block comments
 * (collected, for {@code // db-migrate-ignore} directives), regular-expression literals told apart
 * from division by the previous token, and all punctuators including {@code ?. ?? => ...}.
 * TypeScript needs nothing more at this level: annotations are ordinary tokens the reader skips.
 *
 * <p>Never throws: an unterminated string, template, comment or regex becomes an ERROR token.
 */
public final class JsLexer {

    /** A comment: offsets into the text and its content without the markers. */
    public record Comment(int start, int end, String text) {}

    private static final String[] PUNCTS = {
        ">>>=", "...", "===", "!==", "**=", "<<=", ">>=", ">>>", "&&=", "||=", "??=",
        "=>", "==", "!=", "<=", ">=", "&&", "||", "??", "?.", "++", "--", "+=", "-=", "*=", "/=", "%=",
        "&=", "|=", "^=", "**", "<<", ">>",
    };

    /** Keywords after which a '/' starts a regular expression rather than a division. */
    private static final Set<String> REGEX_AFTER_WORD = Set.of("return", "typeof", "instanceof", "in", "of", "new", "delete",
            "void", "throw", "case", "do", "else", "yield", "await");

    private final String src;
    private int pos;
    private final List<Comment> comments;

    private JsLexer(String src, int pos, List<Comment> comments) {
        this.src = src;
        this.pos = pos;
        this.comments = comments;
    }

    /** The tokens of {@code text} (ending with EOF) and its comments. */
    public record Result(List<JsToken> tokens, List<Comment> comments) {}

    public static Result tokenize(String text) {
        List<Comment> comments = new ArrayList<>();
        JsLexer lx = new JsLexer(text, 0, comments);
        List<JsToken> tokens = lx.run(false);
        return new Result(tokens, comments);
    }

    /** Tokens until EOF, or (nested) until the '}' closing a template substitution, which is consumed. */
    private List<JsToken> run(boolean nested) {
        List<JsToken> out = new ArrayList<>();
        int depth = 0;
        boolean newline = false;
        while (true) {
            newline |= skipTrivia();
            if (pos >= src.length()) {
                out.add(tok(Kind.EOF, pos, pos, null, newline));
                if (nested) out.set(out.size() - 1, tok(Kind.ERROR, pos, pos, "unterminated template substitution", newline));
                return out;
            }
            char c = src.charAt(pos);
            if (nested && c == '}' && depth == 0) {
                pos++;
                out.add(tok(Kind.EOF, pos - 1, pos - 1, null, newline));
                return out;
            }
            int start = pos;
            JsToken t;
            if (isIdentStart(c) || c == '#' && pos + 1 < src.length() && isIdentStart(src.charAt(pos + 1))) {
                pos++;
                while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
                t = tok(Kind.IDENT, start, pos, null, newline);
            } else if (Character.isDigit(c) || c == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1))) {
                t = number(start, newline);
            } else if (c == '\'' || c == '"') {
                t = string(c, start, newline);
            } else if (c == '`') {
                t = template(start, newline);
            } else if (c == '/' && regexAllowed(out)) {
                t = regex(start, newline);
            } else {
                t = punct(start, newline);
                if (t.text().equals("{")) depth++;
                else if (t.text().equals("}")) depth--;
            }
            out.add(t);
            newline = false;
            if (t.kind() == Kind.ERROR) {
                out.add(tok(Kind.EOF, src.length(), src.length(), null, false));
                pos = src.length();
                return out;
            }
        }
    }

    /** Skips white space and comments; true when a line break was crossed. */
    private boolean skipTrivia() {
        boolean nl = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n' || c == '\r' || c == '\u2028' || c == '\u2029') {
                nl = true;
                pos++;
            } else if (Character.isWhitespace(c) || c == '\uFEFF' || c == '\u00A0') {
                pos++;
            } else if (src.startsWith("//", pos)) {
                int e = pos;
                while (e < src.length() && src.charAt(e) != '\n' && src.charAt(e) != '\r') e++;
                comments.add(new Comment(pos, e, src.substring(pos + 2, e)));
                pos = e;
            } else if (src.startsWith("/*", pos)) {
                int e = src.indexOf("*/", pos + 2);
                int stop = e < 0 ? src.length() : e + 2;
                String body = src.substring(pos + 2, e < 0 ? src.length() : e);
                if (body.indexOf('\n') >= 0) nl = true;
                comments.add(new Comment(pos, stop, body));
                pos = stop;
            } else {
                break;
            }
        }
        return nl;
    }

    private static boolean regexAllowed(List<JsToken> out) {
        if (out.isEmpty()) return true;
        JsToken prev = out.get(out.size() - 1);
        return switch (prev.kind()) {
            case NUMBER, STRING, TEMPLATE, REGEX -> false;
            case IDENT -> REGEX_AFTER_WORD.contains(prev.text());
            case PUNCT -> !(prev.text().equals(")") || prev.text().equals("]") || prev.text().equals("}")
                    || prev.text().equals("++") || prev.text().equals("--"));
            default -> true;
        };
    }

    private JsToken number(int start, boolean nl) {
        if (src.charAt(pos) == '0' && pos + 1 < src.length() && "xXoObB".indexOf(src.charAt(pos + 1)) >= 0) {
            pos += 2;
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
            return tok(Kind.NUMBER, start, pos, null, nl);
        }
        while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        if (pos < src.length() && src.charAt(pos) == '.') {
            pos++;
            while (pos < src.length() && (Character.isDigit(src.charAt(pos)) || src.charAt(pos) == '_')) pos++;
        }
        if (pos < src.length() && (src.charAt(pos) == 'e' || src.charAt(pos) == 'E')) {
            int save = pos;
            pos++;
            if (pos < src.length() && (src.charAt(pos) == '+' || src.charAt(pos) == '-')) pos++;
            if (pos < src.length() && Character.isDigit(src.charAt(pos))) {
                while (pos < src.length() && Character.isDigit(src.charAt(pos))) pos++;
            } else {
                pos = save;
            }
        }
        if (pos < src.length() && src.charAt(pos) == 'n') pos++;
        return tok(Kind.NUMBER, start, pos, null, nl);
    }

    private JsToken string(char quote, int start, boolean nl) {
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == quote) {
                pos++;
                return new JsToken(Kind.STRING, src.substring(start, pos), sb.toString(), start, pos, nl, List.of(), List.of());
            }
            if (c == '\n') break;
            if (c == '\\') {
                escape(sb);
            } else {
                sb.append(c);
                pos++;
            }
        }
        return tok(Kind.ERROR, start, pos, "unterminated string", nl);
    }

    /** Decodes the escape at {@code pos} (a backslash) into {@code sb}. */
    private void escape(StringBuilder sb) {
        pos++;
        if (pos >= src.length()) return;
        char e = src.charAt(pos++);
        switch (e) {
            case 'n' -> sb.append('\n');
            case 't' -> sb.append('\t');
            case 'r' -> sb.append('\r');
            case 'b' -> sb.append('\b');
            case 'f' -> sb.append('\f');
            case 'v' -> sb.append('\u000B');
            case '0' -> sb.append('\0');
            case '\r' -> {
                if (pos < src.length() && src.charAt(pos) == '\n') pos++;
            }
            case '\n', '\u2028', '\u2029' -> { }
            case 'x' -> sb.append((char) hex(2));
            case 'u' -> {
                if (pos < src.length() && src.charAt(pos) == '{') {
                    int close = src.indexOf('}', pos);
                    if (close > pos) {
                        try {
                            sb.appendCodePoint(Integer.parseInt(src.substring(pos + 1, close), 16));
                        } catch (IllegalArgumentException ex) {
                            sb.append('?');
                        }
                        pos = close + 1;
                    }
                } else {
                    sb.append((char) hex(4));
                }
            }
            default -> sb.append(e);
        }
    }

    private int hex(int n) {
        int end = Math.min(src.length(), pos + n);
        try {
            int v = Integer.parseInt(src.substring(pos, end), 16);
            pos = end;
            return v;
        } catch (NumberFormatException ex) {
            return '?';
        }
    }

    private JsToken template(int start, boolean nl) {
        List<String> quasis = new ArrayList<>();
        List<List<JsToken>> exprs = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        pos++;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '`') {
                pos++;
                quasis.add(sb.toString());
                return new JsToken(Kind.TEMPLATE, src.substring(start, pos), quasis.get(0), start, pos, nl, quasis, exprs);
            }
            if (c == '\\') {
                escape(sb);
            } else if (c == '$' && pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                quasis.add(sb.toString());
                sb.setLength(0);
                pos += 2;
                List<JsToken> inner = new JsLexer(src, pos, comments).runNested(this);
                exprs.add(inner);
                if (inner.stream().anyMatch(t -> t.kind() == Kind.ERROR)) break;
            } else {
                sb.append(c);
                pos++;
            }
        }
        return tok(Kind.ERROR, start, src.length(), "unterminated template literal", nl);
    }

    private List<JsToken> runNested(JsLexer outer) {
        List<JsToken> inner = run(true);
        outer.pos = pos;
        return inner;
    }

    private JsToken regex(int start, boolean nl) {
        pos++;
        boolean inClass = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') break;
            if (c == '\\') {
                pos += 2;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == ']') inClass = false;
            else if (c == '/' && !inClass) {
                pos++;
                while (pos < src.length() && isIdentPart(src.charAt(pos))) pos++;
                return tok(Kind.REGEX, start, pos, null, nl);
            }
            pos++;
        }
        return tok(Kind.ERROR, start, pos, "unterminated regular expression", nl);
    }

    private JsToken punct(int start, boolean nl) {
        for (String p : PUNCTS) {
            if (src.startsWith(p, pos)) {
                if (p.equals("?.") && pos + 2 < src.length() && Character.isDigit(src.charAt(pos + 2))) continue;
                pos += p.length();
                return tok(Kind.PUNCT, start, pos, null, nl);
            }
        }
        char c = src.charAt(pos);
        pos++;
        if ("{}()[];,<>+-*/%&|^!~?:=.@".indexOf(c) >= 0) return tok(Kind.PUNCT, start, pos, null, nl);
        return tok(Kind.ERROR, start, pos, "unexpected character '" + c + "'", nl);
    }

    private JsToken tok(Kind kind, int start, int end, String value, boolean nl) {
        return new JsToken(kind, src.substring(start, Math.min(end, src.length())), value, start, end, nl, List.of(), List.of());
    }

    static boolean isIdentStart(char c) {
        return Character.isLetter(c) || c == '_' || c == '$';
    }

    static boolean isIdentPart(char c) {
        return Character.isLetterOrDigit(c) || c == '_' || c == '$' || c == '\u200C' || c == '\u200D';
    }
}

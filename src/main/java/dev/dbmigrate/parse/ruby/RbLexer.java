package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.parse.ruby.RbToken.Kind;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Tokenizer for the Ruby that migrations contain: identifiers (with {@code ? !} endings), constants,
 * instance variables, symbols ({@code :name}, {@code :"quoted"}), hash labels ({@code null:}),
 * '' and "" strings (escapes, {@code #{...}} interpolation kept as text), {@code %w[] %i[] %q() %Q()
 * %()} literals with any delimiter, heredocs ({@code <<~SQL}, {@code <<-SQL}, {@code <<SQL},
 * quoted identifiers; bodies read after the line that opens them, {@code <<~} indentation removed),
 * numbers, regular expressions where an expression may start, line comments, {@code =begin/=end}
 * blocks and {@code __END__}.
 *
 * <p>Line breaks are NEWLINE tokens except where the line visibly continues: after an operator,
 * a comma, an opening bracket or a dot, before a line that starts with {@code .method} /
 * {@code &.method}, and after a backslash. Never throws: unterminated literals become ERROR.
 */
public final class RbLexer {

    /** A comment: offset and content without '#'. */
    public record Comment(int start, String text) {}

    public record Result(List<RbToken> tokens, List<Comment> comments) {}

    private static final String[] PUNCTS = {
        "**=", "<=>", "===", "...", "<<=", ">>=", "&&=", "||=", "&.",
        "**", "==", "!=", ">=", "<=", "&&", "||", "<<", ">>", "=~", "!~", "..", "::", "->", "=>",
        "+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=",
    };

    private static final Set<String> CONTINUES = Set.of(",", ".", "&.", "(", "[", "{", "|", "&&", "||", "=", "+", "-", "*", "/", "==", "!=",
            "=>", "->", "+=", "-=", "||=", "&&=", "<", ">", "<=", ">=", "?", ":", "::", "and", "or", "not", "\\", "**", "%", "<<", "!");

    private static final Set<String> EXPR_KEYWORDS = Set.of("if", "unless", "while", "until", "and", "or", "not", "return", "when", "then",
            "else", "elsif", "do", "puts", "case", "in");

    private final String src;
    private int pos;
    private final List<RbToken> out = new ArrayList<>();
    private final List<Comment> comments = new ArrayList<>();
    /** Where reading resumes after the current line's heredoc bodies, or -1. */
    private int heredocResume = -1;

    private RbLexer(String src) {
        this.src = src;
    }

    public static Result tokenize(String text) {
        RbLexer lx = new RbLexer(text);
        lx.run();
        return new Result(lx.out, lx.comments);
    }

    private void run() {
        boolean space = false;
        boolean lineStart = true;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (lineStart && src.startsWith("=begin", pos) && (pos + 6 >= src.length() || Character.isWhitespace(src.charAt(pos + 6)))) {
                int e = src.indexOf("\n=end", pos);
                pos = e < 0 ? src.length() : lineEnd(e + 1);
                continue;
            }
            if (lineStart && src.startsWith("__END__", pos)) break;
            lineStart = false;
            if (c == '\n') {
                newline();
                lineStart = true;
                space = false;
                continue;
            }
            if (c == ' ' || c == '\t' || c == '\r' || c == '\f') {
                pos++;
                space = true;
                continue;
            }
            if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                space = true;
                continue;
            }
            if (c == '#') {
                int e = lineEnd(pos);
                comments.add(new Comment(pos, src.substring(pos + 1, e)));
                pos = e;
                continue;
            }
            int start = pos;
            RbToken t = token(c, start, space);
            out.add(t);
            space = false;
            if (t.kind() == Kind.ERROR) {
                pos = src.length();
                break;
            }
        }
        out.add(tok(Kind.EOF, src.length(), src.length(), null, false));
    }

    private int lineEnd(int from) {
        int e = src.indexOf('\n', from);
        return e < 0 ? src.length() : e;
    }

    /** A line break: a NEWLINE token unless the line continues; then any pending heredoc bodies are skipped. */
    private void newline() {
        int at = pos;
        pos++;
        if (heredocResume >= 0) {
            pos = heredocResume;
            heredocResume = -1;
        }
        RbToken prev = out.isEmpty() ? null : out.get(out.size() - 1);
        boolean continues = prev == null || prev.kind() == Kind.NEWLINE || (prev.kind() == Kind.PUNCT || prev.kind() == Kind.IDENT)
                && CONTINUES.contains(prev.text()) && !(prev.is("|") && blockParamsClosed());
        if (!continues && nextLineStartsWithDot()) continues = true;
        if (!continues) out.add(new RbToken(Kind.NEWLINE, "\n", null, at, at + 1, false, false, -1, 0, List.of()));
    }

    /** Whether the last '|' closes block parameters ({@code do |t|}) rather than being an operator. */
    private boolean blockParamsClosed() {
        int bars = 0;
        for (int k = out.size() - 1; k >= 0; k--) {
            RbToken t = out.get(k);
            if (t.kind() == Kind.NEWLINE) break;
            if (t.is("|")) bars++;
            if (t.is("do") || t.is("{")) return bars % 2 == 0;
        }
        return false;
    }

    private boolean nextLineStartsWithDot() {
        int k = pos;
        while (true) {
            while (k < src.length() && (src.charAt(k) == ' ' || src.charAt(k) == '\t' || src.charAt(k) == '\r')) k++;
            if (k < src.length() && src.charAt(k) == '#') {
                k = lineEnd(k) + 1;
                continue;
            }
            break;
        }
        return k < src.length() && (src.charAt(k) == '.' && (k + 1 >= src.length() || src.charAt(k + 1) != '.') || src.startsWith("&.", k));
    }

    private RbToken token(char c, int start, boolean space) {
        if (Character.isLetter(c) || c == '_') return word(start, space);
        if (c == '@') {
            pos++;
            if (pos < src.length() && src.charAt(pos) == '@') pos++;
            while (pos < src.length() && isWord(src.charAt(pos))) pos++;
            return tok(Kind.IVAR, start, pos, null, space);
        }
        if (c == '$') {
            pos++;
            while (pos < src.length() && (isWord(src.charAt(pos)) || "!@&~0123456789".indexOf(src.charAt(pos)) >= 0)) pos++;
            return tok(Kind.IVAR, start, pos, null, space);
        }
        if (Character.isDigit(c)) {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                    || src.charAt(pos) == '.' && pos + 1 < src.length() && Character.isDigit(src.charAt(pos + 1)))) pos++;
            return tok(Kind.NUMBER, start, pos, null, space);
        }
        if (c == '"' || c == '`') return quoted(c, c, start, space, true, 1);
        if (c == '\'') return quoted('\'', '\'', start, space, false, 1);
        if (c == ':' && pos + 1 < src.length()) {
            char n = src.charAt(pos + 1);
            if (n == '"' || n == '\'') {
                pos++;
                RbToken s = quoted(n, n, pos, space, n == '"', 1);
                return new RbToken(s.kind() == Kind.ERROR ? Kind.ERROR : Kind.SYMBOL, src.substring(start, pos), s.value(), start, pos, space,
                        false, -1, 0, List.of());
            }
            if (Character.isLetter(n) || n == '_') {
                pos++;
                while (pos < src.length() && isWord(src.charAt(pos))) pos++;
                if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '!' || src.charAt(pos) == '=')
                        && (pos + 1 >= src.length() || src.charAt(pos + 1) != '=')) pos++;
                return new RbToken(Kind.SYMBOL, src.substring(start, pos), src.substring(start + 1, pos), start, pos, space, false, -1, 0, List.of());
            }
        }
        if (c == '%' && pos + 1 < src.length() && percentAllowed(space)) {
            RbToken p = percent(start, space);
            if (p != null) return p;
        }
        if (c == '<' && src.startsWith("<<", pos) && heredocAllowed(space)) {
            RbToken h = heredoc(start, space);
            if (h != null) return h;
        }
        if (c == '/' && regexAllowed(space)) return quoted('/', '/', start, space, true, 1).kindAs(Kind.REGEX);
        for (String p : PUNCTS) {
            if (src.startsWith(p, pos)) {
                pos += p.length();
                return tok(Kind.PUNCT, start, pos, null, space);
            }
        }
        pos++;
        if ("{}()[];,.<>+-*/%&|^!~?:=".indexOf(c) >= 0) return tok(Kind.PUNCT, start, pos, null, space);
        return tok(Kind.ERROR, start, pos, "unexpected character '" + c + "'", space);
    }

    private RbToken word(int start, boolean space) {
        while (pos < src.length() && isWord(src.charAt(pos))) pos++;
        if (pos < src.length() && (src.charAt(pos) == '?' || src.charAt(pos) == '!')
                && (pos + 1 >= src.length() || src.charAt(pos + 1) != '=' || pos + 2 < src.length() && src.charAt(pos + 2) == '=')) {
            pos++;
        }
        String w = src.substring(start, pos);
        boolean afterDot = !out.isEmpty() && (out.get(out.size() - 1).is(".") || out.get(out.size() - 1).is("&."));
        if (pos < src.length() && src.charAt(pos) == ':' && (pos + 1 >= src.length() || src.charAt(pos + 1) != ':') && !afterDot
                && !ternaryOpen()) {
            pos++;
            return new RbToken(Kind.LABEL, src.substring(start, pos), w, start, pos, space, false, -1, 0, List.of());
        }
        return tok(Character.isUpperCase(w.charAt(0)) ? Kind.CONST : Kind.IDENT, start, pos, null, space);
    }

    /** Whether an unclosed '?' of a ternary is open on this line (then {@code x:} is not a label). */
    private boolean ternaryOpen() {
        int q = 0;
        for (int k = out.size() - 1; k >= 0; k--) {
            RbToken t = out.get(k);
            if (t.kind() == Kind.NEWLINE) break;
            if (t.is("?")) q++;
            if (t.is(":")) q--;
        }
        return q > 0;
    }

    private boolean valueExpected(boolean space) {
        if (out.isEmpty()) return true;
        RbToken prev = out.get(out.size() - 1);
        return switch (prev.kind()) {
            case NEWLINE, LABEL -> true;
            case PUNCT -> !(prev.is(")") || prev.is("]") || prev.is("}"));
            case IDENT -> EXPR_KEYWORDS.contains(prev.text()) || space;
            default -> false;
        };
    }

    private boolean regexAllowed(boolean space) {
        if (!valueExpected(space)) return false;
        RbToken prev = out.isEmpty() ? null : out.get(out.size() - 1);
        if (prev != null && prev.kind() == Kind.IDENT && !EXPR_KEYWORDS.contains(prev.text())) {
            return pos + 1 < src.length() && src.charAt(pos + 1) != ' ';
        }
        return true;
    }

    private boolean percentAllowed(boolean space) {
        if (!valueExpected(space)) return false;
        RbToken prev = out.isEmpty() ? null : out.get(out.size() - 1);
        char n = src.charAt(pos + 1);
        if (prev != null && prev.kind() == Kind.IDENT && !EXPR_KEYWORDS.contains(prev.text()) && (n == ' ' || n == '=')) return false;
        return "wWiIqQ".indexOf(n) >= 0 || "([{<|!/".indexOf(n) >= 0;
    }

    private boolean heredocAllowed(boolean space) {
        int k = pos + 2;
        if (k < src.length() && (src.charAt(k) == '~' || src.charAt(k) == '-')) k++;
        if (k >= src.length()) return false;
        char n = src.charAt(k);
        if (!(Character.isUpperCase(n) || n == '_' || n == '\'' || n == '"' || Character.isLetter(n))) return false;
        if (out.isEmpty()) return true;
        RbToken prev = out.get(out.size() - 1);
        if (prev.kind() == Kind.IDENT || prev.kind() == Kind.CONST) return space && EXPR_KEYWORDS.contains(prev.text()) || space;
        return valueExpected(space);
    }

    private RbToken heredoc(int start, boolean space) {
        int k = pos + 2;
        boolean squiggly = false;
        boolean dash = false;
        if (src.charAt(k) == '~') {
            squiggly = true;
            k++;
        } else if (src.charAt(k) == '-') {
            dash = true;
            k++;
        }
        boolean interp = true;
        String id;
        if (src.charAt(k) == '\'' || src.charAt(k) == '"') {
            char q = src.charAt(k);
            int e = src.indexOf(q, k + 1);
            if (e < 0) return null;
            id = src.substring(k + 1, e);
            interp = q == '"';
            k = e + 1;
        } else {
            int s = k;
            while (k < src.length() && isWord(src.charAt(k))) k++;
            id = src.substring(s, k);
        }
        if (id.isEmpty()) return null;
        int nl = src.indexOf('\n', k);
        if (nl < 0) return tok(Kind.ERROR, start, k, "heredoc " + id + " has no body", space);
        int bodyStart = heredocResume >= 0 ? Math.min(src.length(), heredocResume + 1) : nl + 1;
        int lineStart = bodyStart;
        List<String> lines = new ArrayList<>();
        int resume = -1;
        while (lineStart <= src.length()) {
            int le = src.indexOf('\n', lineStart);
            int lineEndAt = le < 0 ? src.length() : le;
            String line = src.substring(lineStart, lineEndAt);
            String cmp = line.endsWith("\r") ? line.substring(0, line.length() - 1) : line;
            if ((squiggly || dash) ? cmp.strip().equals(id) : cmp.equals(id)) {
                resume = le < 0 ? src.length() : le;
                break;
            }
            lines.add(line);
            if (le < 0) break;
            lineStart = le + 1;
        }
        if (resume < 0) return tok(Kind.ERROR, start, k, "heredoc " + id + " is not terminated", space);
        int indent = 0;
        if (squiggly) {
            indent = Integer.MAX_VALUE;
            for (String l : lines) {
                if (l.isBlank()) continue;
                int w = 0;
                while (w < l.length() && (l.charAt(w) == ' ' || l.charAt(w) == '\t')) w++;
                indent = Math.min(indent, w);
            }
            if (indent == Integer.MAX_VALUE) indent = 0;
        }
        StringBuilder sb = new StringBuilder();
        for (String l : lines) {
            sb.append(l.length() >= indent ? l.substring(indent) : l.strip()).append('\n');
        }
        String body = interp ? unescape(sb.toString()) : sb.toString();
        heredocResume = resume;
        pos = k;
        boolean hasInterp = interp && body.contains("#{");
        return new RbToken(Kind.HEREDOC, src.substring(start, k), body, start, k, space, hasInterp, bodyStart, indent, List.of());
    }

    /** A quoted literal from {@code pos} (at the opening delimiter); {@code skip} characters of prefix. */
    private RbToken quoted(char open, char close, int start, boolean space, boolean interp, int skip) {
        pos += skip;
        int contentStart = pos;
        int depth = 1;
        StringBuilder sb = new StringBuilder();
        boolean hasInterp = false;
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\\' && pos + 1 < src.length()) {
                char n = src.charAt(pos + 1);
                if (interp) {
                    sb.append(switch (n) {
                        case 'n' -> '\n';
                        case 't' -> '\t';
                        case 's' -> ' ';
                        case '0' -> '\0';
                        default -> n;
                    });
                } else {
                    if (n != close && n != '\\' && n != open) sb.append('\\');
                    sb.append(n);
                }
                pos += 2;
                continue;
            }
            if (interp && c == '#' && pos + 1 < src.length() && src.charAt(pos + 1) == '{') {
                int e = matchBrace(pos + 1);
                if (e < 0) break;
                sb.append(src, pos, e + 1);
                hasInterp = true;
                pos = e + 1;
                continue;
            }
            if (c == open && open != close) depth++;
            if (c == close && --depth == 0) {
                pos++;
                return new RbToken(Kind.STRING, src.substring(start, pos), sb.toString(), start, pos, space, hasInterp, contentStart, 0, List.of());
            }
            sb.append(c);
            pos++;
        }
        return tok(Kind.ERROR, start, pos, "unterminated string", space);
    }

    private int matchBrace(int open) {
        int depth = 0;
        for (int k = open; k < src.length(); k++) {
            char c = src.charAt(k);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return k;
        }
        return -1;
    }

    private RbToken percent(int start, boolean space) {
        char type = src.charAt(pos + 1);
        int delimAt = Character.isLetter(type) ? pos + 2 : pos + 1;
        if (delimAt >= src.length()) return null;
        char open = src.charAt(delimAt);
        if (Character.isLetterOrDigit(open) || Character.isWhitespace(open)) return null;
        char close = switch (open) {
            case '(' -> ')';
            case '[' -> ']';
            case '{' -> '}';
            case '<' -> '>';
            default -> open;
        };
        boolean interp = !(type == 'q' || type == 'w' || type == 'i');
        pos = delimAt;
        RbToken s = quoted(open, close, start, space, interp, 1);
        if (s.kind() == Kind.ERROR) return s;
        if (type == 'w' || type == 'W' || type == 'i' || type == 'I') {
            List<String> words = new ArrayList<>();
            for (String w : s.value().trim().split("\\s+")) {
                if (!w.isEmpty()) words.add(w);
            }
            return new RbToken(type == 'i' || type == 'I' ? Kind.SYMBOLS : Kind.WORDS, s.text(), s.value(), start, pos, space, false, -1, 0, words);
        }
        return s;
    }

    private static String unescape(String s) {
        if (s.indexOf('\\') < 0) return s;
        StringBuilder sb = new StringBuilder();
        for (int k = 0; k < s.length(); k++) {
            char c = s.charAt(k);
            if (c == '\\' && k + 1 < s.length()) {
                char n = s.charAt(++k);
                sb.append(n == 'n' ? '\n' : n == 't' ? '\t' : n);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private RbToken tok(Kind kind, int start, int end, String value, boolean space) {
        return new RbToken(kind, src.substring(start, Math.min(end, src.length())), value, start, end, space, false, -1, 0, List.of());
    }

    static boolean isWord(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }
}

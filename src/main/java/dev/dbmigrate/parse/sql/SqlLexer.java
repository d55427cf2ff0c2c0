package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import java.util.ArrayList;
import java.util.List;

/**
 * A dialect-aware SQL tokenizer (pull style, so that the splitter can look at the raw text between
 * tokens for DELIMITER lines, psql meta-commands and custom delimiters).
 *
 * <ul>
 *   <li>PostgreSQL: {@code "ident"}, {@code 'str'} with {@code ''}, {@code E'..\'..'}, {@code U&'..'},
 *       dollar quoting ({@code $$..$$}, {@code $tag$..$tag$}), nested block comments, {@code $1} params.</li>
 *   <li>MySQL / MariaDB: {@code `ident`}, single- and double-quoted strings with backslash escapes,
 *       {@code #} comments, {@code -- } comments only when followed by white space, and executable
 *       comments {@code /*!40101 ... *}{@code /} whose content is lexed as SQL.</li>
 *   <li>SQLite / SQL Server: {@code "ident"}, {@code `ident`}, {@code [ident]}.</li>
 * </ul>
 * Unterminated strings, identifiers and comments run to the end of the text; the lexer never throws.
 */
final class SqlLexer {

    private final String s;
    private final int n;
    private final boolean pg;
    private final boolean mysql;
    private final boolean brackets;
    int pos;
    /** Inside a MySQL executable comment: its closing star-slash is skipped, its content lexed. */
    private boolean inExecComment;

    SqlLexer(String s, Dialect dialect) {
        this(s, dialect, 0);
    }

    SqlLexer(String s, Dialect dialect, int pos) {
        this.s = s;
        this.n = s.length();
        this.pg = dialect == null || dialect == Dialect.POSTGRESQL;
        this.mysql = dialect != null && dialect.isMysqlFamily();
        this.brackets = dialect == Dialect.SQLITE || dialect == Dialect.MSSQL;
        this.pos = pos;
    }

    /** Lexes a whole text (comments included). */
    static List<Token> tokenize(String s, Dialect dialect) {
        SqlLexer lx = new SqlLexer(s, dialect);
        List<Token> out = new ArrayList<>();
        for (Token t = lx.next(); t != null; t = lx.next()) out.add(t);
        return out;
    }

    /** Skips white space; returns the new position. */
    int skipWhitespace() {
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == ' ' || c == '\n' || c == '\t' || c == '\r' || c == '\f' || c == 0x0B || c == '\u00A0' || c == '\uFEFF') {
                pos++;
            } else if (inExecComment && c == '*' && pos + 1 < n && s.charAt(pos + 1) == '/') {
                pos += 2;
                inExecComment = false;
            } else {
                break;
            }
        }
        return pos;
    }

    /** The next token without consuming it. */
    Token peekToken() {
        int p = pos;
        boolean e = inExecComment;
        Token t = next();
        while (t != null && t.isComment()) t = next();
        pos = p;
        inExecComment = e;
        return t;
    }

    /** The next token (comments included), or null at the end. */
    Token next() {
        skipWhitespace();
        if (pos >= n) return null;
        int st = pos;
        char c = s.charAt(pos);
        char d = pos + 1 < n ? s.charAt(pos + 1) : '\0';
        if (c == '-' && d == '-' && (!mysql || pos + 2 >= n || Character.isWhitespace(s.charAt(pos + 2)) || s.charAt(pos + 2) < ' ')) {
            return lineComment(st);
        }
        if (c == '#' && mysql) return lineComment(st);
        if (c == '/' && d == '*') {
            if (mysql && pos + 2 < n && (s.charAt(pos + 2) == '!' || (s.charAt(pos + 2) == 'M' && pos + 3 < n && s.charAt(pos + 3) == '!'))) {
                pos += s.charAt(pos + 2) == '!' ? 3 : 4;
                while (pos < n && Character.isDigit(s.charAt(pos))) pos++;
                inExecComment = true;
                return next();
            }
            return blockComment(st);
        }
        if (c == '\'') return quoted(st, pos, '\'', mysql, Token.Kind.STRING);
        if (c == '"') return mysql ? quoted(st, pos, '"', true, Token.Kind.STRING) : quoted(st, pos, '"', false, Token.Kind.QUOTED_IDENT);
        if (c == '`') return quoted(st, pos, '`', false, Token.Kind.QUOTED_IDENT);
        if (c == '[' && brackets) {
            int e = s.indexOf(']', pos + 1);
            pos = e < 0 ? n : e + 1;
            return tok(Token.Kind.QUOTED_IDENT, st);
        }
        if (d == '\'' && (c == 'E' || c == 'e') && pg) return quoted(st, pos + 1, '\'', true, Token.Kind.STRING);
        if (d == '\'' && (c == 'N' || c == 'n' || c == 'X' || c == 'x' || c == 'B' || c == 'b')) {
            return quoted(st, pos + 1, '\'', mysql, Token.Kind.STRING);
        }
        if ((c == 'U' || c == 'u') && d == '&' && pos + 2 < n && pg && (s.charAt(pos + 2) == '\'' || s.charAt(pos + 2) == '"')) {
            char q = s.charAt(pos + 2);
            return quoted(st, pos + 2, q, false, q == '\'' ? Token.Kind.STRING : Token.Kind.QUOTED_IDENT);
        }
        if (c == '$') return dollar(st);
        if (isDigit(c) || (c == '.' && isDigit(d))) return number(st);
        if (isWordStart(c)) {
            pos++;
            while (pos < n && isWordPart(s.charAt(pos))) pos++;
            return tok(Token.Kind.WORD, st);
        }
        if (c == ':' && d == ':') {
            pos += 2;
            return tok(Token.Kind.OP, st);
        }
        if (c == '?') {
            pos++;
            return tok(Token.Kind.PARAM, st);
        }
        pos++;
        return tok(Token.Kind.OP, st);
    }

    private Token tok(Token.Kind k, int st) {
        return new Token(s, k, st, pos);
    }

    private Token lineComment(int st) {
        int e = s.indexOf('\n', pos);
        pos = e < 0 ? n : e;
        if (pos > st && s.charAt(pos - 1) == '\r') return new Token(s, Token.Kind.LINE_COMMENT, st, pos - 1);
        return tok(Token.Kind.LINE_COMMENT, st);
    }

    private Token blockComment(int st) {
        pos += 2;
        int depth = 1;
        while (pos < n) {
            char c = s.charAt(pos);
            if (c == '*' && pos + 1 < n && s.charAt(pos + 1) == '/') {
                pos += 2;
                if (--depth == 0 || !pg) return tok(Token.Kind.BLOCK_COMMENT, st);
            } else if (pg && c == '/' && pos + 1 < n && s.charAt(pos + 1) == '*') {
                pos += 2;
                depth++;
            } else {
                pos++;
            }
        }
        return tok(Token.Kind.BLOCK_COMMENT, st);
    }

    /** A quoted run starting at {@code q} (the opening quote); doubling always escapes the quote. */
    private Token quoted(int st, int q, char quote, boolean backslash, Token.Kind kind) {
        pos = q + 1;
        if (!backslash) {
            while (true) {
                int e = s.indexOf(quote, pos);
                if (e < 0) {
                    pos = n;
                    return tok(kind, st);
                }
                if (e + 1 < n && s.charAt(e + 1) == quote) {
                    pos = e + 2;
                } else {
                    pos = e + 1;
                    return tok(kind, st);
                }
            }
        }
        while (pos < n) {
            char c = s.charAt(pos);
            if (backslash && c == '\\') {
                pos += 2;
            } else if (c == quote) {
                if (pos + 1 < n && s.charAt(pos + 1) == quote) {
                    pos += 2;
                } else {
                    pos++;
                    return tok(kind, st);
                }
            } else {
                pos++;
            }
        }
        pos = n;
        return tok(kind, st);
    }

    private Token dollar(int st) {
        int p = pos + 1;
        if (p < n && isDigit(s.charAt(p))) {
            while (p < n && isDigit(s.charAt(p))) p++;
            pos = p;
            return tok(Token.Kind.PARAM, st);
        }
        if (!pg) {
            if (p < n && isWordStart(s.charAt(p))) {
                while (p < n && isWordPart(s.charAt(p))) p++;
                pos = p;
                return tok(Token.Kind.PARAM, st);
            }
            pos++;
            return tok(Token.Kind.OP, st);
        }
        while (p < n && (isWordStart(s.charAt(p)) || (p > pos + 1 && isDigit(s.charAt(p))))) p++;
        if (p < n && s.charAt(p) == '$') {
            String tag = s.substring(pos, p + 1);
            int e = s.indexOf(tag, p + 1);
            pos = e < 0 ? n : e + tag.length();
            return tok(Token.Kind.DOLLAR_STRING, st);
        }
        pos++;
        return tok(Token.Kind.OP, st);
    }

    private Token number(int st) {
        pos++;
        while (pos < n) {
            char c = s.charAt(pos);
            if (isDigit(c) || c == '.' || c == '_' || Character.isLetter(c)) {
                if ((c == 'e' || c == 'E') && pos + 2 < n && (s.charAt(pos + 1) == '+' || s.charAt(pos + 1) == '-') && isDigit(s.charAt(pos + 2))) {
                    pos += 2;
                }
                if (c == '.' && pos + 1 < n && s.charAt(pos + 1) == '.') break; // 1..10 (PL/pgSQL ranges)
                pos++;
            } else {
                break;
            }
        }
        return tok(Token.Kind.NUMBER, st);
    }

    private static boolean isDigit(char c) {
        return c >= '0' && c <= '9';
    }

    private static final boolean[] ASCII_WORD_START = new boolean[128];
    private static final boolean[] ASCII_WORD_PART = new boolean[128];

    static {
        for (char c = 0; c < 128; c++) {
            ASCII_WORD_START[c] = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
            ASCII_WORD_PART[c] = ASCII_WORD_START[c] || (c >= '0' && c <= '9') || c == '$';
        }
    }

    static boolean isWordStart(char c) {
        return c < 128 ? ASCII_WORD_START[c] : Character.isLetter(c);
    }

    static boolean isWordPart(char c) {
        return c < 128 ? ASCII_WORD_PART[c] : Character.isLetterOrDigit(c);
    }

    // ---- literal values -------------------------------------------------------------------

    /**
     * The value of a string or dollar-quoted token, without quotes, escapes resolved (doubled
     * quotes always; backslash escapes in PostgreSQL E'' strings and in MySQL strings).
     */
    static String literalValue(Token t, Dialect dialect) {
        String s = t.src;
        if (t.kind == Token.Kind.DOLLAR_STRING) {
            int tagEnd = s.indexOf('$', t.start + 1);
            int tagLen = tagEnd - t.start + 1;
            int end = t.end - tagLen;
            return end < tagEnd + 1 ? "" : s.substring(tagEnd + 1, end);
        }
        int p = t.start;
        boolean backslash = dialect != null && dialect.isMysqlFamily();
        char c0 = s.charAt(p);
        if (c0 == 'E' || c0 == 'e') {
            backslash = true;
            p++;
        } else if (c0 == 'N' || c0 == 'n' || c0 == 'X' || c0 == 'x' || c0 == 'B' || c0 == 'b') {
            p++;
        } else if (c0 == 'U' || c0 == 'u') {
            p += 2;
        }
        char quote = s.charAt(p);
        int end = t.end;
        if (end - 1 > p && s.charAt(end - 1) == quote) end--;
        StringBuilder b = new StringBuilder(end - p);
        for (int i = p + 1; i < end; i++) {
            char c = s.charAt(i);
            if (c == quote && i + 1 < end && s.charAt(i + 1) == quote) {
                b.append(quote);
                i++;
            } else if (backslash && c == '\\' && i + 1 < end) {
                char e = s.charAt(++i);
                b.append(switch (e) {
                    case 'n' -> '\n';
                    case 't' -> '\t';
                    case 'r' -> '\r';
                    case '0' -> '\0';
                    case 'b' -> '\b';
                    default -> e;
                });
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }
}

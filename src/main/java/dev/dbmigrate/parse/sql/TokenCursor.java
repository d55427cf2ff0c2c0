package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** A cursor over the tokens [from, to) of one statement, with the small helpers the readers share. */
final class TokenCursor {

    /** Thrown when the tokens do not have the form a reader expects (no stack trace: cheap). */
    static final class ReadException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        ReadException(String message) {
            super(message, null, false, false);
        }
    }

    final List<Token> toks;
    final Dialect dialect;
    final boolean pg;
    final boolean mysql;
    final int from;
    final int end;
    int pos;

    TokenCursor(List<Token> toks, int from, int to, Dialect dialect) {
        this.toks = toks;
        this.from = from;
        this.end = to;
        this.pos = from;
        this.dialect = dialect;
        this.pg = dialect == Dialect.POSTGRESQL;
        this.mysql = dialect != null && dialect.isMysqlFamily();
    }

    /** A cursor over [from, to) of the same tokens. */
    TokenCursor sub(int from, int to) {
        return new TokenCursor(toks, from, to, dialect);
    }

    // ---- looking ---------------------------------------------------------------------------

    boolean atEnd() {
        return pos >= end;
    }

    Token peek() {
        return pos < end ? toks.get(pos) : null;
    }

    Token peek(int k) {
        int i = pos + k;
        return i < end ? toks.get(i) : null;
    }

    Token get(int i) {
        return toks.get(i);
    }

    Token next() {
        if (pos >= end) throw error("unexpected end of statement");
        return toks.get(pos++);
    }

    boolean is(String kw) {
        return pos < end && toks.get(pos).is(kw);
    }

    boolean is(int k, String kw) {
        int i = pos + k;
        return i < end && toks.get(i).is(kw);
    }

    boolean isAny(String... kws) {
        if (pos >= end) return false;
        Token t = toks.get(pos);
        for (String k : kws) if (t.is(k)) return true;
        return false;
    }

    boolean isOp(char c) {
        return pos < end && toks.get(pos).isOp(c);
    }

    /** The token after the next one is the operator {@code c}. */
    boolean isOp1(char c) {
        return pos + 1 < end && toks.get(pos + 1).isOp(c);
    }

    /** At the end, or at a top-level {@code ,} or {@code )} (the end of a list element). */
    boolean atElementEnd() {
        return pos >= end || toks.get(pos).isOp(',') || toks.get(pos).isOp(')');
    }

    // ---- consuming -------------------------------------------------------------------------

    boolean accept(String kw) {
        if (is(kw)) {
            pos++;
            return true;
        }
        return false;
    }

    /** Consumes {@code a b} only when both follow. */
    boolean accept(String a, String b) {
        if (is(a) && is(1, b)) {
            pos += 2;
            return true;
        }
        return false;
    }

    boolean accept(String a, String b, String c) {
        if (is(a) && is(1, b) && is(2, c)) {
            pos += 3;
            return true;
        }
        return false;
    }

    boolean acceptOp(char c) {
        if (isOp(c)) {
            pos++;
            return true;
        }
        return false;
    }

    void expect(String kw) {
        if (!accept(kw)) throw error("expected " + kw);
    }

    void expectOp(char c) {
        if (!acceptOp(c)) throw error("expected '" + c + "'");
    }

    /** IF EXISTS. */
    boolean ifExists() {
        return accept("IF", "EXISTS");
    }

    /** IF NOT EXISTS. */
    boolean ifNotExists() {
        return accept("IF", "NOT", "EXISTS");
    }

    void expectEnd() {
        if (pos < end) throw error("unexpected " + describe(toks.get(pos)));
    }

    /** The next word, upper-case (for dispatch). */
    String word() {
        Token t = next();
        if (t.kind != Token.Kind.WORD) throw error("expected a keyword, found " + describe(t));
        return t.upper();
    }

    /** The next word upper-case without consuming it, or "" when the next token is not a word. */
    String peekWord() {
        Token t = peek();
        return t != null && t.kind == Token.Kind.WORD ? t.upper() : "";
    }

    // ---- names -----------------------------------------------------------------------------

    boolean isIdent() {
        Token t = peek();
        return t != null && isIdentToken(t);
    }

    boolean isIdentToken(Token t) {
        return t.kind == Token.Kind.WORD || t.kind == Token.Kind.QUOTED_IDENT
                || (mysql && t.kind == Token.Kind.STRING && t.first() == '"');
    }

    /** One identifier, normalised for the dialect. */
    String ident() {
        Token t = next();
        if (!isIdentToken(t)) throw error("expected a name, found " + describe(t));
        return normalize(t);
    }

    /** An identifier, or a string literal used as a name (MySQL / SQLite accept both). */
    String identOrString() {
        Token t = peek();
        if (t != null && t.kind == Token.Kind.STRING) {
            pos++;
            return SqlLexer.literalValue(t, dialect);
        }
        return ident();
    }

    String normalize(Token t) {
        if (mysql && t.kind == Token.Kind.STRING) return SqlLexer.literalValue(t, dialect);
        return Identifiers.normalize(dialect, t.text());
    }

    /** A dotted name, its parts normalised. */
    List<String> dottedName() {
        List<String> parts = new ArrayList<>(3);
        parts.add(ident());
        while (isOp('.') && pos + 1 < end && isIdentToken(toks.get(pos + 1))) {
            pos++;
            parts.add(ident());
        }
        return parts;
    }

    /** [db.][schema.]name as a TableRef (the qualifier next to the name becomes the schema). */
    TableRef tableName() {
        List<String> p = dottedName();
        int n = p.size();
        return n == 1 ? TableRef.of(p.get(0)) : new TableRef(p.get(n - 2), p.get(n - 1));
    }

    /** A comma-separated list of table names, each with PostgreSQL's optional ONLY before and * after (TRUNCATE, LOCK). */
    List<TableRef> tableList() {
        List<TableRef> tables = new ArrayList<>();
        do {
            accept("ONLY");
            tables.add(tableName());
            acceptOp('*');
        } while (acceptOp(','));
        return tables;
    }

    /** A dotted name joined with dots ("schema.name"). */
    String qualifiedName() {
        return String.join(".", dottedName());
    }

    /** A parenthesised list of plain names: {@code (a, "B", c)}. Prefix lengths / ASC / DESC / opclasses are dropped. */
    List<String> nameList() {
        expectOp('(');
        List<String> names = new ArrayList<>();
        if (acceptOp(')')) return names;
        do {
            names.add(ident());
            while (!atElementEnd()) {
                if (isOp('(')) skipGroup();
                else pos++;
            }
        } while (acceptOp(','));
        expectOp(')');
        return names;
    }

    // ---- groups and text -------------------------------------------------------------------

    /** At '(' (or '['): the index just after its matching closer. */
    int matching(int i) {
        int depth = 0;
        for (int k = i; k < end; k++) {
            Token t = toks.get(k);
            if (t.kind != Token.Kind.OP) continue;
            char c = t.first();
            if (c == '(' || c == '[') depth++;
            else if ((c == ')' || c == ']') && --depth == 0) return k + 1;
        }
        throw error("unbalanced parentheses");
    }

    /** Skips a parenthesised group at the cursor. */
    void skipGroup() {
        if (!isOp('(') && !isOp('[')) throw error("expected '('");
        pos = matching(pos);
    }

    /** Reads a parenthesised group and returns the text inside it. */
    String groupInner() {
        if (!isOp('(')) throw error("expected '('");
        int open = pos;
        pos = matching(pos);
        return text(open + 1, pos - 1);
    }

    /** The source text of tokens [a, b), as written (inner comments included). */
    String text(int a, int b) {
        if (b <= a) return "";
        Token first = toks.get(a);
        return first.src.substring(first.start, toks.get(b - 1).end);
    }

    /** The source text from the cursor to the end of the statement; consumes it. */
    String rest() {
        String r = text(pos, end);
        pos = end;
        return r;
    }

    /**
     * Advances over an expression: up to the end, or a top-level {@code ,} / {@code )}, or a
     * top-level word in {@code stops}; returns its text. The first token always belongs to it.
     */
    String expression(java.util.Set<String> stops) {
        int a = pos;
        boolean first = true;
        while (pos < end) {
            Token t = toks.get(pos);
            if (t.kind == Token.Kind.OP) {
                char c = t.first();
                if (c == '(' || c == '[') {
                    pos = matching(pos);
                    first = false;
                    continue;
                }
                if (!first && (c == ',' || c == ')')) break;
            } else if (!first && t.kind == Token.Kind.WORD && stops != null && stops.contains(t.upper())
                    && !toks.get(pos - 1).isCast() && stopApplies(t)) {
                break;
            }
            first = false;
            pos++;
        }
        if (pos == a) throw error("expected an expression");
        return text(a, pos);
    }

    /** Two-word stops: CHARACTER only before SET, ON only before UPDATE / CONFLICT. */
    private boolean stopApplies(Token t) {
        if (t.is("CHARACTER")) return is(1, "SET");
        if (t.is("ON")) return is(1, "UPDATE") || is(1, "CONFLICT");
        return true;
    }

    /** Index of the first top-level token in [pos, end) that is the word {@code kw}, or -1. */
    int findTop(String kw) {
        return findTop(pos, kw);
    }

    int findTop(int fromIdx, String kw) {
        int depth = 0;
        for (int k = fromIdx; k < end; k++) {
            Token t = toks.get(k);
            if (t.kind == Token.Kind.OP) {
                char c = t.first();
                if (c == '(' || c == '[') depth++;
                else if (c == ')' || c == ']') depth--;
            } else if (depth == 0 && t.is(kw)) {
                return k;
            }
        }
        return -1;
    }

    /** Index of the next top-level ',' from the cursor, or end. */
    int nextTopComma() {
        int depth = 0;
        for (int k = pos; k < end; k++) {
            Token t = toks.get(k);
            if (t.kind != Token.Kind.OP) continue;
            char c = t.first();
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) return k;
        }
        return end;
    }

    /** Splits the tokens [a, b) at top-level commas into [from, to) ranges. */
    List<int[]> splitTop(int a, int b) {
        List<int[]> parts = new ArrayList<>();
        int depth = 0;
        int st = a;
        for (int k = a; k < b; k++) {
            Token t = toks.get(k);
            if (t.kind != Token.Kind.OP) continue;
            char c = t.first();
            if (c == '(' || c == '[') depth++;
            else if (c == ')' || c == ']') depth--;
            else if (c == ',' && depth == 0) {
                parts.add(new int[] {st, k});
                st = k + 1;
            }
        }
        if (st < b) parts.add(new int[] {st, b});
        return parts;
    }

    /** A string literal's value. */
    String string() {
        Token t = next();
        if (t.kind != Token.Kind.STRING && t.kind != Token.Kind.DOLLAR_STRING) throw error("expected a string, found " + describe(t));
        return SqlLexer.literalValue(t, dialect);
    }

    /** Upper-case words joined by spaces for tokens [a, b) (names included as written). */
    String upperText(int a, int b) {
        StringBuilder sb = new StringBuilder();
        for (int k = a; k < b; k++) {
            if (sb.length() > 0) sb.append(' ');
            sb.append(toks.get(k).text().toUpperCase(Locale.ROOT));
        }
        return sb.toString();
    }

    /** Collapses each run of white space to one space (no regex: this runs for every index key and type). */
    static String collapseSpaces(String s) {
        StringBuilder b = null;
        int n = s.length();
        for (int i = 0; i < n; i++) {
            char c = s.charAt(i);
            if (Character.isWhitespace(c)) {
                int j = i;
                while (j < n && Character.isWhitespace(s.charAt(j))) j++;
                if (c != ' ' || j - i > 1) {
                    if (b == null) b = new StringBuilder(n).append(s, 0, i);
                    b.append(' ');
                    i = j - 1;
                    continue;
                }
            }
            if (b != null) b.append(c);
        }
        return b == null ? s : b.toString();
    }

    // ---- errors ----------------------------------------------------------------------------

    ReadException error(String message) {
        return new ReadException(message);
    }

    static String describe(Token t) {
        String x = t.text();
        if (x.length() > 30) x = x.substring(0, 27) + "...";
        return "'" + x.replace('\n', ' ') + "'";
    }
}

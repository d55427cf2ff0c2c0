package dev.dbmigrate.parse.python;

/**
 * One Python token.
 *
 * @param kind      what it is
 * @param text      the source text of the token
 * @param value     STRING: the decoded value (escapes resolved; for f-strings the literal text with
 *                  {@code {{}} / {@code }}} undone and replacement fields kept as written); else = text
 * @param line      1-based line in the file (the tokenizer's line offset applied)
 * @param col       1-based column
 * @param endLine   line of the last character
 * @param endCol    column just after the last character
 * @param start     offset of the first character in the source
 * @param end       offset just after the last character
 * @param flags     STRING: {@link #F_STRING}, {@link #BYTES}, {@link #RAW}, {@link #HAS_FIELDS}
 */
public record PyToken(Kind kind, String text, String value, int line, int col, int endLine, int endCol, int start, int end, int flags) {

    public enum Kind { NAME, NUMBER, STRING, OP, NEWLINE, INDENT, DEDENT, ENDMARKER, ERROR }

    /** An f-string. */
    public static final int F_STRING = 1;
    /** A bytes literal. */
    public static final int BYTES = 2;
    /** A raw string. */
    public static final int RAW = 4;
    /** An f-string with at least one replacement field ({@code {expr}}). */
    public static final int HAS_FIELDS = 8;

    public boolean isOp(String t) {
        return kind == Kind.OP && text.equals(t);
    }

    public boolean isName(String t) {
        return kind == Kind.NAME && text.equals(t);
    }

    public boolean has(int flag) {
        return (flags & flag) != 0;
    }
}

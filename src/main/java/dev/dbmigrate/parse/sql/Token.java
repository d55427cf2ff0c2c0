package dev.dbmigrate.parse.sql;

import java.util.Locale;

/** One lexical token: its kind and its [start, end) character offsets in {@link #src}. */
final class Token {

    enum Kind {
        /** Unquoted identifier or keyword. */
        WORD,
        /** "x", `x`, [x]. */
        QUOTED_IDENT,
        /** 'x', E'x', N'x', X'..', B'..', U&'x', MySQL "x". */
        STRING,
        /** PostgreSQL $$...$$ / $tag$...$tag$. */
        DOLLAR_STRING,
        NUMBER,
        /** $1, ?, $name (SQLite). */
        PARAM,
        /** One punctuation / operator character, or "::". */
        OP,
        LINE_COMMENT,
        BLOCK_COMMENT
    }

    final String src;
    final Kind kind;
    final int start;
    final int end;
    /** Upper-case text, computed on first use (tokens belong to one parse, never shared between threads). */
    private String upper;

    Token(String src, Kind kind, int start, int end) {
        this.src = src;
        this.kind = kind;
        this.start = start;
        this.end = end;
    }

    int length() {
        return end - start;
    }

    String text() {
        return src.substring(start, end);
    }

    String upper() {
        String u = upper;
        if (u == null) upper = u = text().toUpperCase(Locale.ROOT);
        return u;
    }

    char first() {
        return src.charAt(start);
    }

    boolean isOp(char c) {
        return kind == Kind.OP && end - start == 1 && src.charAt(start) == c;
    }

    boolean isCast() {
        return kind == Kind.OP && end - start == 2 && src.charAt(start) == ':';
    }

    /** An unquoted word equal to {@code kw} ignoring case ({@code kw} upper-case). */
    boolean is(String kw) {
        int n = kw.length();
        if (kind != Kind.WORD || end - start != n) return false;
        for (int i = 0; i < n; i++) {
            char a = src.charAt(start + i);
            char b = kw.charAt(i);
            if (a != b && !(b >= 'A' && b <= 'Z' && a == b + 32)) return false;
        }
        return true;
    }

    boolean isComment() {
        return kind == Kind.LINE_COMMENT || kind == Kind.BLOCK_COMMENT;
    }

    boolean isString() {
        return kind == Kind.STRING || kind == Kind.DOLLAR_STRING;
    }

    @Override
    public String toString() {
        return kind + "(" + text() + ")";
    }
}

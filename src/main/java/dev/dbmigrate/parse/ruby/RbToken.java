package dev.dbmigrate.parse.ruby;

import java.util.List;

/**
 * One Ruby token.
 *
 * @param kind         what it is
 * @param text         the source text
 * @param value        STRING / HEREDOC: the content (interpolations kept as {@code #{...}}); SYMBOL,
 *                     LABEL: the name; ERROR: why
 * @param start        offset in the script text
 * @param end          offset just after it
 * @param spaceBefore  white space separates it from the previous token (command-call arguments)
 * @param interpolated a string with {@code #{...}} parts
 * @param contentStart STRING / HEREDOC: offset of the content's first character
 * @param indent       HEREDOC: columns removed from each line by {@code <<~}
 * @param words        WORDS ({@code %w[] %i[]}): the elements
 */
public record RbToken(Kind kind, String text, String value, int start, int end, boolean spaceBefore, boolean interpolated,
                      int contentStart, int indent, List<String> words) {

    public enum Kind { IDENT, CONST, IVAR, SYMBOL, LABEL, STRING, HEREDOC, WORDS, SYMBOLS, NUMBER, REGEX, PUNCT, NEWLINE, ERROR, EOF }

    /** The same token as another kind (a quoted literal read as a regex). */
    public RbToken kindAs(Kind k) {
        return kind == Kind.ERROR ? this : new RbToken(k, text, value, start, end, spaceBefore, interpolated, contentStart, indent, words);
    }

    public boolean is(String s) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }
}

package dev.dbmigrate.parse.js;

import java.util.List;

/**
 * One JavaScript / TypeScript token.
 *
 * @param kind          what it is
 * @param text          the source text of the token
 * @param value         STRING: the decoded value; TEMPLATE: the cooked text of the first part; ERROR: why
 * @param start         offset of the first character in the script text
 * @param end           offset just after the last character
 * @param newlineBefore a line break separates it from the previous token (automatic semicolons)
 * @param quasis        TEMPLATE: the cooked literal parts (one more than {@code exprs})
 * @param exprs         TEMPLATE: the tokens of each {@code ${...}} substitution, each ending with EOF
 */
public record JsToken(Kind kind, String text, String value, int start, int end, boolean newlineBefore,
                      List<String> quasis, List<List<JsToken>> exprs) {

    public enum Kind { IDENT, NUMBER, STRING, TEMPLATE, REGEX, PUNCT, ERROR, EOF }

    public boolean is(String punctOrWord) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(punctOrWord);
    }

    public boolean isIdent() {
        return kind == Kind.IDENT;
    }
}

package dev.dbmigrate.schema;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * SQL expressions (CHECK constraints, defaults, index predicates and expressions) as written in a
 * migration and as a database catalog prints them, brought to forms that can be compared or shown.
 * Works on tokens, so a {@code ::} or a keyword inside a string literal is never touched.
 *
 * <p><b>What compares equal</b> ({@link #comparable}): expressions that differ only in
 * <ul>
 *   <li>casts: {@code ::type}, {@code ::character varying(20)}, {@code ::"Quoted Type"[]},
 *       {@code ::timestamp(3) without time zone}, {@code CAST(x AS type)} (PostgreSQL adds them to
 *       nearly every operand it stores; so a cast the migration wrote itself is not seen either);</li>
 *   <li>a numeric literal that the catalog quotes and casts ({@code '-1'::integer} is {@code -1}),
 *       and a typed literal written {@code DATE '2020-01-01'};</li>
 *   <li>identifier quoting and case, keyword case, spacing, charset introducers ({@code _utf8mb4'a'})
 *       and the {@code E} / {@code N} string prefixes (string contents keep their case);</li>
 *   <li>parentheses that PostgreSQL's operator precedence makes redundant
 *       ({@code ((a > 0) AND (b IS NULL))} is {@code a > 0 AND b IS NULL});</li>
 *   <li>PostgreSQL's rewrites: {@code x = ANY (ARRAY[a, b])} is {@code x IN (a, b)},
 *       {@code x <> ALL (ARRAY[...])} is {@code NOT IN}, a one-member {@code IN (a)} is {@code = a},
 *       {@code BETWEEN a AND b} is {@code >= a AND <= b} (NOT BETWEEN: {@code < a OR > b}),
 *       {@code !=} is {@code <>}, {@code ~~} / {@code ~~*} are LIKE / ILIKE.</li>
 * </ul>
 * Everything else counts as a difference even where the meaning is the same: operands in another
 * order ({@code 0 < price} vs {@code price > 0}), IN lists in another order, arithmetic the database
 * folds, function synonyms ({@code char_length} vs {@code length}), CASE or COALESCE rewrites.
 * Drift then shows both texts, and the reader decides.
 */
public final class Expressions {

    private Expressions() {}

    /** The expression in a form that is equal for equal expressions (see the class comment), or null. */
    public static String comparable(String expr) {
        if (expr == null) return null;
        List<Tok> t = tokens(expr);
        t = dropCasts(t, true);
        t = anyArrayToIn(t);
        t = canonicalWords(t);
        t = singleIn(t);
        t = between(t);
        t = negativeNumbers(t);
        t = dropRedundantParens(t);
        StringBuilder sb = new StringBuilder();
        for (Tok k : t) {
            if (!sb.isEmpty()) sb.append(' ');
            sb.append(k.text);
        }
        return sb.toString();
    }

    /**
     * A catalog expression in the form people write it, spacing kept: the casts PostgreSQL adds are
     * dropped ({@code 'USER'::"Role"} to {@code 'USER'}, {@code status::text} to {@code status},
     * {@code '-1'::integer} to {@code -1}) and
     * {@code x = ANY (ARRAY[a, b])} becomes {@code x IN (a, b)} ({@code <> ALL}: NOT IN).
     */
    public static String withoutCasts(String expr) {
        if (expr == null) return null;
        List<Tok> t = anyArrayToIn(dropCasts(tokens(expr), false));
        StringBuilder sb = new StringBuilder();
        for (Tok k : t) {
            if (!sb.isEmpty()) sb.append(k.space);
            sb.append(k.text);
        }
        return sb.toString();
    }

    // ---- tokens

    private enum Kind { WORD, QUOTED_NAME, STRING, NUMBER, OP, OPEN, CLOSE, COMMA }

    /** A token: its text as written (strings and quoted names with their quotes) and the spacing before it. */
    private record Tok(Kind kind, String text, String space) {
        boolean is(String s) {
            return (kind == Kind.WORD || kind == Kind.OP) && text.equalsIgnoreCase(s);
        }

        boolean isOpen() {
            return kind == Kind.OPEN && text.equals("(");
        }

        boolean isClose() {
            return kind == Kind.CLOSE && text.equals(")");
        }

        Tok with(String newText) {
            return new Tok(kind, newText, space);
        }
    }

    /** Operators of more than one character, longest first. */
    private static final List<String> OPERATORS = List.of("!~~*", "!~~", "~~*", "->>", "#>>", "::", "<>", "!=", ">=", "<=", "==", "||", "~~",
            "!~*", "!~", "~*", "->", "#>", "@>", "<@", "&&", "<<", ">>");

    private static List<Tok> tokens(String s) {
        List<Tok> out = new ArrayList<>();
        int i = 0;
        int n = s.length();
        while (i < n) {
            int ws = i;
            while (i < n && Character.isWhitespace(s.charAt(i))) i++;
            if (i >= n) break;
            String space = s.substring(ws, i);
            char c = s.charAt(i);
            int start = i;
            if (c == '\'') {
                i = endOfQuoted(s, i, '\'');
                Tok prev = out.isEmpty() ? null : out.get(out.size() - 1);
                // E'..', N'..', _utf8mb4'..': the prefix says how to read the string, not what it is
                if (prev != null && prev.kind == Kind.WORD && space.isEmpty()
                        && (prev.text.startsWith("_") || prev.text.equalsIgnoreCase("e") || prev.text.equalsIgnoreCase("n"))) {
                    out.remove(out.size() - 1);
                    space = prev.space;
                }
                out.add(new Tok(Kind.STRING, s.substring(start, i), space));
            } else if (c == '"' || c == '`') {
                i = endOfQuoted(s, i, c);
                out.add(new Tok(Kind.QUOTED_NAME, s.substring(start, i), space));
            } else if (Character.isDigit(c) || (c == '.' && i + 1 < n && Character.isDigit(s.charAt(i + 1)))) {
                while (i < n && (Character.isDigit(s.charAt(i)) || s.charAt(i) == '.')) i++;
                if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E') && i + 1 < n
                        && (Character.isDigit(s.charAt(i + 1)) || ((s.charAt(i + 1) == '-' || s.charAt(i + 1) == '+') && i + 2 < n && Character.isDigit(s.charAt(i + 2))))) {
                    i += 2;
                    while (i < n && Character.isDigit(s.charAt(i))) i++;
                }
                out.add(new Tok(Kind.NUMBER, s.substring(start, i), space));
            } else if (Character.isLetter(c) || c == '_') {
                while (i < n && (Character.isLetterOrDigit(s.charAt(i)) || s.charAt(i) == '_' || s.charAt(i) == '$')) i++;
                out.add(new Tok(Kind.WORD, s.substring(start, i), space));
            } else if (c == '(' || c == '[') {
                i++;
                out.add(new Tok(Kind.OPEN, String.valueOf(c), space));
            } else if (c == ')' || c == ']') {
                i++;
                out.add(new Tok(Kind.CLOSE, String.valueOf(c), space));
            } else if (c == ',') {
                i++;
                out.add(new Tok(Kind.COMMA, ",", space));
            } else {
                String op = String.valueOf(c);
                for (String o : OPERATORS) {
                    if (s.startsWith(o, i)) {
                        op = o;
                        break;
                    }
                }
                i += op.length();
                out.add(new Tok(Kind.OP, op, space));
            }
        }
        return out;
    }

    /** The index after the closing quote of the quoted text opening at {@code i} (doubled quotes and backslash escapes inside). */
    private static int endOfQuoted(String s, int i, char q) {
        int j = i + 1;
        while (j < s.length()) {
            char c = s.charAt(j);
            if (c == '\\' && q == '\'' && j + 1 < s.length()) {
                j += 2;
            } else if (c == q) {
                if (j + 1 < s.length() && s.charAt(j + 1) == q) j += 2;
                else return j + 1;
            } else {
                j++;
            }
        }
        return s.length();
    }

    /** The index of the bracket closing the one at {@code open}, or -1. */
    private static int closing(List<Tok> t, int open) {
        int depth = 0;
        for (int i = open; i < t.size(); i++) {
            if (t.get(i).kind == Kind.OPEN) depth++;
            else if (t.get(i).kind == Kind.CLOSE && --depth == 0) return i;
        }
        return -1;
    }

    // ---- casts

    private static final Set<String> NUMERIC_TYPES = Set.of("smallint", "integer", "int", "int2", "int4", "int8", "bigint", "numeric", "decimal",
            "real", "float", "float4", "float8", "double");
    private static final Set<String> TYPED_LITERALS = Set.of("date", "time", "timestamp", "timestamptz", "interval");

    /**
     * Drops {@code ::type} and {@code CAST(x AS type)}; a quoted number cast to a numeric type
     * ({@code '-1'::integer}) loses its quotes. With {@code typedLiterals}, also the type word of
     * {@code DATE '2020-01-01'}.
     */
    private static List<Tok> dropCasts(List<Tok> t, boolean typedLiterals) {
        List<Tok> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.kind == Kind.OP && k.text.equals("::")) {
                int end = endOfType(t, i + 1);
                String base = i + 1 < t.size() ? t.get(i + 1).text.toLowerCase(Locale.ROOT) : "";
                Tok prev = out.isEmpty() ? null : out.get(out.size() - 1);
                if (prev != null && prev.kind == Kind.STRING && NUMERIC_TYPES.contains(base)) {
                    String inner = prev.text.substring(1, prev.text.length() - 1);
                    if (inner.matches("[-+]?[0-9]+(\\.[0-9]+)?")) out.set(out.size() - 1, new Tok(Kind.NUMBER, inner, prev.space));
                }
                i = end - 1;
            } else if (k.is("cast") && i + 1 < t.size() && t.get(i + 1).isOpen()) {
                int close = closing(t, i + 1);
                int as = close < 0 ? -1 : topLevel(t, i + 2, close, "as");
                if (as < 0) {
                    out.add(k);
                    continue;
                }
                out.add(t.get(i + 1).with("("));
                out.addAll(dropCasts(t.subList(i + 2, as), typedLiterals));
                out.add(t.get(close));
                i = close;
            } else if (typedLiterals && k.kind == Kind.WORD && TYPED_LITERALS.contains(k.text.toLowerCase(Locale.ROOT))
                    && i + 1 < t.size() && t.get(i + 1).kind == Kind.STRING) {
                out.add(new Tok(Kind.STRING, t.get(i + 1).text, k.space));
                i++;
            } else {
                out.add(k);
            }
        }
        return out;
    }

    /** The index after a type name starting at {@code i}: name words, (modifiers), WITH/WITHOUT TIME ZONE, [] pairs. */
    private static int endOfType(List<Tok> t, int i) {
        if (i >= t.size()) return i;
        Tok first = t.get(i);
        if (first.kind != Kind.WORD && first.kind != Kind.QUOTED_NAME) return i;
        i++;
        // schema-qualified: public.my_type
        while (i + 1 < t.size() && t.get(i).is(".") && (t.get(i + 1).kind == Kind.WORD || t.get(i + 1).kind == Kind.QUOTED_NAME)) i += 2;
        String w = first.text.toLowerCase(Locale.ROOT);
        if (i < t.size() && ((w.matches("character|char|bit|national|nchar") && t.get(i).is("varying")) || (w.equals("double") && t.get(i).is("precision")))) i++;
        if (i < t.size() && t.get(i).isOpen()) {
            int close = closing(t, i);
            if (close > 0) i = close + 1;
        }
        if (i + 2 < t.size() && (t.get(i).is("with") || t.get(i).is("without")) && t.get(i + 1).is("time") && t.get(i + 2).is("zone")) i += 3;
        while (i + 1 < t.size() && t.get(i).text.equals("[") && t.get(i).kind == Kind.OPEN) {
            int close = closing(t, i);
            if (close < 0) break;
            i = close + 1;
        }
        return i;
    }

    /** The index of the word at nesting depth 0 between {@code from} and {@code to}, or -1. */
    private static int topLevel(List<Tok> t, int from, int to, String word) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Tok k = t.get(i);
            if (k.kind == Kind.OPEN) depth++;
            else if (k.kind == Kind.CLOSE) depth--;
            else if (depth == 0 && k.is(word)) return i;
        }
        return -1;
    }

    // ---- canonical spellings

    private static List<Tok> canonicalWords(List<Tok> t) {
        List<Tok> out = new ArrayList<>(t.size());
        for (Tok k : t) {
            switch (k.kind) {
                case WORD -> out.add(k.with(k.text.toLowerCase(Locale.ROOT)));
                case NUMBER -> out.add(k.with(number(k.text)));
                case QUOTED_NAME -> out.add(new Tok(Kind.WORD, k.text.substring(1, k.text.length() - 1).toLowerCase(Locale.ROOT), k.space));
                case OP -> {
                    switch (k.text) {
                        case "!=" -> out.add(k.with("<>"));
                        case "==" -> out.add(k.with("="));
                        case "~~" -> out.add(new Tok(Kind.WORD, "like", k.space));
                        case "~~*" -> out.add(new Tok(Kind.WORD, "ilike", k.space));
                        case "!~~" -> {
                            out.add(new Tok(Kind.WORD, "not", k.space));
                            out.add(new Tok(Kind.WORD, "like", " "));
                        }
                        case "!~~*" -> {
                            out.add(new Tok(Kind.WORD, "not", k.space));
                            out.add(new Tok(Kind.WORD, "ilike", " "));
                        }
                        default -> out.add(k);
                    }
                }
                default -> out.add(k);
            }
        }
        return out;
    }

    /** 1.50 and 1.5, 0.00 and 0 are one number. */
    private static String number(String n) {
        try {
            return new BigDecimal(n).stripTrailingZeros().toPlainString();
        } catch (NumberFormatException e) {
            return n;
        }
    }

    /** {@code = ANY (ARRAY[...])} to {@code IN (...)}, {@code <> ALL (ARRAY[...])} to {@code NOT IN (...)}; extra parentheses around the ARRAY allowed. */
    private static List<Tok> anyArrayToIn(List<Tok> t) {
        List<Tok> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            boolean in = k.is("=") && i + 1 < t.size() && t.get(i + 1).is("any");
            boolean notIn = k.is("<>") && i + 1 < t.size() && t.get(i + 1).is("all");
            if ((in || notIn) && i + 2 < t.size() && t.get(i + 2).isOpen()) {
                int close = closing(t, i + 2);
                int a = i + 3;
                int wrap = 0;
                while (a < t.size() && t.get(a).isOpen()) {
                    a++;
                    wrap++;
                }
                if (close > 0 && a + 1 < t.size() && t.get(a).is("array") && t.get(a + 1).kind == Kind.OPEN && t.get(a + 1).text.equals("[")) {
                    int end = closing(t, a + 1);
                    if (end > 0 && end + wrap + 1 == close) {
                        if (notIn) out.add(new Tok(Kind.WORD, "NOT", k.space));
                        out.add(new Tok(Kind.WORD, "IN", notIn ? " " : k.space));
                        out.add(new Tok(Kind.OPEN, "(", " "));
                        out.addAll(t.subList(a + 2, end));
                        out.add(new Tok(Kind.CLOSE, ")", ""));
                        i = close;
                        continue;
                    }
                }
            }
            out.add(k);
        }
        return out;
    }

    /** {@code IN (x)} with one member to {@code = x}, {@code NOT IN (x)} to {@code <> x} (PostgreSQL stores them so). */
    private static List<Tok> singleIn(List<Tok> t) {
        List<Tok> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.is("in") && i + 1 < t.size() && t.get(i + 1).isOpen()) {
                int close = closing(t, i + 1);
                if (close > 0 && close > i + 2 && topLevelComma(t, i + 2, close) < 0 && !t.get(i + 2).is("select")) {
                    boolean not = !out.isEmpty() && out.get(out.size() - 1).is("not");
                    if (not) out.remove(out.size() - 1);
                    out.add(new Tok(Kind.OP, not ? "<>" : "=", k.space));
                    out.addAll(t.subList(i + 2, close));
                    i = close;
                    continue;
                }
            }
            out.add(k);
        }
        return out;
    }

    private static int topLevelComma(List<Tok> t, int from, int to) {
        int depth = 0;
        for (int i = from; i < to; i++) {
            Tok k = t.get(i);
            if (k.kind == Kind.OPEN) depth++;
            else if (k.kind == Kind.CLOSE) depth--;
            else if (depth == 0 && k.kind == Kind.COMMA) return i;
        }
        return -1;
    }

    /** {@code a BETWEEN b AND c} to {@code (a >= b AND a <= c)}, NOT BETWEEN to {@code (a < b OR a > c)}, as PostgreSQL stores them. */
    private static List<Tok> between(List<Tok> t) {
        int b = -1;
        for (int i = 0; i < t.size(); i++) {
            if (t.get(i).is("between")) {
                b = i;
                break;
            }
        }
        if (b < 0) return t;
        boolean not = b > 0 && t.get(b - 1).is("not");
        int aEnd = not ? b - 1 : b;
        int aStart = operandStart(t, aEnd);
        int and = b + 1;
        int depth = 0;
        while (and < t.size() && !(depth == 0 && t.get(and).is("and"))) {
            if (t.get(and).kind == Kind.OPEN) depth++;
            else if (t.get(and).kind == Kind.CLOSE) depth--;
            and++;
        }
        if (aStart < 0 || and >= t.size() || t.get(b + 1).is("symmetric")) return t;
        int cEnd = operandEnd(t, and + 1);
        List<Tok> a = t.subList(aStart, aEnd);
        List<Tok> out = new ArrayList<>(t.subList(0, aStart));
        out.add(new Tok(Kind.OPEN, "(", ""));
        out.addAll(a);
        out.add(new Tok(Kind.OP, not ? "<" : ">=", " "));
        out.addAll(t.subList(b + 1, and));
        out.add(new Tok(Kind.WORD, not ? "or" : "and", " "));
        out.addAll(a);
        out.add(new Tok(Kind.OP, not ? ">" : "<=", " "));
        out.addAll(t.subList(and + 1, cEnd));
        out.add(new Tok(Kind.CLOSE, ")", ""));
        out.addAll(t.subList(cEnd, t.size()));
        return between(out);
    }

    /** Where the operand ending before {@code end} starts: back to the first token of lower precedence than BETWEEN. */
    private static int operandStart(List<Tok> t, int end) {
        int depth = 0;
        int i = end - 1;
        for (; i >= 0; i--) {
            Tok k = t.get(i);
            if (k.kind == Kind.CLOSE) depth++;
            else if (k.kind == Kind.OPEN && --depth < 0) break;
            else if (depth == 0 && (k.kind == Kind.COMMA || k.is("not") || binaryPrecedence(t, i) > 0 && binaryPrecedence(t, i) <= IN_LIKE)) break;
        }
        return i + 1 < end ? i + 1 : -1;
    }

    /** Where the operand starting at {@code from} ends: at the first token of BETWEEN's precedence or lower. */
    private static int operandEnd(List<Tok> t, int from) {
        int depth = 0;
        int i = from;
        for (; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.kind == Kind.OPEN) depth++;
            else if (k.kind == Kind.CLOSE && --depth < 0) break;
            else if (depth == 0 && i > from && (k.kind == Kind.COMMA || binaryPrecedence(t, i) > 0 && binaryPrecedence(t, i) <= IN_LIKE)) break;
        }
        return i;
    }

    /** {@code -} before a number where it cannot be a subtraction becomes part of the number. */
    private static List<Tok> negativeNumbers(List<Tok> t) {
        List<Tok> out = new ArrayList<>(t.size());
        for (int i = 0; i < t.size(); i++) {
            Tok k = t.get(i);
            if (k.is("-") && i + 1 < t.size() && t.get(i + 1).kind == Kind.NUMBER && unaryPosition(out)) {
                out.add(new Tok(Kind.NUMBER, "-" + t.get(i + 1).text, k.space));
                i++;
            } else {
                out.add(k);
            }
        }
        return out;
    }

    /** True when an operator after {@code before} is a prefix one (nothing before it to be its left operand). */
    private static boolean unaryPosition(List<Tok> before) {
        if (before.isEmpty()) return true;
        Tok p = before.get(before.size() - 1);
        return p.kind == Kind.OPEN || p.kind == Kind.COMMA || p.kind == Kind.OP || KEYWORD_OPERATORS.contains(p.text.toLowerCase(Locale.ROOT))
                || p.is("then") || p.is("else") || p.is("when");
    }

    // ---- parentheses by precedence (PostgreSQL's table, loosest first)

    private static final int OR = 1;
    private static final int AND = 2;
    private static final int NOT = 3;
    private static final int IS = 4;
    private static final int COMPARISON = 5;
    private static final int IN_LIKE = 6;
    private static final int OTHER_OP = 7;
    private static final int ADDITIVE = 8;
    private static final int MULTIPLICATIVE = 9;
    private static final int POWER = 10;
    private static final int UNARY = 11;
    private static final int ATOM = 100;

    private static final Set<String> KEYWORD_OPERATORS = Set.of("or", "and", "not", "is", "isnull", "notnull", "in", "like", "ilike", "similar",
            "between", "escape");

    /** The precedence of token {@code i} as an infix or postfix operator, 0 when it is not one. */
    private static int binaryPrecedence(List<Tok> t, int i) {
        Tok k = t.get(i);
        if (k.kind == Kind.OP) {
            return switch (k.text) {
                case "=", "<>", "<", ">", "<=", ">=" -> COMPARISON;
                case "+", "-" -> unaryPosition(t.subList(0, i)) ? 0 : ADDITIVE;
                case "*", "/", "%" -> MULTIPLICATIVE;
                case "^" -> POWER;
                case "::", "." -> ATOM;
                default -> OTHER_OP;
            };
        }
        if (k.kind != Kind.WORD) return 0;
        return switch (k.text.toLowerCase(Locale.ROOT)) {
            case "or" -> OR;
            case "and" -> AND;
            case "is", "isnull", "notnull" -> IS;
            case "in", "like", "ilike", "similar", "between" -> IN_LIKE;
            case "not" -> i + 1 < t.size() && (t.get(i + 1).is("in") || t.get(i + 1).is("like") || t.get(i + 1).is("ilike")
                    || t.get(i + 1).is("similar") || t.get(i + 1).is("between")) ? IN_LIKE : 0;
            default -> 0;
        };
    }

    /** The precedence of the loosest operator at the top level of {@code t[from, to)}; {@link #ATOM} when there is none. */
    private static int loosest(List<Tok> t, int from, int to) {
        int min = ATOM;
        int depth = 0;
        for (int i = from; i < to; i++) {
            Tok k = t.get(i);
            if (k.kind == Kind.OPEN) {
                depth++;
            } else if (k.kind == Kind.CLOSE) {
                depth--;
            } else if (depth == 0) {
                int p = binaryPrecedence(t, i);
                if (p == 0 && k.is("not") && !(i > from && t.get(i - 1).is("is"))) p = NOT;
                if (p == 0 && (k.is("-") || k.is("+"))) p = UNARY;
                if (p == 0 && (k.is("case") || k.kind == Kind.COMMA)) return 0;
                if (p > 0) min = Math.min(min, p);
            }
        }
        return min;
    }

    /** Words after which "(" opens a function's arguments or a list, not a group. */
    private static boolean callOrList(Tok before) {
        if (before == null) return false;
        if (before.kind == Kind.QUOTED_NAME) return true;
        if (before.kind != Kind.WORD) return false;
        String w = before.text.toLowerCase(Locale.ROOT);
        return !KEYWORD_OPERATORS.contains(w) || w.equals("in") || w.equals("between") || w.equals("escape");
    }

    private static List<Tok> dropRedundantParens(List<Tok> t) {
        boolean changed = true;
        while (changed) {
            changed = false;
            for (int i = 0; i < t.size(); i++) {
                if (!t.get(i).isOpen() || callOrList(i == 0 ? null : t.get(i - 1))) continue;
                int close = closing(t, i);
                if (close < 0 || close == i + 1) continue;
                int inner = loosest(t, i + 1, close);
                if (inner == 0) continue;
                int before = i == 0 ? 0 : precedenceBefore(t, i - 1);
                int after = close + 1 >= t.size() ? 0 : precedenceAfter(t, close + 1);
                boolean redundant = switch (inner) {
                    case OR, AND -> inner >= before && inner >= after; // associative
                    case OTHER_OP, ADDITIVE, MULTIPLICATIVE -> inner > before && inner >= after; // left-associative
                    default -> inner > before && inner > after;
                };
                if (redundant) {
                    List<Tok> out = new ArrayList<>(t.subList(0, i));
                    out.addAll(t.subList(i + 1, close));
                    out.addAll(t.subList(close + 1, t.size()));
                    t = out;
                    changed = true;
                    break;
                }
            }
        }
        return t;
    }

    /** How tightly the token before a group binds it as its right operand. */
    private static int precedenceBefore(List<Tok> t, int i) {
        Tok k = t.get(i);
        if (k.kind == Kind.OPEN || k.kind == Kind.COMMA) return 0;
        if (k.is("not")) return NOT;
        if ((k.is("-") || k.is("+")) && unaryPosition(t.subList(0, i))) return UNARY;
        int p = binaryPrecedence(t, i);
        return p == 0 && k.kind == Kind.WORD ? 0 : p == 0 ? ATOM : p;
    }

    /** How tightly the token after a group binds it as its left operand. */
    private static int precedenceAfter(List<Tok> t, int i) {
        Tok k = t.get(i);
        if (k.kind == Kind.CLOSE || k.kind == Kind.COMMA) return k.text.equals("]") ? ATOM : 0;
        if (k.kind == Kind.OPEN) return ATOM; // a subscript
        int p = binaryPrecedence(t, i);
        return p == 0 && k.kind == Kind.WORD ? 0 : p == 0 ? ATOM : p;
    }
}

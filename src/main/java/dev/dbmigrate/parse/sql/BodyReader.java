package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.OpaqueCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Procedural bodies (PostgreSQL DO blocks and PL/pgSQL / SQL function bodies, SQL-standard
 * {@code BEGIN ATOMIC} bodies, MySQL procedure / function / trigger / event bodies, SQLite trigger
 * bodies) become one {@link OpaqueCode}. The body is cut at {@code ;}; the block syntax in front
 * of each piece ({@code <<label>>}, {@code BEGIN}, {@code IF ... THEN}, {@code ELSIF ... THEN},
 * {@code WHEN ... THEN}, {@code ELSE}, {@code LOOP}, {@code FOR ... LOOP}, {@code WHILE ... DO},
 * {@code EXCEPTION}) is stripped, and a piece that then starts like a DDL or data statement is read
 * with the same {@link StatementReader} (its operations go to {@link OpaqueCode#inner()}).
 * {@code EXECUTE 'literal'} strings are split and read the same way; an EXECUTE of a built string
 * ({@code format(...)}, {@code ||}) is dynamic: if one of its literals starts with a DDL keyword the
 * body counts as containing DDL, and an {@link Operation.Unparsed} in {@code inner} says what could
 * not be seen. MySQL dynamic SQL ({@code SET @s = '...'; PREPARE p FROM @s; EXECUTE p}) is followed
 * the same way at the top level and inside bodies (see {@link #sqlInLiterals}). Declarations,
 * assignments, PERFORM, RAISE, RETURN and control flow are not statements of interest.
 */
final class BodyReader {

    private BodyReader() {}

    private static final Set<String> INNER_STATEMENTS = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "REINDEX", "GRANT",
            "REVOKE", "RENAME", "REFRESH", "LOCK", "INSERT", "UPDATE", "DELETE", "MERGE", "COPY", "VACUUM", "CLUSTER", "WITH", "REPLACE");
    private static final Set<String> DDL_WORDS = Set.of("CREATE", "ALTER", "DROP", "TRUNCATE", "COMMENT", "REINDEX", "GRANT",
            "REVOKE", "RENAME", "REFRESH", "CLUSTER", "VACUUM");
    /** Words that open a MySQL routine body after its header. */
    private static final Set<String> MYSQL_BODY_START = Set.of("BEGIN", "RETURN", "SELECT", "INSERT", "UPDATE", "DELETE", "REPLACE",
            "SET", "CALL", "IF", "CASE", "WHILE", "LOOP", "REPEAT", "DECLARE");

    /** MySQL statements that carry dynamic SQL from one statement of a body to the next. */
    private static final Set<String> MYSQL_DYNAMIC_SQL = Set.of("SET", "PREPARE", "EXECUTE", "DEALLOCATE");

    private record Analysis(boolean containsDdl, List<Operation> inner) {}

    /** A body held in a string or dollar-quoted token (DO block, PostgreSQL function). */
    static OpaqueCode stringBody(Token body, String language, String description, StatementReader r) {
        if (!(language.equals("plpgsql") || language.equals("sql")) || r.depth >= StatementReader.MAX_DEPTH) {
            return new OpaqueCode(language, description, false, List.of());
        }
        Analysis a = analyseText(SqlLexer.literalValue(body, Dialect.POSTGRESQL), Dialect.POSTGRESQL, r);
        return new OpaqueCode(language, description, a.containsDdl, a.inner);
    }

    /**
     * The statements held by the string literals in tokens [a, b), read like a body: MySQL builds
     * dynamic SQL this way, e.g. {@code SET @s = (SELECT IF(<column exists>, 'SELECT 1', 'ALTER TABLE t ADD c int'))}.
     * Every literal that starts like a DDL or data statement counts (both branches of an IF, as for
     * the IF branches of a body); null when none does.
     */
    static OpaqueCode sqlInLiterals(TokenCursor c, int a, int b, StatementReader r, String description) {
        List<Operation> inner = new ArrayList<>();
        boolean ddl = false;
        boolean any = false;
        boolean built = false;
        for (int k = a; k < b; k++) {
            Token t = c.get(k);
            if (!t.isString()) continue;
            String v = SqlLexer.literalValue(t, c.dialect);
            if (!INNER_STATEMENTS.contains(firstWord(v))) continue;
            any = true;
            if (fragment(c, a, b, k)) {
                built = true;
                ddl |= DDL_WORDS.contains(firstWord(v));
                continue;
            }
            if (r.depth >= StatementReader.MAX_DEPTH) continue;
            Analysis an = analyseText(v, c.dialect, r);
            inner.addAll(an.inner);
            ddl |= an.containsDdl;
        }
        if (built) {
            String expr = TokenCursor.collapseSpaces(c.text(a, b));
            if (expr.length() > 120) expr = expr.substring(0, 117) + "...";
            inner.add(new Operation.Unparsed("dynamic SQL built at run time: " + expr));
        }
        return any ? new OpaqueCode("sql", description, ddl, inner) : null;
    }

    /** String functions whose literal arguments are pieces of a statement, not statements. */
    private static final Set<String> STRING_BUILDERS = Set.of("CONCAT", "CONCAT_WS", "REPLACE", "INSERT", "LPAD", "RPAD", "FORMAT");

    /**
     * Whether the literal at k (within [a, b)) is a piece of a text built at run time: an argument of
     * CONCAT and the like, or an operand of {@code ||}.
     */
    private static boolean fragment(TokenCursor c, int a, int b, int k) {
        if (k > a && isConcatOp(c.get(k - 1)) || k + 1 < b && isConcatOp(c.get(k + 1))) return true;
        int depth = 0;
        for (int j = k - 1; j >= a; j--) {
            Token t = c.get(j);
            if (t.isOp(')')) depth++;
            else if (t.isOp('(') && depth-- == 0) {
                return j > a && c.get(j - 1).kind == Token.Kind.WORD && STRING_BUILDERS.contains(c.get(j - 1).upper());
            }
        }
        return false;
    }

    private static boolean isConcatOp(Token t) {
        return t.kind == Token.Kind.OP && t.text().equals("||");
    }

    /** The leading word of a text, upper-case ("" when it does not start with a letter). */
    private static String firstWord(String v) {
        String s = v.stripLeading();
        int n = 0;
        while (n < s.length() && Character.isLetter(s.charAt(n))) n++;
        return s.substring(0, n).toUpperCase(Locale.ROOT);
    }

    /** A body made of the statement's own tokens [from, end). */
    static OpaqueCode tokenBody(TokenCursor c, int from, StatementReader r, String description) {
        if (r.depth >= StatementReader.MAX_DEPTH) return new OpaqueCode("sql", description, false, List.of());
        Analysis a = analyse(c.toks, from, c.end, c.dialect, r);
        return new OpaqueCode("sql", description, a.containsDdl, a.inner);
    }

    /** CREATE FUNCTION / PROCEDURE after the name and arguments. */
    static OpaqueCode routineBody(TokenCursor c, StatementReader r, String description) {
        if (!c.pg) {
            int depth = 0;
            for (int k = c.pos; k < c.end; k++) {
                Token t = c.get(k);
                if (t.isOp('(')) depth++;
                else if (t.isOp(')')) depth--;
                else if (depth == 0 && t.kind == Token.Kind.WORD && MYSQL_BODY_START.contains(t.upper())
                        && !(t.is("SET") && c.get(k - 1).is("CHARACTER"))) {
                    return tokenBody(c, k, r, description);
                }
                else if (depth == 0 && c.isIdentToken(t) && k + 2 < c.end && c.get(k + 1).isOp(':') && c.get(k + 2).is("BEGIN")) {
                    return tokenBody(c, k, r, description);
                }
            }
            return null;
        }
        String lang = null;
        Token body = null;
        int atomic = -1;
        int depth = 0;
        for (int k = c.pos; k < c.end; k++) {
            Token t = c.get(k);
            if (t.isOp('(')) depth++;
            else if (t.isOp(')')) depth--;
            if (depth != 0) continue;
            if (t.is("LANGUAGE") && k + 1 < c.end) {
                Token l = c.get(k + 1);
                lang = (l.kind == Token.Kind.STRING ? SqlLexer.literalValue(l, c.dialect) : l.text()).toLowerCase(Locale.ROOT);
            } else if (t.is("AS") && k + 1 < c.end && c.get(k + 1).isString() && body == null) {
                body = c.get(k + 1);
            } else if (t.is("BEGIN") && k + 1 < c.end && c.get(k + 1).is("ATOMIC")) {
                atomic = k;
                break;
            }
        }
        if (atomic >= 0) return tokenBody(c, atomic, r, description);
        if (body == null) return null;
        return stringBody(body, lang == null ? "sql" : lang, description, r);
    }

    /** MySQL / SQLite trigger: the body after FOR EACH ROW [FOLLOWS | PRECEDES t], or from its BEGIN. */
    static OpaqueCode blockBody(TokenCursor c, StatementReader r, String description) {
        int begin = c.findTop("BEGIN");
        if (begin >= 0) return tokenBody(c, begin, r, description);
        int each = c.findTop("EACH");
        if (each < 0 || each + 1 >= c.end) return null;
        int k = each + 2;
        if (k < c.end && (c.get(k).is("FOLLOWS") || c.get(k).is("PRECEDES"))) k += 2;
        return k < c.end ? tokenBody(c, k, r, description) : null;
    }

    private static Analysis analyseText(String text, Dialect dialect, StatementReader r) {
        List<Token> toks = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(text, dialect)) if (!t.isComment()) toks.add(t);
        return analyse(toks, 0, toks.size(), dialect, r);
    }

    private static Analysis analyse(List<Token> toks, int a, int b, Dialect dialect, StatementReader r) {
        boolean ddl = false;
        List<Operation> inner = new ArrayList<>();
        StatementReader nested = r.nested();
        int depth = 0;
        int st = a;
        for (int k = a; k <= b; k++) {
            if (k < b) {
                Token t = toks.get(k);
                if (t.isOp('(')) depth++;
                else if (t.isOp(')')) depth--;
                if (!(t.isOp(';') && depth == 0)) continue;
            }
            if (k > st) ddl |= piece(new TokenCursor(toks, st, k, dialect), nested, inner);
            st = k + 1;
        }
        return new Analysis(ddl, inner);
    }

    /** One {@code ;}-separated piece of a body; returns whether it holds DDL. */
    private static boolean piece(TokenCursor c, StatementReader r, List<Operation> inner) {
        if (!stripBlockSyntax(c)) return false;
        Token first = c.peek();
        if (first.kind != Token.Kind.WORD) return false;
        String w = first.upper();
        if (w.equals("EXECUTE") && c.pg) return execute(c, r, inner);
        if (c.mysql && MYSQL_DYNAMIC_SQL.contains(w)) return dynamicSql(c, r, inner);
        if (!INNER_STATEMENTS.contains(w)) return false;
        try {
            List<Operation> ops = r.read(c);
            inner.addAll(ops);
            return ops.stream().anyMatch(BodyReader::isDdl);
        } catch (TokenCursor.ReadException e) {
            inner.add(new Operation.Unparsed(w + " statement in the body: " + e.getMessage()));
            return DDL_WORDS.contains(w);
        }
    }

    static boolean isDdl(Operation op) {
        if (op instanceof OpaqueCode oc) return oc.containsDdl();
        return !(op instanceof Operation.DataChange || op instanceof Operation.SessionSetting
                || op instanceof Operation.TransactionControl || op instanceof Operation.Unparsed || op instanceof Operation.LockTable);
    }

    /** Skips labels and block keywords in front of a statement; false when nothing is left. */
    private static boolean stripBlockSyntax(TokenCursor c) {
        while (!c.atEnd()) {
            Token t = c.peek();
            if (t.isOp('<') && c.peek(1) != null && c.peek(1).isOp('<')) { // <<label>>
                int k = c.pos + 2;
                while (k < c.end && !c.get(k).isOp('>')) k++;
                c.pos = Math.min(c.end, k + 2);
                continue;
            }
            if (t.kind != Token.Kind.WORD && t.kind != Token.Kind.QUOTED_IDENT) return false;
            if (c.peek(1) != null && c.peek(1).isOp(':') && c.peek(2) != null && c.peek(2).kind == Token.Kind.WORD) { // MySQL label:
                c.pos += 2;
                continue;
            }
            String w = t.upper();
            switch (w) {
                case "DECLARE", "END", "UNTIL" -> {
                    return false;
                }
                case "BEGIN" -> {
                    c.pos++;
                    if (!c.accept("ATOMIC")) c.accept("NOT", "ATOMIC");
                }
                case "ELSE", "LOOP", "EXCEPTION", "REPEAT", "THEN" -> c.pos++;
                case "IF", "ELSIF", "ELSEIF", "WHEN", "WHILE", "FOR", "FOREACH", "CASE" -> {
                    int k = c.pos + 1;
                    int depth = 0;
                    while (k < c.end) {
                        Token x = c.get(k);
                        if (x.isOp('(')) depth++;
                        else if (x.isOp(')')) depth--;
                        else if (depth == 0 && (x.is("THEN") || x.is("LOOP") || x.is("DO") || (w.equals("CASE") && x.is("WHEN")))) break;
                        k++;
                    }
                    if (k >= c.end) return false;
                    c.pos = c.get(k).is("WHEN") ? k : k + 1;
                }
                default -> {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * A MySQL SET / PREPARE / EXECUTE / DEALLOCATE inside a body, read by the body's reader so that an
     * EXECUTE sees what the earlier statements prepared; only what an EXECUTE runs goes to inner.
     */
    private static boolean dynamicSql(TokenCursor c, StatementReader r, List<Operation> inner) {
        List<Operation> ops;
        try {
            ops = r.read(c);
        } catch (TokenCursor.ReadException e) {
            return false; // a local variable assignment the session reader does not know, say
        }
        boolean ddl = false;
        for (Operation op : ops) {
            if (op instanceof OpaqueCode oc && !oc.inner().isEmpty()) {
                inner.add(oc);
                ddl |= oc.containsDdl();
            }
        }
        return ddl;
    }

    /** PL/pgSQL EXECUTE expr [INTO ...] [USING ...]. */
    private static boolean execute(TokenCursor c, StatementReader r, List<Operation> inner) {
        c.pos++;
        c.accept("IMMEDIATE");
        int end = c.end;
        for (String stop : new String[] {"INTO", "USING"}) {
            int k = c.findTop(stop);
            if (k >= 0 && k < end) end = k;
        }
        if (end - c.pos == 1 && c.peek().isString()) {
            Analysis a = analyseText(SqlLexer.literalValue(c.peek(), c.dialect), c.dialect, r);
            inner.addAll(a.inner);
            return a.containsDdl;
        }
        boolean ddl = false;
        for (int k = c.pos; k < end; k++) {
            Token t = c.get(k);
            if (t.isString() && DDL_WORDS.contains(firstWord(SqlLexer.literalValue(t, c.dialect)))) ddl = true;
        }
        String expr = c.text(c.pos, end);
        if (expr.length() > 120) expr = expr.substring(0, 117) + "...";
        inner.add(new Operation.Unparsed("dynamic SQL in EXECUTE " + TokenCursor.collapseSpaces(expr)));
        return ddl;
    }
}

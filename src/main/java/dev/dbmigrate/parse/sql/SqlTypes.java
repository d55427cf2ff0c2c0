package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Reads column types and gives them canonical lower-case names per dialect, so that rules compare
 * types, not spellings: {@code int / int4 / integer -> integer}, {@code int8 -> bigint},
 * {@code character varying(20) -> varchar [20]}, {@code timestamp with time zone -> timestamptz},
 * {@code double / float8 -> double precision}, {@code bool -> boolean}, {@code decimal -> numeric},
 * {@code text[] / int ARRAY -> array}, MySQL {@code enum('a','b') -> enum [a, b]} (values unquoted),
 * MySQL {@code int(11) unsigned -> "integer unsigned"} (integer display widths are dropped: they do
 * not change the type; {@link SqlType#raw()} keeps what was written). User types keep their
 * (normalised, possibly schema-qualified) name. Usable by other readers through {@link #parse}.
 */
public final class SqlTypes {

    private SqlTypes() {}

    private static final Map<String, String> CANON = Map.ofEntries(
            Map.entry("int", "integer"), Map.entry("int4", "integer"), Map.entry("integer", "integer"),
            Map.entry("int2", "smallint"), Map.entry("smallint", "smallint"),
            Map.entry("int8", "bigint"), Map.entry("bigint", "bigint"), Map.entry("big int", "bigint"), Map.entry("unsigned big int", "bigint"),
            Map.entry("serial4", "serial"), Map.entry("serial8", "bigserial"), Map.entry("serial2", "smallserial"),
            Map.entry("character varying", "varchar"), Map.entry("char varying", "varchar"), Map.entry("varying character", "varchar"),
            Map.entry("nvarchar", "varchar"), Map.entry("national character varying", "varchar"), Map.entry("national char varying", "varchar"),
            Map.entry("national varchar", "varchar"), Map.entry("nchar varying", "varchar"), Map.entry("varchar2", "varchar"), Map.entry("nvarchar2", "varchar"),
            Map.entry("character", "char"), Map.entry("bpchar", "char"), Map.entry("nchar", "char"), Map.entry("national character", "char"),
            Map.entry("national char", "char"), Map.entry("native character", "char"),
            Map.entry("decimal", "numeric"), Map.entry("dec", "numeric"), Map.entry("fixed", "numeric"),
            Map.entry("float4", "real"), Map.entry("float8", "double precision"), Map.entry("double", "double precision"),
            Map.entry("bool", "boolean"),
            Map.entry("timestamp without time zone", "timestamp"), Map.entry("timestamp with time zone", "timestamptz"),
            Map.entry("time without time zone", "time"), Map.entry("time with time zone", "timetz"),
            Map.entry("bit varying", "varbit"),
            Map.entry("long varchar", "mediumtext"), Map.entry("long", "mediumtext"), Map.entry("long varbinary", "mediumblob"));

    private static final Set<String> MYSQL_INTS = Set.of("tinyint", "smallint", "mediumint", "integer", "bigint");
    private static final Set<String> NUMERIC_FAMILY = Set.of("tinyint", "smallint", "mediumint", "integer", "bigint",
            "numeric", "real", "double precision", "float");
    private static final Set<String> INTERVAL_FIELDS = Set.of("YEAR", "MONTH", "DAY", "HOUR", "MINUTE", "SECOND", "TO");
    /** Words that end a SQLite type name (its type names are free word sequences). */
    private static final Set<String> CONSTRAINT_WORDS = Set.of("CONSTRAINT", "PRIMARY", "NOT", "NULL", "UNIQUE", "CHECK",
            "DEFAULT", "COLLATE", "REFERENCES", "GENERATED", "AS", "AUTOINCREMENT", "ON", "KEY", "AUTO_INCREMENT", "COMMENT");

    /**
     * Parses a type as written ("varchar(255)", "timestamp with time zone", "INT UNSIGNED").
     * Never throws: text that is not a type comes back lower-cased as a user type.
     */
    public static SqlType parse(Dialect dialect, String text) {
        if (text == null) return null;
        List<Token> toks = new ArrayList<>();
        for (Token t : SqlLexer.tokenize(text, dialect)) if (!t.isComment()) toks.add(t);
        if (toks.isEmpty()) return null;
        try {
            TokenCursor c = new TokenCursor(toks, 0, toks.size(), dialect);
            SqlType t = read(c);
            if (c.atEnd()) return t;
        } catch (TokenCursor.ReadException e) {
            // fall through: keep what was written
        }
        String raw = text.trim();
        return new SqlType(raw.toLowerCase(Locale.ROOT), List.of(), false, raw);
    }

    /** The canonical name of a base type name for the dialect ("int4" -> "integer"). */
    public static String canonicalName(Dialect dialect, String name) {
        String n = TokenCursor.collapseSpaces(name.toLowerCase(Locale.ROOT).trim());
        if (n.startsWith("pg_catalog.")) n = n.substring(11);
        if (dialect != null && dialect.isMysqlFamily()) {
            if (n.equals("real") || n.equals("double precision")) return "double precision";
            if (n.equals("float")) return "real";
            if (n.equals("bool") || n.equals("boolean")) return "boolean";
        }
        return CANON.getOrDefault(n, n);
    }

    /** Reads a type at the cursor. */
    static SqlType read(TokenCursor c) {
        int a = c.pos;
        Token first = c.peek();
        if (first == null || !c.isIdentToken(first)) throw c.error("expected a type" + (first == null ? "" : ", found " + TokenCursor.describe(first)));
        if (first.kind != Token.Kind.WORD || c.isOp1('.')) {
            String q = c.qualifiedName();
            return finish(c, a, q.regionMatches(true, 0, "pg_catalog.", 0, 11) ? q.substring(11) : q, q.regionMatches(true, 0, "pg_catalog.", 0, 11));
        }
        String w = c.next().text().toLowerCase(Locale.ROOT);
        StringBuilder name = new StringBuilder(w);
        switch (w) {
            case "double" -> {
                if (c.accept("PRECISION")) name.append(" precision");
            }
            case "character", "char", "nchar", "varying" -> {
                if (c.accept("VARYING")) name.append(" varying");
                else if (w.equals("varying") && c.accept("CHARACTER")) name.append(" character");
            }
            case "national" -> {
                String n2 = c.word().toLowerCase(Locale.ROOT);
                name.append(' ').append(n2);
                if (c.accept("VARYING")) name.append(" varying");
            }
            case "native" -> name.append(' ').append(c.word().toLowerCase(Locale.ROOT));
            case "bit" -> {
                if (c.accept("VARYING")) name.append(" varying");
            }
            case "long" -> {
                if (c.accept("VARCHAR")) name.append(" varchar");
                else if (c.accept("VARBINARY")) name.append(" varbinary");
            }
            case "interval" -> {
                while (!c.atEnd() && INTERVAL_FIELDS.contains(c.peekWord())) c.pos++;
            }
            default -> { }
        }
        if (c.dialect == Dialect.SQLITE) {
            while (!c.atEnd() && c.peek().kind == Token.Kind.WORD && !CONSTRAINT_WORDS.contains(c.peekWord())) {
                name.append(' ').append(c.next().text().toLowerCase(Locale.ROOT));
            }
        }
        return finish(c, a, name.toString(), true);
    }

    private static SqlType finish(TokenCursor c, int a, String written, boolean builtin) {
        List<String> args = new ArrayList<>();
        boolean valueList = false;
        String base = written;
        String lowerBase = base.toLowerCase(Locale.ROOT);
        if (c.isOp('(')) {
            valueList = c.mysql && (lowerBase.equals("enum") || lowerBase.equals("set"));
            int open = c.pos;
            c.pos = c.matching(open);
            for (int[] part : c.splitTop(open + 1, c.pos - 1)) {
                Token t = c.get(part[0]);
                args.add(valueList && part[1] - part[0] == 1 && t.kind == Token.Kind.STRING
                        ? SqlLexer.literalValue(t, c.dialect) : c.text(part[0], part[1]).trim());
            }
        }
        if ((lowerBase.equals("timestamp") || lowerBase.equals("time")) && (c.is("WITH") || c.is("WITHOUT")) && c.is(1, "TIME") && c.is(2, "ZONE")) {
            lowerBase += c.next().is("WITH") ? " with time zone" : " without time zone";
            c.pos += 2;
        }
        if (lowerBase.equals("interval") && !c.atEnd()) {
            while (!c.atEnd() && INTERVAL_FIELDS.contains(c.peekWord())) c.pos++;
        }
        String canon = builtin ? canonicalName(c.dialect, lowerBase) : written;
        if (builtin && lowerBase.equals("float") && c.pg) {
            int p = args.isEmpty() ? 53 : parseIntOr(args.get(0), 53);
            canon = p <= 24 ? "real" : "double precision";
            args.clear();
        } else if (builtin && lowerBase.equals("float") && c.mysql && args.size() == 1) {
            canon = parseIntOr(args.get(0), 0) > 24 ? "double precision" : "real";
            args.clear();
        }
        if (c.mysql) {
            boolean unsigned = false;
            while (c.isAny("UNSIGNED", "SIGNED", "ZEROFILL")) {
                Token t = c.next();
                if (!t.is("SIGNED")) unsigned = true;
            }
            if (MYSQL_INTS.contains(canon)) args.clear();
            if (unsigned && NUMERIC_FAMILY.contains(canon)) canon += " unsigned";
        }
        boolean array = false;
        while (true) {
            if (c.isOp('[')) {
                c.pos = c.matching(c.pos);
                array = true;
            } else if (c.pg && c.is("ARRAY")) {
                c.pos++;
                array = true;
            } else {
                break;
            }
        }
        return new SqlType(canon, args, array, c.text(a, c.pos));
    }

    private static int parseIntOr(String s, int dflt) {
        try {
            return Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            return dflt;
        }
    }
}

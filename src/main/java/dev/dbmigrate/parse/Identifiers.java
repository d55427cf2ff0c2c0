package dev.dbmigrate.parse;

import dev.dbmigrate.model.Dialect;
import java.util.Locale;

/** Identifier normalisation shared by every parser (SQL, Python, Liquibase, JS...). */
public final class Identifiers {

    private Identifiers() {}

    /**
     * Normalises one identifier as written in SQL: strips its quotes; PostgreSQL folds unquoted
     * names to lower case (quoted names keep their case); MySQL/SQLite keep the case as written.
     */
    public static String normalize(Dialect dialect, String raw) {
        if (raw == null) return null;
        String s = raw.trim();
        if (s.length() >= 2) {
            char first = s.charAt(0);
            char last = s.charAt(s.length() - 1);
            if ((first == '"' && last == '"') || (first == '`' && last == '`') || (first == '[' && last == ']')) {
                String inner = s.substring(1, s.length() - 1);
                return first == '"' ? inner.replace("\"\"", "\"") : first == '`' ? inner.replace("``", "`") : inner;
            }
        }
        return dialect == Dialect.POSTGRESQL ? s.toLowerCase(Locale.ROOT) : s;
    }

    /** Names as given by an ORM (never quoted, case kept as the ORM sends it). */
    public static String fromOrm(String name) {
        return name;
    }

    /** The key under which the schema stores a name: exact for PostgreSQL, lower case elsewhere. */
    public static String key(Dialect dialect, String name) {
        if (name == null) return null;
        return dialect == Dialect.POSTGRESQL ? name : name.toLowerCase(Locale.ROOT);
    }

    /** Quotes a name for generated SQL when it needs quoting. */
    public static String quote(Dialect dialect, String name) {
        if (name == null) return null;
        boolean plain = name.matches("[a-z_][a-z0-9_$]*") && !Keywords.isReserved(name);
        if (dialect == Dialect.POSTGRESQL) {
            return plain ? name : "\"" + name.replace("\"", "\"\"") + "\"";
        }
        if (dialect != null && dialect.isMysqlFamily()) {
            return name.matches("[A-Za-z_][A-Za-z0-9_$]*") && !Keywords.isReserved(name) ? name : "`" + name.replace("`", "``") + "`";
        }
        return name.matches("[A-Za-z_][A-Za-z0-9_]*") && !Keywords.isReserved(name) ? name : "\"" + name.replace("\"", "\"\"") + "\"";
    }

    /** A few reserved words that force quoting in generated SQL. */
    static final class Keywords {
        private static final java.util.Set<String> RESERVED = java.util.Set.of(
                "all", "analyse", "analyze", "and", "any", "array", "as", "asc", "asymmetric", "both", "case", "cast",
                "check", "collate", "column", "constraint", "create", "current_date", "current_role", "current_time",
                "current_timestamp", "current_user", "default", "deferrable", "desc", "distinct", "do", "else", "end",
                "except", "false", "fetch", "for", "foreign", "from", "grant", "group", "having", "in", "initially",
                "intersect", "into", "lateral", "leading", "limit", "localtime", "localtimestamp", "not", "null",
                "offset", "on", "only", "or", "order", "placing", "primary", "references", "returning", "select",
                "session_user", "some", "symmetric", "table", "then", "to", "trailing", "true", "union", "unique",
                "user", "using", "variadic", "when", "where", "window", "with", "key", "index", "range", "rows");

        static boolean isReserved(String name) {
            return RESERVED.contains(name.toLowerCase(java.util.Locale.ROOT));
        }
    }
}

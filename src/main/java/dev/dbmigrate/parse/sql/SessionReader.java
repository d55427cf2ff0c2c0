package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.SessionSetting;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Session settings as {@link SessionSetting}s: names lower-case, a value that is one string literal
 * unquoted, any other value as written ({@code search_path} lists keep their commas).
 *
 * <ul>
 *   <li>PostgreSQL {@code SET [SESSION | LOCAL] name {= | TO} value}; {@code SET TIME ZONE} ->
 *       "timezone", {@code SET SCHEMA} -> "search_path", {@code SET NAMES} -> "client_encoding",
 *       {@code SET ROLE}, {@code SET SESSION AUTHORIZATION}, {@code SET CONSTRAINTS} ("constraints"),
 *       {@code SET TRANSACTION} ("transaction"); {@code RESET name / ALL} -> value null.</li>
 *   <li>MySQL / MariaDB {@code SET [SESSION | GLOBAL | PERSIST] a = 1, @@session.b = 2, @v = 3}: one
 *       setting per assignment; GLOBAL / PERSIST settings are named {@code global.name} (they do not
 *       affect the running session); user variables keep their {@code @}; {@code SET NAMES} -> "names".</li>
 *   <li>SQLite {@code PRAGMA [schema.]name = value | (value)}; a PRAGMA without a value only reads.</li>
 *   <li>{@code USE db} -> "database".</li>
 * </ul>
 */
final class SessionReader {

    private SessionReader() {}

    static List<Operation> set(TokenCursor c, StatementReader r) {
        c.expect("SET");
        return c.mysql ? mysqlSet(c, r) : pgSet(c);
    }

    private static List<Operation> pgSet(TokenCursor c) {
        boolean local = c.accept("LOCAL");
        if (!local) c.accept("SESSION");
        String name;
        if (c.accept("TIME", "ZONE")) {
            name = "timezone";
        } else if (c.accept("SCHEMA")) {
            name = "search_path";
        } else if (c.accept("NAMES")) {
            name = "client_encoding";
        } else if (c.accept("ROLE")) {
            name = "role";
        } else if (c.accept("AUTHORIZATION")) {
            name = "session_authorization";
        } else if (c.accept("CHARACTERISTICS", "AS", "TRANSACTION") || c.accept("TRANSACTION")) {
            name = "transaction";
        } else if (c.accept("CONSTRAINTS")) {
            name = "constraints";
        } else {
            name = c.qualifiedName().toLowerCase(Locale.ROOT);
            if (!c.acceptOp('=')) c.accept("TO");
        }
        if (c.atEnd()) throw c.error("SET " + name + " without a value");
        String v = value(c, c.pos, c.end);
        c.pos = c.end;
        return List.of(new SessionSetting(name, v, local));
    }

    /** One string literal unquoted, else the text as written. */
    private static String value(TokenCursor c, int a, int b) {
        if (b - a == 1 && c.get(a).kind == Token.Kind.STRING) return SqlLexer.literalValue(c.get(a), c.dialect);
        return c.text(a, b);
    }

    private static List<Operation> mysqlSet(TokenCursor c, StatementReader r) {
        if (c.accept("NAMES")) {
            String cs = c.identOrString();
            if (c.accept("COLLATE")) c.identOrString();
            c.expectEnd();
            return List.of(new SessionSetting("names", cs, false));
        }
        if (c.accept("CHARACTER", "SET") || c.accept("CHARSET")) {
            String cs = c.identOrString();
            c.expectEnd();
            return List.of(new SessionSetting("character_set", cs, false));
        }
        List<Operation> ops = new ArrayList<>();
        String scope = "";
        for (int[] p : c.splitTop(c.pos, c.end)) {
            TokenCursor a = c.sub(p[0], p[1]);
            if (a.accept("GLOBAL") || a.accept("PERSIST") || a.accept("PERSIST_ONLY")) scope = "global.";
            else if (a.accept("SESSION") || a.accept("LOCAL")) scope = "";
            if (a.accept("TRANSACTION")) {
                ops.add(new SessionSetting(scope + "transaction", a.rest(), false));
                continue;
            }
            String name = variable(a, scope);
            if (!a.acceptOp('=')) {
                a.expectOp(':');
                a.expectOp('=');
            }
            if (a.atEnd()) throw a.error("SET " + name + " without a value");
            if (name.startsWith("@")) r.assignedUserVariable(name, a.sub(a.pos, a.end));
            ops.add(new SessionSetting(name, value(a, a.pos, a.end), false));
        }
        c.pos = c.end;
        return ops;
    }

    /** x, @@x, @@session.x, @@global.x, @user_var. */
    private static String variable(TokenCursor a, String scope) {
        if (a.acceptOp('@')) {
            if (a.acceptOp('@')) {
                String first = a.ident().toLowerCase(Locale.ROOT);
                if (a.acceptOp('.')) {
                    String n = a.ident().toLowerCase(Locale.ROOT);
                    return first.equals("global") || first.equals("persist") || first.equals("persist_only") ? "global." + n : n;
                }
                return scope + first;
            }
            return "@" + a.identOrString();
        }
        return scope + a.qualifiedName().toLowerCase(Locale.ROOT);
    }

    static List<Operation> reset(TokenCursor c) {
        c.expect("RESET");
        if (c.mysql) {
            String what = c.rest();
            return List.of(new Operation.OtherDdl("RESET", what.toUpperCase(Locale.ROOT), null, null, false, false));
        }
        String name;
        if (c.accept("TIME", "ZONE")) name = "timezone";
        else if (c.accept("SESSION", "AUTHORIZATION")) name = "session_authorization";
        else name = c.qualifiedName().toLowerCase(Locale.ROOT);
        c.expectEnd();
        return List.of(new SessionSetting(name, null, false));
    }

    static List<Operation> pragma(TokenCursor c) {
        c.expect("PRAGMA");
        List<String> parts = c.dottedName();
        String name = parts.get(parts.size() - 1).toLowerCase(Locale.ROOT);
        String v;
        if (c.acceptOp('=')) {
            v = value(c, c.pos, c.end);
            c.pos = c.end;
        } else if (c.isOp('(')) {
            int open = c.pos;
            c.skipGroup();
            v = value(c, open + 1, c.pos - 1);
        } else {
            c.expectEnd();
            return List.of(); // a query: PRAGMA foreign_keys;
        }
        c.expectEnd();
        return List.of(new SessionSetting(name, v, false));
    }

    static List<Operation> use(TokenCursor c) {
        c.expect("USE");
        String db = c.ident();
        c.expectEnd();
        return List.of(new SessionSetting("database", db, false));
    }
}

package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Column definitions and table constraints, shared by CREATE TABLE and ALTER TABLE (union grammar
 * of PostgreSQL, MySQL / MariaDB and SQLite; a form one dialect lacks is still read, so that rules
 * such as sqlite-unsupported-alter can see it).
 *
 * <p>Inline constraints without a name set the {@link ColumnDef} flags. An inline constraint that
 * carries a name ({@code id int CONSTRAINT users_pk PRIMARY KEY}) is returned as a table-level
 * {@link ConstraintDef} on that column instead, so that the name reaches the schema.
 */
final class ColumnReader {

    private ColumnReader() {}

    /** A column and the named inline constraints that came with it. */
    record Column(ColumnDef def, List<ConstraintDef> named) {}

    /** A table element that is a constraint, or (MySQL KEY / INDEX inside CREATE / ALTER TABLE) an index. */
    record Element(ConstraintDef constraint, IndexDef index, boolean ifNotExists) {}

    /** Words that end a DEFAULT / ON UPDATE expression inside a column definition. */
    static final Set<String> DEFAULT_STOPS = Set.of("NOT", "NULL", "PRIMARY", "UNIQUE", "REFERENCES", "CHECK", "CONSTRAINT",
            "DEFAULT", "GENERATED", "COLLATE", "COMMENT", "AUTO_INCREMENT", "AUTOINCREMENT", "ON", "KEY", "VISIBLE", "INVISIBLE",
            "STORAGE", "COLUMN_FORMAT", "DEFERRABLE", "INITIALLY", "CHARACTER", "CHARSET", "SRID", "FIRST", "AFTER", "IDENTITY",
            "COMPRESSION", "USING");

    private static final Set<String> COLUMN_CONSTRAINT_START = Set.of("CONSTRAINT", "NOT", "NULL", "DEFAULT", "PRIMARY", "UNIQUE",
            "REFERENCES", "CHECK", "GENERATED", "COLLATE", "AS", "AUTOINCREMENT");

    private static final Set<String> TABLE_CONSTRAINT_START = Set.of("CONSTRAINT", "PRIMARY", "UNIQUE", "FOREIGN", "CHECK", "EXCLUDE");

    private static final Set<String> MYSQL_INDEX_START = Set.of("INDEX", "KEY", "FULLTEXT", "SPATIAL");

    /** Whether the element at the cursor is a table constraint (or a MySQL index), not a column. */
    static boolean isTableElement(TokenCursor c) {
        Token t = c.peek();
        if (t == null || t.kind != Token.Kind.WORD) return false;
        String w = t.upper();
        if (TABLE_CONSTRAINT_START.contains(w)) {
            // a column may be called "check" or "unique" only when quoted; PRIMARY KEY / FOREIGN KEY need KEY
            if (w.equals("PRIMARY") || w.equals("FOREIGN")) return c.is(1, "KEY");
            return true;
        }
        if (c.mysql && MYSQL_INDEX_START.contains(w)) {
            Token nx = c.peek(1);
            return nx == null || nx.isOp('(') || c.isIdentToken(nx);
        }
        return false;
    }

    // ---- columns ---------------------------------------------------------------------------

    /** Reads {@code name [type] [constraints...]} up to the end of the element. */
    static Column column(TokenCursor c, boolean typeOptional) {
        String name = c.ident();
        SqlType type = null;
        boolean noType = c.atElementEnd() || (c.peek().kind == Token.Kind.WORD && COLUMN_CONSTRAINT_START.contains(c.peekWord()))
                || (c.is("WITH") && c.is(1, "OPTIONS"));
        if (!noType) {
            type = SqlTypes.read(c);
        } else if (!typeOptional && c.dialect != Dialect.SQLITE) {
            throw c.error("column " + name + " has no type");
        }
        boolean notNull = false;
        boolean pk = false;
        boolean unique = false;
        boolean autoInc = false;
        String dflt = null;
        String check = null;
        String collation = null;
        String comment = null;
        ColumnDef.ForeignKeyRef ref = null;
        ColumnDef.Generated gen = null;
        List<ConstraintDef> named = new ArrayList<>(0);
        List<String> self = List.of(name);
        while (!c.atElementEnd()) {
            String cname = null;
            if (c.accept("CONSTRAINT")) {
                if (c.isIdent() && !COLUMN_CONSTRAINT_START.contains(c.peekWord())) cname = c.ident();
            }
            String w = c.peekWord();
            switch (w) {
                case "NOT" -> {
                    c.pos++;
                    if (c.accept("NULL")) {
                        notNull = true;
                        conflictClause(c);
                    } else if (!c.accept("DEFERRABLE") && !c.accept("ENFORCED")) {
                        throw c.error("expected NULL after NOT in column " + name);
                    }
                }
                case "NULL" -> {
                    c.pos++;
                    notNull = false;
                    conflictClause(c);
                }
                case "DEFAULT" -> {
                    c.pos++;
                    dflt = c.expression(DEFAULT_STOPS);
                }
                case "PRIMARY", "KEY" -> {
                    c.pos++;
                    if (w.equals("PRIMARY")) c.expect("KEY");
                    if (!c.accept("ASC")) c.accept("DESC");
                    conflictClause(c);
                    if (c.accept("AUTOINCREMENT")) autoInc = true;
                    indexParameters(c);
                    notNull = true;
                    if (cname != null) named.add(ConstraintDef.primaryKey(cname, self));
                    else pk = true;
                }
                case "UNIQUE" -> {
                    c.pos++;
                    if (!c.accept("KEY")) c.accept("INDEX");
                    nullsDistinct(c);
                    conflictClause(c);
                    indexParameters(c);
                    if (cname != null) named.add(ConstraintDef.unique(cname, self));
                    else unique = true;
                }
                case "REFERENCES" -> {
                    ConstraintDef fk = references(c, cname, self);
                    if (cname != null) named.add(fk);
                    else ref = new ColumnDef.ForeignKeyRef(fk.refTable(), fk.refColumns().isEmpty() ? null : fk.refColumns().get(0), fk.onDelete(), fk.onUpdate());
                }
                case "CHECK" -> {
                    c.pos++;
                    String e = c.groupInner();
                    c.accept("NO", "INHERIT");
                    enforced(c);
                    if (cname != null) named.add(ConstraintDef.check(cname, e));
                    else check = e;
                }
                case "GENERATED" -> {
                    c.pos++;
                    boolean always = c.accept("ALWAYS");
                    if (!always) {
                        c.expect("BY");
                        c.expect("DEFAULT");
                        c.accept("ON", "NULL");
                    }
                    c.expect("AS");
                    if (c.accept("IDENTITY")) {
                        if (c.isOp('(')) c.skipGroup();
                        gen = new ColumnDef.Generated(true, always, null, false);
                        notNull = true;
                    } else {
                        String e = c.groupInner();
                        gen = new ColumnDef.Generated(false, true, e, stored(c));
                    }
                }
                case "AS" -> {
                    c.pos++;
                    String e = c.groupInner();
                    gen = new ColumnDef.Generated(false, true, e, stored(c));
                }
                case "AUTO_INCREMENT", "AUTOINCREMENT" -> {
                    c.pos++;
                    autoInc = true;
                }
                case "IDENTITY" -> {
                    c.pos++;
                    if (c.isOp('(')) c.skipGroup();
                    autoInc = true;
                }
                case "COLLATE" -> {
                    c.pos++;
                    collation = c.isOp1('.') ? c.qualifiedName() : c.identOrString();
                }
                case "COMMENT" -> {
                    c.pos++;
                    comment = c.string();
                }
                case "ON" -> { // MySQL ON UPDATE CURRENT_TIMESTAMP, SQLite ON CONFLICT handled above
                    c.pos++;
                    c.expect("UPDATE");
                    c.expression(DEFAULT_STOPS);
                }
                case "CHARACTER", "CHARSET" -> {
                    c.pos++;
                    if (w.equals("CHARACTER")) c.expect("SET");
                    c.identOrString();
                }
                case "BINARY", "ASCII", "UNICODE", "BYTE", "VISIBLE", "INVISIBLE", "FIRST", "DEFERRABLE" -> c.pos++;
                case "COLUMN_FORMAT", "STORAGE", "COMPRESSION", "SRID", "ENCODE", "INITIALLY" -> {
                    c.pos++;
                    c.next();
                }
                case "AFTER" -> {
                    c.pos++;
                    c.ident();
                }
                case "WITH" -> {
                    c.pos++;
                    c.expect("OPTIONS");
                }
                case "SERIAL" -> { // MySQL SERIAL DEFAULT VALUE = NOT NULL AUTO_INCREMENT UNIQUE
                    c.pos++;
                    c.expect("DEFAULT");
                    c.expect("VALUE");
                    notNull = true;
                    autoInc = true;
                    unique = true;
                }
                default -> throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " in the definition of column " + name);
            }
        }
        ColumnDef def = new ColumnDef(name, type, notNull, dflt, pk, unique, ref, gen, check, autoInc, collation, comment);
        return new Column(def, named);
    }

    private static boolean stored(TokenCursor c) {
        if (c.accept("STORED") || c.accept("PERSISTENT")) return true;
        c.accept("VIRTUAL");
        return false;
    }

    /** SQLite ON CONFLICT {ROLLBACK | ABORT | FAIL | IGNORE | REPLACE}. */
    private static void conflictClause(TokenCursor c) {
        if (c.accept("ON", "CONFLICT")) c.next();
    }

    private static void nullsDistinct(TokenCursor c) {
        if (c.accept("NULLS", "NOT", "DISTINCT")) return;
        c.accept("NULLS", "DISTINCT");
    }

    private static void enforced(TokenCursor c) {
        if (!c.accept("NOT", "ENFORCED")) c.accept("ENFORCED");
    }

    /** PostgreSQL index parameters of PK / UNIQUE: INCLUDE (...), WITH (...), USING INDEX TABLESPACE x. */
    private static void indexParameters(TokenCursor c) {
        while (true) {
            if (c.is("INCLUDE") && c.peek(1) != null && c.peek(1).isOp('(')) {
                c.pos++;
                c.skipGroup();
            } else if (c.is("WITH") && c.peek(1) != null && c.peek(1).isOp('(')) {
                c.pos++;
                c.skipGroup();
            } else if (c.accept("USING", "INDEX", "TABLESPACE")) {
                c.ident();
            } else {
                return;
            }
        }
    }

    /** REFERENCES t [(cols)] [MATCH x] [ON DELETE a] [ON UPDATE b] [[NOT] DEFERRABLE] [INITIALLY x], as a FK constraint. */
    static ConstraintDef references(TokenCursor c, String name, List<String> columns) {
        c.expect("REFERENCES");
        TableRef t = c.tableName();
        List<String> cols = c.isOp('(') ? c.nameList() : List.of();
        String del = null;
        String upd = null;
        boolean deferrable = false;
        while (true) {
            if (c.accept("MATCH")) {
                c.next();
            } else if (c.accept("ON", "DELETE")) {
                del = action(c);
            } else if (c.accept("ON", "UPDATE")) {
                upd = action(c);
            } else if (c.accept("DEFERRABLE")) {
                deferrable = true;
            } else if (c.accept("NOT", "DEFERRABLE")) {
                deferrable = false;
            } else if (c.accept("INITIALLY")) {
                c.next();
            } else {
                break;
            }
        }
        return new ConstraintDef(name, ConstraintDef.Kind.FOREIGN_KEY, columns, t, cols, del, upd, null, false, null, deferrable);
    }

    private static String action(TokenCursor c) {
        String a;
        if (c.accept("NO", "ACTION")) {
            a = "NO ACTION";
        } else if (c.accept("SET", "NULL")) {
            a = "SET NULL";
        } else if (c.accept("SET", "DEFAULT")) {
            a = "SET DEFAULT";
        } else if (c.isAny("CASCADE", "RESTRICT")) {
            a = c.word();
        } else {
            throw c.error("expected a referential action");
        }
        if (c.isOp('(')) c.skipGroup(); // PostgreSQL 15: SET NULL (col, ...)
        return a;
    }

    // ---- table constraints -----------------------------------------------------------------

    /**
     * A table constraint ([CONSTRAINT name] PRIMARY KEY / UNIQUE / FOREIGN KEY / CHECK / EXCLUDE,
     * with PostgreSQL NOT VALID / USING INDEX / DEFERRABLE) or a MySQL index element
     * ({UNIQUE | FULLTEXT | SPATIAL} {INDEX | KEY} ...), up to the end of the element.
     */
    static Element tableElement(TokenCursor c, TableRef table) {
        String cname = null;
        if (c.accept("CONSTRAINT")) {
            if (c.isIdent() && !TABLE_CONSTRAINT_START.contains(c.peekWord())) cname = c.ident();
        }
        ConstraintDef def;
        IndexDef index = null;
        boolean ine = false;
        String w = c.peekWord();
        switch (w) {
            case "PRIMARY" -> {
                c.pos += 2;
                if (c.accept("USING", "INDEX")) {
                    def = new ConstraintDef(cname, ConstraintDef.Kind.PRIMARY_KEY, null, null, null, null, null, null, false, c.ident(), false);
                } else {
                    indexType(c);
                    def = ConstraintDef.primaryKey(cname, c.nameList());
                }
            }
            case "UNIQUE" -> {
                c.pos++;
                nullsDistinct(c);
                if (c.accept("USING", "INDEX")) {
                    def = new ConstraintDef(cname, ConstraintDef.Kind.UNIQUE, null, null, null, null, null, null, false, c.ident(), false);
                } else {
                    if (!c.accept("INDEX")) c.accept("KEY");
                    String idx = !c.isOp('(') && c.isIdent() && !c.is("USING") ? c.ident() : null;
                    indexType(c);
                    def = ConstraintDef.unique(idx != null ? idx : cname, c.nameList());
                }
            }
            case "FOREIGN" -> {
                c.pos += 2;
                if (c.isIdent()) c.ident(); // MySQL index name
                List<String> cols = c.nameList();
                def = references(c, cname, cols);
            }
            case "CHECK" -> {
                c.pos++;
                String e = c.groupInner();
                def = ConstraintDef.check(cname, e);
            }
            case "EXCLUDE" -> {
                c.pos++;
                int a = c.pos;
                while (!c.atElementEnd() && !c.isAny("DEFERRABLE", "INITIALLY", "NOT")) {
                    if (c.isOp('(')) c.skipGroup();
                    else c.pos++;
                }
                def = new ConstraintDef(cname, ConstraintDef.Kind.EXCLUDE, null, null, null, null, null, c.text(a, c.pos), false, null, false);
            }
            case "INDEX", "KEY", "FULLTEXT", "SPATIAL" -> {
                c.pos++;
                String method = w.equals("FULLTEXT") || w.equals("SPATIAL") ? w.toLowerCase(Locale.ROOT) : null;
                if (method != null && !c.accept("INDEX")) c.accept("KEY");
                ine = c.ifNotExists();
                String idx = !c.isOp('(') && c.isIdent() && !c.is("USING") ? c.ident() : null;
                String type = indexType(c);
                List<String> cols = indexElements(c);
                index = new IndexDef(idx, table, cols, false, method != null ? method : type, null, null);
                def = null;
            }
            default -> throw c.error("expected a table constraint, found " + TokenCursor.describe(c.peek()));
        }
        boolean notValid = false;
        boolean deferrable = def != null && def.deferrable();
        String using = null;
        while (!c.atElementEnd()) {
            if (c.accept("NOT", "VALID")) {
                notValid = true;
            } else if (c.accept("DEFERRABLE")) {
                deferrable = true;
            } else if (c.accept("NOT", "DEFERRABLE")) {
                deferrable = false;
            } else if (c.accept("INITIALLY")) {
                c.next();
            } else if (c.accept("NO", "INHERIT") || c.accept("ENFORCED") || c.accept("NOT", "ENFORCED")
                    || c.accept("VISIBLE") || c.accept("INVISIBLE")) {
                // no effect on the model
            } else if (c.is("USING") && !c.is(1, "INDEX")) {
                c.pos++;
                using = c.ident().toLowerCase(Locale.ROOT);
            } else if (c.accept("COMMENT")) {
                c.acceptOp('=');
                c.string();
            } else if (c.accept("KEY_BLOCK_SIZE")) {
                c.acceptOp('=');
                c.next();
            } else if (c.accept("WITH", "PARSER")) {
                c.ident();
            } else if (c.is("ON") && c.is(1, "CONFLICT")) {
                conflictClause(c);
            } else if (c.isAny("INCLUDE", "WITH") || c.is("USING")) {
                indexParameters(c);
            } else {
                throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " after a table constraint");
            }
        }
        if (index != null) {
            if (using != null && index.method() == null) index = new IndexDef(index.name(), table, index.columns(), false, using, null, null);
            return new Element(null, index, ine);
        }
        def = new ConstraintDef(def.name(), def.kind(), def.columns(), def.refTable(), def.refColumns(), def.onDelete(), def.onUpdate(),
                def.expression(), notValid, def.usingIndex(), deferrable);
        return new Element(def, null, false);
    }

    /** MySQL USING {BTREE | HASH} before a key list; returns the method lower-case or null. */
    private static String indexType(TokenCursor c) {
        if (c.is("USING") && c.peek(1) != null && c.peek(1).kind == Token.Kind.WORD && !c.is(1, "INDEX")) {
            c.pos++;
            return c.word().toLowerCase(Locale.ROOT);
        }
        return null;
    }

    /**
     * A parenthesised index key list, each element as written, a leading plain column name
     * normalised ({@code "Email" DESC -> Email DESC}, MySQL prefix {@code name(10)}), expressions
     * as written ({@code lower(email)}).
     */
    static List<String> indexElements(TokenCursor c) {
        if (!c.isOp('(')) throw c.error("expected '(' before the key columns");
        int open = c.pos;
        int close = c.matching(open) - 1;
        List<String> out = new ArrayList<>();
        for (int[] p : c.splitTop(open + 1, close)) out.add(indexElement(c, p[0], p[1]));
        c.pos = close + 1;
        return out;
    }

    private static String indexElement(TokenCursor c, int a, int b) {
        Token t = c.get(a);
        boolean plainName = c.isIdentToken(t) && (b == a + 1 || !c.get(a + 1).isOp('(')
                || (c.mysql && b >= a + 4 && c.get(a + 2).kind == Token.Kind.NUMBER && c.get(a + 3).isOp(')')))
                && !(b > a + 1 && c.get(a + 1).isOp('.'));
        if (!plainName) return c.text(a, b).trim();
        String rest = t.src.substring(t.end, c.get(b - 1).end);
        return c.normalize(t) + TokenCursor.collapseSpaces(rest);
    }
}

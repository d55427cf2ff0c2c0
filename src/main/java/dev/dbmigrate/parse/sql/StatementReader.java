package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * The recogniser: a small recursive-descent reader over the tokens of one statement that turns the
 * statement into {@link Operation}s, or throws {@link TokenCursor.ReadException} when the
 * statement is not of a form it knows (the caller then tries JSqlParser). It reads whole clauses
 * (no guessing from fragments); where it deliberately ignores a tail (the query of a CREATE VIEW,
 * the options of a sequence) the tail cannot change the operation.
 */
final class StatementReader {

    /** Deepest nesting of bodies read (DO block -> EXECUTE string -> ...). */
    static final int MAX_DEPTH = 4;

    final Dialect dialect;
    final int depth;
    /**
     * MySQL dynamic SQL, by lower-case name: the statements in the string literals last assigned to a
     * user variable ({@code SET @v = IF(..., 'SELECT 1', 'ALTER TABLE ...')}) and what each prepared
     * statement runs ({@code PREPARE s FROM @v}); {@code EXECUTE s} yields them. Per reader, that is
     * per script (or per procedure body): a variable set in another file is not seen.
     */
    private final Map<String, Operation.OpaqueCode> sqlVariables = new HashMap<>();
    private final Map<String, Operation.OpaqueCode> prepared = new HashMap<>();

    StatementReader(Dialect dialect) {
        this(dialect, 0);
    }

    private StatementReader(Dialect dialect, int depth) {
        this.dialect = dialect;
        this.depth = depth;
    }

    StatementReader nested() {
        return new StatementReader(dialect, depth + 1);
    }

    /** Multi-word object kinds, longest first where they share a first word. */
    private static final String[][] KINDS = {
            {"MATERIALIZED", "VIEW"}, {"FOREIGN", "DATA", "WRAPPER"}, {"FOREIGN", "TABLE"}, {"EVENT", "TRIGGER"},
            {"TEXT", "SEARCH", "CONFIGURATION"}, {"TEXT", "SEARCH", "DICTIONARY"}, {"TEXT", "SEARCH", "PARSER"},
            {"TEXT", "SEARCH", "TEMPLATE"}, {"OPERATOR", "CLASS"}, {"OPERATOR", "FAMILY"}, {"USER", "MAPPING"},
            {"ACCESS", "METHOD"}, {"VIRTUAL", "TABLE"}, {"DEFAULT", "PRIVILEGES"}, {"LARGE", "OBJECT"},
            {"LOGFILE", "GROUP"}, {"RESOURCE", "GROUP"}, {"SPATIAL", "REFERENCE", "SYSTEM"}, {"OWNED", "BY"},
            {"TABLE"}, {"INDEX"}, {"TYPE"}, {"SCHEMA"}, {"DATABASE"}, {"VIEW"}, {"SEQUENCE"}, {"EXTENSION"},
            {"POLICY"}, {"TRIGGER"}, {"FUNCTION"}, {"PROCEDURE"}, {"AGGREGATE"}, {"ROUTINE"}, {"DOMAIN"}, {"RULE"},
            {"ROLE"}, {"USER"}, {"GROUP"}, {"EVENT"}, {"COLLATION"}, {"CONVERSION"}, {"OPERATOR"}, {"CAST"},
            {"LANGUAGE"}, {"TABLESPACE"}, {"SERVER"}, {"PUBLICATION"}, {"SUBSCRIPTION"}, {"STATISTICS"},
            {"TRANSFORM"}, {"SYNONYM"}, {"COLUMN"}, {"CONSTRAINT"}, {"TABLES"},
    };

    /** Kinds whose name is followed by a parenthesised argument list. */
    private static final Set<String> ROUTINES = Set.of("FUNCTION", "PROCEDURE", "AGGREGATE", "ROUTINE");
    /** Kinds whose statements name no object (ALTER DEFAULT PRIVILEGES, CREATE USER MAPPING FOR role SERVER s). */
    private static final Set<String> NAMELESS = Set.of("DEFAULT PRIVILEGES", "USER MAPPING");
    /** Kinds defined ON a table. */
    private static final Set<String> ON_TABLE = Set.of("TRIGGER", "POLICY", "RULE", "CONSTRAINT");

    // ---- dispatch --------------------------------------------------------------------------

    List<Operation> read(TokenCursor c) {
        Token t = c.peek();
        if (t == null) return List.of();
        if (t.isOp('(')) return DmlReader.read(c, this);
        if (t.kind != Token.Kind.WORD) throw c.error("a statement cannot start with " + TokenCursor.describe(t));
        String w = t.upper();
        return switch (w) {
            case "CREATE" -> create(c);
            case "ALTER" -> alter(c);
            case "DROP" -> c.mysql && c.is(1, "PREPARE") ? deallocate(c) : drop(c);
            case "SELECT", "WITH", "INSERT", "REPLACE", "UPDATE", "DELETE", "MERGE", "COPY", "TRUNCATE", "VALUES", "TABLE", "CALL" ->
                    DmlReader.read(c, this);
            case "BEGIN", "START", "COMMIT", "END", "ROLLBACK", "ABORT", "SAVEPOINT", "RELEASE" -> transaction(c);
            case "SET" -> SessionReader.set(c, this);
            case "RESET" -> SessionReader.reset(c);
            case "PRAGMA" -> SessionReader.pragma(c);
            case "USE" -> SessionReader.use(c);
            case "RENAME" -> renameTables(c);
            case "COMMENT" -> comment(c);
            case "REINDEX" -> reindex(c);
            case "REFRESH" -> refresh(c);
            case "DO" -> doBlock(c);
            case "GRANT", "REVOKE" -> {
                c.pos = c.end;
                yield List.of(new Operation.OtherDdl(w, "PRIVILEGES", null, null, false, false));
            }
            case "LOCK" -> lock(c);
            case "UNLOCK" -> {
                c.pos = c.end;
                yield List.of(new Operation.OtherDdl("UNLOCK", "TABLES", null, null, false, false));
            }
            case "ANALYZE", "ANALYSE", "VACUUM", "CLUSTER", "OPTIMIZE", "REPAIR", "CHECKSUM", "CHECKPOINT", "DISCARD", "NOTIFY",
                 "LISTEN", "UNLISTEN", "LOAD", "SECURITY", "REASSIGN", "IMPORT", "FLUSH", "ATTACH", "DETACH" -> maintenance(c);
            case "CHECK" -> c.is(1, "TABLE") ? maintenance(c) : unknown(c);
            case "EXPLAIN" -> explain(c);
            case "DESCRIBE", "DESC", "SHOW", "DECLARE", "FETCH", "CLOSE", "MOVE" -> {
                c.pos = c.end; // reads or declares, changes nothing
                yield List.of();
            }
            case "PREPARE" -> prepare(c);
            case "DEALLOCATE" -> deallocate(c);
            case "EXECUTE", "EXEC" -> execute(c);
            default -> unknown(c);
        };
    }

    // ---- MySQL dynamic SQL -----------------------------------------------------------------

    /** {@code SET @v = expr} (MySQL): remembers the statements held by the string literals of expr. */
    void assignedUserVariable(String variable, TokenCursor value) {
        Operation.OpaqueCode sql = BodyReader.sqlInLiterals(value, value.pos, value.end, this, "SQL text of " + variable);
        String key = variable.toLowerCase(Locale.ROOT);
        if (sql == null) sqlVariables.remove(key);
        else sqlVariables.put(key, sql);
    }

    /**
     * MySQL {@code PREPARE s FROM @v | 'text'}: remembers what s runs; nothing runs yet. PostgreSQL
     * {@code PREPARE s AS ...} only declares.
     */
    private List<Operation> prepare(TokenCursor c) {
        if (c.is(1, "TRANSACTION")) return unknown(c);
        if (c.mysql) {
            c.expect("PREPARE");
            String name = c.ident().toLowerCase(Locale.ROOT);
            c.expect("FROM");
            Operation.OpaqueCode sql;
            String from;
            if (c.peek() != null && c.peek().isString()) {
                from = "its text";
                sql = BodyReader.sqlInLiterals(c, c.pos, c.pos + 1, this, from);
                c.pos++;
            } else {
                c.expectOp('@');
                from = "@" + c.identOrString();
                sql = sqlVariables.get(from.toLowerCase(Locale.ROOT));
            }
            c.expectEnd();
            if (sql == null) prepared.remove(name);
            else prepared.put(name, new Operation.OpaqueCode(sql.language(), "prepared statement " + name + " (SQL text of " + from + ")",
                    sql.containsDdl(), sql.inner()));
            return List.of();
        }
        c.pos = c.end;
        return List.of();
    }

    /** {@code EXECUTE s}: what the prepared statement runs when the migration remembered it, else opaque. */
    private List<Operation> execute(TokenCursor c) {
        c.pos++;
        Operation.OpaqueCode sql = c.mysql && c.isIdent() ? prepared.get(c.ident().toLowerCase(Locale.ROOT)) : null;
        c.pos = c.end;
        return List.of(sql != null ? sql : new Operation.OpaqueCode("sql", "EXECUTE of a prepared statement", false, List.of()));
    }

    /** {@code DEALLOCATE [PREPARE] s} / MySQL {@code DROP PREPARE s}. */
    private List<Operation> deallocate(TokenCursor c) {
        c.pos++;
        c.accept("PREPARE");
        if (c.isIdent()) prepared.remove(c.ident().toLowerCase(Locale.ROOT));
        c.pos = c.end;
        return List.of();
    }

    private static List<Operation> unknown(TokenCursor c) {
        throw c.error("unknown statement " + TokenCursor.describe(c.peek()));
    }

    /** The object kind at the cursor ("MATERIALIZED VIEW"), consumed; null when none matches. */
    static String kind(TokenCursor c) {
        for (String[] k : KINDS) {
            boolean match = true;
            for (int i = 0; i < k.length && match; i++) match = c.is(i, k[i]);
            if (match) {
                c.pos += k.length;
                return String.join(" ", k);
            }
        }
        return null;
    }

    private static boolean cascade(TokenCursor c) {
        if (c.accept("CASCADE")) return true;
        c.accept("RESTRICT");
        return false;
    }

    /** An object name (dotted) or a MySQL 'user'@'host', or null when the next token is not a name. */
    private static String objectName(TokenCursor c) {
        Token t = c.peek();
        if (t == null) return null;
        if (t.kind == Token.Kind.STRING) {
            String n = c.string();
            if (c.acceptOp('@')) n += "@" + c.identOrString();
            return n;
        }
        if (!c.isIdentToken(t)) return null;
        String n = c.qualifiedName();
        if (c.isOp('@') && c.peek(1) != null) {
            c.pos++;
            n += "@" + c.identOrString();
        }
        return n;
    }

    // ---- CREATE ----------------------------------------------------------------------------

    private List<Operation> create(TokenCursor c) {
        c.expect("CREATE");
        boolean orReplace = c.accept("OR", "REPLACE");
        if (!orReplace) c.accept("OR", "ALTER");
        boolean temp = false;
        boolean unique = false;
        String indexMethod = null;
        while (true) {
            if (c.accept("TEMP") || c.accept("TEMPORARY")) {
                temp = true;
            } else if (c.accept("UNIQUE")) {
                unique = true;
            } else if (c.is("FULLTEXT") || c.is("SPATIAL") && c.is(1, "INDEX")) {
                indexMethod = c.word().toLowerCase(Locale.ROOT);
            } else if (c.accept("GLOBAL") || c.accept("LOCAL") || c.accept("UNLOGGED") || c.accept("RECURSIVE")
                    || c.accept("TRUSTED") || c.accept("PROCEDURAL") || c.accept("ONLINE") || c.accept("OFFLINE")
                    || c.is("DEFAULT") && c.is(1, "CONVERSION") && c.accept("DEFAULT")) {
                // no effect on the model
            } else if (c.is("DEFINER") || c.is("ALGORITHM")) {
                skipAssignment(c);
            } else if (c.accept("SQL", "SECURITY")) {
                c.next();
            } else {
                break;
            }
        }
        if (c.is("CONSTRAINT") && c.is(1, "TRIGGER")) c.pos++;
        String kind = kind(c);
        if (kind == null) throw c.error("unknown CREATE " + (c.atEnd() ? "" : TokenCursor.describe(c.peek())));
        return switch (kind) {
            case "TABLE" -> createTable(c, temp);
            case "INDEX" -> createIndex(c, unique, indexMethod);
            case "TYPE" -> createType(c);
            case "SCHEMA" -> createSchema(c);
            case "DATABASE" -> c.mysql ? createSchema(c) : createOther(c, kind, orReplace);
            default -> createOther(c, kind, orReplace);
        };
    }

    /** MySQL DEFINER = user / ALGORITHM = x before a view, routine or trigger. */
    private static void skipAssignment(TokenCursor c) {
        boolean definer = c.next().is("DEFINER");
        c.expectOp('=');
        if (definer && c.accept("CURRENT_USER")) {
            if (c.isOp('(')) c.skipGroup();
            return;
        }
        c.next();
        if (definer && c.acceptOp('@')) c.next();
    }

    private List<Operation> createTable(TokenCursor c, boolean temp) {
        boolean ine = c.ifNotExists();
        TableRef t = c.tableName();
        List<ColumnDef> cols = new ArrayList<>();
        List<ConstraintDef> cons = new ArrayList<>();
        List<Operation> extra = new ArrayList<>();
        boolean asSelect = false;
        String partitionBy = null;
        TableRef parent = null;
        if (c.accept("PARTITION", "OF")) {
            parent = c.tableName();
        } else if (c.accept("LIKE") || c.accept("OF")) {
            c.qualifiedName();
            asSelect = true;
        }
        if (c.isOp('(') && !(c.peek(1) != null && (c.is(1, "SELECT") || c.is(1, "WITH") || c.is(1, "VALUES")))) {
            int open = c.pos;
            int close = c.matching(open) - 1;
            // PARTITION OF and CREATE TABLE t (a, b) AS SELECT name columns without types
            boolean typeOptional = parent != null || (close + 1 < c.end && c.get(close + 1).is("AS"));
            for (int[] p : c.splitTop(open + 1, close)) {
                TokenCursor e = c.sub(p[0], p[1]);
                if (e.accept("LIKE")) {
                    e.qualifiedName();
                    e.pos = e.end; // INCLUDING ... options
                    asSelect = true;
                } else if (ColumnReader.isTableElement(e)) {
                    ColumnReader.Element el = ColumnReader.tableElement(e, t);
                    if (el.index() != null) extra.add(new Operation.CreateIndex(el.index(), false, el.ifNotExists()));
                    else cons.add(el.constraint());
                } else {
                    ColumnReader.Column col = ColumnReader.column(e, typeOptional);
                    cols.add(col.def());
                    cons.addAll(col.named());
                }
                e.expectEnd();
            }
            c.pos = close + 1;
        }
        while (!c.atEnd()) {
            if (c.acceptOp(',')) continue;
            if (c.is("AS") || c.is("SELECT") || c.isOp('(') || (c.isAny("IGNORE", "REPLACE") && (c.is(1, "AS") || c.is(1, "SELECT")))) {
                asSelect = true;
                c.pos = c.end;
            } else if (c.accept("PARTITION", "BY")) {
                int a = c.pos;
                if (c.mysql) {
                    c.pos = c.end;
                } else {
                    c.next();
                    c.skipGroup();
                }
                partitionBy = c.text(a, c.pos);
            } else if (c.accept("INHERITS")) {
                c.skipGroup();
            } else if (c.accept("FOR", "VALUES")) {
                partitionBound(c);
            } else if (!c.mysql && c.accept("DEFAULT")) {
                // DEFAULT partition
            } else if (c.accept("WITHOUT", "OIDS") || c.accept("WITH", "OIDS") || c.accept("WITHOUT", "ROWID") || c.accept("STRICT")) {
                // no effect on the model
            } else if (c.is("WITH") && c.peek(1) != null && c.peek(1).isOp('(')) {
                c.pos++;
                c.skipGroup();
            } else if (c.accept("ON", "COMMIT")) {
                c.next();
                c.accept("ROWS");
            } else if (!c.mysql && (c.accept("TABLESPACE") || c.accept("USING") || c.accept("SERVER"))) {
                c.ident();
            } else if (c.accept("OPTIONS")) {
                c.skipGroup();
            } else if (c.mysql && c.accept("COMMENT")) {
                c.acceptOp('=');
                extra.add(new Operation.SetComment(t, null, c.string()));
            } else if (c.mysql && c.peek().kind == Token.Kind.WORD) {
                mysqlTableOption(c);
            } else {
                throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " after CREATE TABLE " + t);
            }
        }
        List<Operation> ops = new ArrayList<>(2 + extra.size());
        ops.add(new Operation.CreateTable(t, cols, cons, ine, temp, asSelect, partitionBy));
        if (parent != null) ops.add(new Operation.AttachPartition(parent, t));
        ops.addAll(extra);
        return ops;
    }

    /** FOR VALUES IN (...) | FROM (...) TO (...) | WITH (...). */
    private static void partitionBound(TokenCursor c) {
        if (c.accept("IN") || c.accept("WITH")) {
            c.skipGroup();
        } else {
            c.expect("FROM");
            c.skipGroup();
            c.expect("TO");
            c.skipGroup();
        }
    }

    /** MySQL table option: [DEFAULT] name [=] value (ENGINE=InnoDB, DEFAULT CHARSET=utf8mb4, ...). */
    private static void mysqlTableOption(TokenCursor c) {
        c.accept("DEFAULT");
        if (!c.accept("CHARACTER", "SET") && !c.accept("DATA", "DIRECTORY") && !c.accept("INDEX", "DIRECTORY")) {
            if (c.accept("START", "TRANSACTION")) return;
            if (c.accept("WITH", "SYSTEM", "VERSIONING")) return;
            c.word();
        }
        c.acceptOp('=');
        if (c.isOp('(')) c.skipGroup();
        else c.next();
    }

    private List<Operation> createIndex(TokenCursor c, boolean unique, String method) {
        boolean conc = c.accept("CONCURRENTLY");
        boolean ine = c.ifNotExists();
        String name = null;
        TableRef nameQualifier = null;
        if (!c.is("ON")) {
            TableRef n = c.tableName();
            name = n.name();
            nameQualifier = n.schema() == null ? null : n;
        }
        String using = null;
        if (c.accept("USING")) using = c.ident().toLowerCase(Locale.ROOT);
        c.expect("ON");
        c.accept("ONLY");
        TableRef t = c.tableName();
        if (t.schema() == null && nameQualifier != null) t = new TableRef(nameQualifier.schema(), t.name());
        if (c.accept("USING")) using = c.ident().toLowerCase(Locale.ROOT);
        List<String> cols = ColumnReader.indexElements(c);
        List<String> include = null;
        String where = null;
        String algorithm = null;
        String lock = null;
        while (!c.atEnd()) {
            if (c.is("INCLUDE")) {
                c.pos++;
                include = c.nameList();
            } else if (c.accept("NULLS", "NOT", "DISTINCT") || c.accept("NULLS", "DISTINCT") || c.accept("VISIBLE") || c.accept("INVISIBLE")) {
                // no effect on the model
            } else if (c.is("WITH") && c.peek(1) != null && c.peek(1).isOp('(')) {
                c.pos++;
                c.skipGroup();
            } else if (c.accept("TABLESPACE")) {
                c.ident();
            } else if (c.accept("WHERE")) {
                where = c.rest();
            } else if (c.accept("USING")) {
                using = c.ident().toLowerCase(Locale.ROOT);
            } else if (c.accept("COMMENT")) {
                c.string();
            } else if (c.accept("KEY_BLOCK_SIZE") || c.accept("WITH", "PARSER")) {
                c.acceptOp('=');
                c.next();
            } else if (c.is("ALGORITHM") || c.is("LOCK")) {
                boolean algo = c.word().equals("ALGORITHM");
                c.acceptOp('=');
                String v = c.next().upper();
                if (algo) algorithm = v;
                else lock = v;
            } else {
                throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " in CREATE INDEX");
            }
        }
        IndexDef idx = new IndexDef(name, t, cols, unique, method != null ? method : using, where, include);
        List<Operation> ops = new ArrayList<>(2);
        ops.add(new Operation.CreateIndex(idx, conc, ine));
        if (algorithm != null || lock != null) ops.add(new Operation.TableAlgorithmLock(t, algorithm, lock));
        return ops;
    }

    private static List<Operation> createType(TokenCursor c) {
        String name = c.qualifiedName();
        if (c.accept("AS", "ENUM")) {
            c.expectOp('(');
            List<String> values = new ArrayList<>();
            if (!c.isOp(')')) {
                do {
                    values.add(c.string());
                } while (c.acceptOp(','));
            }
            c.expectOp(')');
            c.expectEnd();
            return List.of(new Operation.CreateEnum(name, values));
        }
        c.pos = c.end; // composite, range, base and shell types
        return List.of(new Operation.OtherDdl("CREATE", "TYPE", name, null, false, false));
    }

    private static List<Operation> createSchema(TokenCursor c) {
        boolean ine = c.ifNotExists();
        String name;
        if (c.accept("AUTHORIZATION")) {
            name = c.ident();
        } else {
            name = c.ident();
            if (c.accept("AUTHORIZATION")) c.ident();
        }
        while (!c.atEnd()) { // MySQL options: [DEFAULT] CHARACTER SET [=] x, COLLATE [=] y, ENCRYPTION [=] 'N'
            if (c.is("CREATE") || c.is("GRANT")) throw c.error("CREATE SCHEMA with embedded statements is not read");
            mysqlTableOption(c);
        }
        return List.of(new Operation.CreateSchema(name, ine));
    }

    private List<Operation> createOther(TokenCursor c, String kind, boolean orReplace) {
        boolean ine = c.ifNotExists();
        String name = NAMELESS.contains(kind) ? null : objectName(c);
        TableRef table = null;
        List<Operation> ops = new ArrayList<>(2);
        if (ROUTINES.contains(kind) && c.isOp('(')) c.skipGroup();
        if (kind.equals("TRIGGER") || kind.equals("POLICY")) {
            int on = c.findTop("ON");
            if (on >= 0) {
                c.pos = on + 1;
                table = c.tableName();
            }
        } else if (kind.equals("RULE")) {
            int to = c.findTop("TO");
            if (to >= 0) {
                c.pos = to + 1;
                table = c.tableName();
            }
        }
        ops.add(new Operation.OtherDdl("CREATE", kind, name, table, ine, orReplace));
        Operation body = switch (kind) {
            case "FUNCTION", "PROCEDURE" -> BodyReader.routineBody(c, this, kind.toLowerCase(Locale.ROOT) + " " + name);
            case "TRIGGER" -> c.pg ? null : BodyReader.blockBody(c, this, "trigger " + name);
            case "EVENT" -> {
                int d = c.findTop("DO");
                yield d < 0 ? null : BodyReader.tokenBody(c, d + 1, this, "event " + name);
            }
            default -> null;
        };
        if (body != null) ops.add(body);
        c.pos = c.end; // the definition itself (query, options, body) is not modelled further
        return ops;
    }

    // ---- ALTER -----------------------------------------------------------------------------

    private List<Operation> alter(TokenCursor c) {
        c.expect("ALTER");
        while (c.accept("ONLINE") || c.accept("OFFLINE") || c.accept("IGNORE")) {
            // MariaDB / MySQL modifiers
        }
        while (c.is("DEFINER") || c.is("ALGORITHM")) skipAssignment(c);
        if (c.accept("SQL", "SECURITY")) c.next();
        String kind = kind(c);
        if (kind == null) throw c.error("unknown ALTER " + (c.atEnd() ? "" : TokenCursor.describe(c.peek())));
        if (kind.equals("TABLE") && !(c.is("ALL") && c.is(1, "IN"))) return AlterTableReader.read(c);
        if (kind.equals("TYPE")) return alterType(c);
        boolean ie = c.ifExists();
        String name = NAMELESS.contains(kind) ? null : objectName(c);
        if (kind.equals("INDEX") && c.accept("RENAME", "TO")) {
            String now = c.ident();
            c.expectEnd();
            return List.of(new Operation.RenameIndex(lastPart(name), now, null));
        }
        TableRef table = null;
        if (ROUTINES.contains(kind) && c.isOp('(')) c.skipGroup();
        if (ON_TABLE.contains(kind) && c.accept("ON")) table = c.tableName();
        c.pos = c.end;
        return List.of(new Operation.OtherDdl("ALTER", kind, name, table, ie, false));
    }

    private static String lastPart(String dotted) {
        if (dotted == null) return null;
        int i = dotted.lastIndexOf('.');
        return i < 0 ? dotted : dotted.substring(i + 1);
    }

    private static List<Operation> alterType(TokenCursor c) {
        String name = c.qualifiedName();
        if (c.accept("ADD", "VALUE")) {
            boolean ine = c.ifNotExists();
            String v = c.string();
            String before = null;
            String after = null;
            if (c.accept("BEFORE")) before = c.string();
            else if (c.accept("AFTER")) after = c.string();
            c.expectEnd();
            return List.of(new Operation.AddEnumValue(name, v, before, after, ine));
        }
        if (c.accept("RENAME", "VALUE")) {
            String old = c.string();
            c.expect("TO");
            String now = c.string();
            c.expectEnd();
            return List.of(new Operation.RenameEnumValue(name, old, now));
        }
        c.pos = c.end;
        return List.of(new Operation.OtherDdl("ALTER", "TYPE", name, null, false, false));
    }

    // ---- DROP ------------------------------------------------------------------------------

    private static List<Operation> drop(TokenCursor c) {
        c.expect("DROP");
        c.accept("TEMPORARY");
        String kind = kind(c);
        if (kind == null) throw c.error("unknown DROP " + (c.atEnd() ? "" : TokenCursor.describe(c.peek())));
        boolean conc = kind.equals("INDEX") && c.accept("CONCURRENTLY");
        boolean ie = c.ifExists();
        List<Operation> ops = new ArrayList<>(1);
        switch (kind) {
            case "TABLE" -> {
                List<TableRef> names = new ArrayList<>();
                do {
                    names.add(c.tableName());
                } while (c.acceptOp(','));
                boolean casc = cascade(c);
                c.accept("PURGE");
                c.expectEnd();
                for (TableRef t : names) ops.add(new Operation.DropTable(t, ie, casc));
            }
            case "INDEX" -> {
                List<String> names = new ArrayList<>();
                TableRef table = null;
                do {
                    names.add(c.tableName().name());
                } while (c.acceptOp(','));
                if (c.is("ON") && !c.mysql) throw c.error("DROP INDEX ... ON <table> is MySQL syntax, which " + c.dialect.id() + " rejects");
                if (c.accept("ON")) table = c.tableName();
                String algorithm = null;
                String lock = null;
                while (c.is("ALGORITHM") || c.is("LOCK")) {
                    boolean algo = c.word().equals("ALGORITHM");
                    c.acceptOp('=');
                    String v = c.next().upper();
                    if (algo) algorithm = v;
                    else lock = v;
                }
                boolean casc = cascade(c);
                c.expectEnd();
                for (String n : names) ops.add(new Operation.DropIndex(n, table, conc, ie, casc));
                if (algorithm != null || lock != null) ops.add(new Operation.TableAlgorithmLock(table, algorithm, lock));
            }
            case "TYPE" -> {
                List<String> names = new ArrayList<>();
                do {
                    names.add(c.qualifiedName());
                } while (c.acceptOp(','));
                boolean casc = cascade(c);
                c.expectEnd();
                for (String n : names) ops.add(new Operation.DropType(n, ie, casc));
            }
            case "SCHEMA", "DATABASE" -> {
                List<String> names = new ArrayList<>();
                do {
                    names.add(c.ident());
                } while (c.acceptOp(','));
                boolean casc = cascade(c);
                if (c.accept("WITH")) c.skipGroup(); // PostgreSQL 13: WITH (FORCE)
                c.expectEnd();
                boolean database = kind.equals("DATABASE") || c.mysql;
                for (String n : names) ops.add(new Operation.DropSchema(n, database, ie, casc));
            }
            default -> {
                List<String> names = new ArrayList<>();
                TableRef table = null;
                do {
                    String n = NAMELESS.contains(kind) ? null : objectName(c);
                    if (ROUTINES.contains(kind) && c.isOp('(')) c.skipGroup();
                    names.add(n);
                } while (c.acceptOp(','));
                if (ON_TABLE.contains(kind) && c.accept("ON")) table = c.tableName();
                c.pos = c.end; // CASCADE / RESTRICT and kind-specific tails
                for (String n : names) ops.add(new Operation.OtherDdl("DROP", kind, n, table, ie, false));
            }
        }
        return ops;
    }

    // ---- other statements ------------------------------------------------------------------

    /** Words that may follow BEGIN / START TRANSACTION (modes, isolation levels). */
    private static final Set<String> BEGIN_WORDS = Set.of("WORK", "TRANSACTION", "ISOLATION", "LEVEL", "READ", "WRITE", "ONLY",
            "COMMITTED", "UNCOMMITTED", "REPEATABLE", "SERIALIZABLE", "DEFERRABLE", "NOT", "DEFERRED", "IMMEDIATE", "EXCLUSIVE",
            "WITH", "CONSISTENT", "SNAPSHOT");
    /** Words that may follow COMMIT / END / ROLLBACK. */
    private static final Set<String> END_WORDS = Set.of("WORK", "TRANSACTION", "AND", "NO", "CHAIN", "RELEASE");

    private List<Operation> transaction(TokenCursor c) {
        String w = c.word();
        Operation.TxKind kind;
        switch (w) {
            case "BEGIN", "START" -> {
                if (w.equals("BEGIN") && c.is("NOT") && c.is(1, "ATOMIC")) { // MariaDB anonymous compound statement
                    c.pos--;
                    return List.of(BodyReader.tokenBody(c, c.pos, this, "BEGIN NOT ATOMIC block"));
                }
                if (w.equals("START")) c.expect("TRANSACTION");
                onlyWords(c, BEGIN_WORDS, w);
                kind = Operation.TxKind.BEGIN;
            }
            case "COMMIT", "END", "ROLLBACK", "ABORT" -> {
                boolean rollback = w.equals("ROLLBACK") || w.equals("ABORT");
                if (c.accept("PREPARED")) {
                    c.string();
                } else {
                    c.accept("WORK");
                    c.accept("TRANSACTION");
                    if (rollback && c.accept("TO")) {
                        c.accept("SAVEPOINT");
                        c.ident();
                        c.expectEnd();
                        return List.of(new Operation.TransactionControl(Operation.TxKind.ROLLBACK_TO));
                    }
                    onlyWords(c, END_WORDS, w);
                }
                kind = rollback ? Operation.TxKind.ROLLBACK : Operation.TxKind.COMMIT;
            }
            case "SAVEPOINT", "RELEASE" -> {
                if (w.equals("RELEASE")) c.accept("SAVEPOINT");
                c.ident();
                kind = w.equals("SAVEPOINT") ? Operation.TxKind.SAVEPOINT : Operation.TxKind.RELEASE;
            }
            default -> throw c.error("unknown transaction statement " + w);
        }
        c.expectEnd();
        return List.of(new Operation.TransactionControl(kind));
    }

    /** The rest of the statement must be words of {@code allowed} (and commas). */
    private static void onlyWords(TokenCursor c, Set<String> allowed, String what) {
        while (!c.atEnd()) {
            Token t = c.peek();
            if (!t.isOp(',') && !(t.kind == Token.Kind.WORD && allowed.contains(t.upper()))) {
                throw c.error("unexpected " + TokenCursor.describe(t) + " after " + what);
            }
            c.pos++;
        }
    }

    /** MySQL RENAME TABLE a TO b [, c TO d]. */
    private static List<Operation> renameTables(TokenCursor c) {
        c.expect("RENAME");
        if (!c.accept("TABLE") && !c.accept("TABLES")) {
            String what = c.word();
            c.pos = c.end;
            return List.of(new Operation.OtherDdl("RENAME", what, null, null, false, false));
        }
        List<Operation> ops = new ArrayList<>();
        do {
            TableRef from = c.tableName();
            c.expect("TO");
            ops.add(new Operation.RenameTable(from, c.tableName().name()));
        } while (c.acceptOp(','));
        c.expectEnd();
        return ops;
    }

    /** COMMENT ON TABLE / COLUMN / other objects ... IS 'text' | NULL. */
    private static List<Operation> comment(TokenCursor c) {
        c.expect("COMMENT");
        c.expect("ON");
        String kind = kind(c);
        if (kind == null) throw c.error("unknown COMMENT ON " + (c.atEnd() ? "" : TokenCursor.describe(c.peek())));
        Operation op;
        if (kind.equals("TABLE") || kind.equals("FOREIGN TABLE")) {
            TableRef t = c.tableName();
            op = new Operation.SetComment(t, null, commentText(c));
        } else if (kind.equals("COLUMN")) {
            List<String> p = c.dottedName();
            int n = p.size();
            if (n < 2) throw c.error("COMMENT ON COLUMN needs table.column");
            TableRef t = new TableRef(n >= 3 ? p.get(n - 3) : null, p.get(n - 2));
            op = new Operation.SetComment(t, p.get(n - 1), commentText(c));
        } else {
            String name = objectName(c);
            TableRef table = null;
            if (ROUTINES.contains(kind) && c.isOp('(')) c.skipGroup();
            if (ON_TABLE.contains(kind) && c.accept("ON")) {
                c.accept("DOMAIN");
                table = c.tableName();
            }
            int is = c.findTop("IS");
            if (is < 0) throw c.error("expected IS");
            c.pos = is;
            commentText(c);
            op = new Operation.OtherDdl("COMMENT", kind, name, table, false, false);
        }
        c.expectEnd();
        return List.of(op);
    }

    private static String commentText(TokenCursor c) {
        c.expect("IS");
        if (c.accept("NULL")) return null;
        return c.string();
    }

    private static List<Operation> reindex(TokenCursor c) {
        c.expect("REINDEX");
        boolean conc = false;
        if (c.isOp('(')) {
            int open = c.pos;
            c.skipGroup();
            for (int k = open + 1; k < c.pos - 1; k++) {
                if (c.get(k).is("CONCURRENTLY")) conc = !(k + 1 < c.pos - 1 && (c.get(k + 1).is("FALSE") || c.get(k + 1).is("OFF")));
            }
        }
        String kind = null;
        if (c.isAny("INDEX", "TABLE", "SCHEMA", "DATABASE", "SYSTEM")) kind = c.word();
        if (c.accept("CONCURRENTLY")) conc = true;
        String target = c.atEnd() ? null : c.qualifiedName();
        c.expectEnd();
        return List.of(new Operation.Reindex(kind, target, conc));
    }

    private static List<Operation> refresh(TokenCursor c) {
        c.expect("REFRESH");
        c.expect("MATERIALIZED");
        c.expect("VIEW");
        boolean conc = c.accept("CONCURRENTLY");
        String name = c.qualifiedName();
        if (c.accept("WITH")) {
            c.accept("NO");
            c.expect("DATA");
        }
        c.expectEnd();
        return List.of(new Operation.OtherDdl(conc ? "REFRESH CONCURRENTLY" : "REFRESH", "MATERIALIZED VIEW", name, null, false, false));
    }

    /** DO [LANGUAGE l] body [LANGUAGE l] (PostgreSQL); MySQL DO expr evaluates expressions only. */
    private List<Operation> doBlock(TokenCursor c) {
        c.expect("DO");
        if (!c.pg) {
            c.pos = c.end;
            return List.of();
        }
        String lang = "plpgsql";
        if (c.accept("LANGUAGE")) lang = c.identOrString().toLowerCase(Locale.ROOT);
        Token body = c.next();
        if (!body.isString()) throw c.error("expected the body of the DO block");
        if (c.accept("LANGUAGE")) lang = c.identOrString().toLowerCase(Locale.ROOT);
        c.expectEnd();
        return List.of(BodyReader.stringBody(body, lang, "DO block", this));
    }

    private static List<Operation> lock(TokenCursor c) {
        c.expect("LOCK");
        if (c.mysql || c.is("TABLES")) {
            if (!c.accept("TABLES")) c.expect("TABLE");
            if (c.is("INSTANCE")) {
                c.pos = c.end;
                return List.of(new Operation.OtherDdl("LOCK", "INSTANCE", null, null, false, false));
            }
            List<TableRef> tables = new ArrayList<>();
            String mode = null;
            do {
                tables.add(c.tableName());
                if (c.accept("AS") || (c.isIdent() && !c.isAny("READ", "WRITE", "LOW_PRIORITY"))) c.ident();
                int a = c.pos;
                while (!c.atEnd() && !c.isOp(',')) c.pos++;
                if (mode == null) mode = c.upperText(a, c.pos);
            } while (c.acceptOp(','));
            return List.of(new Operation.LockTable(tables, mode));
        }
        c.accept("TABLE");
        List<TableRef> tables = c.tableList();
        String mode = "ACCESS EXCLUSIVE";
        if (c.accept("IN")) {
            int a = c.pos;
            int m = c.findTop("MODE");
            if (m < 0) throw c.error("expected MODE");
            mode = c.upperText(a, m);
            c.pos = m + 1;
        }
        c.accept("NOWAIT");
        c.expectEnd();
        return List.of(new Operation.LockTable(tables, mode));
    }

    /** ANALYZE / VACUUM / CLUSTER / OPTIMIZE TABLE ... : OtherDdl(verb, "TABLE", null, first table). */
    private static List<Operation> maintenance(TokenCursor c) {
        String verb = c.word();
        if (verb.equals("ANALYSE")) verb = "ANALYZE";
        if (verb.equals("ATTACH") || verb.equals("DETACH")) {
            c.accept("DATABASE");
            String name;
            if (verb.equals("ATTACH")) {
                c.next();
                c.expect("AS");
            }
            name = c.ident();
            c.expectEnd();
            return List.of(new Operation.OtherDdl(verb, "DATABASE", name, null, false, false));
        }
        boolean full = false;
        while (true) {
            if (c.accept("FULL")) {
                full = true;
            } else if (c.isOp('(')) {
                int open = c.pos;
                c.skipGroup();
                for (int k = open; k < c.pos; k++) if (c.get(k).is("FULL")) full = true;
            } else if (c.isAny("VERBOSE", "FREEZE", "ANALYZE", "NO_WRITE_TO_BINLOG", "LOCAL", "TABLE", "TABLES", "SKIP_LOCKED")) {
                c.pos++;
            } else {
                break;
            }
        }
        TableRef table = null;
        if (!c.atEnd() && c.isIdent() && (verb.equals("ANALYZE") || verb.equals("VACUUM") || verb.equals("CLUSTER")
                || verb.equals("OPTIMIZE") || verb.equals("REPAIR") || verb.equals("CHECK") || verb.equals("CHECKSUM"))) {
            table = c.tableName();
        }
        c.pos = c.end;
        return List.of(new Operation.OtherDdl(full && verb.equals("VACUUM") ? "VACUUM FULL" : verb, table != null ? "TABLE" : null,
                table == null ? null : table.qualified(), table, false, false));
    }

    /** EXPLAIN changes nothing, except EXPLAIN ANALYZE, which runs its statement. */
    private List<Operation> explain(TokenCursor c) {
        c.expect("EXPLAIN");
        boolean analyze = false;
        while (true) {
            if (c.accept("ANALYZE") || c.accept("ANALYSE")) {
                analyze = true;
            } else if (c.isOp('(')) {
                int open = c.pos;
                c.skipGroup();
                for (int k = open; k < c.pos; k++) if (c.get(k).is("ANALYZE") || c.get(k).is("ANALYSE")) analyze = true;
            } else if (c.isAny("VERBOSE", "EXTENDED", "PARTITIONS", "FORMAT")) {
                if (c.next().is("FORMAT")) {
                    c.acceptOp('=');
                    c.next();
                }
            } else {
                break;
            }
        }
        if (!analyze) {
            c.pos = c.end;
            return List.of();
        }
        return read(c);
    }
}

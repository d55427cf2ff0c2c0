package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.ArrayList;
import java.util.List;

/**
 * ALTER TABLE: every sub-clause becomes its own {@link Operation}, in order. PostgreSQL, MySQL /
 * MariaDB and SQLite forms are read in every dialect (the rules decide what a dialect supports).
 * Sub-clauses the model does not detail become {@link Operation.AlterTableOther} when they are
 * known forms; an unknown sub-clause makes the statement unreadable (never guessed).
 */
final class AlterTableReader {

    private AlterTableReader() {}

    /** Known sub-clauses without a dedicated operation, longest first where they share a prefix. */
    private static final String[][] OTHER_ACTIONS = {
            {"OWNER", "TO"}, {"ENABLE", "ROW", "LEVEL", "SECURITY"}, {"DISABLE", "ROW", "LEVEL", "SECURITY"},
            {"NO", "FORCE", "ROW", "LEVEL", "SECURITY"}, {"FORCE", "ROW", "LEVEL", "SECURITY"},
            {"ENABLE", "REPLICA", "TRIGGER"}, {"ENABLE", "ALWAYS", "TRIGGER"}, {"ENABLE", "TRIGGER"}, {"DISABLE", "TRIGGER"},
            {"ENABLE", "REPLICA", "RULE"}, {"ENABLE", "ALWAYS", "RULE"}, {"ENABLE", "RULE"}, {"DISABLE", "RULE"},
            {"ENABLE", "KEYS"}, {"DISABLE", "KEYS"},
            {"SET", "WITHOUT", "CLUSTER"}, {"SET", "WITHOUT", "OIDS"}, {"SET", "ACCESS", "METHOD"}, {"SET", "LOGGED"},
            {"SET", "UNLOGGED"}, {"SET", "TABLESPACE"}, {"SET", "SCHEMA"}, {"SET"}, {"RESET"},
            {"CLUSTER", "ON"}, {"NO", "INHERIT"}, {"INHERIT"}, {"NOT", "OF"}, {"OF"}, {"REPLICA", "IDENTITY"},
            {"FORCE"}, {"ORDER", "BY"}, {"DISCARD", "TABLESPACE"}, {"IMPORT", "TABLESPACE"},
            {"ADD", "PARTITION"}, {"DROP", "PARTITION"}, {"TRUNCATE", "PARTITION"}, {"COALESCE", "PARTITION"},
            {"REORGANIZE", "PARTITION"}, {"EXCHANGE", "PARTITION"}, {"ANALYZE", "PARTITION"}, {"CHECK", "PARTITION"},
            {"OPTIMIZE", "PARTITION"}, {"REBUILD", "PARTITION"}, {"REPAIR", "PARTITION"}, {"DISCARD", "PARTITION"},
            {"IMPORT", "PARTITION"}, {"REMOVE", "PARTITIONING"}, {"PARTITION", "BY"},
            {"WITH", "VALIDATION"}, {"WITHOUT", "VALIDATION"}, {"ALTER", "CONSTRAINT"}, {"ALTER", "INDEX"}, {"ALTER", "CHECK"},
            {"ADD", "PERIOD"}, {"DROP", "PERIOD"}, {"ADD", "SYSTEM", "VERSIONING"}, {"DROP", "SYSTEM", "VERSIONING"},
    };

    static List<Operation> read(TokenCursor c) {
        c.ifExists();
        c.accept("ONLY");
        TableRef t = c.tableName();
        c.acceptOp('*');
        if (c.accept("WAIT")) c.next(); // MariaDB
        c.accept("NOWAIT");
        if (c.atEnd()) throw c.error("ALTER TABLE " + t + " without an action");
        State st = new State(t);
        while (true) {
            action(c, st);
            if (c.acceptOp(',')) continue;
            if (c.atEnd()) break;
            if (!c.mysql) throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " after an ALTER TABLE action");
        }
        if (st.algoIndex >= 0) st.ops.add(st.algoIndex, new Operation.TableAlgorithmLock(t, st.algorithm, st.lock));
        return st.ops;
    }

    private static final class State {
        final TableRef table;
        final List<Operation> ops = new ArrayList<>();
        String algorithm;
        String lock;
        int algoIndex = -1;

        State(TableRef table) {
            this.table = table;
        }
    }

    private static void action(TokenCursor c, State st) {
        TableRef t = st.table;
        List<Operation> ops = st.ops;
        int a = c.pos;
        switch (c.peekWord()) {
            case "ADD" -> {
                if (c.is(1, "PARTITION") || c.is(1, "PERIOD") || c.is(1, "SYSTEM")) {
                    other(c, st, a);
                    return;
                }
                c.pos++;
                add(c, st);
            }
            case "DROP" -> {
                if (c.is(1, "PARTITION") || c.is(1, "PERIOD") || c.is(1, "SYSTEM")) {
                    other(c, st, a);
                    return;
                }
                c.pos++;
                drop(c, st);
            }
            case "ALTER" -> {
                if (c.is(1, "CONSTRAINT") || c.is(1, "INDEX") || c.is(1, "CHECK")) {
                    other(c, st, a);
                    return;
                }
                c.pos++;
                alterColumn(c, st);
            }
            case "RENAME" -> {
                c.pos++;
                rename(c, st);
            }
            case "MODIFY" -> {
                c.pos++;
                c.accept("COLUMN");
                c.ifExists();
                ColumnReader.Column col = ColumnReader.column(c, false);
                ops.add(new Operation.RedefineColumn(t, col.def().name(), col.def()));
                for (ConstraintDef k : col.named()) ops.add(new Operation.AddConstraint(t, k));
            }
            case "CHANGE" -> {
                c.pos++;
                c.accept("COLUMN");
                c.ifExists();
                String old = c.ident();
                ColumnReader.Column col = ColumnReader.column(c, false);
                String now = col.def().name();
                if (!Identifiers.key(c.dialect, old).equals(Identifiers.key(c.dialect, now))) {
                    ops.add(new Operation.RenameColumn(t, old, now));
                }
                ops.add(new Operation.RedefineColumn(t, now, col.def()));
                for (ConstraintDef k : col.named()) ops.add(new Operation.AddConstraint(t, k));
            }
            case "ALGORITHM", "LOCK" -> {
                boolean algo = c.word().equals("ALGORITHM");
                c.acceptOp('=');
                String v = c.next().upper();
                if (algo) st.algorithm = v;
                else st.lock = v;
                if (st.algoIndex < 0) st.algoIndex = ops.size();
            }
            case "VALIDATE" -> {
                c.pos++;
                c.expect("CONSTRAINT");
                ops.add(new Operation.ValidateConstraint(t, c.ident()));
            }
            case "ATTACH" -> {
                c.pos++;
                c.expect("PARTITION");
                TableRef p = c.tableName();
                skipToActionEnd(c);
                ops.add(new Operation.AttachPartition(t, p));
            }
            case "DETACH" -> {
                c.pos++;
                c.expect("PARTITION");
                TableRef p = c.tableName();
                boolean conc = c.accept("CONCURRENTLY");
                c.accept("FINALIZE");
                ops.add(new Operation.DetachPartition(t, p, conc));
            }
            case "CONVERT" -> {
                c.pos++;
                c.expect("TO");
                if (!c.accept("CHARSET")) {
                    c.expect("CHARACTER");
                    c.expect("SET");
                }
                String cs = c.identOrString();
                String coll = null;
                if (c.accept("COLLATE")) coll = c.identOrString();
                ops.add(new Operation.ConvertCharset(t, cs, coll, true));
            }
            case "DEFAULT", "CHARACTER", "CHARSET", "COLLATE" -> tableCharset(c, st);
            case "COMMENT" -> {
                c.pos++;
                c.acceptOp('=');
                ops.add(new Operation.SetComment(t, null, c.string()));
            }
            default -> other(c, st, a);
        }
    }

    private static void add(TokenCursor c, State st) {
        TableRef t = st.table;
        if (c.accept("COLUMN")) {
            boolean ine = c.ifNotExists();
            if (c.isOp('(')) addColumnList(c, st, ine);
            else addColumn(c, st, ine);
            return;
        }
        if (ColumnReader.isTableElement(c)) {
            ColumnReader.Element e = ColumnReader.tableElement(c, t);
            if (e.index() != null) {
                st.ops.add(new Operation.CreateIndex(e.index(), false, e.ifNotExists()));
            } else if (c.mysql && e.constraint().kind() == ConstraintDef.Kind.UNIQUE) {
                ConstraintDef k = e.constraint();
                st.ops.add(new Operation.CreateIndex(new IndexDef(k.name(), t, k.columns(), true, null, null, null), false, false));
            } else {
                st.ops.add(new Operation.AddConstraint(t, e.constraint()));
            }
            return;
        }
        if (c.isOp('(')) {
            addColumnList(c, st, false);
            return;
        }
        addColumn(c, st, c.ifNotExists());
    }

    private static void addColumn(TokenCursor c, State st, boolean ine) {
        ColumnReader.Column col = ColumnReader.column(c, false);
        st.ops.add(new Operation.AddColumn(st.table, col.def(), ine));
        for (ConstraintDef k : col.named()) st.ops.add(new Operation.AddConstraint(st.table, k));
    }

    /** MySQL ADD [COLUMN] (a int, b int, INDEX (a)). */
    private static void addColumnList(TokenCursor c, State st, boolean ine) {
        int open = c.pos;
        int close = c.matching(open) - 1;
        for (int[] p : c.splitTop(open + 1, close)) {
            TokenCursor e = c.sub(p[0], p[1]);
            if (ColumnReader.isTableElement(e)) add(e, st);
            else addColumn(e, st, ine);
            e.expectEnd();
        }
        c.pos = close + 1;
    }

    private static void drop(TokenCursor c, State st) {
        TableRef t = st.table;
        List<Operation> ops = st.ops;
        if (c.accept("COLUMN")) {
            dropColumn(c, st);
        } else if (c.accept("CONSTRAINT")) {
            boolean ie = c.ifExists();
            String name = c.ident();
            ops.add(new Operation.DropConstraint(t, name, null, ie, cascade(c)));
        } else if (c.accept("INDEX") || c.accept("KEY")) {
            boolean ie = c.ifExists();
            ops.add(new Operation.DropIndex(c.ident(), t, false, ie, false));
        } else if (c.accept("PRIMARY", "KEY")) {
            ops.add(new Operation.DropConstraint(t, null, ConstraintDef.Kind.PRIMARY_KEY, false, false));
        } else if (c.accept("FOREIGN", "KEY")) {
            boolean ie = c.ifExists();
            ops.add(new Operation.DropConstraint(t, c.ident(), ConstraintDef.Kind.FOREIGN_KEY, ie, false));
        } else if (c.accept("CHECK")) {
            boolean ie = c.ifExists();
            ops.add(new Operation.DropConstraint(t, c.ident(), ConstraintDef.Kind.CHECK, ie, false));
        } else {
            dropColumn(c, st);
        }
    }

    private static void dropColumn(TokenCursor c, State st) {
        boolean ie = c.ifExists();
        String name = c.ident();
        st.ops.add(new Operation.DropColumn(st.table, name, ie, cascade(c)));
    }

    private static boolean cascade(TokenCursor c) {
        if (c.accept("CASCADE")) return true;
        c.accept("RESTRICT");
        return false;
    }

    private static void alterColumn(TokenCursor c, State st) {
        TableRef t = st.table;
        List<Operation> ops = st.ops;
        int a = c.pos - 1;
        c.accept("COLUMN");
        String col = c.ident();
        int after = c.pos;
        if (c.accept("TYPE") || c.accept("SET", "DATA", "TYPE")) {
            SqlType type = SqlTypes.read(c);
            if (c.accept("COLLATE")) c.qualifiedName();
            String using = null;
            if (c.accept("USING")) using = c.expression(null);
            ops.add(new Operation.AlterColumnType(t, col, type, using));
        } else if (c.accept("SET", "DEFAULT")) {
            ops.add(new Operation.AlterColumnDefault(t, col, c.expression(null)));
        } else if (c.accept("DROP", "DEFAULT")) {
            ops.add(new Operation.AlterColumnDefault(t, col, null));
        } else if (c.accept("SET", "NOT", "NULL")) {
            ops.add(new Operation.AlterColumnNullability(t, col, true));
        } else if (c.accept("DROP", "NOT", "NULL")) {
            ops.add(new Operation.AlterColumnNullability(t, col, false));
        } else if (c.isAny("SET", "DROP", "ADD", "RESET", "RESTART")) {
            StringBuilder action = new StringBuilder("ALTER COLUMN");
            for (int k = 0; k < 2 && !c.atEnd() && c.peek().kind == Token.Kind.WORD; k++) action.append(' ').append(c.next().upper());
            skipToActionEnd(c);
            ops.add(new Operation.AlterTableOther(t, action.toString(), c.text(a, c.pos)));
        } else {
            c.pos = after;
            throw c.error("unexpected " + (c.atEnd() ? "end" : TokenCursor.describe(c.peek())) + " after ALTER COLUMN " + col);
        }
    }

    private static void rename(TokenCursor c, State st) {
        TableRef t = st.table;
        List<Operation> ops = st.ops;
        if (c.accept("COLUMN")) {
            String old = c.ident();
            c.expect("TO");
            ops.add(new Operation.RenameColumn(t, old, c.ident()));
        } else if (c.accept("CONSTRAINT")) {
            String old = c.ident();
            c.expect("TO");
            ops.add(new Operation.RenameConstraint(t, old, c.ident()));
        } else if (c.accept("INDEX") || c.accept("KEY")) {
            String old = c.ident();
            c.expect("TO");
            ops.add(new Operation.RenameIndex(old, c.ident(), t));
        } else if (c.accept("TO") || c.accept("AS")) {
            ops.add(new Operation.RenameTable(t, c.tableName().name()));
        } else if (c.isIdent() && c.is(1, "TO")) {
            String old = c.ident();
            c.pos++;
            ops.add(new Operation.RenameColumn(t, old, c.ident()));
        } else if (c.mysql && c.isIdent()) {
            ops.add(new Operation.RenameTable(t, c.tableName().name()));
        } else {
            throw c.error("unexpected " + (c.atEnd() ? "end" : TokenCursor.describe(c.peek())) + " after RENAME");
        }
    }

    /** MySQL [DEFAULT] CHARACTER SET [=] cs [COLLATE [=] c] / [DEFAULT] COLLATE [=] c (table defaults, no conversion). */
    private static void tableCharset(TokenCursor c, State st) {
        int a = c.pos;
        c.accept("DEFAULT");
        String cs = null;
        String coll = null;
        if (c.accept("CHARACTER", "SET") || c.accept("CHARSET")) {
            c.acceptOp('=');
            cs = c.identOrString();
        }
        if (c.accept("COLLATE")) {
            c.acceptOp('=');
            coll = c.identOrString();
        }
        if (cs == null && coll == null) {
            c.pos = a;
            throw c.error("unexpected " + TokenCursor.describe(c.peek()) + " in ALTER TABLE");
        }
        st.ops.add(new Operation.ConvertCharset(st.table, cs, coll, false));
    }

    /** A known sub-clause without its own operation, or a MySQL table option {@code name [=] value}. */
    private static void other(TokenCursor c, State st, int a) {
        String action = null;
        for (String[] phrase : OTHER_ACTIONS) {
            boolean match = true;
            for (int k = 0; k < phrase.length && match; k++) match = c.is(k, phrase[k]);
            if (match) {
                action = String.join(" ", phrase);
                break;
            }
        }
        if (action == null && c.mysql && c.peek().kind == Token.Kind.WORD) {
            action = c.peek().upper(); // ENGINE=InnoDB, AUTO_INCREMENT=5, ROW_FORMAT=DYNAMIC...
            c.pos++;
            c.acceptOp('=');
            if (c.atEnd()) throw c.error("expected a value for " + action);
            if (c.isOp('(')) c.skipGroup();
            else c.pos++;
            st.ops.add(new Operation.AlterTableOther(st.table, action, c.text(a, c.pos)));
            return;
        }
        if (action == null) {
            throw c.error("unknown ALTER TABLE action " + TokenCursor.describe(c.peek()));
        }
        if (action.equals("PARTITION BY")) {
            c.pos = c.end; // MySQL partition clauses run to the end of the statement
        } else {
            skipToActionEnd(c);
        }
        st.ops.add(new Operation.AlterTableOther(st.table, action, c.text(a, c.pos)));
    }

    private static void skipToActionEnd(TokenCursor c) {
        c.pos = c.nextTopComma();
    }
}

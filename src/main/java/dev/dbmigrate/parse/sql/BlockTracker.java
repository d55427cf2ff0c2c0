package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import java.util.List;
import java.util.function.Supplier;

/**
 * Decides whether a {@code ;} ends the statement being collected.
 *
 * <ul>
 *   <li>PostgreSQL (like psql): not inside parentheses, and not inside a SQL-standard function body
 *       {@code BEGIN ATOMIC ... END}.</li>
 *   <li>MySQL / MariaDB / SQLite: not inside the {@code BEGIN ... END} body of CREATE TRIGGER /
 *       PROCEDURE / FUNCTION / EVENT (or a MariaDB {@code BEGIN NOT ATOMIC} block), counting nested
 *       BEGIN and CASE blocks; {@code END IF / END LOOP / END WHILE / END REPEAT} close nothing
 *       counted, {@code END CASE} closes a CASE.</li>
 * </ul>
 */
final class BlockTracker {

    private final boolean pg;
    private List<Token> stmt;
    private int from;
    private Boolean blockStatement;
    private int depth;
    private int parens;
    private boolean endClosesCase;
    private Token prev;

    BlockTracker(Dialect dialect) {
        this.pg = dialect == null || dialect == Dialect.POSTGRESQL;
    }

    /** Starts a new statement whose tokens will be collected in {@code tokens} from index {@code from}. */
    void reset(List<Token> tokens, int from) {
        stmt = tokens;
        this.from = from;
        blockStatement = null;
        depth = 0;
        parens = 0;
        endClosesCase = false;
        prev = null;
    }

    /** Feeds the next token of the statement; {@code lookahead} yields the token after it. */
    void add(Token t, Supplier<Token> lookahead) {
        Token before = prev;
        prev = t;
        if (t.kind == Token.Kind.OP) {
            if (t.isOp('(')) parens++;
            else if (t.isOp(')') && parens > 0) parens--;
            return;
        }
        if (t.kind != Token.Kind.WORD || (before != null && before.isOp('.'))) return;
        boolean begin = t.is("BEGIN");
        boolean kase = t.is("CASE");
        boolean end = t.is("END");
        if (!begin && !kase && !end) return;
        if (blockStatement == null) {
            if (!begin && depth == 0) return; // CASE / END before any body: only counted inside blocks
            blockStatement = isBlockStatement(stmt, from);
        }
        if (!blockStatement) return;
        if (begin) {
            if (!pg) {
                depth++;
            } else {
                Token nx = lookahead.get();
                if (nx != null && nx.is("ATOMIC")) depth++;
            }
        } else if (kase) {
            if (endClosesCase) endClosesCase = false;
            else if (depth > 0 || !pg) depth++;
        } else if (depth > 0) {
            Token nx = lookahead.get();
            if (nx != null && (nx.is("IF") || nx.is("LOOP") || nx.is("WHILE") || nx.is("REPEAT"))) return;
            depth--;
            endClosesCase = nx != null && nx.is("CASE");
        }
    }

    /** Whether a {@code ;} seen now ends the statement. */
    boolean semicolonEnds() {
        return depth <= 0 && (!pg || parens == 0);
    }

    /**
     * CREATE [OR REPLACE] [DEFINER = user] [AGGREGATE] [CONSTRAINT] [TEMP] {TRIGGER | PROCEDURE |
     * FUNCTION | EVENT}, or MariaDB BEGIN NOT ATOMIC.
     */
    static boolean isBlockStatement(List<Token> t, int from) {
        int n = t.size();
        if (n <= from) return false;
        if (!t.get(from).is("CREATE")) {
            return n > from + 2 && t.get(from).is("BEGIN") && t.get(from + 1).is("NOT") && t.get(from + 2).is("ATOMIC");
        }
        int i = from + 1;
        if (i + 1 < n && t.get(i).is("OR") && t.get(i + 1).is("REPLACE")) i += 2;
        if (i < n && t.get(i).is("DEFINER")) {
            i++;
            if (i < n && t.get(i).isOp('=')) i++;
            if (i < n && t.get(i).is("CURRENT_USER")) {
                i++;
                if (i + 1 < n && t.get(i).isOp('(') && t.get(i + 1).isOp(')')) i += 2;
            } else {
                i++;
                if (i < n && t.get(i).isOp('@')) i += 2;
            }
        }
        while (i < n && (t.get(i).is("AGGREGATE") || t.get(i).is("CONSTRAINT") || t.get(i).is("TEMP") || t.get(i).is("TEMPORARY"))) i++;
        if (i >= n) return false;
        Token k = t.get(i);
        return k.is("TRIGGER") || k.is("PROCEDURE") || k.is("FUNCTION") || k.is("EVENT");
    }
}

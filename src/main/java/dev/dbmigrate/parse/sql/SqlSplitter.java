package dev.dbmigrate.parse.sql;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Statement.IgnoreDirective;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cuts SQL text into statements (token lists with exact offsets) and reads the directives found in
 * comments. Statements end at {@code ;} (see {@link BlockTracker} for bodies and parentheses), at a
 * MySQL {@code DELIMITER} string, at a SQL Server {@code GO} line, at a psql {@code \g} command, at a
 * goose {@code -- +goose StatementEnd}, or at the end of the text.
 *
 * <p>Skipped without choking: psql meta-command lines ({@code \set}, {@code \connect}...), the data
 * lines of {@code COPY ... FROM stdin} up to {@code \.}, and the DELIMITER lines themselves.
 *
 * <p>Directives: {@code -- db-migrate-ignore rule-a, rule-b} (rule ids separated by commas or
 * spaces; text after a {@code :} or a second {@code --} is a free reason; no ids = every rule)
 * applies to the statement that follows, or to the statement it sits inside;
 * {@code -- db-migrate-ignore-file}; runner directives that make the script non-transactional
 * (goose {@code -- +goose NO TRANSACTION}, dbmate {@code -- migrate:up transaction:false}, sqlx
 * {@code -- no-transaction} on the first line). The same directives work in {@code #} and block
 * comments.
 */
final class SqlSplitter {

    /** One statement: its tokens (no comments) and where its pieces end. */
    static final class Raw {
        final List<Token> tokens;
        /** Token index ranges [from, to) of the statements inside (more than one for a goose block). */
        final List<int[]> pieces;
        final IgnoreDirective ignore;

        Raw(List<Token> tokens, List<int[]> pieces, IgnoreDirective ignore) {
            this.tokens = tokens;
            this.pieces = pieces;
            this.ignore = ignore;
        }

        int start() {
            return tokens.get(0).start;
        }

        /** End offset without a trailing {@code ;}. */
        int end() {
            int i = tokens.size() - 1;
            while (i > 0 && tokens.get(i).isOp(';')) i--;
            return tokens.get(i).end;
        }
    }

    record Result(List<Raw> statements, int ignoreFileOffset, boolean noTransaction) {}

    private final String s;
    private final int n;
    private final Dialect dialect;
    private final LineIndex lines;
    private final SqlLexer lx;
    private final BlockTracker tracker;
    private final List<Raw> out = new ArrayList<>();

    private List<Token> cur = new ArrayList<>(64);
    private List<int[]> curPieces = new ArrayList<>();
    private int pieceStart;
    private IgnoreDirective curIgnore;
    private IgnoreDirective pendingIgnore;
    private String delimiter = ";";
    /** A DELIMITER other than ";" is in force. */
    private boolean customDelimiter;
    private final java.util.function.Supplier<Token> lookahead;
    private boolean inGooseBlock;
    private int ignoreFileOffset = -1;
    private boolean noTransaction;
    private boolean seenFirstLine;

    private SqlSplitter(String s, Dialect dialect, LineIndex lines) {
        this.s = s;
        this.n = s.length();
        this.dialect = dialect;
        this.lines = lines;
        this.lx = new SqlLexer(s, dialect);
        this.tracker = new BlockTracker(dialect);
        this.lookahead = lx::peekToken;
        tracker.reset(cur, 0);
    }

    static Result split(String text, Dialect dialect, LineIndex lines) {
        SqlSplitter sp = new SqlSplitter(text, dialect, lines);
        sp.run();
        return new Result(sp.out, sp.ignoreFileOffset, sp.noTransaction);
    }

    private void run() {
        while (true) {
            int p = lx.skipWhitespace();
            if (p >= n) break;
            char c0 = s.charAt(p);
            if ((c0 == '\\' || c0 == 'd' || c0 == 'D' || c0 == 'g' || c0 == 'G') && atLineStart(p) && lineCommand(p)) continue;
            if (customDelimiter && !inGooseBlock && s.startsWith(delimiter, p)) {
                lx.pos = p + delimiter.length();
                finish();
                continue;
            }
            Token t = lx.next();
            if (t == null) break;
            if (customDelimiter && (t.kind == Token.Kind.WORD || t.kind == Token.Kind.NUMBER || t.kind == Token.Kind.PARAM)) {
                int cut = s.indexOf(delimiter, t.start + 1);
                if (cut > 0 && cut < t.end) { // END$$ with DELIMITER $$: words may contain '$'
                    t = new Token(s, t.kind, t.start, cut);
                    lx.pos = cut;
                }
            }
            if (t.isComment()) {
                comment(t);
                continue;
            }
            seenFirstLine = true;
            if (!customDelimiter && t.isOp(';') && tracker.semicolonEnds()) {
                if (inGooseBlock) {
                    cur.add(t);
                    endPiece(cur.size());
                    continue;
                }
                boolean copyIn = isCopyFromStdin(cur);
                finish();
                if (copyIn) skipCopyData();
                continue;
            }
            if (cur.isEmpty()) {
                curIgnore = pendingIgnore;
                pendingIgnore = null;
            }
            cur.add(t);
            if (!customDelimiter) tracker.add(t, lookahead);
        }
        finish();
    }

    private boolean atLineStart(int p) {
        for (int i = p - 1; i >= 0; i--) {
            char c = s.charAt(i);
            if (c == '\n') return true;
            if (c != ' ' && c != '\t' && c != '\r') return false;
        }
        return true;
    }

    private int lineEnd(int p) {
        int e = s.indexOf('\n', p);
        return e < 0 ? n : e;
    }

    /** psql meta-commands, DELIMITER lines, SQL Server GO lines. */
    private boolean lineCommand(int p) {
        char c = s.charAt(p);
        int e = lineEnd(p);
        if (c == '\\') {
            if (s.startsWith("\\g", p) && !cur.isEmpty()) finish();
            lx.pos = e;
            seenFirstLine = true;
            return true;
        }
        if ((c == 'd' || c == 'D') && cur.isEmpty() && s.regionMatches(true, p, "DELIMITER", 0, 9)
                && p + 9 < n && (s.charAt(p + 9) == ' ' || s.charAt(p + 9) == '\t')) {
            String d = s.substring(p + 9, e).trim();
            int sp = d.indexOf(' ');
            if (sp > 0) d = d.substring(0, sp);
            if (!d.isEmpty()) delimiter = d;
            customDelimiter = !delimiter.equals(";");
            tracker.reset(cur, 0);
            lx.pos = e;
            seenFirstLine = true;
            return true;
        }
        if (dialect == Dialect.MSSQL && (c == 'g' || c == 'G') && s.substring(p, e).trim().equalsIgnoreCase("GO")) {
            finish();
            lx.pos = e;
            return true;
        }
        return false;
    }

    private static boolean isCopyFromStdin(List<Token> t) {
        if (t.isEmpty() || !t.get(0).is("COPY")) return false;
        int depth = 0;
        for (int i = 1; i + 1 < t.size(); i++) {
            Token k = t.get(i);
            if (k.isOp('(')) depth++;
            else if (k.isOp(')')) depth--;
            else if (depth == 0 && k.is("FROM") && t.get(i + 1).is("STDIN")) return true;
        }
        return false;
    }

    /** Skips the data lines after COPY ... FROM stdin; up to and including the {@code \.} line. */
    private void skipCopyData() {
        int p = lineEnd(lx.pos) + 1;
        while (p < n) {
            int e = lineEnd(p);
            String line = s.substring(p, e).trim();
            p = e + 1;
            if (line.equals("\\.")) break;
        }
        lx.pos = Math.min(p, n);
    }

    private void endPiece(int to) {
        if (to > pieceStart) curPieces.add(new int[] {pieceStart, to});
        pieceStart = to;
        tracker.reset(cur, to);
    }

    private void finish() {
        if (!cur.isEmpty()) {
            if (pieceStart < cur.size()) curPieces.add(new int[] {pieceStart, cur.size()});
            boolean onlySemicolons = true;
            for (Token t : cur) onlySemicolons &= t.isOp(';');
            if (!onlySemicolons) out.add(new Raw(cur, curPieces, curIgnore));
        }
        cur = new ArrayList<>(Math.max(16, cur.size()));
        curPieces = new ArrayList<>(1);
        pieceStart = 0;
        curIgnore = null;
        tracker.reset(cur, 0);
    }

    // ---- comments and directives ----------------------------------------------------------

    private void comment(Token t) {
        String body = commentBody(t);
        boolean firstLine = !seenFirstLine && lines.line(t.start) == lines.line(0);
        if (body.regionMatches(true, 0, "+goose", 0, 6)) {
            String cmd = body.substring(6).trim().toLowerCase(Locale.ROOT);
            if (cmd.equals("statementbegin")) {
                finish();
                inGooseBlock = true;
            } else if (cmd.equals("statementend")) {
                inGooseBlock = false;
                finish();
            } else if (cmd.replace(" ", "").equals("notransaction")) {
                noTransaction = true;
            }
            return;
        }
        String lower = body.toLowerCase(Locale.ROOT);
        if (lower.startsWith("migrate:up") && lower.contains("transaction:false")) {
            noTransaction = true;
            return;
        }
        if (firstLine && lower.equals("no-transaction")) {
            noTransaction = true;
            return;
        }
        if (isDirective(lower, "db-migrate-ignore-file")) {
            if (ignoreFileOffset < 0) ignoreFileOffset = t.start;
            return;
        }
        if (isDirective(lower, "db-migrate-ignore")) {
            IgnoreDirective d = new IgnoreDirective(lines.line(t.start), ruleIds(body.substring(17)));
            if (!cur.isEmpty()) curIgnore = merge(curIgnore, d);
            else pendingIgnore = merge(pendingIgnore, d);
        }
    }

    /** {@code text} starts with the directive word followed by nothing, a space or punctuation other than '-'. */
    private static boolean isDirective(String text, String word) {
        if (!text.startsWith(word)) return false;
        if (text.length() == word.length()) return true;
        char c = text.charAt(word.length());
        return !Character.isLetterOrDigit(c) && c != '-' && c != '_';
    }

    private static String commentBody(Token t) {
        String x = t.text();
        if (t.kind == Token.Kind.LINE_COMMENT) {
            x = x.startsWith("#") ? x.substring(1) : x.substring(2);
        } else {
            x = x.substring(2, x.length() >= 4 && x.endsWith("*/") ? x.length() - 2 : x.length());
        }
        return x.trim();
    }

    private static Set<String> ruleIds(String rest) {
        int cut = rest.length();
        int colon = rest.indexOf(':');
        if (colon >= 0) cut = colon;
        int dash = rest.indexOf("--");
        if (dash >= 0 && dash < cut) cut = dash;
        Set<String> ids = new LinkedHashSet<>();
        for (String part : rest.substring(0, cut).split("[,\\s]+")) {
            if (!part.isBlank()) ids.add(part.trim().toLowerCase(Locale.ROOT));
        }
        return ids;
    }

    private static IgnoreDirective merge(IgnoreDirective a, IgnoreDirective b) {
        if (a == null) return b;
        if (a.rules().isEmpty() || b.rules().isEmpty()) return new IgnoreDirective(a.line(), Set.of());
        Set<String> all = new LinkedHashSet<>(a.rules());
        all.addAll(b.rules());
        return new IgnoreDirective(a.line(), all);
    }
}

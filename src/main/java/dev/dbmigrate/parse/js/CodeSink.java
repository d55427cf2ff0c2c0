package dev.dbmigrate.parse.js;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.IgnoreDirective;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.support.ReadSupport;
import java.io.IOException;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Collects the statements of one ORM-code script (JavaScript, TypeScript or Ruby) with their real
 * positions in the file, and hands embedded SQL to the SQL engine. Shared by the JavaScript and
 * Ruby readers.
 *
 * <p>Positions: offsets into {@link Script#text()} map to file lines through
 * {@link Script#startLine()}; the text's first line may start mid-line in the file (a TypeORM
 * {@code up} method is indented), so its column offset is found by reading that line of the file.
 *
 * <p>Embedded SQL keeps its own lines when its literal maps one-to-one onto the source (a template
 * literal or heredoc without line-changing escapes): the SQL engine gets the literal's first line
 * and the columns of statements on that line are shifted to the literal's column. SQL that was
 * assembled (escapes, concatenation, interpolated constants, bindings) is re-positioned at the call.
 *
 * <p>Ignore directives: a {@code // db-migrate-ignore rule-a, rule-b} (JS) or {@code # db-migrate-ignore ...}
 * (Ruby) comment on the line before a call, or at the end of its line, applies to that call's
 * statements.
 */
public final class CodeSink {

    private static final Pattern IGNORE = Pattern.compile("^\\s*db-migrate-ignore(?![-\\w])\\s*(.*?)\\s*$");

    private final Script script;
    private final Dialect dialect;
    private final String file;
    private final String text;
    private final int[] lineStarts;
    private final int firstColumnOffset;
    private final BiFunction<Script, Dialect, ParsedScript> sqlEngine;
    private final Map<Integer, IgnoreDirective> ignores = new HashMap<>();
    private final List<Statement> out = new ArrayList<>();
    private final java.util.ArrayDeque<String> conditions = new java.util.ArrayDeque<>();

    public CodeSink(Script script, Dialect dialect, BiFunction<Script, Dialect, ParsedScript> sqlEngine) {
        this.script = script;
        this.dialect = dialect;
        this.file = script.file() == null ? null : script.file().toString();
        this.text = script.text() == null ? "" : script.text();
        List<Integer> starts = new ArrayList<>();
        starts.add(0);
        for (int k = 0; k < text.length(); k++) {
            if (text.charAt(k) == '\n') starts.add(k + 1);
        }
        this.lineStarts = starts.stream().mapToInt(Integer::intValue).toArray();
        this.firstColumnOffset = firstColumnOffset(script, text);
        this.sqlEngine = sqlEngine == null ? Parsers::parse : sqlEngine;
    }

    public Dialect dialect() {
        return dialect;
    }

    public String text() {
        return text;
    }

    public List<Statement> statements() {
        return out;
    }

    /** The column (0-based) in the file where the script text begins, found by reading that line of the file. */
    private static int firstColumnOffset(Script script, String text) {
        if (script.file() == null || text.isEmpty() || !Files.isRegularFile(script.file())) return 0;
        int nl = text.indexOf('\n');
        String first = (nl < 0 ? text : text.substring(0, nl)).stripTrailing();
        if (first.isEmpty()) return 0;
        try {
            String content = ReadSupport.decode(Files.readAllBytes(script.file()));
            String[] lines = content.split("\n", -1);
            int idx = script.startLine() - 1;
            if (idx < 0 || idx >= lines.length) return 0;
            int at = lines[idx].indexOf(first);
            return Math.max(0, at);
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    // ---- positions ---------------------------------------------------------------------------

    /** 0-based line index in the script text of an offset. */
    private int lineIndex(int offset) {
        int k = Arrays.binarySearch(lineStarts, Math.max(0, Math.min(offset, text.length())));
        return k >= 0 ? k : -k - 2;
    }

    /** 1-based line in the file of a script-text offset. */
    public int line(int offset) {
        return script.startLine() + lineIndex(offset);
    }

    /** 1-based column in the file of a script-text offset. */
    public int column(int offset) {
        int li = lineIndex(offset);
        int col = Math.max(0, Math.min(offset, text.length())) - lineStarts[li] + 1;
        return li == 0 ? col + firstColumnOffset : col;
    }

    // ---- ignore directives -----------------------------------------------------------------

    /** Registers a comment ({@code body} without its marker) that ends at {@code end}. */
    public void comment(int start, String body) {
        Matcher m = IGNORE.matcher(body);
        if (!m.matches()) return;
        Set<String> rules = new LinkedHashSet<>();
        for (String r : m.group(1).split("[,\\s]+")) {
            if (!r.isBlank()) rules.add(r.trim().toLowerCase(Locale.ROOT));
        }
        int l = line(start);
        ignores.put(l, new IgnoreDirective(l, rules));
    }

    private IgnoreDirective ignoreFor(int startLine, int endLine) {
        IgnoreDirective d = ignores.get(startLine - 1);
        if (d != null) return d;
        for (int l = startLine; l <= endLine; l++) {
            d = ignores.get(l);
            if (d != null) return d;
        }
        return null;
    }

    // ---- statements ------------------------------------------------------------------------

    /**
     * Statements added until the matching {@link #exitCondition()} run only when {@code condition}
     * holds (an {@code if} the reader cannot decide): they get an {@link Operation.Conditional} marker first.
     */
    public void enterCondition(String condition) {
        conditions.push(condition.replaceAll("\\s+", " ").trim());
    }

    public void exitCondition() {
        conditions.pop();
    }

    private List<Operation> marked(List<Operation> ops) {
        if (conditions.isEmpty()) return ops;
        List<String> all = new ArrayList<>(conditions);
        java.util.Collections.reverse(all);
        List<Operation> withMarker = new ArrayList<>();
        withMarker.add(new Operation.Conditional(String.join(" && ", all)));
        withMarker.addAll(ops);
        return withMarker;
    }

    /** An ORM statement over {@code [start, end)} doing {@code ops}. */
    public void orm(int start, int end, List<Operation> ops) {
        add(start, end, marked(ops), ParseStatus.ORM);
    }

    /** An UNPARSED statement over {@code [start, end)}. */
    public void unparsed(int start, int end, String reason) {
        add(start, end, List.of(new Operation.Unparsed(reason)), ParseStatus.UNPARSED);
    }

    private void add(int start, int end, List<Operation> ops, ParseStatus status) {
        int s = clamp(start);
        int e = Math.max(s, clamp(end));
        int endLine = line(Math.max(s, e - 1));
        out.add(new Statement(file, line(s), column(s), endLine, column(e), text.substring(s, e), ops, status,
                ignoreFor(line(s), endLine), null));
    }

    private int clamp(int offset) {
        return Math.max(0, Math.min(offset, text.length()));
    }

    /**
     * Where embedded SQL text sits in the script when its lines map one-to-one onto the source:
     * {@code start} is the offset of its first character; SQL columns on its first line shift by
     * {@code firstShift} and on the other lines by {@code otherShift} (the indentation a squiggly
     * heredoc removed).
     */
    public record SqlOrigin(int start, int firstShift, int otherShift) {}

    /** The origin of a literal whose text is exactly the source at {@code contentStart}, or null when it is not. */
    public SqlOrigin literalOrigin(String sql, int contentStart) {
        if (contentStart < 0 || !text.startsWith(sql, clamp(contentStart))) return null;
        return new SqlOrigin(contentStart, column(contentStart) - 1, 0);
    }

    /**
     * Hands {@code sql} to the SQL engine. With an {@code origin} its statements keep their own
     * lines; without, every statement is re-positioned at the call {@code [callStart, callEnd)}.
     */
    public void sql(String sql, SqlOrigin origin, int callStart, int callEnd) {
        if (sql == null || sql.isBlank()) {
            unparsed(callStart, callEnd, "empty SQL");
            return;
        }
        int startLine = origin != null ? line(origin.start()) : line(callStart);
        ParsedScript parsed;
        try {
            parsed = sqlEngine.apply(new Script(script.file(), sql, startLine, Script.Language.SQL, script.part()), dialect);
        } catch (InputException e) {
            unparsed(callStart, callEnd, "SQL not analysed: " + e.getMessage());
            return;
        }
        IgnoreDirective callIgnore = ignoreFor(line(callStart), line(Math.max(callStart, callEnd - 1)));
        for (Statement st : parsed.statements()) {
            IgnoreDirective ig = st.ignore() != null ? st.ignore() : callIgnore;
            if (st.status() != ParseStatus.UNPARSED) st = st.withOperations(marked(st.operations()), st.status());
            if (origin != null) {
                int col = st.column() + (st.line() == startLine ? origin.firstShift() : origin.otherShift());
                int endCol = st.endColumn() + (st.endLine() == startLine ? origin.firstShift() : origin.otherShift());
                out.add(new Statement(file, st.line(), col, st.endLine(), endCol, st.text(), st.operations(), st.status(), ig, st.reversible()));
            } else {
                int e = Math.max(callStart, callEnd - 1);
                out.add(new Statement(file, line(callStart), column(callStart), line(e), column(callEnd), st.text(), st.operations(),
                        st.status(), ig, st.reversible()));
            }
        }
    }

    /**
     * Runs {@code body} over a fresh sink for {@code script}; an internal error becomes one
     * UNPARSED statement over the whole script (never an exception out of a parser).
     */
    public static ParsedScript run(Script script, Dialect dialect, BiFunction<Script, Dialect, ParsedScript> sqlEngine,
                                   java.util.function.Consumer<CodeSink> body) {
        CodeSink sink = new CodeSink(script, dialect == null ? Dialect.POSTGRESQL : dialect, sqlEngine);
        try {
            body.accept(sink);
        } catch (RuntimeException | StackOverflowError e) {
            org.slf4j.LoggerFactory.getLogger(CodeSink.class).warn("{}: internal error reading the migration code: {}", script.file(), e.toString());
            sink.out.clear();
            sink.unparsed(0, sink.text.length(), "internal error while reading the code: " + e);
        }
        return sink.result(false);
    }

    /** The whole file a script comes from (its imports, module constants); "" when it cannot be read. */
    public static String fileText(Script script) {
        if (script.file() == null || !Files.isRegularFile(script.file())) return "";
        try {
            return ReadSupport.decode(Files.readAllBytes(script.file()));
        } catch (IOException | RuntimeException e) {
            return "";
        }
    }

    /** Whether the SQL engine said the script must run outside a transaction. */
    public ParsedScript result(boolean noTransaction) {
        return new ParsedScript(script, out, false, 0, noTransaction);
    }
}

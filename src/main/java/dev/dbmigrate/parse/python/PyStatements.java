package dev.dbmigrate.parse.python;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.IgnoreDirective;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.parse.python.PyNode.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Collects the {@link Statement}s of one Python migration part: ORM calls positioned at their
 * call, unreadable code with its reason, and SQL strings handed to the SQL engine
 * ({@link Parsers#parse}) and re-positioned at the Python call that runs them. Reads
 * {@code # db-migrate-ignore rule-a, rule-b} comments (on the call's line or the comment lines
 * right above it) and {@code # db-migrate-ignore-file}.
 */
public final class PyStatements {

    private static final String IGNORE = "db-migrate-ignore";
    private static final String IGNORE_FILE = "db-migrate-ignore-file";

    private final Script script;
    private final Dialect dialect;
    private final PyModule module;
    private final Map<Integer, String> comments = new HashMap<>();
    private final List<Statement> out = new ArrayList<>();
    private int ignoreFileLine;

    public PyStatements(Script script, Dialect dialect, PyModule module) {
        this.script = script;
        this.dialect = dialect;
        this.module = module;
        for (PyTokenizer.Comment c : module.comments()) {
            String text = c.text().trim();
            if (text.startsWith(IGNORE_FILE)) {
                if (ignoreFileLine == 0) ignoreFileLine = c.line();
            } else {
                comments.put(c.line(), text);
            }
        }
    }

    public int size() {
        return out.size();
    }

    /** Replaces the statement at {@code index} (used to add markers after the fact). */
    public void set(int index, Statement st) {
        out.set(index, st);
    }

    public Statement get(int index) {
        return out.get(index);
    }

    public ParsedScript result(boolean noTransaction) {
        return new ParsedScript(script, out, ignoreFileLine > 0, ignoreFileLine, noTransaction);
    }

    /** An ORM step at {@code span}, its text the source of the span. */
    public Statement orm(Span span, List<Operation> ops, Boolean reversible) {
        Statement st = new Statement(file(), span.line(), span.col(), span.endLine(), span.endCol(), module.text(span), ops,
                ParseStatus.ORM, ignoreAt(span.line()), reversible);
        out.add(st);
        return st;
    }

    /** Code that could not be read: one UNPARSED statement at {@code span}. */
    public Statement unparsed(Span span, String reason) {
        Statement st = new Statement(file(), span.line(), span.col(), span.endLine(), span.endCol(), module.text(span),
                List.of(new Operation.Unparsed(reason)), ParseStatus.UNPARSED, ignoreAt(span.line()), null);
        out.add(st);
        return st;
    }

    /**
     * Hands {@code sql} to the SQL engine and adds its statements, each re-positioned at the call
     * ({@code at}) that runs it. When the SQL engine is missing or fails, one UNPARSED statement
     * holding the SQL is added instead.
     */
    public void sql(String sql, Span at, Boolean reversible) {
        ParsedScript parsed;
        try {
            parsed = Parsers.parse(new Script(script.file(), sql, at.line(), Script.Language.SQL, null), dialect);
        } catch (RuntimeException e) {
            out.add(new Statement(file(), at.line(), at.col(), at.endLine(), at.endCol(), sql.strip(),
                    List.of(new Operation.Unparsed("the SQL could not be read: " + e.getMessage())), ParseStatus.UNPARSED,
                    ignoreAt(at.line()), reversible));
            return;
        }
        for (Statement st : parsed.statements()) {
            IgnoreDirective ignore = st.ignore() != null ? st.ignore() : ignoreAt(at.line());
            out.add(new Statement(file(), at.line(), at.col(), at.endLine(), at.endCol(), st.text(), st.operations(), st.status(), ignore, reversible));
        }
    }

    /** The ignore directive on {@code line} or on the comment lines right above it. */
    public IgnoreDirective ignoreAt(int line) {
        for (int l = line; l >= line - 20; l--) {
            String c = comments.get(l);
            if (c == null) {
                if (l == line) continue;
                return null;
            }
            if (c.startsWith(IGNORE)) {
                String rest = c.substring(IGNORE.length()).trim();
                Set<String> rules = new LinkedHashSet<>();
                for (String r : rest.split("[,\\s]+")) {
                    if (!r.isBlank()) rules.add(r.trim());
                }
                return new IgnoreDirective(l, rules);
            }
        }
        return null;
    }

    private String file() {
        return script.file() == null ? "" : script.file().toString();
    }
}

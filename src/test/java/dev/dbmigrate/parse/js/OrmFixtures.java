package dev.dbmigrate.parse.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.Readers;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;

/** Fixture projects under src/test/resources/projects/jsruby/, read with the real readers. */
public final class OrmFixtures {

    private OrmFixtures() {}

    public static Path root(String name) {
        try {
            return Path.of(OrmFixtures.class.getResource("/projects/jsruby/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Migration migration(Tool tool, String project, String idPrefix) {
        ReadResult r = Readers.read(tool, new ReadContext(root(project), null, null));
        return r.migrations().stream().filter(m -> m.id().startsWith(idPrefix)).findFirst()
                .orElseThrow(() -> new AssertionError("no migration " + idPrefix + " in " + r.migrations().stream().map(Migration::id).toList()));
    }

    /** An SQL engine stand-in that records what it was given and returns one statement per call. */
    public static final class RecordingSql implements BiFunction<Script, Dialect, ParsedScript> {
        public final List<Script> scripts = new ArrayList<>();

        @Override
        public ParsedScript apply(Script s, Dialect d) {
            scripts.add(s);
            Statement st = new Statement(s.file() == null ? null : s.file().toString(), s.startLine(), 1, s.startLine(), 2, s.text().trim(),
                    List.of(new Operation.OpaqueCode("sql", "recorded", false, List.of())), Statement.ParseStatus.FALLBACK, null, null);
            return new ParsedScript(s, List.of(st), false, 0, false);
        }
    }

    public static List<Operation> ops(ParsedScript ps) {
        return ps.statements().stream().flatMap(s -> s.operations().stream()).toList();
    }

    @SuppressWarnings("unchecked")
    public static <T extends Operation> List<T> ops(ParsedScript ps, Class<T> type) {
        return ops(ps).stream().filter(type::isInstance).map(o -> (T) o).toList();
    }

    public static <T extends Operation> T op(ParsedScript ps, Class<T> type) {
        List<T> all = ops(ps, type);
        assertThat(all).as("one " + type.getSimpleName() + " in " + ops(ps)).hasSize(1);
        return all.get(0);
    }

    /** The statement whose operations include one of {@code type}. */
    public static Statement statementWith(ParsedScript ps, Class<? extends Operation> type) {
        return ps.statements().stream().filter(s -> s.operations().stream().anyMatch(type::isInstance)).findFirst()
                .orElseThrow(() -> new AssertionError("no statement with " + type.getSimpleName() + " in " + ps.statements()));
    }

    public static List<Statement> unparsed(ParsedScript ps) {
        return ps.statements().stream().filter(s -> s.status() == Statement.ParseStatus.UNPARSED).toList();
    }

    public static String dump(ParsedScript ps) {
        StringBuilder sb = new StringBuilder();
        for (Statement s : ps.statements()) {
            sb.append(s.line()).append(':').append(s.column()).append(' ').append(s.status()).append(' ').append(s.operations()).append('\n');
        }
        return sb.toString();
    }
}

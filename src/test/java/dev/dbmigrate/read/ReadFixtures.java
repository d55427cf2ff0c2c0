package dev.dbmigrate.read;

import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;

/** Fixture projects under src/test/resources/projects/read/. */
public final class ReadFixtures {

    private ReadFixtures() {}

    public static Path root(String name) {
        try {
            return Path.of(ReadFixtures.class.getResource("/projects/read/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads a fixture project with the tool's registered reader and its default locations. */
    public static ReadResult read(Tool tool, String name) {
        return Readers.read(tool, new ReadContext(root(name), null, null));
    }

    public static List<String> ids(ReadResult r) {
        return r.migrations().stream().map(Migration::id).toList();
    }

    public static List<String> kinds(ReadResult r) {
        return r.problems().stream().map(ReadResult.Problem::kind).toList();
    }

    public static Migration byId(ReadResult r, String id) {
        return r.migrations().stream().filter(m -> m.id().equals(id)).findFirst()
                .orElseThrow(() -> new AssertionError("no migration " + id + " in " + ids(r)));
    }

    public static ReadResult.Problem problem(ReadResult r, String kind, String migration) {
        return r.problems().stream().filter(p -> p.kind().equals(kind) && p.migrations().contains(migration)).findFirst()
                .orElseThrow(() -> new AssertionError("no " + kind + " problem for " + migration + " in " + r.problems()));
    }
}

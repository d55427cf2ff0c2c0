package dev.dbmigrate.parse.python;

import dev.dbmigrate.parse.python.PyNode.Span;
import java.util.List;
import java.util.Optional;

/**
 * A read Python source: its statements, comments, and the source text for slicing spans.
 *
 * @param source    the text that was read
 * @param firstLine the file line of the text's first line
 * @param body      top-level statements
 * @param comments  every comment with its position
 */
public record PyModule(String source, int firstLine, List<PyStmt> body, List<PyTokenizer.Comment> comments) {

    /** The source text of a span. */
    public String text(Span span) {
        int a = Math.max(0, Math.min(span.start(), source.length()));
        int b = Math.max(a, Math.min(span.end(), source.length()));
        return source.substring(a, b);
    }

    public String text(PyNode node) {
        return text(node.span());
    }

    /** The top-level {@code def name(...)}, if any. */
    public Optional<PyStmt.Def> function(String name) {
        for (PyStmt st : body) {
            if (st instanceof PyStmt.Def d && d.name().equals(name)) return Optional.of(d);
        }
        return Optional.empty();
    }

    /** The top-level {@code class name(...)}, if any. */
    public Optional<PyStmt.ClassDef> classDef(String name) {
        for (PyStmt st : body) {
            if (st instanceof PyStmt.ClassDef c && c.name().equals(name)) return Optional.of(c);
        }
        return Optional.empty();
    }

    /** The value last assigned to a plain name at top level ({@code x = ...} / {@code x: T = ...}). */
    public Optional<PyNode> assigned(String name) {
        return PyNodes.assigned(body, name);
    }
}

package dev.dbmigrate.read.support;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/**
 * Splits a SQL file at marker comment lines ({@code -- +goose Up}, {@code -- migrate:down},
 * {@code -- DOWN}...), keeping each part's real first line.
 */
public final class Sections {

    private Sections() {}

    /**
     * A part of the file.
     *
     * @param marker     the marker line as written, or null for the text before the first marker
     * @param markerLine 1-based line of the marker (0 for the preamble)
     * @param bodyLine   1-based line where {@code body} starts
     * @param body       the lines after the marker up to the next marker, line breaks kept
     */
    public record Section(String marker, int markerLine, int bodyLine, String body) {}

    /** The preamble (always first, possibly empty) followed by one section per marker line. */
    public static List<Section> split(String text, Predicate<String> isMarker) {
        TextLines lines = TextLines.of(text);
        List<Section> out = new ArrayList<>();
        String marker = null;
        int markerLine = 0;
        int bodyLine = 1;
        for (int n = 1; n <= lines.count(); n++) {
            String l = lines.line(n);
            if (isMarker.test(l)) {
                out.add(new Section(marker, markerLine, bodyLine, lines.slice(bodyLine, n)));
                marker = l;
                markerLine = n;
                bodyLine = n + 1;
            }
        }
        out.add(new Section(marker, markerLine, Math.min(bodyLine, Math.max(1, lines.count() + 1)), bodyLine > lines.count() ? "" : lines.slice(bodyLine, lines.count() + 1)));
        return out;
    }
}

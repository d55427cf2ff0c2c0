package dev.dbmigrate.cli;

import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import java.io.PrintWriter;
import picocli.CommandLine.Option;

/** The --format option shared by commands that print text or JSON. */
public final class FormatOption {

    @Option(names = "--format", defaultValue = "text", paramLabel = "text|json",
            description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}). json prints only JSON on stdout.")
    TextOrJson format = TextOrJson.text;

    public enum TextOrJson { text, json }

    /** Prints a result record in the chosen format. */
    void print(PrintWriter out, Object result) {
        if (format == TextOrJson.json) {
            out.println(Json.pretty(result));
        } else {
            String text = TextRenderer.render(result);
            out.print(text.endsWith("\n") ? text : text + "\n");
        }
        out.flush();
    }
}

package dev.dbmigrate.mcp;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.modelcontextprotocol.server.McpServerFeatures.SyncPromptSpecification;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The six /db-migrate actions as MCP prompts, for clients other than Claude Code. The text is the Claude Code
 * command itself ({@code commands/<action>.md}, packaged into the jar under {@code /prompts/}): its frontmatter
 * gives the description, its body the instructions, with the plugin-qualified tool names reduced to the plain
 * ones and {@code $ARGUMENTS} replaced by the prompt's arguments. One text, two faces.
 */
public final class Prompts {

    /** How Claude Code names this plugin's tools: {@code mcp__plugin_<plugin>_<server>__<tool>}. */
    public static final String CLAUDE_TOOL_PREFIX = "mcp__plugin_db-migrate_db-migrate__";

    /** An argument of a prompt. */
    public record Arg(String name, String description, boolean required) {}

    /**
     * One action.
     *
     * @param writes whether the workflow writes (files, databases): such prompts are not offered in read-only mode
     */
    public record Action(String name, String title, boolean writes, List<Arg> args) {}

    private static final Arg PROJECT = new Arg("projectPath", "Project root (default: the server's working directory).", false);
    private static final Arg DATABASE = new Arg("databaseUrl",
            "Optional database URL (postgresql://, mysql://, mariadb://, sqlite:, jdbc:), read with read-only queries.", false);

    public static final List<Action> ACTIONS = List.of(
            new Action("setup", "Set up db-migrate for a project", true, List.of(PROJECT)),
            new Action("generate", "Generate a migration", true, List.of(
                    new Arg("description", "The schema change in words (\"add a nullable phone column to users\"), or 'from models' to diff the ORM models.", true),
                    PROJECT)),
            new Action("validate", "Validate migration safety", false, List.of(
                    new Arg("path", "Migration file or migrations folder (default: the detected migrations folder).", false),
                    DATABASE, PROJECT)),
            new Action("plan", "Plan a migration's deployment", false, List.of(
                    new Arg("path", "Migration file to plan (default: the newest migration).", false),
                    DATABASE, PROJECT)),
            new Action("history", "Migration history and state", false, List.of(PROJECT, DATABASE)),
            new Action("rollback", "Roll back a migration", true, List.of(
                    new Arg("migration", "Migration id or version prefix to roll back (default: the latest).", false),
                    new Arg("target", "Roll back every migration after this one instead.", false),
                    PROJECT)));

    private static final YAMLMapper YAML = new YAMLMapper();

    private Prompts() {}

    /** The actions offered: all of them, or only those that do not write in read-only mode. */
    public static List<Action> offered(boolean readOnly) {
        return ACTIONS.stream().filter(a -> !readOnly || !a.writes()).toList();
    }

    static List<SyncPromptSpecification> specifications(boolean readOnly) {
        return offered(readOnly).stream().map(Prompts::specification).toList();
    }

    private static SyncPromptSpecification specification(Action action) {
        Command command = Command.load(action.name());
        McpSchema.Prompt prompt = McpSchema.Prompt.builder(action.name())
                .title(action.title())
                .description(command.description())
                .arguments(action.args().stream()
                        .map(a -> McpSchema.PromptArgument.builder(a.name()).description(a.description()).required(a.required()).build())
                        .toList())
                .build();
        return new SyncPromptSpecification(prompt, (exchange, request) -> McpSchema.GetPromptResult
                .builder(List.of(new McpSchema.PromptMessage(McpSchema.Role.USER,
                        new McpSchema.TextContent(render(command, action, request.arguments())))))
                .description(command.description())
                .build());
    }

    /** The command body for a client that names tools plainly, with the given arguments filled in. */
    static String render(Command command, Action action, Map<String, Object> arguments) {
        Map<String, Object> given = arguments == null ? Map.of() : arguments;
        String args = action.args().stream()
                .filter(a -> given.get(a.name()) != null && !given.get(a.name()).toString().isBlank())
                .map(a -> a.name() + "=" + given.get(a.name()))
                .collect(Collectors.joining(" "));
        return command.body()
                .replace(CLAUDE_TOOL_PREFIX, "")
                .replace("$ARGUMENTS", args.isEmpty() ? "(none given)" : args);
    }

    /** A command file: the description from its frontmatter and the body after it. */
    record Command(String description, String body) {

        static Command load(String name) {
            String path = "/prompts/" + name + ".md";
            try (InputStream in = Prompts.class.getResourceAsStream(path)) {
                if (in == null) throw new IllegalStateException("missing prompt resource " + path);
                return parse(path, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }

        static Command parse(String source, String text) {
            String t = text.replace("\r\n", "\n");
            int end = t.startsWith("---\n") ? t.indexOf("\n---\n", 4) : -1;
            if (end < 0) throw new IllegalStateException(source + ": no frontmatter");
            JsonNode front;
            try {
                front = YAML.readTree(t.substring(4, end));
            } catch (IOException e) {
                throw new IllegalStateException(source + ": bad frontmatter: " + e.getMessage(), e);
            }
            JsonNode description = front == null ? null : front.get("description");
            if (description == null || description.asText().isBlank()) throw new IllegalStateException(source + ": no description");
            return new Command(description.asText(), t.substring(end + 5).strip() + "\n");
        }
    }
}

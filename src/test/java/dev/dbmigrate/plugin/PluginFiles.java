package dev.dbmigrate.plugin;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dbmigrate.mcp.Prompts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** The Claude Code plugin files of this repository (commands, agents, skills, manifest), parsed. */
final class PluginFiles {

    /**
     * MCP tools that the markdown already names but that land with a later issue. Each entry: the issue, and the
     * readOnlyHint the issue documents. The tests print this list; remove an entry when its tool is registered.
     */
    static final Map<String, Pending> PENDING = Map.of();

    record Pending(int issue, boolean readOnly) {}

    /** Any name in Claude Code's MCP tool syntax; {@link Prompts#CLAUDE_TOOL_PREFIX} is the only valid prefix. */
    static final Pattern MCP_NAME = Pattern.compile("mcp__[A-Za-z0-9_-]+");

    private static final YAMLMapper YAML = new YAMLMapper();

    /** A markdown file: its frontmatter and its body. */
    record Markdown(Path path, JsonNode front, String body) {

        String text(String field) {
            JsonNode n = front.get(field);
            return n == null || n.isNull() ? null : n.asText();
        }

        /** A list field written as a YAML list or a comma-separated string (Claude Code accepts both). */
        List<String> list(String field) {
            JsonNode n = front.get(field);
            if (n == null || n.isNull()) return List.of();
            if (n.isArray()) {
                List<String> out = new ArrayList<>();
                n.forEach(e -> out.add(e.asText().trim()));
                return out;
            }
            return splitTopLevel(n.asText());
        }

        String name() {
            return path.getFileName().toString().replaceFirst("\\.md$", "");
        }
    }

    private PluginFiles() {}

    static Path root() {
        Path dir = Path.of(System.getProperty("basedir", "")).toAbsolutePath();
        if (!Files.isRegularFile(dir.resolve(".claude-plugin/plugin.json"))) {
            throw new IllegalStateException("not the repository root: " + dir);
        }
        return dir;
    }

    static JsonNode manifest() {
        try {
            return new ObjectMapper().readTree(root().resolve(".claude-plugin/plugin.json").toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Markdown> commands() {
        return list(root().resolve("commands"), "glob:*.md");
    }

    static List<Markdown> agents() {
        return list(root().resolve("agents"), "glob:*.md");
    }

    static List<Markdown> skills() {
        try (Stream<Path> dirs = Files.list(root().resolve("skills"))) {
            return dirs.filter(Files::isDirectory).sorted().map(d -> parse(d.resolve("SKILL.md"))).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static List<Markdown> all() {
        return Stream.of(commands(), agents(), skills()).flatMap(List::stream).toList();
    }

    static Markdown command(String name) {
        return parse(root().resolve("commands").resolve(name + ".md"));
    }

    static Markdown agent(String name) {
        return parse(root().resolve("agents").resolve(name + ".md"));
    }

    private static List<Markdown> list(Path dir, String glob) {
        var matcher = dir.getFileSystem().getPathMatcher(glob);
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> matcher.matches(p.getFileName())).sorted().map(PluginFiles::parse).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Parses the frontmatter with Jackson YAML; a file without one, or with bad YAML, fails with its path. */
    static Markdown parse(Path file) {
        try {
            String t = Files.readString(file, StandardCharsets.UTF_8).replace("\r\n", "\n");
            if (!t.startsWith("---\n")) throw new IllegalStateException(file + ": no frontmatter");
            int end = t.indexOf("\n---\n", 4);
            if (end < 0) throw new IllegalStateException(file + ": frontmatter not closed");
            JsonNode front = YAML.readTree(t.substring(4, end));
            if (front == null || !front.isObject()) throw new IllegalStateException(file + ": frontmatter is not a mapping");
            return new Markdown(file, front, t.substring(end + 5));
        } catch (IOException e) {
            throw new IllegalStateException(file + ": " + e.getMessage(), e);
        }
    }

    /** Every MCP-style tool name in a text (frontmatter and body). */
    static Set<String> mcpNames(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = MCP_NAME.matcher(text);
        while (m.find()) out.add(m.group());
        return out;
    }

    static String raw(Markdown md) {
        try {
            return Files.readString(md.path(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** "A, Bash(x, y:*), C" -> [A, Bash(x, y:*), C]: commas inside parentheses do not split. */
    static List<String> splitTopLevel(String s) {
        List<String> out = new ArrayList<>();
        int depth = 0;
        StringBuilder cur = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c == '(') depth++;
            if (c == ')') depth--;
            if (c == ',' && depth == 0) {
                out.add(cur.toString().trim());
                cur.setLength(0);
            } else {
                cur.append(c);
            }
        }
        if (!cur.toString().isBlank()) out.add(cur.toString().trim());
        return out;
    }
}

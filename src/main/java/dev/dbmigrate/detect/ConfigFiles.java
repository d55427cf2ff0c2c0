package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dbmigrate.read.support.IniFile;
import java.io.StringReader;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.UnaryOperator;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * Parsed config files (JSON, TOML, YAML, .properties, INI, .env), each parsed once per scan. A file
 * that exists but does not parse is noted in the detection's evidence and treated as absent.
 */
final class ConfigFiles {

    private ConfigFiles() {}

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final TomlMapper TOML = new TomlMapper();

    /** Result of parsing: the value, or the parse error. */
    private record Parsed<T>(T value, String error) {}

    private interface Parser<T> {
        T parse(String text) throws Exception;
    }

    private static <T> Optional<T> parse(Found f, Path file, String kind, Parser<T> parser) {
        Optional<String> text = f.text(file);
        if (text.isEmpty()) return Optional.empty();
        Parsed<T> p = f.root.context().memo(kind, file, () -> {
            try {
                return new Parsed<>(parser.parse(text.get()), null);
            } catch (Exception e) {
                String msg = String.valueOf(e.getMessage()).lines().findFirst().orElse("");
                return new Parsed<>(null, msg.length() > 120 ? msg.substring(0, 120) + "..." : msg);
            }
        });
        if (p.error() != null) f.evidence(f.rel(file) + ": not valid " + kind + " (" + p.error() + "), skipped");
        return Optional.ofNullable(p.value());
    }

    static Optional<JsonNode> json(Found f, Path file) {
        return parse(f, file, "JSON", JSON::readTree);
    }

    static Optional<JsonNode> toml(Found f, Path file) {
        return parse(f, file, "TOML", TOML::readTree);
    }

    /** YAML as plain maps and lists (anchors and merge keys resolved, as in database.yml). */
    static Optional<Object> yaml(Found f, Path file) {
        return yaml(f, file, UnaryOperator.identity());
    }

    /** YAML after a text rewrite (database.yml: ERB tags replaced first). */
    static Optional<Object> yaml(Found f, Path file, UnaryOperator<String> rewrite) {
        return parse(f, file, "YAML", text -> new Yaml(new SafeConstructor(new LoaderOptions())).load(rewrite.apply(text)));
    }

    static Optional<Properties> properties(Found f, Path file) {
        return parse(f, file, "properties", text -> {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return p;
        });
    }

    /** INI as Python's configparser reads alembic.ini ({@link IniFile}: sections, continuation lines, %(here)s). */
    static Optional<IniFile> ini(Found f, Path file) {
        return parse(f, file, "INI", text -> IniFile.parse(text, file.getParent().toString()));
    }

    /** A .env file: KEY=VALUE lines, optional "export", quotes removed, comments skipped. */
    static Optional<Map<String, String>> env(Found f, Path file) {
        return parse(f, file, "env", ConfigFiles::parseEnv);
    }

    static Map<String, String> parseEnv(String text) {
        Map<String, String> env = new LinkedHashMap<>();
        for (String raw : text.split("\r?\n")) {
            String line = raw.strip();
            if (line.isEmpty() || line.startsWith("#")) continue;
            if (line.startsWith("export ")) line = line.substring(7).strip();
            int eq = line.indexOf('=');
            if (eq <= 0) continue;
            String key = line.substring(0, eq).strip();
            String value = line.substring(eq + 1).strip();
            if (value.length() >= 2 && (value.charAt(0) == '"' || value.charAt(0) == '\'') && value.endsWith(value.substring(0, 1))) {
                value = value.substring(1, value.length() - 1);
            } else {
                int hash = value.indexOf(" #");
                if (hash >= 0) value = value.substring(0, hash).strip();
            }
            env.put(key, value);
        }
        return env;
    }

    /** Reads a dotted path ("a.b.c") from YAML maps. */
    static Object yamlPath(Object node, String dotted) {
        Object cur = node;
        for (String part : dotted.split("\\.")) {
            if (!(cur instanceof Map<?, ?> m)) return null;
            cur = m.get(part);
        }
        return cur;
    }

    static String text(JsonNode node) {
        return node == null || node.isNull() || node.isMissingNode() ? null : node.isValueNode() ? node.asText() : null;
    }

}

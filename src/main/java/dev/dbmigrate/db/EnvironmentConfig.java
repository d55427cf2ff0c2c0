package dev.dbmigrate.db;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dbmigrate.InputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code environments} part of {@code .db-migrate.yml} (until a shared config class exists):
 *
 * <pre>
 * environments:
 *   dev: postgresql://localhost/app_dev
 *   staging:
 *     url: ${STAGING_DATABASE_URL}      # ${VAR} is read from the process environment
 *     historySchema: app                # optional: where the tool's history table lives
 *     historyTable: schema_history      # optional: its name when not the tool's default
 * </pre>
 *
 * Keep passwords out of the file: use {@code ${VAR}}.
 */
public record EnvironmentConfig(Path file, Map<String, Env> environments) {

    public static final List<String> FILE_NAMES = List.of(".db-migrate.yml", ".db-migrate.yaml");
    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::-([^}]*))?}");

    /** One named environment; {@code url} may still hold {@code ${VAR}} references. */
    public record Env(String name, String url, String historySchema, String historyTable) {}

    public EnvironmentConfig {
        environments = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /** The first {@code .db-migrate.yml} found in {@code dirs} (in order), or empty. */
    public static Optional<EnvironmentConfig> find(Path... dirs) {
        for (Path d : dirs) {
            if (d == null) continue;
            for (String n : FILE_NAMES) {
                Path f = d.resolve(n);
                if (Files.isRegularFile(f)) return Optional.of(load(f));
            }
        }
        return Optional.empty();
    }

    /** @throws InputException when the file is not valid YAML or {@code environments} is malformed */
    public static EnvironmentConfig load(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (JacksonException e) {
            int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
            throw InputException.at(file, line, "not valid YAML: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.at(file, 0, "cannot read: " + e.getMessage());
        }
        Map<String, Env> envs = new LinkedHashMap<>();
        JsonNode node = root == null ? null : root.get("environments");
        if (node == null || node.isNull()) return new EnvironmentConfig(file, envs);
        if (!node.isObject()) throw InputException.at(file, 0, "'environments' must be a map of name: url (or name: {url: ...})");
        for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            if (v.isTextual()) {
                envs.put(e.getKey(), new Env(e.getKey(), v.asText(), null, null));
            } else if (v.isObject() && v.hasNonNull("url")) {
                envs.put(e.getKey(), new Env(e.getKey(), v.get("url").asText(), text(v, "historySchema"), text(v, "historyTable")));
            } else {
                throw InputException.at(file, 0, "environment '" + e.getKey() + "' needs a url (name: url, or name: {url: ...})");
            }
        }
        return new EnvironmentConfig(file, envs);
    }

    private static String text(JsonNode n, String field) {
        return n.hasNonNull(field) ? n.get(field).asText() : null;
    }

    /**
     * Replaces {@code ${VAR}} and {@code ${VAR:-default}} with values from {@code env}.
     *
     * @throws InputException naming the variable when one is not set
     */
    public static String expand(String text, Function<String, String> env) {
        Matcher m = VAR.matcher(text);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            String v = env.apply(m.group(1));
            if (v == null || v.isEmpty()) v = m.group(2);
            if (v == null) throw new InputException("environment variable " + m.group(1) + " is not set");
            m.appendReplacement(sb, Matcher.quoteReplacement(v));
        }
        m.appendTail(sb);
        return sb.toString();
    }
}

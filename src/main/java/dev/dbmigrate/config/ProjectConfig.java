package dev.dbmigrate.config;

import com.fasterxml.jackson.annotation.JsonAlias;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Tool;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The project's {@code .db-migrate.yml} (at the project root). Every key is optional:
 *
 * <pre>
 * dialect: postgresql          # postgresql | mysql | mariadb | sqlite
 * pgVersion: 15
 * tool: prisma                 # override detection
 * migrations: prisma/migrations
 * failOn: error                # error | warning | info (CLI exit code 1 at or above)
 * rules:                       # rule id -> off | error | warning | info
 *   prefer-text-field: off
 *   require-lock-timeout: error
 * exclude:                     # globs relative to the project root
 *   - "db/migrations/legacy/**"
 * environments:                # for history / drift; ${VAR} reads the environment when that one is used
 *   dev:     { url: "postgresql://localhost/app_dev" }
 *   staging: { url: "${STAGING_DATABASE_URL}" }
 * </pre>
 */
public record ProjectConfig(
        Path file,
        Dialect dialect,
        Integer pgVersion,
        Tool tool,
        String migrations,
        Severity failOn,
        Map<String, String> rules,
        List<String> exclude,
        Map<String, Environment> environments) {

    public static final String FILE_NAME = ".db-migrate.yml";

    public static final ProjectConfig EMPTY = new ProjectConfig(null, null, null, null, null, null, Map.of(), List.of(), Map.of());

    public ProjectConfig {
        rules = rules == null ? Map.of() : Map.copyOf(rules);
        exclude = exclude == null ? List.of() : List.copyOf(exclude);
        environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(environments));
    }

    /**
     * A named environment: its database URL as written, where {@code ${VAR}} still stands for an
     * environment variable. {@link #expandedUrl()} reads the variables when the environment is used,
     * so that an unset variable of one environment does not stop the others (or validate).
     *
     * @param file the config file it comes from, for messages (null when not from a file)
     */
    public record Environment(String name, String url, Path file) {

        /** An environment that does not come from a config file. */
        public static Environment of(String name, String url) {
            return new Environment(name, url, null);
        }

        /**
         * The URL with every {@code ${VAR}} replaced by the variable's value.
         *
         * @throws InputException naming the file, the key and the variable when a variable is not set
         */
        public String expandedUrl() {
            return expandedUrl(System::getenv);
        }

        String expandedUrl(Function<String, String> getenv) {
            Matcher m = VAR.matcher(url);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = getenv.apply(m.group(1));
                if (v == null) {
                    throw InputException.at(file, lineOf(file, m.group()), "environments." + name + ".url uses " + m.group() + ", which is not set");
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            return sb.toString();
        }
    }

    /** The line of the first occurrence of {@code text} in the file, 0 when unknown. */
    private static int lineOf(Path file, String text) {
        if (file == null) return 0;
        try {
            List<String> lines = Files.readAllLines(file);
            for (int i = 0; i < lines.size(); i++) if (lines.get(i).contains(text)) return i + 1;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
        return 0;
    }

    @JsonIgnoreProperties(ignoreUnknown = false)
    record Raw(String dialect, @JsonAlias("pg_version") Integer pgVersion, String tool, String migrations,
               @JsonAlias("fail_on") String failOn, Map<String, String> rules, List<String> exclude,
               Map<String, Map<String, String>> environments) {}

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    /** Loads {@code .db-migrate.yml} from the project root, or {@link #EMPTY} when there is none. */
    public static ProjectConfig load(Path projectRoot) {
        if (projectRoot == null) return EMPTY;
        Path f = projectRoot.resolve(FILE_NAME);
        if (!Files.isRegularFile(f)) {
            Path alt = projectRoot.resolve(".db-migrate.yaml");
            if (!Files.isRegularFile(alt)) return EMPTY;
            f = alt;
        }
        return parse(f);
    }

    static ProjectConfig parse(Path f) {
        Raw raw;
        try {
            String text = Files.readString(f);
            if (text.isBlank()) return new ProjectConfig(f, null, null, null, null, null, Map.of(), List.of(), Map.of());
            raw = YAML.readValue(text, Raw.class);
        } catch (UnrecognizedPropertyException e) {
            throw InputException.at(f, line(e), "unknown key '" + e.getPropertyName() + "' (known: dialect, pgVersion, tool, migrations, failOn, rules, exclude, environments)");
        } catch (JsonMappingException e) {
            throw InputException.at(f, line(e), "invalid value: " + e.getOriginalMessage());
        } catch (IOException e) {
            throw InputException.at(f, 0, "cannot read: " + e.getMessage());
        }
        if (raw == null) return new ProjectConfig(f, null, null, null, null, null, Map.of(), List.of(), Map.of());
        Dialect dialect = null;
        if (raw.dialect() != null) {
            dialect = Dialect.fromId(raw.dialect()).orElseThrow(() -> InputException.at(f, 0, "unknown dialect '" + raw.dialect() + "' (postgresql, mysql, mariadb, sqlite)"));
        }
        Tool tool = null;
        if (raw.tool() != null) {
            tool = Tool.fromId(raw.tool()).orElseThrow(() -> InputException.at(f, 0, "unknown tool '" + raw.tool() + "'"));
        }
        Severity failOn = null;
        if (raw.failOn() != null) {
            failOn = Severity.fromId(raw.failOn()).orElseThrow(() -> InputException.at(f, 0, "failOn must be error, warning or info, not '" + raw.failOn() + "'"));
        }
        Map<String, String> rules = new LinkedHashMap<>();
        if (raw.rules() != null) {
            for (Map.Entry<String, String> e : raw.rules().entrySet()) {
                String v = String.valueOf(e.getValue()).trim().toLowerCase(Locale.ROOT);
                if (v.equals("false")) v = "off";
                if (!v.equals("off") && Severity.fromId(v).isEmpty()) {
                    throw InputException.at(f, 0, "rules." + e.getKey() + " must be off, error, warning or info, not '" + e.getValue() + "'");
                }
                rules.put(e.getKey(), v);
            }
        }
        Map<String, Environment> envs = new LinkedHashMap<>();
        if (raw.environments() != null) {
            for (Map.Entry<String, Map<String, String>> e : raw.environments().entrySet()) {
                String url = e.getValue() == null ? null : e.getValue().get("url");
                if (url == null) throw InputException.at(f, 0, "environments." + e.getKey() + " needs a url");
                envs.put(e.getKey(), new Environment(e.getKey(), url, f));
            }
        }
        return new ProjectConfig(f, dialect, raw.pgVersion(), tool, raw.migrations(), failOn, rules, raw.exclude(), envs);
    }

    private static int line(JsonMappingException e) {
        JsonLocation loc = e.getLocation();
        return loc == null ? 0 : loc.getLineNr();
    }

    private static final Pattern VAR = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)}");

    /** Rule ids switched off. */
    public List<String> disabledRules() {
        List<String> out = new ArrayList<>();
        rules.forEach((k, v) -> {
            if (v.equals("off")) out.add(k);
        });
        return out;
    }

    /** Rule id -> severity overrides. */
    public Map<String, Severity> severityOverrides() {
        Map<String, Severity> out = new LinkedHashMap<>();
        rules.forEach((k, v) -> Severity.fromId(v).ifPresent(s -> out.put(k, s)));
        return out;
    }

    /** True when {@code path} matches an {@code exclude} glob (relative to {@code root}). */
    public boolean excluded(Path root, Path path) {
        if (exclude.isEmpty() || root == null) return false;
        Path rel;
        try {
            rel = root.relativize(path.toAbsolutePath().normalize());
        } catch (IllegalArgumentException e) {
            return false;
        }
        for (String glob : exclude) {
            PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + glob);
            if (m.matches(rel)) return true;
        }
        return false;
    }

    public Optional<Path> fileOpt() {
        return Optional.ofNullable(file);
    }
}

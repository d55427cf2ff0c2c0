package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Flyway and Liquibase share in a JVM project: the Maven/Gradle build, Spring Boot's
 * application.properties / application.yml (flattened to dotted keys), JDBC URLs and driver dependencies.
 */
final class JvmProject {

    static final String RESOURCES = "src/main/resources/";
    private static final Pattern JDBC_URL = Pattern.compile("jdbc:(?:tc:)?[a-z0-9]+:[^\\s\"'<>}]*");

    final Optional<Manifests.JvmBuild> build;
    /** Spring Boot properties (keys lower-case, dotted), and the file each came from. */
    final Map<String, String> spring = new LinkedHashMap<>();
    final Map<String, Path> springFile = new LinkedHashMap<>();

    private JvmProject(Optional<Manifests.JvmBuild> build) {
        this.build = build;
    }

    static JvmProject of(Found f, ProjectDir dir) {
        JvmProject p = new JvmProject(Manifests.jvm(f, dir));
        Path props = dir.resolve(RESOURCES + "application.properties");
        if (dir.isFile(props)) {
            ConfigFiles.properties(f, props).ifPresent(pr -> {
                for (String k : pr.stringPropertyNames()) p.put(k, pr.getProperty(k), props);
            });
        }
        for (String name : List.of("application.yml", "application.yaml")) {
            Path yml = dir.resolve(RESOURCES + name);
            if (dir.isFile(yml)) ConfigFiles.yaml(f, yml).ifPresent(y -> p.flatten("", y, yml));
        }
        return p;
    }

    private void put(String key, String value, Path file) {
        String k = key.toLowerCase(java.util.Locale.ROOT).replaceAll("\\[\\d+]$", "");
        spring.merge(k, value, (a, b) -> a + "," + b);
        springFile.putIfAbsent(k, file);
    }

    private void flatten(String prefix, Object node, Path file) {
        if (node instanceof Map<?, ?> m) {
            for (Map.Entry<?, ?> e : m.entrySet()) flatten(prefix.isEmpty() ? String.valueOf(e.getKey()) : prefix + "." + e.getKey(), e.getValue(), file);
        } else if (node instanceof List<?> l) {
            for (Object o : l) flatten(prefix, o, file);
        } else if (node != null) {
            put(prefix, String.valueOf(node), file);
        }
    }

    boolean hasSpringPrefix(String prefix) {
        return spring.keySet().stream().anyMatch(k -> k.startsWith(prefix));
    }

    Deps deps() {
        return build.map(Manifests.JvmBuild::deps).orElse(Deps.NONE);
    }

    boolean mavenPlugin(String artifactId) {
        return build.isPresent() && build.get().maven() && deps().get(artifactId).isPresent();
    }

    boolean gradlePlugin(String id) {
        return build.isPresent() && !build.get().maven() && deps().get(id).isPresent();
    }

    String pluginConfig(String artifactId, String key) {
        return build.map(b -> b.pluginConfig().getOrDefault(artifactId, Map.of()).get(key)).orElse(null);
    }

    /** Records a Spring property as evidence and returns its value, or null when unset. */
    String springValue(Found f, String key) {
        String v = spring.get(key);
        if (v != null) {
            Path file = springFile.get(key);
            f.read(file);
            f.evidence(f.rel(file) + ": " + key + "=" + v);
        }
        return v;
    }

    /** Adds a Spring property holding a URL to {@code urls} (label "file: key"), when set. */
    void springUrl(Found f, String key, Map<String, String> urls) {
        String v = spring.get(key);
        if (v == null) return;
        f.read(springFile.get(key));
        urls.putIfAbsent(f.rel(springFile.get(key)) + ": " + key, v);
    }

    /** "classpath:db/migration" -> src/main/resources/db/migration; "filesystem:sql" -> sql (relative to the root). */
    static Path location(ProjectDir dir, String location, boolean jvm) {
        String l = location.strip();
        if (l.startsWith("classpath:")) return dir.resolve(RESOURCES + l.substring(10).replaceFirst("^/+", ""));
        if (l.startsWith("filesystem:")) return dir.resolve(l.substring(11));
        return jvm ? dir.resolve(RESOURCES + l.replaceFirst("^/+", "")) : dir.resolve(l);
    }

    /** The dialect of the first JDBC URL in a value (which may be "${DB_URL:jdbc:postgresql://...}"). */
    static Dialect jdbcDialect(String value) {
        if (value == null) return null;
        Matcher m = JDBC_URL.matcher(value);
        return m.find() ? Dialects.ofUrl(m.group()) : null;
    }

    /** Dialect from the given URLs (already in priority order), then JDBC URLs in the build file, then drivers. */
    void dialect(Found f, Map<String, String> urls) {
        for (Map.Entry<String, String> u : urls.entrySet()) {
            Dialect d = jdbcDialect(u.getValue());
            if (d != null) f.dialect(d, u.getKey() + "=" + u.getValue());
        }
        build.ifPresent(b -> {
            Matcher m = JDBC_URL.matcher(b.text());
            if (m.find()) f.dialect(Dialects.ofUrl(m.group()), f.rel(b.file()) + ": " + m.group());
        });
        deps().dialectFromDrivers(f, Dialects.JVM_DRIVERS);
        DbHints.fallback(f);
    }

}

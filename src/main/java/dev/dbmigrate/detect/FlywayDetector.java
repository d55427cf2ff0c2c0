package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Flyway: V&lt;version&gt;__&lt;description&gt;.sql (plus R__ repeatable and U&lt;version&gt;__ undo) in the
 * configured locations (flyway.conf, flyway.toml, spring.flyway.locations, the Maven/Gradle plugin) or
 * src/main/resources/db/migration; the database from flyway.url / spring.datasource.url or the JDBC driver.
 */
final class FlywayDetector implements Detector {

    private static final String[] ARTIFACTS = {"org.flywaydb:flyway-core", "org.flywaydb:flyway-database-postgresql",
            "org.flywaydb:flyway-mysql", "org.flywaydb:flyway-sqlserver", "flyway-maven-plugin", "org.flywaydb.flyway"};
    private static final Pattern GRADLE_LOCATIONS = Pattern.compile("locations\\s*=\\s*(?:\\[|arrayOf\\(|listOf\\()?\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern JAVA_MIGRATION = Pattern.compile("^V\\d[\\w.]*__\\w+\\.(java|kt)$");

    @Override
    public Tool tool() {
        return Tool.FLYWAY;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        SqlLayout layout = dir.sqlLayout();
        boolean jvmBuild = dir.hasFile("pom.xml") || dir.hasFile("build.gradle") || dir.hasFile("build.gradle.kts");
        Optional<Path> conf = dir.firstFile("flyway.conf", "conf/flyway.conf");
        Optional<Path> toml = dir.firstFile("flyway.toml", "conf/flyway.toml");
        if (!jvmBuild && conf.isEmpty() && toml.isEmpty()) {
            if (!layout.is(SqlLayout.Kind.FLYWAY)) return Optional.empty();
            ProjectDir root = dir.projectRoot();
            Found f = new Found(Tool.FLYWAY, root);
            describe(f, dir.path(), layout);
            return Optional.of(finish(f, root, JvmProject.of(f, root), layout, Map.of(), false));
        }
        Found f = new Found(Tool.FLYWAY, dir);
        JvmProject jvm = JvmProject.of(f, dir);
        boolean dep = jvm.deps().declare(f, ARTIFACTS);
        boolean springFlyway = jvm.hasSpringPrefix("spring.flyway.");
        if (!dep && conf.isEmpty() && toml.isEmpty() && !springFlyway && !dir.isDir(JvmProject.RESOURCES + "db/migration")) {
            return Optional.empty();
        }
        List<String> locations = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        conf.ifPresent(c -> ConfigFiles.properties(f, c).ifPresent(p -> {
            f.config(c, p.getProperty("flyway.locations") == null ? "" : "flyway.locations=" + p.getProperty("flyway.locations"));
            split(p.getProperty("flyway.locations"), locations);
            if (p.getProperty("flyway.url") != null) urls.put(f.rel(c) + ": flyway.url", p.getProperty("flyway.url"));
            history(f, c, "flyway.", p.getProperty("flyway.table"), p.getProperty("flyway.defaultSchema"), p.getProperty("flyway.schemas"));
        }));
        toml.ifPresent(t -> ConfigFiles.toml(f, t).ifPresent(n -> {
            JsonNode locs = n.at("/flyway/locations");
            locs.forEach(l -> locations.add(l.asText()));
            f.config(t, locs.isEmpty() ? "" : "locations = " + locs);
            for (Iterator<Map.Entry<String, JsonNode>> it = n.path("environments").fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String url = ConfigFiles.text(e.getValue().get("url"));
                if (url != null) urls.putIfAbsent(f.rel(t) + ": environments." + e.getKey() + ".url", url);
            }
            String env = n.at("/flyway/environment").isValueNode() ? n.at("/flyway/environment").asText() : "default";
            JsonNode schemas = n.at("/flyway/schemas").isArray() ? n.at("/flyway/schemas") : n.path("environments").path(env).path("schemas");
            history(f, t, "", ConfigFiles.text(n.at("/flyway/table")), ConfigFiles.text(n.at("/flyway/defaultSchema")),
                    schemas.isArray() && !schemas.isEmpty() ? schemas.get(0).asText() : null);
        }));
        if (springFlyway) {
            split(jvm.springValue(f, "spring.flyway.locations"), locations);
            Path props = jvm.springFile.getOrDefault("spring.flyway.table", jvm.springFile.get("spring.flyway.default-schema"));
            if (props != null) {
                history(f, props, "spring.flyway.", jvm.spring.get("spring.flyway.table"), jvm.spring.get("spring.flyway.default-schema"),
                        jvm.spring.get("spring.flyway.schemas"));
            }
        }
        if (jvm.build.isPresent()) {
            history(f, jvm.build.get().file(), "flyway-maven-plugin ", jvm.pluginConfig("flyway-maven-plugin", "table"),
                    jvm.pluginConfig("flyway-maven-plugin", "defaultSchema"), jvm.pluginConfig("flyway-maven-plugin", "schemas"));
        }
        split(jvm.pluginConfig("flyway-maven-plugin", "locations"), locations);
        jvm.build.ifPresent(b -> {
            if (b.maven()) return;
            Matcher m = GRADLE_LOCATIONS.matcher(b.text());
            if (m.find()) locations.add(m.group(1));
        });
        jvm.springUrl(f, "spring.flyway.url", urls);
        jvm.springUrl(f, "spring.datasource.url", urls);
        String pluginUrl = jvm.pluginConfig("flyway-maven-plugin", "url");
        if (pluginUrl != null) urls.putIfAbsent("pom.xml: flyway-maven-plugin <url>", pluginUrl);

        Path folder = null;
        for (String l : locations) {
            Path p = JvmProject.location(dir, l, jvmBuild);
            if (l.contains("{vendor}")) p = vendorFolder(dir, p, l);
            if (p != null && dir.isDir(p)) {
                folder = p;
                break;
            }
        }
        if (folder == null) {
            for (String d : List.of(JvmProject.RESOURCES + "db/migration", "sql", "migrations", "db/migration")) {
                if (dir.at(dir.resolve(d)).sqlLayout().is(SqlLayout.Kind.FLYWAY)) {
                    folder = dir.resolve(d);
                    break;
                }
            }
            if (folder == null && dir.isDir(JvmProject.RESOURCES + "db/migration")) folder = dir.resolve(JvmProject.RESOURCES + "db/migration");
        }
        SqlLayout l = folder == null ? SqlLayout.NONE : dir.at(folder).sqlLayout();
        if (l.is(SqlLayout.Kind.FLYWAY)) describe(f, folder, l);
        else if (folder != null) f.partial(folder, "no V<version>__<description>.sql migrations yet");
        boolean configured = conf.isPresent() || toml.isPresent();
        if (!dep && !configured && !springFlyway && !f.hasLayout()) return Optional.empty();
        return Optional.of(finish(f, dir, jvm, l, urls, configured));
    }

    /** Spring Boot's "classpath:db/migration/{vendor}": the vendor folder that exists (postgresql, mysql...). */
    private static Path vendorFolder(ProjectDir dir, Path resolved, String location) {
        String text = resolved.toString();
        int at = text.indexOf("{vendor}");
        Path parent = Path.of(text.substring(0, at));
        String rest = text.substring(at + "{vendor}".length());
        for (String vendor : List.of("postgresql", "mysql", "mariadb", "sqlite", "sqlserver")) {
            Path p = Path.of(parent + "/" + vendor + rest).normalize();
            if (dir.isDir(p)) return p;
        }
        return null;
    }

    /**
     * Flyway's history table: {@code table} in {@code defaultSchema}, else in the first of {@code schemas}
     * (Spring spells the keys default-schema / schemas).
     */
    private static void history(Found f, Path file, String prefix, String table, String defaultSchema, String schemas) {
        boolean spring = prefix.startsWith("spring");
        String schema = defaultSchema != null && !defaultSchema.isBlank() ? defaultSchema : Found.firstOf(schemas);
        f.historyTable(schema, table, null, f.settings(file, prefix + "table", table, prefix + (spring ? "default-schema" : "defaultSchema"), defaultSchema,
                prefix + "schemas", schemas));
    }

    private static void split(String csv, List<String> out) {
        if (csv == null) return;
        for (String s : csv.split(",")) if (!s.isBlank()) out.add(s.strip());
    }

    private static void describe(Found f, Path folder, SqlLayout layout) {
        long versioned = layout.migrations().stream().filter(n -> n.startsWith("V")).count();
        long repeatable = layout.migrations().stream().filter(n -> n.startsWith("R__")).count();
        long undo = layout.migrations().stream().filter(n -> n.startsWith("U")).count();
        f.layout(folder, Cmd.count(versioned, "versioned migration") + " (V<version>__<description>.sql)"
                + (repeatable > 0 ? ", " + repeatable + " repeatable (R__)" : "") + (undo > 0 ? ", " + undo + " undo (U<version>__)" : ""));
    }

    private static Detection finish(Found f, ProjectDir root, JvmProject jvm, SqlLayout layout, Map<String, String> urls, boolean configured) {
        Path javaMigrations = root.resolve("src/main/java/db/migration");
        long java = root.files(javaMigrations).stream().filter(n -> JAVA_MIGRATION.matcher(n).matches()).count();
        if (java > 0) f.evidence(f.rel(javaMigrations) + ": " + Cmd.count(java, "Java migration"));
        jvm.dialect(f, urls);
        boolean springBoot = jvm.deps().get("org.springframework.boot", "spring-boot-maven-plugin", "org.springframework.boot:spring-boot-starter",
                "org.springframework.boot:spring-boot-starter-jdbc", "org.springframework.boot:spring-boot-starter-data-jpa").isPresent();
        if (springBoot && jvm.deps().get("org.flywaydb:flyway-core").isPresent()) f.evidence("Spring Boot runs these migrations at application start-up");

        Path m = f.migrations();
        String rel = m == null ? JvmProject.RESOURCES + "db/migration" : f.rel(m);
        String next = layout.latest() == null ? "1" : layout.sequential() ? layout.nextVersion() : "<yyyyMMddHHmmss>";
        String create = Cmd.none("Flyway has no create command; add " + rel + "/V" + next + "__<description>.sql");
        String undoNote = "  # Flyway Teams/Enterprise only, runs U<version>__ undo scripts; Community edition: add a new V migration that reverts the change";
        if (jvm.mavenPlugin("flyway-maven-plugin")) {
            return f.build(new Detection.Commands(create, "mvn flyway:migrate", "mvn flyway:undo" + undoNote, "mvn flyway:info"));
        }
        if (jvm.gradlePlugin("org.flywaydb.flyway")) {
            return f.build(new Detection.Commands(create, "./gradlew flywayMigrate", "./gradlew flywayUndo" + undoNote, "./gradlew flywayInfo"));
        }
        String loc = configured || m == null ? "" : " -locations=filesystem:" + Cmd.quote(rel);
        String conn = configured ? "" : "  # connection from FLYWAY_URL, FLYWAY_USER, FLYWAY_PASSWORD";
        return f.build(new Detection.Commands(create, "flyway" + loc + " migrate" + conn, "flyway" + loc + " undo" + undoNote,
                "flyway" + loc + " info" + conn));
    }
}

package dev.dbmigrate.detect;

import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase: the root changelog named by liquibase.properties (changeLogFile), spring.liquibase.change-log,
 * the Maven/Gradle plugin, or Spring Boot's default db/changelog/db.changelog-master.*; XML, YAML, JSON
 * or formatted SQL changelogs; the database from the url property or the JDBC driver.
 */
final class LiquibaseDetector implements Detector {

    private static final String[] ARTIFACTS = {"org.liquibase:liquibase-core", "liquibase-maven-plugin", "org.liquibase.gradle"};
    private static final Pattern CHANGELOG_NAME = Pattern.compile("(?i)^.*change-?log.*\\.(xml|ya?ml|json|sql)$");
    private static final Pattern ENTRIES = Pattern.compile("(?i)\\b(changeSet|include|includeAll)\\b|^--\\s*changeset\\b", Pattern.MULTILINE);
    private static final Pattern GRADLE_CHANGELOG = Pattern.compile("change[lL]ogFile['\"]?\\s*[:=]\\s*['\"]([^'\"]+)['\"]");

    @Override
    public Tool tool() {
        return Tool.LIQUIBASE;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Optional<Detection> root = rootBased(dir);
        return root.isPresent() ? root : folderBased(dir);
    }

    private Optional<Detection> rootBased(ProjectDir dir) {
        boolean jvmBuild = dir.hasFile("pom.xml") || dir.hasFile("build.gradle") || dir.hasFile("build.gradle.kts");
        Optional<Path> props = dir.firstFile("liquibase.properties", JvmProject.RESOURCES + "liquibase.properties");
        if (!jvmBuild && props.isEmpty()) return Optional.empty();
        Found f = new Found(Tool.LIQUIBASE, dir);
        JvmProject jvm = JvmProject.of(f, dir);
        boolean dep = jvm.deps().declare(f, ARTIFACTS);
        boolean spring = jvm.hasSpringPrefix("spring.liquibase.");
        Optional<Path> defaultChangelog = dir.firstFile(JvmProject.RESOURCES + "db/changelog/db.changelog-master.yaml",
                JvmProject.RESOURCES + "db/changelog/db.changelog-master.yml", JvmProject.RESOURCES + "db/changelog/db.changelog-master.xml",
                JvmProject.RESOURCES + "db/changelog/db.changelog-master.json", JvmProject.RESOURCES + "db/changelog/db.changelog-master.sql");
        if (!dep && props.isEmpty() && !spring && defaultChangelog.isEmpty()) return Optional.empty();

        List<Path> candidates = new ArrayList<>();
        Map<String, String> urls = new LinkedHashMap<>();
        props.ifPresent(p -> ConfigFiles.properties(f, p).ifPresent(pr -> {
            String cl = first(pr, "changeLogFile", "changelog-file", "liquibase.command.changelogFile", "changelogFile");
            f.config(p, cl == null ? "" : "changeLogFile: " + cl);
            if (cl != null) {
                candidates.add(JvmProject.location(dir, cl, false));
                candidates.add(p.resolveSibling(cl.replaceFirst("^classpath:/?", "")));
                candidates.add(dir.resolve(JvmProject.RESOURCES + cl.replaceFirst("^classpath:/?", "")));
            }
            String url = first(pr, "url", "liquibase.command.url");
            if (url != null) urls.put(f.rel(p) + ": url", url);
            String table = first(pr, "databaseChangeLogTableName", "liquibase.databaseChangeLogTableName");
            String lock = first(pr, "databaseChangeLogLockTableName", "liquibase.databaseChangeLogLockTableName");
            String schema = first(pr, "liquibaseSchemaName", "liquibase.liquibaseSchemaName");
            String defaultSchema = first(pr, "defaultSchemaName", "liquibase.command.defaultSchemaName", "liquibase.defaultSchemaName");
            f.historyTable(schema != null ? schema : defaultSchema, table, lock, f.settings(p, "databaseChangeLogTableName", table,
                    "databaseChangeLogLockTableName", lock, "liquibaseSchemaName", schema, "defaultSchemaName", defaultSchema));
        }));
        if (spring) {
            String cl = jvm.springValue(f, "spring.liquibase.change-log");
            if (cl != null) candidates.add(JvmProject.location(dir, cl, true));
            jvm.springUrl(f, "spring.liquibase.url", urls);
            String table = jvm.spring.get("spring.liquibase.database-change-log-table");
            String lock = jvm.spring.get("spring.liquibase.database-change-log-lock-table");
            String schema = jvm.spring.get("spring.liquibase.liquibase-schema");
            String defaultSchema = jvm.spring.get("spring.liquibase.default-schema");
            Path file = jvm.springFile.get(table != null ? "spring.liquibase.database-change-log-table" : schema != null ? "spring.liquibase.liquibase-schema"
                    : lock != null ? "spring.liquibase.database-change-log-lock-table" : "spring.liquibase.default-schema");
            if (file != null) {
                f.historyTable(schema != null ? schema : defaultSchema, table, lock, f.settings(file, "spring.liquibase.database-change-log-table", table,
                        "spring.liquibase.database-change-log-lock-table", lock, "spring.liquibase.liquibase-schema", schema,
                        "spring.liquibase.default-schema", defaultSchema));
            }
        }
        jvm.springUrl(f, "spring.datasource.url", urls);
        String pluginChangelog = jvm.pluginConfig("liquibase-maven-plugin", "changeLogFile");
        if (pluginChangelog != null) {
            candidates.add(dir.resolve(pluginChangelog));
            candidates.add(JvmProject.location(dir, pluginChangelog, true));
        }
        String pluginUrl = jvm.pluginConfig("liquibase-maven-plugin", "url");
        if (pluginUrl != null) urls.putIfAbsent("pom.xml: liquibase-maven-plugin <url>", pluginUrl);
        jvm.build.filter(b -> !b.maven()).ifPresent(b -> {
            Matcher m = GRADLE_CHANGELOG.matcher(b.text());
            if (m.find()) candidates.add(JvmProject.location(dir, m.group(1), true));
        });
        defaultChangelog.ifPresent(candidates::add);

        Path changelog = candidates.stream().filter(dir::isFile).findFirst().orElse(null);
        if (changelog != null) describe(f, changelog);
        else if (!candidates.isEmpty()) f.evidence(f.rel(candidates.get(0)) + ": changelog not found");
        if (!dep && props.isEmpty() && !spring && !f.hasLayout()) return Optional.empty();
        jvm.dialect(f, urls);
        if (spring && dep) f.evidence("Spring Boot runs this changelog at application start-up");
        return Optional.of(f.build(commands(f, jvm, props.isPresent() && props.get().getParent().equals(dir.path()))));
    }

    /** A formatted-SQL folder or a *changelog* file found without a project config. */
    private Optional<Detection> folderBased(ProjectDir dir) {
        Path changelog = null;
        if (dir.sqlLayout().is(SqlLayout.Kind.LIQUIBASE_SQL)) {
            changelog = dir.path();
        } else {
            List<Path> changelogs = new ArrayList<>();
            for (String n : dir.files()) {
                if (!CHANGELOG_NAME.matcher(n).matches()) continue;
                String text = dir.text(dir.resolve(n)).orElse("");
                if (text.contains("databaseChangeLog") || text.toLowerCase(java.util.Locale.ROOT).contains("liquibase formatted sql")) {
                    changelogs.add(dir.resolve(n));
                }
            }
            if (changelogs.isEmpty()) return Optional.empty();
            changelog = changelogs.stream().filter(p -> p.getFileName().toString().matches("(?i).*(master|root|main).*"))
                    .findFirst().orElse(changelogs.get(0));
        }
        ProjectDir root = dir.projectRoot();
        Found f = new Found(Tool.LIQUIBASE, root);
        if (changelog.equals(dir.path())) {
            f.layout(changelog, Cmd.count(dir.sqlLayout().migrations().size(), "formatted SQL changelog") + " (-- liquibase formatted sql)");
        } else {
            describe(f, changelog);
        }
        JvmProject jvm = JvmProject.of(f, root);
        Map<String, String> urls = new LinkedHashMap<>();
        jvm.dialect(f, urls);
        return Optional.of(f.build(commands(f, jvm, false)));
    }

    private static void describe(Found f, Path changelog) {
        String text = f.text(changelog).orElse("");
        Matcher m = ENTRIES.matcher(text);
        int includes = 0;
        int changeSets = 0;
        while (m.find()) {
            if (m.group(1) == null || m.group(1).equalsIgnoreCase("changeSet")) changeSets++;
            else includes++;
        }
        boolean valid = text.contains("databaseChangeLog") || text.toLowerCase(java.util.Locale.ROOT).contains("liquibase formatted sql");
        if (!valid) {
            f.partial(changelog, "not a Liquibase changelog (no databaseChangeLog)");
            return;
        }
        // XML closes each element: count opening tags only
        if (changelog.toString().endsWith(".xml")) {
            changeSets = count(text, "<changeSet");
            includes = count(text, "<include");
        }
        List<String> parts = new ArrayList<>();
        if (changeSets > 0 || includes == 0) parts.add(Cmd.count(changeSets, "changeSet"));
        if (includes > 0) parts.add(Cmd.count(includes, "include"));
        f.layout(changelog, "changelog with " + String.join(" and ", parts));
    }

    private static int count(String text, String needle) {
        int n = 0;
        for (int i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) n++;
        return n;
    }

    private static String first(Properties p, String... keys) {
        for (String k : keys) if (p.getProperty(k) != null && !p.getProperty(k).isBlank()) return p.getProperty(k).strip();
        return null;
    }

    private static Detection.Commands commands(Found f, JvmProject jvm, boolean propsAtRoot) {
        Path changelog = f.migrations();
        String rel = changelog == null ? "<changelog>" : f.rel(changelog);
        String create = Cmd.none("Liquibase has no create command; add a changeSet to " + rel);
        if (jvm.mavenPlugin("liquibase-maven-plugin")) {
            return new Detection.Commands(create, "mvn liquibase:update", "mvn liquibase:rollback -Dliquibase.rollbackCount=1", "mvn liquibase:status");
        }
        if (jvm.gradlePlugin("org.liquibase.gradle")) {
            return new Detection.Commands(create, "./gradlew update", "./gradlew rollbackCount -PliquibaseCommandValue=1", "./gradlew status");
        }
        String cl;
        if (propsAtRoot || changelog == null) {
            cl = "";
        } else if (rel.startsWith(JvmProject.RESOURCES)) {
            // includes are resolved against the classpath root
            cl = " --search-path=" + JvmProject.RESOURCES.substring(0, JvmProject.RESOURCES.length() - 1)
                    + " --changelog-file=" + Cmd.quote(rel.substring(JvmProject.RESOURCES.length()));
        } else {
            cl = " --changelog-file=" + Cmd.quote(f.root.isDir(changelog) ? rel + "/<changelog>.sql" : rel);
        }
        return new Detection.Commands(create, "liquibase update" + cl, "liquibase rollback-count --count=1" + cl, "liquibase status --verbose" + cl);
    }
}

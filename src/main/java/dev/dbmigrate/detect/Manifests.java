package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Reads the declared dependencies of a directory, one method per ecosystem. */
final class Manifests {

    private Manifests() {}

    // ---------------------------------------------------------------- Node

    static Optional<JsonNode> packageJson(Found f, ProjectDir dir) {
        Path p = dir.resolve("package.json");
        return dir.isFile(p) ? ConfigFiles.json(f, p) : Optional.empty();
    }

    static Deps node(Found f, ProjectDir dir) {
        Optional<JsonNode> pkg = packageJson(f, dir);
        if (pkg.isEmpty()) return Deps.NONE;
        Deps deps = new Deps();
        Path file = dir.resolve("package.json");
        for (String section : List.of("dependencies", "devDependencies", "peerDependencies", "optionalDependencies")) {
            JsonNode s = pkg.get().get(section);
            if (s == null || !s.isObject()) continue;
            String kind = section.equals("dependencies") ? "dependency" : section.substring(0, section.length() - 12) + "Dependency";
            for (Iterator<Map.Entry<String, JsonNode>> it = s.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                deps.add(new Deps.Dep(e.getKey(), e.getValue().asText(""), file, kind, null, false));
            }
        }
        return deps;
    }

    // ---------------------------------------------------------------- Python

    private static final Pattern REQUIREMENT = Pattern.compile("^([A-Za-z0-9][A-Za-z0-9._-]*)\\s*(?:\\[[^\\]]*\\])?\\s*([^;#]*)");

    static Deps python(Found f, ProjectDir dir) {
        Deps deps = new Deps();
        List<Path> reqs = new ArrayList<>();
        for (String n : dir.files()) {
            if (n.startsWith("requirements") && (n.endsWith(".txt") || n.endsWith(".in"))) reqs.add(dir.resolve(n));
        }
        if (dir.isDir("requirements")) {
            for (String n : dir.files(dir.resolve("requirements"))) if (n.endsWith(".txt")) reqs.add(dir.resolve("requirements/" + n));
        }
        for (Path r : reqs) {
            f.text(r).ifPresent(text -> {
                for (String line : text.split("\r?\n")) {
                    String l = line.strip();
                    if (l.isEmpty() || l.startsWith("#") || l.startsWith("-")) continue;
                    addRequirement(deps, l, r, "requirement");
                }
            });
        }
        Path pyproject = dir.resolve("pyproject.toml");
        if (dir.isFile(pyproject)) {
            ConfigFiles.toml(f, pyproject).ifPresent(t -> {
                requirementArray(deps, t.at("/project/dependencies"), pyproject);
                t.at("/project/optional-dependencies").forEach(a -> requirementArray(deps, a, pyproject));
                t.at("/dependency-groups").forEach(a -> requirementArray(deps, a, pyproject));
                tableDeps(deps, t.at("/tool/poetry/dependencies"), pyproject);
                t.at("/tool/poetry/group").forEach(g -> tableDeps(deps, g.get("dependencies"), pyproject));
            });
        }
        Path pipfile = dir.resolve("Pipfile");
        if (dir.isFile(pipfile)) {
            ConfigFiles.toml(f, pipfile).ifPresent(t -> {
                tableDeps(deps, t.get("packages"), pipfile);
                tableDeps(deps, t.get("dev-packages"), pipfile);
            });
        }
        return deps;
    }

    private static void addRequirement(Deps deps, String requirement, Path file, String kind) {
        Matcher m = REQUIREMENT.matcher(requirement.strip());
        if (m.find()) deps.add(new Deps.Dep(m.group(1), m.group(2).strip(), file, kind, null, false));
    }

    private static void requirementArray(Deps deps, JsonNode array, Path file) {
        if (array == null || !array.isArray()) return;
        for (JsonNode r : array) if (r.isTextual()) addRequirement(deps, r.asText(), file, "dependency");
    }

    private static void tableDeps(Deps deps, JsonNode table, Path file) {
        if (table == null || !table.isObject()) return;
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            JsonNode v = e.getValue();
            String spec = v.isTextual() ? v.asText() : v.path("version").asText("");
            deps.add(new Deps.Dep(e.getKey(), "*".equals(spec) ? "" : spec, file, "dependency", null, false));
        }
    }

    // ---------------------------------------------------------------- Rust

    static Deps cargo(Found f, ProjectDir dir) {
        Path file = dir.resolve("Cargo.toml");
        if (!dir.isFile(file)) return Deps.NONE;
        Optional<JsonNode> toml = ConfigFiles.toml(f, file);
        if (toml.isEmpty()) return Deps.NONE;
        JsonNode workspaceDeps = workspaceDependencies(f, dir);
        Deps deps = new Deps();
        List<JsonNode> tables = new ArrayList<>(List.of(toml.get().path("dependencies"), toml.get().path("dev-dependencies"),
                toml.get().path("build-dependencies"), toml.get().path("workspace").path("dependencies")));
        toml.get().path("target").forEach(t -> tables.add(t.path("dependencies")));
        for (JsonNode table : tables) {
            for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonNode v = e.getValue();
                Set<String> features = new LinkedHashSet<>();
                String version = v.isTextual() ? v.asText() : v.path("version").asText("");
                v.path("features").forEach(x -> features.add(x.asText()));
                if (v.path("workspace").asBoolean(false) && workspaceDeps != null) {
                    JsonNode w = workspaceDeps.path(e.getKey());
                    if (version.isEmpty()) version = w.isTextual() ? w.asText() : w.path("version").asText("");
                    w.path("features").forEach(x -> features.add(x.asText()));
                }
                String spec = version + (features.isEmpty() ? "" : " (features " + String.join(", ", features) + ")");
                deps.add(new Deps.Dep(e.getKey(), spec.strip(), file, "dependency", new ArrayList<>(features), false));
            }
        }
        return deps;
    }

    private static JsonNode workspaceDependencies(Found f, ProjectDir dir) {
        for (Path d = dir.path().getParent(); d != null && d.startsWith(dir.scanRoot()); d = d.getParent()) {
            Path ws = d.resolve("Cargo.toml");
            if (!dir.isFile(ws)) continue;
            Optional<JsonNode> t = ConfigFiles.toml(f, ws);
            if (t.isPresent() && t.get().has("workspace")) return t.get().path("workspace").path("dependencies");
        }
        return null;
    }

    // ---------------------------------------------------------------- Go

    private static final Pattern GO_REQUIRE = Pattern.compile("^\\s*(?:require\\s+)?([a-z0-9.-]+\\.[a-z]{2,}/[^\\s]+)\\s+(v[^\\s]+)", Pattern.MULTILINE);

    static Deps go(Found f, ProjectDir dir) {
        Path file = dir.resolve("go.mod");
        if (!dir.isFile(file)) return Deps.NONE;
        Deps deps = new Deps();
        f.text(file).ifPresent(text -> {
            Matcher m = GO_REQUIRE.matcher(text);
            while (m.find()) deps.add(new Deps.Dep(m.group(1), m.group(2), file, "require", null, false));
        });
        return deps;
    }

    // ---------------------------------------------------------------- Ruby

    private static final Pattern GEM = Pattern.compile("^\\s*gem\\s*\\(?\\s*['\"]([^'\"]+)['\"](?:\\s*,\\s*['\"]([^'\"]+)['\"])?(.*)$");
    private static final Pattern GROUP_BLOCK = Pattern.compile("^\\s*group\\s*\\(?([^)]*?)\\)?\\s+do\\b");
    private static final Pattern GROUP_OPTION = Pattern.compile("group:\\s*(\\[[^\\]]*\\]|:\\w+)");

    /** Gems of a Gemfile; gems only in development/test groups are marked test-only. */
    static Deps ruby(Found f, ProjectDir dir) {
        Path file = dir.resolve("Gemfile");
        if (!dir.isFile(file)) return Deps.NONE;
        Deps deps = new Deps();
        f.text(file).ifPresent(text -> {
            String block = null;
            for (String line : text.split("\r?\n")) {
                Matcher g = GROUP_BLOCK.matcher(line);
                if (g.find()) {
                    block = g.group(1);
                    continue;
                }
                if (block != null && line.strip().equals("end")) {
                    block = null;
                    continue;
                }
                Matcher m = GEM.matcher(line);
                if (!m.find()) continue;
                Matcher opt = GROUP_OPTION.matcher(m.group(3));
                String groups = opt.find() ? opt.group(1) : block;
                boolean test = groups != null && !groups.contains("production") && !groups.contains("default");
                deps.add(new Deps.Dep(m.group(1), m.group(2) == null ? "" : m.group(2), file, test ? "gem (" + groups.strip() + ")" : "gem", null, test));
            }
        });
        return deps;
    }

    // ---------------------------------------------------------------- JVM

    /**
     * A Maven or Gradle build.
     *
     * @param file         pom.xml or build.gradle(.kts)
     * @param deps         dependencies ("group:artifact") and plugins (artifactId for Maven, plugin id for Gradle)
     * @param pluginConfig Maven plugin configuration values by artifactId then element name (lists joined with ',')
     * @param text         the build file's text (Gradle DSL blocks are read with patterns)
     */
    record JvmBuild(Path file, Deps deps, Map<String, Map<String, String>> pluginConfig, String text) {
        boolean maven() {
            return file.getFileName().toString().equals("pom.xml");
        }
    }

    static Optional<JvmBuild> jvm(Found f, ProjectDir dir) {
        Path pom = dir.resolve("pom.xml");
        if (dir.isFile(pom)) return f.text(pom).flatMap(text -> maven(f, pom, text));
        for (String name : List.of("build.gradle.kts", "build.gradle")) {
            Path g = dir.resolve(name);
            if (dir.isFile(g)) return f.text(g).map(text -> gradle(f, dir, g, text));
        }
        return Optional.empty();
    }

    private static Optional<JvmBuild> maven(Found f, Path pom, String text) {
        Document doc = f.root.context().memo("pom", pom, () -> parseXml(text));
        if (doc == null) {
            f.evidence(f.rel(pom) + ": not valid XML, skipped");
            return Optional.empty();
        }
        Deps deps = new Deps();
        Map<String, Map<String, String>> config = new LinkedHashMap<>();
        NodeList list = doc.getElementsByTagName("dependency");
        for (int i = 0; i < list.getLength(); i++) {
            Element d = (Element) list.item(i);
            if (isUnder(d, "dependencyManagement")) continue;
            String g = child(d, "groupId");
            String a = child(d, "artifactId");
            if (a == null) continue;
            String scope = child(d, "scope");
            boolean test = "test".equals(scope);
            deps.add(new Deps.Dep(g + ":" + a, orEmpty(child(d, "version")), pom, test ? "test dependency" : "dependency", null, test));
        }
        NodeList plugins = doc.getElementsByTagName("plugin");
        for (int i = 0; i < plugins.getLength(); i++) {
            Element p = (Element) plugins.item(i);
            String a = child(p, "artifactId");
            if (a == null) continue;
            deps.add(new Deps.Dep(a, orEmpty(child(p, "version")), pom, "plugin", null, false));
            Element conf = childElement(p, "configuration");
            if (conf == null) continue;
            Map<String, String> values = config.computeIfAbsent(a, k -> new LinkedHashMap<>());
            for (Node n = conf.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (!(n instanceof Element e)) continue;
                List<String> items = new ArrayList<>();
                for (Node c = e.getFirstChild(); c != null; c = c.getNextSibling()) {
                    if (c instanceof Element ce) items.add(ce.getTextContent().strip());
                }
                values.put(e.getTagName(), items.isEmpty() ? e.getTextContent().strip() : String.join(",", items));
            }
        }
        return Optional.of(new JvmBuild(pom, deps, config, text));
    }

    private static Document parseXml(String text) {
        try {
            DocumentBuilderFactory dbf = DocumentBuilderFactory.newInstance();
            dbf.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            dbf.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            dbf.setExpandEntityReferences(false);
            return dbf.newDocumentBuilder().parse(new InputSource(new java.io.StringReader(text)));
        } catch (Exception e) {
            return null;
        }
    }

    private static boolean isUnder(Node n, String tag) {
        for (Node p = n.getParentNode(); p != null; p = p.getParentNode()) {
            if (p instanceof Element e && e.getTagName().equals(tag)) return true;
        }
        return false;
    }

    private static Element childElement(Element parent, String tag) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(tag)) return e;
        }
        return null;
    }

    private static String child(Element parent, String tag) {
        Element e = childElement(parent, tag);
        return e == null ? null : e.getTextContent().strip();
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    private static final Pattern GRADLE_DEP = Pattern.compile(
            "\\b(implementation|api|compile|runtimeOnly|runtime|compileOnly|developmentOnly|testImplementation|testRuntimeOnly"
                    + "|testCompile|flywayMigration|liquibaseRuntime|classpath)\\s*\\(?\\s*(?:platform\\()?['\"]([\\w.\\-]+):([\\w.\\-]+)(?::([^'\"]*))?['\"]");
    private static final Pattern GRADLE_CATALOG_DEP = Pattern.compile(
            "\\b(implementation|api|runtimeOnly|compileOnly|developmentOnly|testImplementation|testRuntimeOnly|flywayMigration|liquibaseRuntime)"
                    + "\\s*\\(?\\s*libs\\.([\\w.]+)");
    private static final Pattern GRADLE_PLUGIN = Pattern.compile("\\bid\\s*\\(?\\s*['\"]([\\w.\\-]+)['\"]");
    private static final Pattern GRADLE_PLUGIN_ALIAS = Pattern.compile("\\balias\\s*\\(\\s*libs\\.plugins\\.([\\w.]+)");

    private static JvmBuild gradle(Found f, ProjectDir dir, Path file, String text) {
        Deps deps = new Deps();
        Matcher m = GRADLE_DEP.matcher(text);
        while (m.find()) {
            boolean test = m.group(1).startsWith("test");
            deps.add(new Deps.Dep(m.group(2) + ":" + m.group(3), orEmpty(m.group(4)), file, test ? "test dependency" : m.group(1), null, test));
        }
        m = GRADLE_PLUGIN.matcher(text);
        while (m.find()) deps.add(new Deps.Dep(m.group(1), "", file, "plugin", null, false));
        JsonNode catalog = versionCatalog(f, dir);
        if (catalog != null) {
            m = GRADLE_CATALOG_DEP.matcher(text);
            while (m.find()) {
                JsonNode lib = catalogEntry(catalog.path("libraries"), m.group(2));
                String coords = lib == null ? null : lib.isTextual() ? lib.asText() : lib.has("module") ? lib.path("module").asText()
                        : lib.has("group") ? lib.path("group").asText() + ":" + lib.path("name").asText() : null;
                if (coords == null) continue;
                String[] parts = coords.split(":");
                if (parts.length < 2) continue;
                boolean test = m.group(1).startsWith("test");
                deps.add(new Deps.Dep(parts[0] + ":" + parts[1], "", file, test ? "test dependency" : m.group(1) + " (version catalog)", null, test));
            }
            m = GRADLE_PLUGIN_ALIAS.matcher(text);
            while (m.find()) {
                JsonNode p = catalogEntry(catalog.path("plugins"), m.group(1));
                String id = p == null ? null : p.isTextual() ? p.asText().split(":")[0] : p.path("id").asText(null);
                if (id != null) deps.add(new Deps.Dep(id, "", file, "plugin", null, false));
            }
        }
        return new JvmBuild(file, deps, Map.of(), text);
    }

    private static JsonNode versionCatalog(Found f, ProjectDir dir) {
        for (Path d = dir.path(); d != null && d.startsWith(dir.scanRoot()); d = d.getParent()) {
            Path c = d.resolve("gradle/libs.versions.toml");
            if (dir.isFile(c)) {
                f.read(c);
                return ConfigFiles.toml(f, c).orElse(null);
            }
        }
        return null;
    }

    /** Catalog aliases "flyway-core", "flyway_core" and "flyway.core" are all reached as libs.flyway.core. */
    private static JsonNode catalogEntry(JsonNode table, String accessor) {
        String want = accessor.toLowerCase(Locale.ROOT);
        for (Iterator<Map.Entry<String, JsonNode>> it = table.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().toLowerCase(Locale.ROOT).replaceAll("[-_]", ".").equals(want)) return e.getValue();
        }
        return null;
    }
}

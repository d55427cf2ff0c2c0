package dev.dbmigrate.read.alembic;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.toml.TomlMapper;
import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyWalk;
import dev.dbmigrate.read.support.IniFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Where an Alembic project keeps its revisions and which database it targets: alembic.ini
 * ({@code [alembic]} section: {@code script_location}, {@code version_locations} split the way
 * {@code version_path_separator} / {@code path_separator} says, {@code recursive_version_locations},
 * {@code sqlalchemy.url}), or {@code [tool.alembic]} in pyproject.toml, then env.py (a literal
 * database URL, {@code context.configure(transactional_ddl=...)}).
 *
 * @param root             the project root
 * @param scriptLocation   the script folder (holding env.py), or null
 * @param versionDirs      folders holding revision files (existing ones only)
 * @param recursive        recursive_version_locations
 * @param dialect          the dialect named by the configuration, or null
 * @param dialectSource    where the dialect came from ("alembic.ini sqlalchemy.url")
 * @param transactionalDdl env.py's {@code transactional_ddl=} override, or null
 */
public record AlembicProject(Path root, Path scriptLocation, List<Path> versionDirs, boolean recursive, Dialect dialect,
                             String dialectSource, Boolean transactionalDdl) {

    public static AlembicProject load(Path root, Path migrationsPath) {
        Path ini = root.resolve("alembic.ini");
        if (!Files.isRegularFile(ini) && migrationsPath != null) {
            for (Path p = migrationsPath; p != null && p.startsWith(root); p = p.getParent()) {
                if (Files.isRegularFile(p.resolve("alembic.ini"))) {
                    ini = p.resolve("alembic.ini");
                    break;
                }
            }
        }
        Path scriptLocation = null;
        List<Path> versionDirs = new ArrayList<>();
        boolean recursive = false;
        Dialect dialect = null;
        String dialectSource = null;
        if (Files.isRegularFile(ini)) {
            Path here = ini.getParent();
            IniFile cfg = IniFile.parse(read(ini), here.toString());
            String section = iniSection(cfg);
            if (section != null) {
                Optional<String> loc = cfg.get(section, "script_location");
                if (loc.isPresent()) scriptLocation = location(here, loc.get());
                Optional<String> versions = cfg.get(section, "version_locations");
                if (versions.isPresent()) {
                    String sep = cfg.get(section, "path_separator").or(() -> cfg.get(section, "version_path_separator")).orElse(null);
                    for (String v : splitLocations(versions.get(), sep)) versionDirs.add(location(here, v));
                }
                recursive = cfg.get(section, "recursive_version_locations").map(v -> v.equalsIgnoreCase("true")).orElse(false);
                Optional<Dialect> d = cfg.get(section, "sqlalchemy.url").flatMap(AlembicProject::dialectOfUrl);
                if (d.isPresent()) {
                    dialect = d.get();
                    dialectSource = "alembic.ini sqlalchemy.url";
                }
            }
        }
        Path pyproject = root.resolve("pyproject.toml");
        if (scriptLocation == null && Files.isRegularFile(pyproject)) {
            try {
                JsonNode tool = new TomlMapper().readTree(read(pyproject)).path("tool").path("alembic");
                if (tool.hasNonNull("script_location")) scriptLocation = location(root, tool.get("script_location").asText());
                for (JsonNode v : tool.path("version_locations")) versionDirs.add(location(root, v.asText()));
                recursive = tool.path("recursive_version_locations").asBoolean(recursive);
            } catch (IOException | RuntimeException e) {
                // not a readable pyproject: fall back to the defaults below
            }
        }
        if (scriptLocation == null && migrationsPath != null) {
            scriptLocation = Files.isDirectory(migrationsPath.resolve("versions")) || Files.isRegularFile(migrationsPath.resolve("env.py"))
                    ? migrationsPath : migrationsPath.getParent();
            if (versionDirs.isEmpty() && !Files.isDirectory(migrationsPath.resolve("versions"))) versionDirs.add(migrationsPath);
        }
        if (scriptLocation == null) {
            for (String guess : List.of("alembic", "migrations", "db/migrations", "migration")) {
                if (Files.isDirectory(root.resolve(guess).resolve("versions"))) {
                    scriptLocation = root.resolve(guess);
                    break;
                }
            }
        }
        if (versionDirs.isEmpty() && scriptLocation != null) versionDirs.add(scriptLocation.resolve("versions"));
        List<Path> existing = versionDirs.stream().map(p -> p.toAbsolutePath().normalize()).filter(Files::isDirectory).distinct().toList();
        if (existing.isEmpty()) {
            throw new InputException(root + ": no Alembic versions folder found"
                    + (scriptLocation != null ? " (looked in " + scriptLocation.resolve("versions") + ")" : " (alembic.ini script_location)"));
        }
        Boolean transactionalDdl = null;
        Path env = scriptLocation == null ? null : scriptLocation.resolve("env.py");
        if (env != null && Files.isRegularFile(env)) {
            EnvFacts facts = envFacts(env);
            transactionalDdl = facts.transactionalDdl;
            if (dialect == null && facts.dialect != null) {
                dialect = facts.dialect;
                dialectSource = "env.py database URL";
            }
        }
        return new AlembicProject(root, scriptLocation, existing, recursive, dialect, dialectSource, transactionalDdl);
    }

    /** [alembic], else the first section with a script_location. */
    private static String iniSection(IniFile cfg) {
        if (cfg.hasSection("alembic")) return "alembic";
        for (String s : cfg.sectionNames()) {
            if (cfg.get(s, "script_location").isPresent()) return s;
        }
        return null;
    }

    /** "postgresql+psycopg2://..." -> PostgreSQL. */
    static Optional<Dialect> dialectOfUrl(String url) {
        int colon = url.indexOf(':');
        if (colon <= 0) return Optional.empty();
        String scheme = url.substring(0, colon).trim();
        int plus = scheme.indexOf('+');
        if (plus > 0) scheme = scheme.substring(0, plus);
        return Dialect.fromId(scheme);
    }

    private record EnvFacts(Dialect dialect, Boolean transactionalDdl) {}

    private static EnvFacts envFacts(Path env) {
        PyModule m;
        try {
            m = PyParser.parse(read(env), 1);
        } catch (InputException e) {
            return new EnvFacts(null, null);
        }
        Dialect[] dialect = {null};
        Boolean[] tx = {null};
        PyWalk.statements(m.body(), n -> {
            if (n instanceof PyNode.Str s && dialect[0] == null && s.value().contains("://")) {
                dialectOfUrl(s.value()).ifPresent(d -> dialect[0] = d);
            }
            if (n instanceof PyNode.Call c && "configure".equals(c.funcName())) {
                c.kw("transactional_ddl").flatMap(PyNodes::bool).ifPresent(v -> tx[0] = v);
            }
        });
        return new EnvFacts(dialect[0], tx[0]);
    }

    /** Alembic's split of version_locations: by the configured separator, else (legacy) by spaces and commas. */
    private static List<String> splitLocations(String value, String sep) {
        String regex;
        if (sep == null) regex = "[\\s,]+";
        else {
            regex = switch (sep.toLowerCase(Locale.ROOT)) {
                case "os" -> java.io.File.pathSeparator;
                case "space" -> " ";
                case "newline" -> "\n";
                case ":" -> ":";
                case ";" -> ";";
                default -> "[\\s,]+";
            };
        }
        LinkedHashSet<String> out = new LinkedHashSet<>();
        for (String s : value.split(regex)) {
            if (!s.isBlank()) out.add(s.strip());
        }
        return new ArrayList<>(out);
    }

    /** A location: absolute, relative to the ini folder, or {@code package.name:folder}. */
    private static Path location(Path base, String loc) {
        String v = loc.strip();
        int colon = v.indexOf(':');
        if (colon > 1 && !v.contains("/") && !v.contains("\\")) {
            v = v.substring(0, colon).replace('.', '/') + "/" + v.substring(colon + 1);
        }
        Path p = Path.of(v);
        return (p.isAbsolute() ? p : base.resolve(p)).normalize();
    }

    static String read(Path file) {
        try {
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(file + ": cannot read (" + e.getMessage() + ")", e);
        }
    }
}

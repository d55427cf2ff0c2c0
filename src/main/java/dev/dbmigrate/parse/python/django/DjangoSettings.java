package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyStmt;
import dev.dbmigrate.parse.python.PyWalk;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Django settings that shape the schema: {@code AUTH_USER_MODEL} (swappable dependencies and
 * foreign keys to the user model), {@code DEFAULT_AUTO_FIELD} (the id of auto-created many-to-many
 * tables), and the dialect from {@code DATABASES["default"]["ENGINE"]} (or a literal database
 * URL in the DATABASES value, as dj-database-url / django-environ projects write it). Found via
 * manage.py's {@code DJANGO_SETTINGS_MODULE}, else the first settings.py / settings package under
 * the root; {@code from .base import *} in a settings package is followed one level.
 *
 * @param authUserModel    "app_label.ModelName"
 * @param defaultAutoField the field class name ("BigAutoField" / "AutoField")
 * @param dialect          the dialect, or null when the settings do not say
 * @param file             the settings file read, or null
 */
public record DjangoSettings(String authUserModel, String defaultAutoField, Dialect dialect, Path file) {

    /** Django's own defaults. */
    public static final DjangoSettings DEFAULT = new DjangoSettings("auth.User", "AutoField", null, null);

    public static DjangoSettings read(Path root) {
        Path settings = settingsFile(root);
        if (settings == null) return DEFAULT;
        List<PyStmt> body = new ArrayList<>();
        PyModule main = parse(settings);
        if (main == null) return DEFAULT;
        for (PyStmt st : main.body()) {
            if (st instanceof PyStmt.Import imp && imp.from() != null && imp.from().startsWith(".") && imp.names().contains("*")) {
                PyModule base = parse(settings.getParent().resolve(imp.from().substring(1).replace('.', '/') + ".py"));
                if (base != null) body.addAll(base.body());
            }
            body.add(st);
        }
        String auth = PyNodes.assigned(body, "AUTH_USER_MODEL").flatMap(PyNodes::str).orElse(DEFAULT.authUserModel);
        String auto = PyNodes.assigned(body, "DEFAULT_AUTO_FIELD").flatMap(PyNodes::str)
                .map(s -> s.substring(s.lastIndexOf('.') + 1)).orElse(DEFAULT.defaultAutoField);
        Dialect dialect = PyNodes.assigned(body, "DATABASES").flatMap(DjangoSettings::dialectOf).orElse(null);
        return new DjangoSettings(auth, auto, dialect, settings);
    }

    /** ENGINE of the default database, else a database URL literal inside DATABASES. */
    private static Optional<Dialect> dialectOf(PyNode databases) {
        Optional<String> engine = PyNodes.dictGet(databases, "default").flatMap(d -> PyNodes.dictGet(d, "ENGINE")).flatMap(PyNodes::str);
        if (engine.isPresent()) return engineDialect(engine.get());
        Dialect[] found = {null};
        PyWalk.node(databases, n -> {
            if (found[0] == null && n instanceof PyNode.Str s && s.value().contains("://")) {
                String scheme = s.value().substring(0, s.value().indexOf(':'));
                int plus = scheme.indexOf('+');
                found[0] = Dialect.fromId(plus > 0 ? scheme.substring(0, plus) : scheme).orElse(null);
            }
        });
        return Optional.ofNullable(found[0]);
    }

    static Optional<Dialect> engineDialect(String engine) {
        String e = engine.toLowerCase(Locale.ROOT);
        if (e.contains("postgres") || e.contains("postgis")) return Optional.of(Dialect.POSTGRESQL);
        if (e.contains("mysql")) return Optional.of(Dialect.MYSQL);
        if (e.contains("sqlite") || e.contains("spatialite")) return Optional.of(Dialect.SQLITE);
        if (e.contains("mssql") || e.contains("sql_server")) return Optional.of(Dialect.MSSQL);
        return Optional.empty();
    }

    private static Path settingsFile(Path root) {
        PyModule manage = parse(root.resolve("manage.py"));
        if (manage != null) {
            String[] module = {null};
            PyWalk.statements(manage.body(), n -> {
                if (n instanceof PyNode.Call c && "setdefault".equals(c.funcName()) && c.args().size() >= 2
                        && PyNodes.str(c.args().get(0)).filter("DJANGO_SETTINGS_MODULE"::equals).isPresent()) {
                    PyNodes.str(c.args().get(1)).ifPresent(m -> module[0] = m);
                }
            });
            if (module[0] != null) {
                Path base = root.resolve(module[0].replace('.', '/'));
                if (Files.isRegularFile(Path.of(base + ".py"))) return Path.of(base + ".py");
                if (Files.isRegularFile(base.resolve("__init__.py"))) return base.resolve("__init__.py");
            }
        }
        try (Stream<Path> s = Files.find(root, 3, (p, a) -> a.isRegularFile() && p.getFileName().toString().equals("settings.py")
                && DjangoProject.notSkipped(root, p))) {
            return s.sorted().findFirst().orElse(null);
        } catch (IOException e) {
            return null;
        }
    }

    private static PyModule parse(Path file) {
        if (!Files.isRegularFile(file)) return null;
        try {
            return PyParser.parse(Files.readString(file, StandardCharsets.UTF_8), 1);
        } catch (IOException e) {
            return null;
        }
    }
}

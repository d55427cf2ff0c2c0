package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.support.IniFile;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Alembic: alembic.ini ([alembic] script_location, version_locations, sqlalchemy.url) or pyproject.toml
 * [tool.alembic]; when the ini leaves the URL to env.py, a URL literal there; Flask-Migrate keeps the ini
 * in migrations/ and is driven by "flask db".
 */
final class AlembicDetector implements Detector {

    private static final Pattern URL_LITERAL = Pattern.compile(
            "['\"]((?:postgresql|postgres|mysql|mariadb|sqlite|mssql|oracle|cockroachdb)(?:\\+\\w+)?://[^'\"]*)['\"]");
    /** context.configure(..., version_table="...", version_table_schema="...") in env.py. */
    private static final Pattern VERSION_TABLE = Pattern.compile("\\bversion_table\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern VERSION_TABLE_SCHEMA = Pattern.compile("\\bversion_table_schema\\s*=\\s*['\"]([^'\"]+)['\"]");
    private static final Pattern TARGET_METADATA = Pattern.compile("(?m)^\\s*target_metadata\\s*=\\s*(\\S.*)$");

    @Override
    public Tool tool() {
        return Tool.ALEMBIC;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Found f = new Found(Tool.ALEMBIC, dir);
        Deps deps = Manifests.python(f, dir);
        boolean flask = deps.get("flask-migrate").isPresent();
        boolean dep = deps.declare(f, "alembic", "flask-migrate");
        Optional<Path> ini = dir.firstFile("alembic.ini", "migrations/alembic.ini");
        String scriptLocation = null;
        String versionLocations = null;
        String url = null;
        Path base = dir.path();
        String shown = null;
        if (ini.isPresent()) {
            base = ini.get().getParent();
            Optional<IniFile> cfg = ConfigFiles.ini(f, ini.get()).filter(c -> c.hasSection("alembic"));
            if (cfg.isPresent()) {
                shown = cfg.get().raw("alembic", "script_location").orElse(null);
                scriptLocation = cfg.get().get("alembic", "script_location").filter(s -> !s.isBlank()).orElse(null);
                versionLocations = cfg.get().get("alembic", "version_locations").filter(s -> !s.isBlank()).orElse(null);
                url = cfg.get().get("alembic", "sqlalchemy.url").orElse(null);
            }
            if (scriptLocation == null && ini.get().getParent().getFileName().toString().equals("migrations")) scriptLocation = ".";
            f.config(ini.get(), scriptLocation == null ? "no [alembic] script_location" : "script_location = " + (shown == null ? scriptLocation : shown));
        } else {
            Path pyproject = dir.resolve("pyproject.toml");
            if (dir.isFile(pyproject)) {
                scriptLocation = ConfigFiles.toml(f, pyproject).map(t -> ConfigFiles.text(t.at("/tool/alembic/script_location"))).orElse(null);
                if (scriptLocation != null) {
                    scriptLocation = interpolate(scriptLocation, dir.path().toString());
                    f.config(pyproject, "[tool.alembic] script_location = " + scriptLocation);
                }
            }
        }
        if (scriptLocation == null && !dep) return Optional.empty();

        Path script = null;
        if (scriptLocation != null) {
            script = base.resolve(scriptLocation.replaceFirst("^(\\w+):(?!//)", "$1/")).normalize();
        } else {
            List<Path> envs = dir.findDirs(3, p -> dir.isFile(p.resolve("env.py")) && dir.isDir(p.resolve("versions")));
            if (!envs.isEmpty()) script = envs.get(0);
        }
        Path versions = null;
        if (versionLocations != null && !versionLocations.isBlank()) {
            String first = versionLocations.strip().split("[\\s,;]+")[0];
            versions = base.resolve(first).normalize();
        } else if (script != null) {
            versions = script.resolve("versions");
        }

        if (url != null && !url.isBlank() && !url.startsWith("driver://")) {
            Dialect d = Dialects.ofUrl(url);
            if (d != null) f.dialect(d, f.rel(ini.get()) + ": sqlalchemy.url = " + url);
            else if (Dialects.unsupported(Dialects.scheme(url))) f.evidence(f.rel(ini.get()) + ": sqlalchemy.url " + Dialects.scheme(url) + " is not a dialect db-migrate analyses");
        }
        boolean autogenerate = false;
        if (script != null && dir.isFile(script.resolve("env.py"))) {
            Path env = script.resolve("env.py");
            String text = f.text(env).orElse("");
            f.read(env);
            String table = group(VERSION_TABLE, text);
            String schema = group(VERSION_TABLE_SCHEMA, text);
            f.historyTable(schema, table, null, f.settings(env, "version_table", table, "version_table_schema", schema));
            Matcher tm = TARGET_METADATA.matcher(text);
            autogenerate = tm.find() && !tm.group(1).startsWith("None");
            if (f.dialect() == null) {
                Matcher m = URL_LITERAL.matcher(text);
                if (m.find()) f.dialect(Dialects.ofUrl(m.group(1)), f.rel(env) + ": URL " + m.group(1));
            }
        }
        deps.dialectFromDrivers(f, Dialects.PYTHON_DRIVERS);
        DbHints.fallback(f);

        if (versions != null && dir.isDir(versions)) {
            long n = dir.files(versions).stream().filter(x -> x.endsWith(".py") && !x.equals("__init__.py")).count();
            if (n > 0) f.layout(versions, Cmd.count(n, "revision"));
            else f.partial(versions, "no revisions yet");
        } else if (script != null && dir.isDir(script)) {
            f.partial(script, "script folder without versions/");
        }

        boolean flaskLayout = flask && ini.isPresent() && !ini.get().getParent().equals(dir.path());
        if (flaskLayout) {
            return Optional.of(f.build(new Detection.Commands(
                    "flask db migrate -m \"<message>\"", "flask db upgrade", "flask db downgrade  # reverts one revision", "flask db current")));
        }
        String c = ini.isEmpty() || ini.get().getParent().equals(dir.path()) ? "" : " -c " + Cmd.arg(f, ini.get());
        return Optional.of(f.build(new Detection.Commands(
                "alembic" + c + " revision" + (autogenerate ? " --autogenerate" : "") + " -m \"<message>\"",
                "alembic" + c + " upgrade head",
                "alembic" + c + " downgrade -1",
                "alembic" + c + " current")));
    }

    private static String group(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? m.group(1) : null;
    }

    private static String interpolate(String value, String here) {
        if (value == null || value.isBlank()) return null;
        return value.replace("%(here)s", here).strip();
    }
}

package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Django: manage.py names the settings module; settings give DATABASES ENGINE (or a dj-database-url /
 * django-environ default URL); every app keeps its own migrations/ folder of NNNN_name.py files.
 * The detection's root is the manage.py directory.
 */
final class DjangoDetector implements Detector {

    private static final Pattern SETTINGS_MODULE = Pattern.compile("DJANGO_SETTINGS_MODULE['\"]\\s*,\\s*['\"]([\\w.]+)['\"]");
    private static final Pattern ENGINE = Pattern.compile("['\"]ENGINE['\"]\\s*:\\s*['\"]([\\w.]+)['\"]");
    private static final Pattern URL_CALL = Pattern.compile("(?:dj_database_url\\.(?:config|parse)|env\\.db(?:_url)?)\\s*\\(([^)]*)\\)");
    private static final Pattern URL_LITERAL = Pattern.compile("['\"]([a-z][a-z0-9+]*://[^'\"]*)['\"]");
    private static final Pattern MIGRATION_FILE = Pattern.compile("^(\\d{4})_\\w+\\.py$");
    private static final List<String> PREFERRED_SETTINGS = List.of("production.py", "prod.py", "base.py", "common.py", "__init__.py");

    @Override
    public Tool tool() {
        return Tool.DJANGO;
    }

    @Override
    public Optional<Detection> detect(ProjectDir dir) {
        Path manage = dir.resolve("manage.py");
        boolean hasManage = dir.isFile(manage);
        Found f = new Found(Tool.DJANGO, dir);
        Deps deps = Manifests.python(f, dir);
        boolean dep = deps.declare(f, "django");
        if (!hasManage && !dep) return Optional.empty();
        String module = null;
        if (hasManage) {
            String text = f.text(manage).orElse("");
            if (!text.contains("django") && !text.contains("DJANGO_SETTINGS_MODULE")) {
                if (!dep) return Optional.empty();
            } else {
                Matcher m = SETTINGS_MODULE.matcher(text);
                module = m.find() ? m.group(1) : null;
                f.config(manage, module == null ? "" : "DJANGO_SETTINGS_MODULE " + module);
            }
        }
        for (Path s : settingsFiles(dir, module)) readSettings(f, s);
        deps.dialectFromDrivers(f, Dialects.PYTHON_DRIVERS);
        DbHints.fallback(f);

        List<Path> apps = dir.findDirs(4, p -> p.getFileName().toString().equals("migrations")
                && dir.files(p).stream().anyMatch(n -> n.equals("__init__.py") || MIGRATION_FILE.matcher(n).matches()));
        List<String> described = new ArrayList<>();
        int total = 0;
        for (Path app : apps) {
            long n = dir.files(app).stream().filter(x -> MIGRATION_FILE.matcher(x).matches()).count();
            total += n;
            described.add(f.rel(app) + " (" + n + ")");
        }
        String app = null;
        String previous = "<previous_migration>";
        if (apps.size() == 1) {
            Path only = apps.get(0);
            app = only.getParent().getFileName().toString();
            List<String> files = dir.files(only).stream().filter(x -> MIGRATION_FILE.matcher(x).matches()).sorted().toList();
            if (files.size() == 1) previous = "zero";
            else if (files.size() > 1) previous = files.get(files.size() - 2).replaceFirst("\\.py$", "");
        }
        Path where = apps.size() == 1 ? apps.get(0) : dir.path();
        String which = apps.size() == 1 ? " (app " + app + ")" : " in " + Cmd.count(apps.size(), "app") + ": " + String.join(", ", described);
        if (total > 0) f.layout(where, Cmd.count(total, "migration") + which);
        else if (!apps.isEmpty()) f.partial(where, "migrations folders without migrations yet" + which);
        String a = app == null ? "<app>" : app;
        return Optional.of(f.build(new Detection.Commands(
                "python manage.py makemigrations " + a,
                "python manage.py migrate",
                "python manage.py migrate " + a + " " + previous + (previous.equals("zero") ? "  # unapplies every migration of " + a
                        : "  # unapplies the migrations after " + previous),
                "python manage.py showmigrations")));
    }

    /** The settings module file, then its package siblings (production, base...), else any package/settings.py. */
    private static List<Path> settingsFiles(ProjectDir dir, String module) {
        Set<Path> out = new LinkedHashSet<>();
        if (module != null) {
            String rel = module.replace('.', '/');
            for (String base : List.of("", "src/")) {
                Path file = dir.resolve(base + rel + ".py");
                Path pkg = dir.resolve(base + rel);
                if (dir.isFile(file)) {
                    for (String p : PREFERRED_SETTINGS.subList(0, 2)) addIfFile(dir, out, file.resolveSibling(p));
                    out.add(file);
                    if (!file.getParent().equals(dir.path())) {
                        for (String p : PREFERRED_SETTINGS.subList(2, PREFERRED_SETTINGS.size())) addIfFile(dir, out, file.resolveSibling(p));
                    }
                } else if (dir.isDir(pkg)) {
                    for (String p : PREFERRED_SETTINGS) addIfFile(dir, out, pkg.resolve(p));
                }
            }
        }
        if (out.isEmpty()) {
            for (String sub : dir.dirs()) {
                if (ProjectDir.skipped(sub)) continue;
                addIfFile(dir, out, dir.resolve(sub + "/settings.py"));
                for (String p : PREFERRED_SETTINGS) addIfFile(dir, out, dir.resolve(sub + "/settings/" + p));
            }
        }
        return new ArrayList<>(out);
    }

    private static void addIfFile(ProjectDir dir, Set<Path> out, Path p) {
        if (dir.isFile(p)) out.add(p);
    }

    private static void readSettings(Found f, Path file) {
        String text = f.text(file).orElse(null);
        if (text == null) return;
        Matcher e = ENGINE.matcher(text);
        if (e.find()) {
            f.config(file, "ENGINE " + e.group(1));
            f.dialectNamed("ENGINE", e.group(1), null);
            return;
        }
        Matcher call = URL_CALL.matcher(text);
        while (call.find()) {
            Matcher url = URL_LITERAL.matcher(call.group(1));
            if (!url.find()) continue;
            Dialect d = Dialects.ofUrl(url.group(1));
            f.config(file, "database URL default " + url.group(1));
            if (d != null) f.dialect(d, null);
            return;
        }
    }
}

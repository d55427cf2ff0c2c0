package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import dev.dbmigrate.parse.python.PyParser;
import dev.dbmigrate.parse.python.PyStmt;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The {@code class Migration(migrations.Migration)} of one Django migration file: dependencies
 * (tuples, {@code swappable_dependency(settings.X)} as {@code ("__setting__", "X")}), replaces,
 * run_before, atomic, initial and the operations list.
 *
 * @param problems what could not be read (entries that are not literals, no Migration class)
 */
public record DjangoMigrationFile(Path file, String app, String name, PyModule module, PyStmt.ClassDef cls, List<Key> dependencies,
                                  List<Key> replaces, List<Key> runBefore, boolean atomic, boolean initial, PyNode operations,
                                  List<String> problems) {

    /** A migration key: app label and migration name ({@code __first__}, {@code __latest__} allowed). */
    public record Key(String app, String name) implements Comparable<Key> {
        public static final String SETTING = "__setting__";

        @Override
        public int compareTo(Key o) {
            int c = app.compareTo(o.app);
            return c != 0 ? c : name.compareTo(o.name);
        }

        public String id() {
            return app + "." + name;
        }

        @Override
        public String toString() {
            return id();
        }
    }

    public static DjangoMigrationFile read(Path file, String app, String text) {
        String name = file.getFileName().toString().replaceFirst("\\.py$", "");
        PyModule m = PyParser.parse(text, 1);
        List<String> problems = new ArrayList<>();
        PyStmt.ClassDef cls = migrationClass(m).orElse(null);
        if (cls == null) {
            problems.add(file + ": no `class Migration(migrations.Migration)`; Django refuses to load the app's migrations");
            return new DjangoMigrationFile(file, app, name, m, null, List.of(), List.of(), List.of(), true, false, null, problems);
        }
        List<Key> deps = keys(cls, "dependencies", file, problems);
        List<Key> replaces = keys(cls, "replaces", file, problems);
        List<Key> runBefore = keys(cls, "run_before", file, problems);
        boolean atomic = PyNodes.assigned(cls.body(), "atomic").flatMap(PyNodes::bool).orElse(true);
        boolean initial = PyNodes.assigned(cls.body(), "initial").flatMap(PyNodes::bool).orElse(false);
        PyNode ops = PyNodes.assigned(cls.body(), "operations").orElse(null);
        return new DjangoMigrationFile(file, app, name, m, cls, deps, replaces, runBefore, atomic, initial, ops, problems);
    }

    public static Optional<PyStmt.ClassDef> migrationClass(PyModule m) {
        return m.classDef("Migration");
    }

    private static List<Key> keys(PyStmt.ClassDef cls, String var, Path file, List<String> problems) {
        Optional<PyNode> v = PyNodes.assigned(cls.body(), var);
        if (v.isEmpty()) return List.of();
        List<Key> out = new ArrayList<>();
        for (PyNode item : PyNodes.items(v.get())) {
            Key k = key(item);
            if (k == null) {
                problems.add(file + ":" + item.span().line() + ": " + var + " entry is not a literal (app, name) tuple");
            } else {
                out.add(k);
            }
        }
        return out;
    }

    private static Key key(PyNode item) {
        if (item instanceof PyNode.Call c && "swappable_dependency".equals(c.funcName()) && !c.args().isEmpty()) {
            String d = PyNodes.dotted(c.args().get(0));
            if (d != null && d.startsWith("settings.")) return new Key(Key.SETTING, d.substring("settings.".length()));
            return PyNodes.str(c.args().get(0)).filter(s -> s.contains("."))
                    .map(s -> new Key(s.substring(0, s.indexOf('.')), "__first__")).orElse(null);
        }
        if (item instanceof PyNode.Seq s && s.items().size() == 2) {
            Optional<String> a = PyNodes.str(s.items().get(0));
            Optional<String> n = PyNodes.str(s.items().get(1));
            if (a.isPresent() && n.isPresent()) return new Key(a.get(), n.get());
        }
        return null;
    }
}

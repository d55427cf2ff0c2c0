package dev.dbmigrate.detect;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Task runner files (Makefile, Taskfile, justfile) where Go projects keep their migration commands. */
final class BuildScripts {

    private BuildScripts() {}

    static final List<String> FILES = List.of("Makefile", "makefile", "GNUmakefile", "Taskfile.yml", "Taskfile.yaml", "justfile", "Justfile");

    /** A match of {@code pattern} in the root's task files: the file and the matcher positioned on it. */
    record Hit(Path file, Matcher match) {}

    /**
     * A history table named ("table" or "schema.table") by {@code envKey} in the root's .env files, else by the
     * first group of {@code flag} in its task files (goose -table, dbmate --migrations-table).
     */
    static void historyTable(Found f, String envKey, Pattern flag, String flagLabel) {
        Optional<DbHints.EnvValue> env = DbHints.env(f, envKey);
        Path file;
        String name;
        String label;
        if (env.isPresent()) {
            file = env.get().file();
            name = env.get().value();
            label = envKey;
        } else {
            Optional<Hit> hit = find(f, f.root, flag);
            if (hit.isEmpty()) return;
            file = hit.get().file();
            name = hit.get().match().group(1);
            label = flagLabel;
        }
        f.read(file);
        int dot = name.indexOf('.');
        f.historyTable(dot > 0 ? name.substring(0, dot) : null, dot > 0 ? name.substring(dot + 1) : name, null, f.settings(file, label, name));
    }

    static Optional<Hit> find(Found f, ProjectDir root, Pattern pattern) {
        for (String name : FILES) {
            Path p = root.resolve(name);
            if (!root.isFile(p)) continue;
            Optional<String> text = f.text(p);
            if (text.isEmpty()) continue;
            Matcher m = pattern.matcher(text.get());
            if (m.find()) return Optional.of(new Hit(p, m));
        }
        return Optional.empty();
    }
}

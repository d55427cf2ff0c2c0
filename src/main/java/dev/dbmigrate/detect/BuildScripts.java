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

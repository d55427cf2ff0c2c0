package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.ParseCache;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.Readers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/** Reading a project's migrations and parsing them (with the cache), shared by the services. */
final class ProjectMigrations {

    private ProjectMigrations() {}

    /** Read results by project, reused while the migrations folder and the config files are unchanged. */
    static final class ReadCache {
        private record Entry(String stamp, ReadResult result, List<String> notes) {}

        private final Map<String, Entry> entries = new ConcurrentHashMap<>();

        ReadResult read(Project project, List<String> notes) {
            if (project.tool() == Tool.DJANGO) return ProjectMigrations.read(project, notes); // it has its own cache
            Path dir = project.migrationsPath() != null ? project.migrationsPath() : project.root();
            String tree = FileStamps.tree(dir, 4, 20_000);
            if (tree == null) return ProjectMigrations.read(project, notes);
            List<Path> config = new ArrayList<>();
            config.add(project.root().resolve(".db-migrate.yml"));
            if (project.detection() != null) config.addAll(project.detection().configFiles());
            String stamp = tree + FileStamps.of(config);
            String key = project.tool() + "|" + project.root() + "|" + dir + "|" + project.dialect();
            Entry e = entries.get(key);
            if (e != null && e.stamp().equals(stamp)) {
                notes.addAll(e.notes());
                return e.result();
            }
            List<String> own = new ArrayList<>();
            ReadResult r = ProjectMigrations.read(project, own);
            notes.addAll(own);
            if (entries.size() > 64) entries.clear();
            entries.put(key, new Entry(stamp, r, List.copyOf(own)));
            return r;
        }
    }

    static ReadResult read(Project project, List<String> notes) {
        MigrationReader reader = Readers.forTool(project.tool()).orElse(null);
        if (reader == null) {
            Path dir = project.migrationsPath() != null ? project.migrationsPath() : project.root();
            reader = Readers.forTool(Tool.RAW_SQL).orElseThrow(
                    () -> new InputException("reading " + project.tool().id() + " migrations is not supported in this build"));
            notes.add("no reader for " + project.tool().id() + " in this build: reading " + dir + " as plain SQL files");
        }
        return reader.read(new ReadContext(project.root(), project.migrationsPath(), project.dialect()));
    }

    /** Parsed up scripts of migrations [0, last], in parallel; failures are collected by index. */
    static Map<Integer, ParsedScript> parseUps(List<Migration> migrations, int last, Dialect dialect, ParseCache cache, Map<Integer, String> failures) {
        Map<Integer, ParsedScript> parsed = new ConcurrentHashMap<>();
        IntStream.rangeClosed(0, last).parallel().forEach(i -> {
            Script up = migrations.get(i).up();
            if (up == null) return;
            try {
                parsed.put(i, cache.parse(up, dialect));
            } catch (InputException e) {
                failures.put(i, e.getMessage());
            }
        });
        return parsed;
    }

    /** Replays migrations [0, end) into a new schema. */
    static Schema replay(List<Migration> migrations, int end, Dialect dialect, ParseCache cache, List<String> notes) {
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        Map<Integer, ParsedScript> parsed = end == 0 ? Map.of() : parseUps(migrations, end - 1, dialect, cache, failures);
        Schema schema = new Schema(dialect);
        List<String> skipped = new ArrayList<>();
        for (int i = 0; i < end; i++) {
            ParsedScript ps = parsed.get(i);
            if (ps == null) skipped.add(migrations.get(i).id());
            else schema.apply(ps);
        }
        if (!skipped.isEmpty()) notes.add("could not replay " + String.join(", ", skipped));
        return schema;
    }
}

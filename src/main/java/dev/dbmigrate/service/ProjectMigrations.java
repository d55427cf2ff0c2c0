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

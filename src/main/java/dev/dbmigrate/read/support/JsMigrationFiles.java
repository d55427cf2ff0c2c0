package dev.dbmigrate.read.support;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Migrations that are JavaScript / TypeScript modules exporting {@code up} and {@code down}
 * (Knex, Sequelize): one migration per file, in file-name order, id = version = the file name with
 * its extension (what {@code knex_migrations.name} and {@code SequelizeMeta.name} store).
 */
public final class JsMigrationFiles {

    private JsMigrationFiles() {}

    /** TypeScript for .ts/.mts/.cts, else JavaScript. */
    public static Script.Language language(String fileName) {
        return fileName.matches(".*\\.[mc]?ts$") ? Script.Language.TYPESCRIPT : Script.Language.JAVASCRIPT;
    }

    /** The function {@code name} of a module as a script, or empty. */
    public static Optional<Script> function(Path file, String source, String name) {
        return JsFunctions.find(source, name)
                .map(f -> new Script(file, f.text(), f.line(), language(file.getFileName().toString()), name));
    }

    /**
     * @param loads        which file names the tool loads as migrations
     * @param noTransaction a pattern on the masked source that marks a per-migration opt-out, or null
     */
    public static ReadResult read(Tool tool, Path dir, Predicate<String> loads, Pattern noTransaction) {
        List<Problem> problems = new ArrayList<>();
        List<Migration> out = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (!loads.test(n)) {
                if (!ReadSupport.isHousekeeping(n) && !n.endsWith(".d.ts") && !n.endsWith(".map")) {
                    problems.add(problem("ignored-file", f + ": " + tool + " does not load it as a migration", n));
                }
                continue;
            }
            MigrationBuilder b = new MigrationBuilder(tool).id(n).version(n).file(f)
                    .name(n.replaceFirst("\\.[^.]+$", "").replaceFirst("^\\d+[_-]", ""));
            String text = ReadSupport.readText(f, problems).orElse(null);
            if (text == null) {
                out.add(b.downKind(DownKind.MISSING).build());
                continue;
            }
            Optional<Script> up = function(f, text, "up");
            Optional<Script> down = function(f, text, "down");
            if (up.isEmpty()) problems.add(problem("invalid-file", f + ": no up function found; " + tool + " fails when it loads the file", n));
            if (down.isEmpty()) problems.add(problem("missing-down", f + ": no down function; it cannot be rolled back", n));
            b.up(up.orElse(null)).down(down.orElse(null));
            if (noTransaction != null) b.noTransaction(noTransaction.matcher(SourceMask.js(text)).find());
            out.add(b.build());
        }
        return new ReadResult(out, problems);
    }
}

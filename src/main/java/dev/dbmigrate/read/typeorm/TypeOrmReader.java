package dev.dbmigrate.read.typeorm;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.JsFunctions;
import dev.dbmigrate.read.support.JsMigrationFiles;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import dev.dbmigrate.read.support.SourceMask;
import dev.dbmigrate.read.support.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * TypeORM: migration classes ({@code export class CreateUsers1700000000000 implements MigrationInterface})
 * in the .ts/.js files of the migrations folder. As TypeORM does: a migration's name is its
 * {@code name} property or else its class name, the last 13 characters of that name are its
 * JavaScript timestamp (a name without one makes TypeORM refuse to run: "invalid-file"), migrations
 * run in timestamp order, two with the same name are refused ("duplicate-version"). id = version =
 * the name ({@code migrations.name}); {@code transaction = false} in the class opts out of the
 * transaction. Scripts are the {@code up} and {@code down} methods.
 *
 * <p>Attributes: {@code timestamp} (Long, {@code migrations.timestamp}), {@code className} (String).
 */
public final class TypeOrmReader implements MigrationReader {

    private static final Pattern CLASS = Pattern.compile("\\bclass\\s+([A-Za-z_$][\\w$]*)\\s*(?:implements\\s+MigrationInterface)?[^{]*\\{");
    private static final Pattern NAME_PROP = Pattern.compile("(?<![.\\w])name\\s*(?::\\s*string\\s*)?=\\s*(?=['\"`])");
    private static final Pattern NO_TX = Pattern.compile("(?<![.\\w])transaction\\s*(?::\\s*boolean\\s*)?=\\s*false\\b");

    @Override
    public Tool tool() {
        return Tool.TYPEORM;
    }

    private record Found(MigrationBuilder builder, long timestamp) {}

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "TypeORM", "src/migration", "src/migrations", "migration", "migrations",
                "src/database/migrations", "src/db/migrations", "db/migrations");
        List<Problem> problems = new ArrayList<>();
        List<Found> found = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (!n.matches(".*\\.[mc]?(ts|js)$") || n.endsWith(".d.ts")) continue;
            ReadSupport.readText(f, problems).ifPresent(text -> classes(f, text, found, problems));
        }
        found.sort(Comparator.comparingLong(Found::timestamp));
        problems.addAll(ReadSupport.duplicates(found, x -> x.builder.id(), x -> x.builder.id(),
                "TypeORM refuses to run (duplicate migrations)"));
        return new ReadResult(found.stream().map(x -> x.builder.build()).toList(), problems);
    }

    private void classes(Path file, String text, List<Found> out, List<Problem> problems) {
        String masked = SourceMask.js(text);
        Matcher c = CLASS.matcher(masked);
        boolean any = false;
        while (c.find()) {
            int open = c.end() - 1;
            int close = JsFunctions.match(masked, open);
            if (close < 0) continue;
            String body = text.substring(open, close + 1);
            String maskedBody = masked.substring(open, close + 1);
            Optional<JsFunctions.Found> up = JsFunctions.find(body, "up");
            if (up.isEmpty() && !c.group().contains("MigrationInterface")) continue;
            any = true;
            String className = c.group(1);
            String name = className;
            Matcher np = NAME_PROP.matcher(maskedBody);
            if (np.find()) {
                int q = np.end();
                int end = body.indexOf(body.charAt(q), q + 1);
                if (end > q) name = body.substring(q + 1, end);
            }
            int lineOffset = TextLines.of(text).lineOf(open) - 1;
            MigrationBuilder b = new MigrationBuilder(Tool.TYPEORM).id(name).version(name).file(file)
                    .name(name.replaceFirst("\\d{13}$", "")).attr("className", className)
                    .noTransaction(NO_TX.matcher(maskedBody).find());
            b.up(up.map(u -> script(file, u, lineOffset, "up")).orElse(null));
            Optional<JsFunctions.Found> down = JsFunctions.find(body, "down");
            b.down(down.map(d -> script(file, d, lineOffset, "down")).orElse(null));
            if (up.isEmpty()) problems.add(problem("invalid-file", file + ": class " + className + " has no up method", name));
            if (down.isEmpty()) problems.add(problem("missing-down", file + ": class " + className + " has no down method; migration:revert cannot undo it", name));
            long ts = timestamp(name);
            if (ts <= 0) {
                problems.add(problem("invalid-file", file + ": " + name + " migration name is wrong; TypeORM requires a JavaScript timestamp (13 digits) at the end of the name", name));
            } else {
                b.attr("timestamp", ts);
            }
            out.add(new Found(b, ts));
        }
        if (!any) problems.add(problem("ignored-file", file + ": no migration class found", file.getFileName().toString()));
    }

    private static Script script(Path file, JsFunctions.Found f, int lineOffset, String part) {
        return new Script(file, f.text(), f.line() + lineOffset, JsMigrationFiles.language(file.getFileName().toString()), part);
    }

    private static long timestamp(String name) {
        if (name.length() < 13) return -1;
        String tail = name.substring(name.length() - 13);
        return tail.chars().allMatch(Character::isDigit) ? Long.parseLong(tail) : -1;
    }
}

package dev.dbmigrate.read.goose;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import dev.dbmigrate.read.support.Sections;
import dev.dbmigrate.read.support.Sections.Section;
import dev.dbmigrate.read.support.SourceMask;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * goose: {@code {version}_{name}.sql} files with {@code -- +goose Up} / {@code -- +goose Down}
 * sections (annotations are case-insensitive, on their own line), and {@code .go} migrations.
 * The version is the number before the first underscore (int64, at least 1); goose orders by that
 * number, so sequential ({@code 00001_}) and timestamp ({@code 20240101120000_}) versions mix with
 * every sequential one first. id = version = the number without leading zeros
 * ({@code goose_db_version.version_id}).
 *
 * <p>The Up and Down sections become separate scripts whose {@code startLine} is the line after
 * their annotation. {@code -- +goose NO TRANSACTION} anywhere in the file makes it
 * non-transactional. A .sql file without {@code -- +goose Up} is refused by goose ("invalid-file";
 * its whole text is kept as the up so it can still be checked). Go migrations get {@code up = null};
 * their down kind and transaction mode are read from the {@code goose.AddMigration*} call.
 *
 * <p>Attributes: {@code note} (String, for Go migrations), {@code versionStyle} ("sequential" or
 * "timestamp").
 */
public final class GooseReader implements MigrationReader {

    private static final Pattern ANNOTATION = Pattern.compile("^--\\s*\\+goose\\s+(.*?)\\s*$", Pattern.CASE_INSENSITIVE);
    private static final Pattern ADD_MIGRATION = Pattern.compile("goose\\.Add(?:Named)?Migration(NoTx)?(?:Context)?\\s*\\(([^)]*)\\)");

    @Override
    public Tool tool() {
        return Tool.GOOSE;
    }

    private record Entry(Path file, long version) {}

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "goose", "migrations", "db/migrations", "sql/migrations", "database/migrations", "sql/schema", "db/migration");
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            boolean sql = n.endsWith(".sql");
            boolean go = n.endsWith(".go") && !n.endsWith("_test.go");
            if (!sql && !go) continue;
            long v = version(n);
            if (v < 1) {
                if (sql) {
                    problems.add(problem("invalid-file", f + ": goose refuses it: the name must start with a version number of at least 1 followed by '_'", n));
                }
                continue;
            }
            entries.add(new Entry(f, v));
        }
        entries.sort(Comparator.comparingLong(Entry::version));
        problems.addAll(ReadSupport.duplicates(entries, e -> Long.toString(e.version), e -> e.file.getFileName().toString(),
                "goose refuses to run (\"duplicate version\")"));
        boolean hasSequential = entries.stream().anyMatch(e -> !isTimestamp(e.version));
        boolean hasTimestamp = entries.stream().anyMatch(e -> isTimestamp(e.version));
        if (hasSequential && hasTimestamp) {
            List<String> seq = entries.stream().filter(e -> !isTimestamp(e.version)).map(e -> e.file.getFileName().toString()).toList();
            problems.add(new Problem("mixed-versioning", "sequential and timestamp versions are mixed; goose orders by number, so "
                    + String.join(", ", seq) + " sort before every timestamped migration, and a sequential file added later is refused"
                    + " as a missing (out-of-order) migration unless goose runs with -allow-missing (goose fix renumbers them)", seq));
        }
        List<Migration> out = new ArrayList<>();
        for (Entry e : entries) {
            out.add(e.file.getFileName().toString().endsWith(".go") ? goMigration(e, problems) : sqlMigration(e, problems));
        }
        return new ReadResult(out, problems);
    }

    private static boolean isTimestamp(long v) {
        return v >= 19_000_101_000_000L;
    }

    private static long version(String name) {
        int idx = name.indexOf('_');
        if (idx <= 0) return -1;
        try {
            return Long.parseLong(name.substring(0, idx));
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static MigrationBuilder base(Entry e) {
        String n = e.file.getFileName().toString();
        String v = Long.toString(e.version);
        return new MigrationBuilder(Tool.GOOSE).id(v).version(v).file(e.file)
                .name(n.substring(n.indexOf('_') + 1, n.lastIndexOf('.')))
                .attr("versionStyle", isTimestamp(e.version) ? "timestamp" : "sequential");
    }

    private Migration sqlMigration(Entry e, List<Problem> problems) {
        MigrationBuilder b = base(e);
        String text = ReadSupport.readText(e.file, problems).orElse(null);
        if (text == null) return b.downKind(DownKind.MISSING).build();
        List<Section> sections = Sections.split(text, l -> {
            Matcher m = ANNOTATION.matcher(l);
            if (!m.matches()) return false;
            String a = m.group(1).toLowerCase(Locale.ROOT);
            return a.equals("up") || a.equals("down");
        });
        boolean noTx = text.lines().map(ANNOTATION::matcher)
                .anyMatch(m -> m.matches() && m.group(1).replaceAll("\\s+", " ").equalsIgnoreCase("no transaction"));
        b.noTransaction(noTx);
        Section up = null;
        Section down = null;
        for (Section s : sections) {
            if (s.marker() == null) continue;
            boolean isUp = isUp(s.marker());
            if (isUp && up == null) up = s;
            if (!isUp && down == null) down = s;
        }
        String n = e.file.getFileName().toString();
        if (up == null) {
            problems.add(problem("invalid-file", e.file + ": no '-- +goose Up' annotation; goose refuses to run it", n));
            return b.up(Script.sql(e.file, text)).downKind(DownKind.MISSING).build();
        }
        if (down != null && down.markerLine() < up.markerLine()) {
            problems.add(problem("invalid-file", e.file + ":" + down.markerLine() + ": '-- +goose Down' comes before '-- +goose Up'", n));
        }
        if (!SourceMask.sql(sections.get(0).body()).isBlank()) {
            problems.add(problem("invalid-file", e.file + ": statements before '-- +goose Up'; goose refuses to parse the file", n));
        }
        b.up(new Script(e.file, up.body(), up.bodyLine(), Script.Language.SQL, "up"));
        b.down(down == null ? null : new Script(e.file, down.body(), down.bodyLine(), Script.Language.SQL, "down"));
        return b.build();
    }

    private static boolean isUp(String marker) {
        Matcher m = ANNOTATION.matcher(marker);
        return m.matches() && m.group(1).equalsIgnoreCase("up");
    }

    private Migration goMigration(Entry e, List<Problem> problems) {
        MigrationBuilder b = base(e).up(null)
                .attr("note", "Go migration: goose runs Go code, which db-migrate does not analyse");
        String text = ReadSupport.readText(e.file, problems).orElse("");
        Matcher m = ADD_MIGRATION.matcher(text);
        if (m.find()) {
            String[] args = m.group(2).split(",");
            String downArg = args[args.length - 1].trim();
            b.downKind(downArg.equals("nil") ? DownKind.MISSING : DownKind.PRESENT).noTransaction(m.group(1) != null);
        } else {
            b.downKind(DownKind.MISSING).transactional(null);
        }
        return b.build();
    }
}

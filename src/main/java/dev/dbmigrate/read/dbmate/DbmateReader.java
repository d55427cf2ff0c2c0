package dev.dbmigrate.read.dbmate;

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
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * dbmate: {@code db/migrations/{version}_{name}.sql} with {@code -- migrate:up} and
 * {@code -- migrate:down} blocks; options follow the directive ({@code -- migrate:up transaction:false}).
 * dbmate applies files in file-name order (a directory listing), so {@code 10_x.sql} runs before
 * {@code 2_y.sql}: versions of different widths are reported ("out-of-order"). id = version = the
 * digits before the first underscore, as text ({@code schema_migrations.version}).
 *
 * <p>A file without {@code -- migrate:up}, with statements before it, or with the down block
 * first is refused by dbmate ("invalid-file"); a file without {@code -- migrate:down} is
 * "missing-down" (dbmate 2 refuses it too). Attribute: {@code downTransactional} (Boolean, false
 * when the down block says transaction:false).
 */
public final class DbmateReader implements MigrationReader {

    private static final Pattern NAME = Pattern.compile("^(\\d+)_.*\\.sql$");
    private static final Pattern DIRECTIVE = Pattern.compile("^--\\s*migrate:(up|down)(\\s*$|\\s+\\S.*)");

    @Override
    public Tool tool() {
        return Tool.DBMATE;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "dbmate", "db/migrations", "migrations");
        List<Problem> problems = new ArrayList<>();
        List<Migration> out = new ArrayList<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            Matcher m = NAME.matcher(n);
            if (!m.matches()) {
                if (n.endsWith(".sql")) {
                    problems.add(problem("ignored-file", f + ": dbmate ignores it (expected {version}_{name}.sql)", n));
                }
                continue;
            }
            out.add(migration(f, m.group(1), n.substring(m.group(1).length() + 1, n.length() - 4), problems));
        }
        problems.addAll(ReadSupport.duplicates(out, Migration::version, mg -> mg.file().getFileName().toString(),
                "dbmate records one row per version, so the second file is never applied"));
        long widths = out.stream().map(mg -> mg.version().length()).distinct().count();
        if (widths > 1) {
            List<String> ids = out.stream().map(Migration::version).toList();
            problems.add(new Problem("out-of-order", "versions of different widths (" + String.join(", ", ids)
                    + "): dbmate applies files in file-name order, which is not numeric order", ids));
        }
        return new ReadResult(out, problems);
    }

    private Migration migration(Path f, String version, String name, List<Problem> problems) {
        MigrationBuilder b = new MigrationBuilder(Tool.DBMATE).id(version).version(version).name(name).file(f);
        String text = ReadSupport.readText(f, problems).orElse(null);
        if (text == null) return b.downKind(DownKind.MISSING).build();
        List<Section> sections = Sections.split(text, l -> DIRECTIVE.matcher(l).matches());
        Section up = null;
        Section down = null;
        for (Section s : sections) {
            if (s.marker() == null) continue;
            Matcher m = DIRECTIVE.matcher(s.marker());
            m.matches();
            if (m.group(1).equals("up") && up == null) up = s;
            if (m.group(1).equals("down") && down == null) down = s;
        }
        String n = f.getFileName().toString();
        if (up == null) {
            problems.add(problem("invalid-file", f + ": no '-- migrate:up' block; dbmate refuses to run it", n));
            return b.up(Script.sql(f, text)).downKind(DownKind.MISSING).build();
        }
        if (!SourceMask.sql(sections.get(0).body()).isBlank()) {
            problems.add(problem("invalid-file", f + ": statements before '-- migrate:up'; dbmate refuses to run it", n));
        }
        if (down != null && down.markerLine() < up.markerLine()) {
            problems.add(problem("invalid-file", f + ":" + down.markerLine() + ": '-- migrate:down' comes before '-- migrate:up'; dbmate refuses to run it", n));
        }
        b.up(new Script(f, up.body(), up.bodyLine(), Script.Language.SQL, "up")).noTransaction(optedOut(up.marker()));
        if (down == null) {
            problems.add(problem("missing-down", f + ": no '-- migrate:down' block (dbmate 2 refuses such files; older versions cannot roll it back)", version));
        } else {
            b.attr("downTransactional", !optedOut(down.marker()));
        }
        b.down(down == null ? null : new Script(f, down.body(), down.bodyLine(), Script.Language.SQL, "down"));
        return b.build();
    }

    private static boolean optedOut(String directive) {
        return directive.replaceAll("\\s+", " ").matches(".*\\btransaction:false\\b.*");
    }
}

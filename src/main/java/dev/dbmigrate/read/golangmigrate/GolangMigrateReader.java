package dev.dbmigrate.read.golangmigrate;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * golang-migrate: {@code {version}_{title}.up.{ext}} and {@code .down.{ext}} files, matched with the
 * tool's own pattern {@code ^([0-9]+)_(.*)\.(down|up)\.(.*)$}; the version is an unsigned 64-bit
 * integer (so {@code 1_} .. {@code 75_} sort numerically and {@code 001} equals {@code 1}). Files that
 * do not match are ignored by the tool (reported as "ignored-file"); two files for one version and
 * direction make it refuse to run ("duplicate-version"). id = version = the number without leading
 * zeros, as in {@code schema_migrations.version} (bigint). golang-migrate does not wrap migrations in
 * transactions.
 *
 * <p>Attributes: {@code upFile}, {@code downFile} (String paths, when present).
 */
public final class GolangMigrateReader implements MigrationReader {

    static final Pattern NAME = Pattern.compile("^([0-9]+)_(.*)\\.(down|up)\\.(.*)$");
    private static final BigInteger MAX_UINT64 = new BigInteger("18446744073709551615");

    @Override
    public Tool tool() {
        return Tool.GOLANG_MIGRATE;
    }

    private static final class Pair {
        String version;
        String title;
        final List<Path> ups = new ArrayList<>();
        final List<Path> downs = new ArrayList<>();
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "golang-migrate", "migrations", "db/migrations", "db/migration", "database/migrations", "sql/migrations");
        List<Problem> problems = new ArrayList<>();
        Map<BigInteger, Pair> byVersion = new TreeMap<>();
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            Matcher m = NAME.matcher(n);
            if (!m.matches() || new BigInteger(m.group(1)).compareTo(MAX_UINT64) > 0) {
                if (!ReadSupport.isHousekeeping(n)) {
                    problems.add(problem("ignored-file", f + ": golang-migrate ignores it (expected {version}_{title}.up.sql or .down.sql)", n));
                }
                continue;
            }
            BigInteger v = new BigInteger(m.group(1));
            if (!m.group(4).equals("sql")) {
                problems.add(problem("suspicious-name", f + ": golang-migrate reads it as version " + v + " " + m.group(3)
                        + " with extension '" + m.group(4) + "' (probably a typo in the name)", n));
            }
            Pair p = byVersion.computeIfAbsent(v, k -> new Pair());
            p.version = v.toString();
            if (p.title == null || m.group(3).equals("up")) p.title = m.group(2);
            (m.group(3).equals("up") ? p.ups : p.downs).add(f);
        }
        List<Migration> migrations = new ArrayList<>();
        for (Pair p : byVersion.values()) {
            for (List<Path> files : List.of(p.ups, p.downs)) {
                if (files.size() > 1) {
                    List<String> names = files.stream().map(f -> f.getFileName().toString()).toList();
                    problems.add(new Problem("duplicate-version", "version " + p.version + " has more than one file: "
                            + String.join(", ", names) + "; golang-migrate refuses to run", names));
                }
            }
            Path upFile = p.ups.isEmpty() ? null : p.ups.get(0);
            Path downFile = p.downs.isEmpty() ? null : p.downs.get(0);
            Script up = upFile == null ? null : ReadSupport.sqlScript(upFile, problems);
            if (upFile == null) {
                problems.add(problem("missing-up", downFile + ": version " + p.version + " has a down file but no up file", p.version));
            }
            if (downFile == null) {
                problems.add(problem("missing-down", upFile + ": version " + p.version + " has no .down.sql; it cannot be rolled back with migrate down", p.version));
            }
            MigrationBuilder b = new MigrationBuilder(Tool.GOLANG_MIGRATE)
                    .id(p.version).name(p.title).version(p.version).file(upFile != null ? upFile : downFile)
                    .up(up).attr("upFile", upFile == null ? null : upFile.toString())
                    .attr("downFile", downFile == null ? null : downFile.toString());
            migrations.add(b.downFile(downFile, problems).build());
        }
        return new ReadResult(migrations, problems);
    }
}

package dev.dbmigrate.read.drizzle;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.InputException;
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
import dev.dbmigrate.read.support.SourceMask;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Drizzle Kit: {@code <out>/meta/_journal.json} lists the migrations; each entry's {@code tag} names
 * {@code <out>/<tag>.sql}. The journal's entry order is the apply order (not the file names); id =
 * the tag; version = the entry's {@code when} (milliseconds, stored in
 * {@code __drizzle_migrations.created_at}). Drizzle has no down migrations; its migrator runs all
 * pending migrations in one transaction.
 *
 * <p>Integrity: a journal entry without its file makes the migrator throw ("journal-missing-file");
 * a .sql file the journal does not list is never applied ("file-missing-from-journal"); an entry
 * whose {@code when} is not later than an earlier entry's is skipped on every database that already
 * applied the earlier one, because the migrator applies only entries newer than the last
 * {@code created_at} ("out-of-order").
 *
 * <p>The up script is the file's text where each {@code --> statement-breakpoint} that follows a
 * statement without a closing semicolon gets one inserted before it (same line), so the SQL
 * splitter sees the statement boundaries Drizzle uses; line numbers are unchanged.
 *
 * <p>Attributes: {@code checksumInput} (String path: Drizzle stores the SHA-256 hex of the file's
 * text as {@code hash}), {@code checksumAlgorithm} ("sha256"), {@code idx} (Integer),
 * {@code breakpoints} (Boolean, from the journal), {@code journal} (String path).
 */
public final class DrizzleReader implements MigrationReader {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BREAKPOINT = "--> statement-breakpoint";

    @Override
    public Tool tool() {
        return Tool.DRIZZLE;
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "Drizzle", "drizzle", "migrations", "src/db/migrations", "db/migrations", "src/drizzle", "drizzle/migrations");
        Path journalFile = dir.resolve("meta").resolve("_journal.json");
        if (!Files.isRegularFile(journalFile)) {
            throw new InputException(dir + ": no meta/_journal.json; Drizzle cannot order these migrations");
        }
        List<Problem> problems = new ArrayList<>();
        JsonNode journal;
        try {
            journal = JSON.readTree(ReadSupport.readText(journalFile, problems)
                    .orElseThrow(() -> new InputException(journalFile + ": not valid UTF-8")));
        } catch (IOException e) {
            throw new InputException(journalFile + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")");
        }
        List<Migration> out = new ArrayList<>();
        Set<String> listed = new HashSet<>();
        long lastWhen = Long.MIN_VALUE;
        String lastTag = null;
        for (JsonNode entry : journal.path("entries")) {
            String tag = entry.path("tag").asText(null);
            if (tag == null) continue;
            listed.add(tag + ".sql");
            long when = entry.path("when").asLong();
            Path sql = dir.resolve(tag + ".sql");
            if (!Files.isRegularFile(sql)) {
                problems.add(problem("journal-missing-file", journalFile + ": entry " + tag + " has no " + tag + ".sql; the Drizzle migrator throws", tag));
                continue;
            }
            if (lastTag != null && when <= lastWhen) {
                problems.add(problem("out-of-order", journalFile + ": " + tag + " has when=" + when + ", not after " + lastTag + " (" + lastWhen
                        + "); the migrator skips it on databases that already applied " + lastTag, tag, lastTag));
            }
            lastWhen = Math.max(lastWhen, when);
            lastTag = tag;
            String text = ReadSupport.readText(sql, problems).orElse(null);
            out.add(new MigrationBuilder(Tool.DRIZZLE).id(tag).name(tag.replaceFirst("^\\d+_", "")).version(Long.toString(when))
                    .file(sql).up(text == null ? null : new Script(sql, withBreakpointSemicolons(text), 1, Script.Language.SQL, null))
                    .downKind(DownKind.UNSUPPORTED)
                    .attr("checksumInput", sql.toString()).attr("checksumAlgorithm", "sha256")
                    .attr("idx", entry.has("idx") ? entry.get("idx").asInt() : null)
                    .attr("breakpoints", entry.has("breakpoints") ? entry.get("breakpoints").asBoolean() : null)
                    .attr("journal", journalFile.toString())
                    .build());
        }
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (n.endsWith(".sql") && !listed.contains(n)) {
                problems.add(problem("file-missing-from-journal", f + ": not listed in meta/_journal.json; Drizzle never applies it", n));
            }
        }
        return new ReadResult(out, problems);
    }

    /** Inserts ';' before a breakpoint marker when the code before it does not end with one. */
    static String withBreakpointSemicolons(String text) {
        String masked = SourceMask.sql(text);
        StringBuilder sb = new StringBuilder(text.length() + 16);
        int from = 0;
        int at;
        while ((at = text.indexOf(BREAKPOINT, from)) >= 0) {
            int k = at - 1;
            while (k >= 0 && Character.isWhitespace(masked.charAt(k))) k--;
            sb.append(text, from, at);
            if (k >= 0 && masked.charAt(k) != ';') sb.append(';');
            sb.append(BREAKPOINT);
            from = at + BREAKPOINT.length();
        }
        return sb.append(text.substring(from)).toString();
    }
}

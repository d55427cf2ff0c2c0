package dev.dbmigrate.parse.liquibase;

import dev.dbmigrate.parse.liquibase.Changelog.ChangeSet;
import dev.dbmigrate.parse.liquibase.Changelog.Entry;
import dev.dbmigrate.parse.liquibase.Changelog.Include;
import dev.dbmigrate.parse.liquibase.Changelog.IncludeAll;
import dev.dbmigrate.read.support.TextLines;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Liquibase formatted SQL: {@code --liquibase formatted sql}, {@code --changeset author:id attr:value...},
 * {@code --rollback <sql>} lines and {@code /* liquibase rollback ... *}{@code /} blocks,
 * {@code --include file:...} / {@code --includeAll path:...}. A .sql file without the header is one
 * raw changeSet (id "raw", author "includeAll"), as Liquibase treats it.
 */
public final class FormattedSql {

    private static final Pattern HEADER = Pattern.compile("(?i)^\\s*--\\s*liquibase\\s+formatted\\s+sql.*");
    private static final Pattern CHANGESET = Pattern.compile("(?i)^\\s*--\\s*changeset\\s+(\"[^\"]*\"|[^:\\s]+):(\"[^\"]*\"|\\S+)(.*)$");
    private static final Pattern ROLLBACK = Pattern.compile("(?i)^\\s*--\\s*rollback\\b\\s?(.*)$");
    private static final Pattern ROLLBACK_BLOCK = Pattern.compile("(?i)^\\s*/\\*\\s*liquibase\\s+rollback\\b\\s*(.*)$");
    private static final Pattern INCLUDE = Pattern.compile("(?i)^\\s*--\\s*include\\s+file:(\\S+)(.*)$");
    private static final Pattern INCLUDE_ALL = Pattern.compile("(?i)^\\s*--\\s*includeAll\\s+path:(\\S+)(.*)$");
    private static final Pattern ATTR = Pattern.compile("(\\w+):(\"[^\"]*\"|\\S+)");

    private FormattedSql() {}

    public static boolean isFormatted(String text) {
        return text.lines().filter(l -> !l.isBlank()).findFirst().map(l -> HEADER.matcher(l).matches()).orElse(false);
    }

    public static Changelog read(Path file, String text) {
        List<Entry> entries = new ArrayList<>();
        TextLines lines = TextLines.of(text);
        if (!isFormatted(text)) {
            entries.add(new ChangeSet("raw", "includeAll", 1, Math.max(1, lines.count()), Map.of(), List.of(), null,
                    text, 1, null, 0));
            return new Changelog(file, null, null, entries);
        }
        int n = 1;
        while (n <= lines.count()) {
            String l = lines.line(n);
            Matcher inc = INCLUDE.matcher(l);
            Matcher incAll = INCLUDE_ALL.matcher(l);
            Matcher cs = CHANGESET.matcher(l);
            if (inc.matches()) {
                entries.add(new Include(inc.group(1), attrs(inc.group(2)).getOrDefault("relativeToChangelogFile", "false").equalsIgnoreCase("true"), n));
                n++;
            } else if (incAll.matches()) {
                Map<String, String> a = attrs(incAll.group(2));
                entries.add(new IncludeAll(incAll.group(1), a.getOrDefault("relativeToChangelogFile", "false").equalsIgnoreCase("true"),
                        !a.getOrDefault("errorIfMissingOrEmpty", "true").equalsIgnoreCase("false"), n));
                n++;
            } else if (cs.matches()) {
                n = changeSet(lines, n, cs, entries);
            } else {
                n++;
            }
        }
        return new Changelog(file, null, null, entries);
    }

    private static Map<String, String> attrs(String rest) {
        Map<String, String> out = new LinkedHashMap<>();
        Matcher m = ATTR.matcher(rest);
        while (m.find()) out.put(m.group(1), unquote(m.group(2)));
        return out;
    }

    private static String unquote(String s) {
        return s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s;
    }

    /** Reads the changeSet starting at line {@code start}; returns the line after it. */
    private static int changeSet(TextLines lines, int start, Matcher cs, List<Entry> entries) {
        Map<String, String> attrs = attrs(cs.group(3));
        String author = unquote(cs.group(1));
        String id = unquote(cs.group(2));
        attrs.put("id", id);
        attrs.put("author", author);
        int end = start + 1;
        while (end <= lines.count() && !CHANGESET.matcher(lines.line(end)).matches()
                && !INCLUDE.matcher(lines.line(end)).matches() && !INCLUDE_ALL.matcher(lines.line(end)).matches()) {
            end++;
        }
        StringBuilder rollback = new StringBuilder();
        int rollbackLine = 0;
        int k = start + 1;
        while (k < end) {
            String l = lines.line(k);
            Matcher rb = ROLLBACK.matcher(l);
            Matcher block = ROLLBACK_BLOCK.matcher(l);
            if (rb.matches()) {
                if (rollbackLine == 0) rollbackLine = k;
                rollback.append(rb.group(1)).append('\n');
            } else if (block.matches()) {
                if (rollbackLine == 0) rollbackLine = k;
                StringBuilder body = new StringBuilder(block.group(1)).append('\n');
                while (++k < end && !lines.line(k).contains("*/")) body.append(lines.line(k)).append('\n');
                if (k < end) body.append(lines.line(k), 0, lines.line(k).indexOf("*/")).append('\n');
                rollback.append(body);
            }
            k++;
        }
        String body = lines.slice(start + 1, end);
        String rb = rollbackLine == 0 ? null : rollback.toString();
        if (rb != null && rb.trim().equalsIgnoreCase("not required")) rb = "";
        if (rb != null && rb.trim().toLowerCase(java.util.Locale.ROOT).startsWith("empty")) rb = "";
        entries.add(new ChangeSet(id, author, start, end - 1, attrs, List.of(), null, body, start + 1, rb, rollbackLine));
        return end;
    }
}

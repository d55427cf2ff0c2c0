package dev.dbmigrate.read.rawsql;

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
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Plain SQL migrations with no tool: the .sql files of the folder in natural order (digit runs
 * compare by value, so {@code 2_x.sql} comes before {@code 10_y.sql}). A migration's down is found
 * by the common conventions: a sibling {@code <name>.down.sql} / {@code <name>_down.sql} /
 * {@code <name>-down.sql} (the up may be {@code <name>.up.sql} / {@code _up} / {@code -up} or plain),
 * a file of the same name in a {@code down/} or {@code rollback/} sub-folder, or a
 * {@code -- DOWN} / {@code -- +migrate Down} / {@code -- rollback} marker line inside the file (the
 * text before it, after an optional {@code -- UP} marker, is the up). When no migration of the
 * folder has a down, downs are MISSING without problems; when some have, the others are reported
 * ("missing-down"). id = the file name without the up suffix and .sql; version = its leading
 * number as written, or null. Not transactional (no runner wraps it).
 *
 * <p>Attributes: {@code downFile} (String path of a separate down file).
 */
public final class RawSqlReader implements MigrationReader {

    private static final Pattern DOWN_FILE = Pattern.compile("(?i)(.*?)[._-]down\\.sql$");
    private static final Pattern UP_FILE = Pattern.compile("(?i)(.*?)[._-]up\\.sql$");
    private static final Pattern MARKER = Pattern.compile(
            "(?i)^\\s*--+\\s*[=#*+\\s-]*(?:migrate[:\\s]\\s*)?(up|down|rollback)(?:\\s+(?:migration|section|script))?\\s*[=#*:-]*\\s*$");
    private static final Pattern LEADING_NUMBER = Pattern.compile("^(\\d+)");

    @Override
    public Tool tool() {
        return Tool.RAW_SQL;
    }

    private static final class Item {
        String key;
        Path up;
        Path down;
        final List<Path> extraUps = new ArrayList<>();
    }

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "SQL", "migrations", "db/migrations", "sql/migrations", "database/migrations", "sql", "db/sql", "schema/migrations");
        if (Files.isRegularFile(dir)) dir = dir.getParent();
        List<Problem> problems = new ArrayList<>();
        Map<String, Item> items = new TreeMap<>(RawSqlReader::natural);
        for (Path f : ReadSupport.files(dir)) {
            String n = f.getFileName().toString();
            if (!n.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) continue;
            Matcher d = DOWN_FILE.matcher(n);
            if (d.matches()) {
                items.computeIfAbsent(d.group(1), k -> new Item()).down = f;
                continue;
            }
            Matcher u = UP_FILE.matcher(n);
            String key = u.matches() ? u.group(1) : n.substring(0, n.length() - 4);
            Item it = items.computeIfAbsent(key, k -> new Item());
            if (it.up == null) it.up = f;
            else it.extraUps.add(f);
        }
        for (String sub : List.of("down", "rollback", "rollbacks", "downs")) {
            Path downDir = dir.resolve(sub);
            if (!Files.isDirectory(downDir)) continue;
            for (Path f : ReadSupport.files(downDir)) {
                String n = f.getFileName().toString();
                if (!n.toLowerCase(java.util.Locale.ROOT).endsWith(".sql")) continue;
                Matcher d = DOWN_FILE.matcher(n);
                String key = d.matches() ? d.group(1) : n.substring(0, n.length() - 4);
                Item it = items.get(key);
                if (it != null && it.down == null) it.down = f;
                else if (it == null) problems.add(problem("missing-up", f + ": rollback script without a migration named " + key, key));
            }
        }
        items.forEach((k, it) -> it.key = k);
        List<MigrationBuilder> built = new ArrayList<>();
        for (Item it : items.values()) {
            if (it.up == null) {
                problems.add(problem("missing-up", it.down + ": down script without an up script", it.key));
                continue;
            }
            if (!it.extraUps.isEmpty()) {
                List<String> names = new ArrayList<>();
                names.add(it.up.getFileName().toString());
                it.extraUps.forEach(p -> names.add(p.getFileName().toString()));
                problems.add(new Problem("duplicate-version", "more than one up script for " + it.key + ": " + String.join(", ", names), names));
            }
            built.add(migration(it, problems));
        }
        boolean anyDown = built.stream().anyMatch(b -> b.build().downKind() != DownKind.MISSING);
        if (anyDown) {
            for (MigrationBuilder b : built) {
                Migration m = b.build();
                if (m.downKind() == DownKind.MISSING) {
                    problems.add(problem("missing-down", m.file() + ": no down script, unlike other migrations of this folder", m.id()));
                }
            }
        }
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        for (MigrationBuilder b : built) {
            if (b.version() != null) byVersion.computeIfAbsent(b.version(), v -> new ArrayList<>()).add(b.id());
        }
        byVersion.forEach((v, ids) -> {
            if (ids.size() > 1) {
                problems.add(new Problem("duplicate-version", "number " + v + " starts " + String.join(", ", ids)
                        + "; their relative order depends on the rest of the name", ids));
            }
        });
        return new ReadResult(built.stream().map(MigrationBuilder::build).toList(), problems);
    }

    private MigrationBuilder migration(Item it, List<Problem> problems) {
        Matcher num = LEADING_NUMBER.matcher(it.key);
        MigrationBuilder b = new MigrationBuilder(Tool.RAW_SQL).id(it.key).version(num.find() ? num.group(1) : null)
                .name(it.key.replaceFirst("^\\d+[_.-]*", "")).file(it.up);
        String text = ReadSupport.readText(it.up, problems).orElse(null);
        if (it.down != null) {
            b.up(text == null ? null : Script.sql(it.up, text)).downFile(it.down, problems).attr("downFile", it.down.toString());
            return b;
        }
        if (text == null) return b.downKind(DownKind.MISSING);
        List<Section> sections = Sections.split(text, l -> MARKER.matcher(l).matches());
        Section up = null;
        Section down = null;
        for (Section s : sections) {
            if (s.marker() == null) continue;
            Matcher m = MARKER.matcher(s.marker());
            m.matches();
            boolean isUp = m.group(1).equalsIgnoreCase("up");
            if (isUp && up == null && down == null) up = s;
            if (!isUp && down == null) down = s;
        }
        if (down == null) {
            return b.up(Script.sql(it.up, text)).down(null);
        }
        Section upPart = up != null ? up : sections.get(0);
        return b.up(new Script(it.up, upPart.body(), upPart.bodyLine(), Script.Language.SQL, "up"))
                .down(new Script(it.up, down.body(), down.bodyLine(), Script.Language.SQL, "down"));
    }

    /** Natural order: runs of digits compare by value, the rest by characters (case-insensitively first). */
    static int natural(String a, String b) {
        int i = 0;
        int j = 0;
        while (i < a.length() && j < b.length()) {
            char x = a.charAt(i);
            char y = b.charAt(j);
            if (Character.isDigit(x) && Character.isDigit(y)) {
                int ei = i;
                while (ei < a.length() && Character.isDigit(a.charAt(ei))) ei++;
                int ej = j;
                while (ej < b.length() && Character.isDigit(b.charAt(ej))) ej++;
                int c = ReadSupport.compareNumeric(a.substring(i, ei), b.substring(j, ej));
                if (c != 0) return c;
                c = Integer.compare(ei - i, ej - j);
                if (c != 0) return c;
                i = ei;
                j = ej;
            } else {
                int c = Character.compare(Character.toLowerCase(x), Character.toLowerCase(y));
                if (c == 0) c = Character.compare(x, y);
                if (c != 0) return c;
                i++;
                j++;
            }
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}

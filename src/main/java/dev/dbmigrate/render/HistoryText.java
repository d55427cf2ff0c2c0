package dev.dbmigrate.render;

import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.history.HistoryResult.Entry;
import dev.dbmigrate.analyse.history.HistoryResult.Environment;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.read.ReadResult.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Text for {@link HistoryResult}: with one database, the migrations grouped by status (applied,
 * failed, modified, pending, missing) with the last applied time; with several, one table with a
 * column per environment; without a database, the migrations in apply order.
 */
final class HistoryText {

    private HistoryText() {}

    static String render(HistoryResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Migration history")).append('\n');
        sb.append("Project:  ").append(r.projectPath()).append('\n');
        sb.append("Tool:     ").append(r.tool().id()).append(r.dialect() == null ? "" : " (" + r.dialect().id() + ")").append('\n');
        for (String n : r.notes()) sb.append("Note:     ").append(n).append('\n');
        List<Environment> envs = r.environments();
        for (Environment e : envs) environment(sb, e, envs.size() > 1);
        sb.append('\n');
        if (r.migrations().isEmpty()) {
            sb.append("No migrations found.\n");
        } else if (envs.isEmpty() || envs.stream().noneMatch(Environment::reachable)) {
            filesOnly(sb, r);
        } else if (envs.size() == 1) {
            grouped(sb, r);
        } else {
            table(sb, r);
        }
        problems(sb, r.problems());
        if (r.message() != null) sb.append('\n').append(r.message()).append('\n');
        return sb.toString();
    }

    private static void environment(StringBuilder sb, Environment e, boolean several) {
        String label = several ? "[" + e.name() + "] " : "";
        sb.append("Database: ").append(label).append(e.url() == null ? "(url not usable)" : e.url()).append('\n');
        String pad = "          ";
        if (!e.reachable()) {
            sb.append(pad).append("NOT READ: ").append(e.error()).append('\n');
            return;
        }
        sb.append(pad).append("history table ").append(e.historyTable()).append(e.historyTableFound() ? "" : " (does not exist)").append('\n');
        sb.append(pad).append("current ").append(e.current() == null ? "(none)" : e.current())
                .append(", last applied ").append(e.lastAppliedAt() == null ? "(never)" : time(e.lastAppliedAt())).append('\n');
        List<String> counts = new ArrayList<>();
        for (Map.Entry<String, Integer> c : e.counts().entrySet()) {
            if (c.getValue() > 0 || c.getKey().equals("applied") || c.getKey().equals("pending")) counts.add(c.getKey() + " " + c.getValue());
        }
        sb.append(pad).append(String.join(", ", counts)).append('\n');
        for (String n : e.notes()) sb.append(pad).append("! ").append(n).append('\n');
    }

    private static void filesOnly(StringBuilder sb, HistoryResult r) {
        sb.append("Migrations (").append(r.migrations().size()).append(", in apply order):\n");
        int width = idWidth(r.migrations());
        int i = 0;
        for (Entry e : r.migrations()) {
            sb.append(String.format(Locale.ROOT, "%4d. %-" + width + "s  %s%n", ++i, e.id(), rel(r.projectPath(), e.file())));
        }
    }

    private static void grouped(StringBuilder sb, HistoryResult r) {
        int width = idWidth(r.migrations());
        for (MigrationStatus s : List.of(MigrationStatus.APPLIED, MigrationStatus.FAILED, MigrationStatus.MODIFIED, MigrationStatus.PENDING, MigrationStatus.MISSING)) {
            List<Integer> idx = new ArrayList<>();
            for (int i = 0; i < r.migrations().size(); i++) {
                if (r.migrations().get(i).status() == s) idx.add(i);
            }
            if (idx.isEmpty() && s != MigrationStatus.APPLIED && s != MigrationStatus.PENDING) continue;
            sb.append(capital(s.id())).append(" (").append(idx.size()).append("):\n");
            if (idx.isEmpty()) sb.append("      (none)\n");
            for (int i : idx) {
                Entry e = r.migrations().get(i);
                String pos = e.file() == null ? "    -" : String.format(Locale.ROOT, "%4d.", i + 1);
                String when = e.appliedAt() == null ? "" : time(e.appliedAt());
                String line = String.format(Locale.ROOT, "%s %-" + width + "s  %-23s", pos, e.id(), when) + (e.note() == null ? "" : "  (" + e.note() + ")");
                sb.append(line.stripTrailing()).append('\n');
            }
        }
    }

    private static void table(StringBuilder sb, HistoryResult r) {
        int width = Math.max(9, idWidth(r.migrations()));
        List<Environment> envs = r.environments();
        int[] col = new int[envs.size()];
        StringBuilder head = new StringBuilder(String.format(Locale.ROOT, "%4s  %-" + width + "s", "#", "Migration"));
        for (int k = 0; k < envs.size(); k++) {
            col[k] = Math.max(9, envs.get(k).name().length() + 1);
            head.append("  ").append(String.format(Locale.ROOT, "%-" + col[k] + "s", envs.get(k).name()));
        }
        sb.append(head.toString().stripTrailing()).append('\n');
        int i = 0;
        for (Entry e : r.migrations()) {
            i++;
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%4s  %-" + width + "s", e.file() == null ? "-" : Integer.toString(i), e.id()));
            for (int k = 0; k < envs.size(); k++) {
                MigrationStatus s = e.states().get(k).status();
                String cell = !envs.get(k).reachable() ? "?" : s == null ? "-" : s == MigrationStatus.APPLIED || s == MigrationStatus.PENDING ? s.id() : s.id().toUpperCase(Locale.ROOT);
                line.append("  ").append(String.format(Locale.ROOT, "%-" + col[k] + "s", cell));
            }
            sb.append(line.toString().stripTrailing()).append('\n');
        }
        // how far behind each environment is, relative to the one with most applied
        int most = envs.stream().filter(Environment::reachable).mapToInt(HistoryText::inDb).max().orElse(0);
        for (Environment e : envs) {
            if (e.reachable() && inDb(e) < most) {
                sb.append(e.name()).append(" is ").append(most - inDb(e)).append(" migration(s) behind\n");
            }
        }
    }

    private static int inDb(Environment e) {
        return e.counts().getOrDefault("applied", 0) + e.counts().getOrDefault("modified", 0);
    }

    private static void problems(StringBuilder sb, List<Problem> problems) {
        if (problems.isEmpty()) return;
        sb.append("\nProblems (").append(problems.size()).append("):\n");
        for (Problem p : problems) sb.append("  [").append(p.kind()).append("] ").append(p.message()).append('\n');
    }

    private static int idWidth(List<Entry> entries) {
        int w = 10;
        for (Entry e : entries) w = Math.max(w, e.id() == null ? 0 : e.id().length());
        return Math.min(w, 60);
    }

    private static String rel(Path root, Path file) {
        if (file == null) return "";
        try {
            return root.relativize(file).toString();
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }

    /** "2024-01-15T14:30:00Z" -> "2024-01-15 14:30:00 UTC"; other forms as they are. */
    static String time(String iso) {
        if (iso == null) return "";
        String s = iso.replace('T', ' ');
        if (s.endsWith("Z")) s = s.substring(0, s.length() - 1) + " UTC";
        return s;
    }

    private static String capital(String s) {
        return Character.toUpperCase(s.charAt(0)) + s.substring(1);
    }
}

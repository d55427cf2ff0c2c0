package dev.dbmigrate.render;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.validate.ValidateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Text for {@link ValidateResult}: header, then findings grouped by file as [FAIL]/[WARN]/[INFO] lines. */
final class ValidateText {

    private ValidateText() {}

    private static final Map<Category, String> PASS_LINES = new LinkedHashMap<>();

    static {
        PASS_LINES.put(Category.DESTRUCTIVE, "No destructive operations");
        PASS_LINES.put(Category.LOCKING, "No long locks on existing tables");
        PASS_LINES.put(Category.DATA, "Nothing that fails on existing rows");
        PASS_LINES.put(Category.COMPAT, "Backward compatible with the running code");
        PASS_LINES.put(Category.TRANSACTION, "Transaction handling is sound");
    }

    static String render(ValidateResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Migration safety report")).append('\n');
        sb.append("Target:   ").append(r.target()).append('\n');
        if (r.projectPath() != null) {
            sb.append("Project:  ").append(r.projectPath()).append(" (").append(r.tool()).append(", ").append(r.dialect());
            if (r.pgVersion() != null) sb.append(' ').append(r.pgVersion());
            sb.append(")\n");
        } else {
            sb.append("Dialect:  ").append(r.dialect()).append(r.pgVersion() != null ? " " + r.pgVersion() : "").append('\n');
        }
        if (r.migrationsReplayed() > 0) sb.append("History:  ").append(r.migrationsReplayed()).append(" earlier migration(s) replayed\n");
        sb.append("Risk:     ").append(r.risk()).append("  (").append(plural(r.summary().errors(), "error")).append(", ")
                .append(plural(r.summary().warnings(), "warning")).append(", ").append(r.summary().infos()).append(" info)\n");

        Map<String, List<Finding>> byFile = new LinkedHashMap<>();
        for (String f : r.files()) byFile.put(f, new ArrayList<>());
        for (Finding f : r.findings()) byFile.computeIfAbsent(f.file() == null ? "inline SQL" : f.file(), k -> new ArrayList<>()).add(f);
        if (byFile.isEmpty()) byFile.put("inline SQL", List.of());
        for (Map.Entry<String, List<Finding>> e : byFile.entrySet()) {
            sb.append('\n').append(e.getKey()).append('\n');
            if (e.getValue().isEmpty()) {
                sb.append("  [PASS] no issues found\n");
                continue;
            }
            for (Finding f : e.getValue()) {
                sb.append("  ").append(tag(f.severity())).append(' ').append(f.line()).append(':').append(f.column())
                        .append("  ").append(f.rule()).append("  ").append(f.message()).append('\n');
                if (f.statement() != null) sb.append("         statement: ").append(oneLine(f.statement(), 110)).append('\n');
                if (f.lock() != null) sb.append("         lock: ").append(f.lock()).append('\n');
                if (f.evidence() != null) sb.append("         evidence: ").append(f.evidence()).append(f.failsOnData() ? " (it fails on this database)" : "").append('\n');
                if (f.fix() != null) {
                    sb.append("         fix:\n");
                    for (String line : f.fix().split("\n")) sb.append("           ").append(line).append('\n');
                }
            }
        }
        sb.append('\n');
        for (Map.Entry<Category, String> e : PASS_LINES.entrySet()) {
            boolean any = r.findings().stream().anyMatch(f -> (f.category().equals(e.getKey().id()) && !f.severity().equals("info"))
                    || (e.getKey() == Category.DATA && f.failsOnData()));
            if (!any) sb.append("[PASS] ").append(e.getValue()).append('\n');
        }
        if (!r.unparsed().isEmpty()) {
            sb.append("\nNot understood (").append(r.unparsed().size()).append("): these statements were not analysed\n");
            for (ValidateResult.Unparsed u : r.unparsed()) {
                sb.append("  ").append(u.file() == null ? "inline SQL" : u.file()).append(':').append(u.line()).append("  ")
                        .append(u.statement() == null ? "" : oneLine(u.statement(), 80) + "  ").append("(").append(u.reason()).append(")\n");
            }
        }
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            for (String n : r.notes()) sb.append("  - ").append(n).append('\n');
        }
        sb.append("\nChecked ").append(plural(r.statements(), "statement")).append(" in ")
                .append(plural(Math.max(r.files().size(), 1), "file")).append(".\n");
        return sb.toString();
    }

    static String tag(String severity) {
        return switch (severity) {
            case "error" -> "[FAIL]";
            case "warning" -> "[WARN]";
            default -> "[INFO]";
        };
    }

    static String plural(int n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    static String oneLine(String s, int max) {
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() <= max ? t : t.substring(0, max - 3) + "...";
    }
}

package dev.dbmigrate.render;

import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.Detection;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Text for {@link DetectResult}: one block per project root, one entry per tool found there. */
final class DetectText {

    private DetectText() {}

    static String render(DetectResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Migration tool detection")).append('\n');
        sb.append("Project: ").append(r.projectPath()).append('\n');
        if (r.detections().isEmpty()) {
            sb.append('\n').append(r.message() == null ? "No migration tool found." : r.message()).append('\n');
            return sb.toString();
        }
        Map<Path, List<Detection>> byRoot = new LinkedHashMap<>();
        for (Detection d : r.detections()) byRoot.computeIfAbsent(d.root(), k -> new ArrayList<>()).add(d);
        int n = r.detections().size();
        sb.append("Found ").append(n).append(n == 1 ? " migration setup" : " migration setups").append(" in ")
                .append(byRoot.size()).append(byRoot.size() == 1 ? " project root" : " project roots").append(": ")
                .append(r.detections().stream().map(d -> d.tool().id()).distinct().collect(Collectors.joining(", "))).append('\n');

        for (Map.Entry<Path, List<Detection>> e : byRoot.entrySet()) {
            String root = rel(r.projectPath(), e.getKey());
            String label = root.equals(".") ? "(project root)" : root;
            sb.append('\n').append(label).append('\n').append("-".repeat(label.length())).append('\n');
            boolean first = true;
            for (Detection d : e.getValue()) {
                if (!first) sb.append('\n');
                first = false;
                sb.append(d.tool().id()).append("  [dialect: ").append(d.dialect() == null ? "not configured" : d.dialect().id())
                        .append(", confidence: ").append(d.confidence()).append("]\n");
                line(sb, "migrations", d.migrationsPath() == null ? "(none yet)" : rel(e.getKey(), d.migrationsPath()));
                if (!d.configFiles().isEmpty()) {
                    line(sb, "config", d.configFiles().stream().map(p -> rel(e.getKey(), p)).collect(Collectors.joining(", ")));
                }
                if (!d.evidence().isEmpty()) {
                    sb.append("  evidence:\n");
                    for (String ev : d.evidence()) sb.append("    - ").append(ev).append('\n');
                }
                if (d.commands() != null) {
                    sb.append("  commands").append(root.equals(".") ? "" : " (run in " + root + ")").append(":\n");
                    command(sb, "create", d.commands().create());
                    command(sb, "apply", d.commands().apply());
                    command(sb, "rollback", d.commands().rollback());
                    command(sb, "status", d.commands().status());
                }
            }
        }
        if (r.message() != null) sb.append("\nNote: ").append(r.message()).append('\n');
        return sb.toString();
    }

    private static String rel(Path base, Path p) {
        String s = p.startsWith(base) ? base.relativize(p).toString().replace('\\', '/') : p.toString();
        return s.isEmpty() ? "." : s;
    }

    private static void line(StringBuilder sb, String label, String value) {
        sb.append("  ").append(label).append(':').append(" ".repeat(Math.max(1, 12 - label.length()))).append(value).append('\n');
    }

    private static void command(StringBuilder sb, String label, String value) {
        if (value == null) return;
        sb.append("    ").append(label).append(':').append(" ".repeat(Math.max(1, 10 - label.length()))).append(value).append('\n');
    }
}

package dev.dbmigrate.render;

import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.Detection;

/** Text for {@link DetectResult}. */
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
        for (Detection d : r.detections()) {
            sb.append('\n');
            sb.append(d.tool().id()).append("  (").append(d.dialect() == null ? "dialect not configured" : d.dialect().id())
                    .append(", confidence ").append(d.confidence()).append(")\n");
            sb.append("  root:        ").append(r.projectPath().relativize(d.root()).toString().isEmpty() ? "." : r.projectPath().relativize(d.root())).append('\n');
            if (d.migrationsPath() != null) sb.append("  migrations:  ").append(r.projectPath().relativize(d.migrationsPath())).append('\n');
            for (String e : d.evidence()) sb.append("  - ").append(e).append('\n');
            if (d.commands() != null) {
                sb.append("  commands:    create:   ").append(d.commands().create()).append('\n');
                sb.append("               apply:    ").append(d.commands().apply()).append('\n');
                sb.append("               rollback: ").append(d.commands().rollback()).append('\n');
                sb.append("               status:   ").append(d.commands().status()).append('\n');
            }
        }
        return sb.toString();
    }
}

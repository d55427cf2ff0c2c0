package dev.dbmigrate.render;

import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.analyse.drift.DriftResult.Item;
import java.util.Locale;

/** Text for {@link DriftResult}: the differences, then the SQL that makes the database match the migrations. */
final class DriftText {

    private DriftText() {}

    static String render(DriftResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Schema drift")).append('\n');
        sb.append("Project:  ").append(r.projectPath()).append('\n');
        sb.append("Tool:     ").append(r.tool().id()).append('\n');
        sb.append("Database: ").append(r.database()).append(" (").append(r.dialect().id()).append(")\n");
        sb.append("Compared: the ").append(r.replayed()).append(" applied migration(s), replayed, against the live catalog");
        if (!r.notReplayed().isEmpty()) sb.append("; ").append(r.notReplayed().size()).append(" not applied there, left out");
        sb.append('\n');
        if (!r.excludedTables().isEmpty()) sb.append("Skipped:  ").append(String.join(", ", r.excludedTables())).append('\n');
        sb.append('\n');
        if (!r.drift()) {
            sb.append("No drift: the database matches its applied migrations.\n");
        } else {
            sb.append("Drift (").append(r.differences().size()).append("):\n");
            for (Item i : r.differences()) {
                sb.append(String.format(Locale.ROOT, "  %-9s %-10s %s", i.kind().toUpperCase(Locale.ROOT), i.object(), where(i)));
                if (i.detail() != null) sb.append(": ").append(i.detail());
                else if (i.kind().equals("missing") && i.expected() != null) sb.append(": ").append(i.expected());
                else if (i.kind().equals("extra") && i.actual() != null) sb.append(": ").append(i.actual());
                if (i.destructive()) sb.append("  [fix loses data]");
                sb.append('\n');
            }
            sb.append("\nSQL that makes the database match the migrations (review it; or write a migration that keeps the change):\n\n");
            sb.append(r.sql());
        }
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            for (String n : r.notes()) sb.append("  - ").append(n).append('\n');
        }
        return sb.toString();
    }

    private static String where(Item i) {
        if (i.table() == null) return i.name() == null ? "" : i.name();
        return i.name() == null ? i.table() : i.table() + "." + i.name();
    }
}

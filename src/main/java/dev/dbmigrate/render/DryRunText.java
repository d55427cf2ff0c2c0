package dev.dbmigrate.render;

import dev.dbmigrate.db.dryrun.DryRunResult;
import dev.dbmigrate.db.dryrun.LockTaken;
import dev.dbmigrate.db.dryrun.StatementRun;

/** Text for {@link DryRunResult}. */
final class DryRunText {

    private DryRunText() {}

    static String render(DryRunResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Dry run")).append('\n');
        sb.append("Project:   ").append(r.projectPath()).append(" (").append(r.tool()).append(", ").append(r.dialect()).append(")\n");
        sb.append("Database:  ").append(r.database()).append('\n');
        sb.append("Migration: ").append(r.migration()).append("  (rollback: ").append(r.rollbackSource()).append(")\n\n");
        for (DryRunResult.Phase p : r.phases()) {
            String tag = switch (p.status()) {
                case "ok" -> "[PASS] ";
                case "failed" -> "[FAIL] ";
                default -> "[SKIP] ";
            };
            sb.append(tag).append(String.format("%-10s", p.name()));
            if (p.status().equals("skipped")) {
                sb.append("not run\n");
                continue;
            }
            if (p.name().equals("history")) sb.append(p.migrations()).append(" earlier migration(s) applied");
            else sb.append(p.statements().size()).append(" statement(s)");
            sb.append(" in ").append(ms(p.millis())).append('\n');
            int n = 1;
            for (StatementRun s : p.statements()) {
                sb.append(String.format("  %3d. ", n++)).append(s.file() == null ? "" : s.file() + (s.line() > 0 ? ":" + s.line() : "") + "  ")
                        .append(ms(s.millis())).append("  ").append(s.sql()).append('\n');
                for (LockTaken l : s.locks()) sb.append("         lock: ").append(l.describe()).append(" (blocks ").append(l.blocks()).append(")\n");
                if (s.note() != null) sb.append("         note: ").append(s.note()).append('\n');
                if (s.error() != null) sb.append("         error: ").append(s.error()).append('\n');
            }
        }
        DryRunResult.RoundTrip rt = r.roundTrip();
        if (rt.checked()) {
            sb.append(rt.restored() ? "[PASS] round trip: the schema after the rollback equals the schema before the migration\n"
                    : "[FAIL] round trip: the schema after the rollback differs from the schema before the migration:\n");
            for (String d : rt.differences()) sb.append("         - ").append(d).append('\n');
        }
        if (r.firstError() != null) {
            DryRunResult.FirstError e = r.firstError();
            sb.append("\nFirst error (").append(e.phase()).append(", ").append(e.migration()).append("): ")
                    .append(e.file() == null ? "" : e.file() + (e.line() > 0 ? ":" + e.line() : "") + "  ").append(e.message()).append('\n');
            if (e.statement() != null) sb.append("  ").append(e.statement()).append('\n');
        }
        if (!r.irreversible().isEmpty()) {
            sb.append("\nCannot be undone:\n");
            for (String i : r.irreversible()) sb.append("  [WARN] ").append(i).append('\n');
        }
        sb.append("\nVerdict: ").append(r.verdict()).append('\n');
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            for (String note : r.notes()) sb.append("  - ").append(note).append('\n');
        }
        return sb.toString();
    }

    private static String ms(double v) {
        return (v >= 100 ? String.valueOf(Math.round(v)) : String.format(java.util.Locale.ROOT, "%.1f", v)) + " ms";
    }
}

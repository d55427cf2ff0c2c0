package dev.dbmigrate.render;

import dev.dbmigrate.analyse.rollback.RollbackResult;

/** Text for {@link RollbackResult}. */
final class RollbackText {

    private RollbackText() {}

    static String render(RollbackResult r) {
        StringBuilder sb = new StringBuilder();
        sb.append(Header.title("Rollback plan")).append('\n');
        sb.append("Project:  ").append(r.projectPath()).append(" (").append(r.tool()).append(", ").append(r.dialect()).append(")\n");
        sb.append("Undo:     ").append(String.join(" <- ", r.migrations())).append("  (newest first)\n");
        boolean loss = r.steps().stream().anyMatch(RollbackResult.Step::dataLoss);
        sb.append("Reversible: ").append(r.irreversible().isEmpty() ? "yes" : "partly (" + r.irreversible().size() + " irreversible step(s))")
                .append(loss ? ", with data loss" : "").append('\n');

        for (RollbackResult.DownCheck c : r.downChecks()) {
            sb.append('\n').append(c.restores() ? "[PASS] " : "[FAIL] ").append("hand-written down of ").append(c.migration())
                    .append(c.restores() ? " restores the schema" : " does not restore the schema:").append('\n');
            for (String p : c.problems()) sb.append("         - ").append(p).append('\n');
        }
        if (!r.irreversible().isEmpty()) {
            sb.append("\nCannot be undone:\n");
            for (RollbackResult.Irreversible i : r.irreversible()) {
                sb.append("  [WARN] ").append(i.file()).append(i.line() > 0 ? ":" + i.line() : "").append("  ").append(i.reason()).append('\n');
            }
        }
        if (r.pointOfNoReturn() != null) sb.append("\nPoint of no return: ").append(r.pointOfNoReturn()).append('\n');

        sb.append("\nSteps:\n");
        int n = 1;
        for (RollbackResult.Step s : r.steps()) {
            if (s.sql().isBlank() && s.notes().isEmpty()) continue;
            sb.append("  ").append(n++).append(". ").append(s.migration()).append("  ").append(s.source().equals("down") ? "(tool's down) " : "")
                    .append(s.undoes() == null ? "" : "undoes " + s.undoes()).append('\n');
            for (String note : s.notes()) sb.append("     note: ").append(note).append('\n');
        }
        sb.append("\nBackup first:\n  ").append(r.backup()).append('\n');
        sb.append("\nRollback SQL:\n");
        for (String line : r.sql().split("\n")) sb.append("  ").append(line).append('\n');
        sb.append("\nWith the tool:\n");
        for (String line : r.nativeCommand().split("\n")) sb.append("  ").append(line).append('\n');
        if (!r.notes().isEmpty()) {
            sb.append("\nNotes:\n");
            for (String note : r.notes()) sb.append("  - ").append(note).append('\n');
        }
        return sb.toString();
    }
}

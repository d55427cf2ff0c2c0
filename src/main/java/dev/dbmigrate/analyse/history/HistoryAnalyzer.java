package dev.dbmigrate.analyse.history;

import dev.dbmigrate.db.history.AppliedMigration;
import dev.dbmigrate.db.history.AppliedState;
import dev.dbmigrate.db.history.HistoryTable;
import dev.dbmigrate.db.history.HistoryTable.ChecksumCheck;
import dev.dbmigrate.db.history.Versions;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult.Problem;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Merges a project's migration files with one database's history, the way the tool itself decides
 * what is applied: one row per migration (most tools), a single current version (golang-migrate),
 * head revisions plus their ancestors (Alembic), or a creation-time watermark (Drizzle).
 */
public final class HistoryAnalyzer {

    private HistoryAnalyzer() {}

    /**
     * One database merged with the files.
     *
     * @param states        the state of each file migration, aligned with the file list
     * @param missing       rows recorded as applied (or failed) that no file has
     * @param problems      failed / modified / missing / out-of-order findings
     * @param current       the current version there, or null
     * @param lastAppliedAt the newest applied-at there, or null
     */
    public record Merge(List<HistoryResult.State> states, List<Missing> missing, List<Problem> problems, String current, String lastAppliedAt) {}

    /** A recorded migration without a file. */
    public record Missing(AppliedMigration row, String note) {}

    /**
     * @param environment the environment name (put into each state)
     * @param label       prefix for problem messages ("staging: ") or ""
     * @param files       the tool's migrations in apply order
     * @param table       the tool's history table
     * @param state       what the database holds
     */
    public static Merge merge(String environment, String label, List<Migration> files, HistoryTable table, AppliedState state) {
        Ctx c = new Ctx(environment, label, files, table, state);
        switch (state.semantics()) {
            case CURRENT_VERSION -> c.currentVersion();
            case HEADS -> c.heads();
            case WATERMARK -> c.watermark();
            default -> c.rows();
        }
        c.reportStates();
        String last = state.rows().stream()
                .filter(r -> r.countsAsApplied() && r.appliedAt() != null)
                .map(AppliedMigration::appliedAt)
                .max(String::compareTo)
                .orElse(null);
        List<HistoryResult.State> states = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) states.add(c.states[i]);
        return new Merge(states, c.missing, c.problems, c.current, last);
    }

    /** Working state of one merge. */
    private static final class Ctx {
        final String env;
        final String label;
        final List<Migration> files;
        final HistoryTable table;
        final AppliedState state;
        final List<String> keys = new ArrayList<>();
        final Map<String, Integer> indexByKey = new HashMap<>();
        final HistoryResult.State[] states;
        final List<Missing> missing = new ArrayList<>();
        final List<Problem> problems = new ArrayList<>();
        String current;

        Ctx(String env, String label, List<Migration> files, HistoryTable table, AppliedState state) {
            this.env = env;
            this.label = label;
            this.files = files;
            this.table = table;
            this.state = state;
            this.states = new HistoryResult.State[files.size()];
            for (int i = 0; i < files.size(); i++) {
                String k = table.keyOf(files.get(i));
                keys.add(k);
                if (k != null) indexByKey.putIfAbsent(k, i);
            }
        }

        void set(int i, MigrationStatus status, AppliedMigration row, String note) {
            states[i] = new HistoryResult.State(env, status, row == null ? null : row.appliedAt(), row == null ? null : row.checksum(), note);
        }

        /** The status of an applied row, checked against the file's checksum. */
        void appliedRow(int i, AppliedMigration row) {
            Migration m = files.get(i);
            ChecksumCheck check = table.verify(m, row.checksum());
            if (check == ChecksumCheck.MISMATCH) {
                if (table.repeatable(m)) {
                    set(i, MigrationStatus.PENDING, row, "changed since it was last applied; " + table.tool().id() + " runs it again on the next migrate");
                } else {
                    String mine = table.checksumOf(m);
                    set(i, MigrationStatus.MODIFIED, row, "recorded checksum " + row.checksum() + (mine == null ? "" : ", file checksum " + mine));
                }
                return;
            }
            String note = row.state() == AppliedMigration.State.MARKED ? "marked as applied without running it" : null;
            if (check == ChecksumCheck.UNKNOWN && row.checksum() != null && !row.checksum().isBlank()) {
                note = (note == null ? "" : note + "; ") + "recorded checksum not verified (db-migrate cannot compute "
                        + table.tool().id() + "'s checksum for this migration exactly)";
            }
            set(i, MigrationStatus.APPLIED, row, note);
        }

        // ---- one row per migration ------------------------------------------------------------

        void rows() {
            Map<String, AppliedMigration> latest = new LinkedHashMap<>();
            for (AppliedMigration r : state.rows()) latest.put(r.key(), r);
            Set<String> covered = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                Migration m = files.get(i);
                List<String> replaces = replaces(m);
                covered.addAll(replaces);
                AppliedMigration row = keys.get(i) == null ? null : latest.get(keys.get(i));
                if (row == null) {
                    unrecorded(i, m, replaces, latest);
                    continue;
                }
                switch (row.state()) {
                    case APPLIED, MARKED -> appliedRow(i, row);
                    case FAILED -> set(i, MigrationStatus.FAILED, row, failNote(row));
                    case REVERTED -> set(i, MigrationStatus.PENDING, row,
                            row.details().containsKey("rolledBackAt") ? "rolled back at " + row.details().get("rolledBackAt") : "rolled back");
                }
            }
            for (AppliedMigration r : latest.values()) {
                if (indexByKey.containsKey(r.key()) || covered.contains(r.key())) continue;
                if (!(r.countsAsApplied() || r.state() == AppliedMigration.State.FAILED)) continue;
                if (r.state() == AppliedMigration.State.MARKED && state.baseline() != null && Objects.equals(r.version(), state.baseline())) continue;
                missing.add(new Missing(r, r.state() == AppliedMigration.State.FAILED ? "recorded as failed" : null));
            }
            current = lastInDatabase();
            outOfOrder();
        }

        private void unrecorded(int i, Migration m, List<String> replaces, Map<String, AppliedMigration> latest) {
            if (!replaces.isEmpty()) {
                long done = replaces.stream().filter(k -> latest.containsKey(k) && latest.get(k).countsAsApplied()).count();
                if (done == replaces.size()) {
                    set(i, MigrationStatus.APPLIED, null, "applied as the " + replaces.size() + " migrations it replaces");
                } else if (done > 0) {
                    set(i, MigrationStatus.PENDING, null, "partly applied: " + done + " of the " + replaces.size() + " migrations it replaces");
                    problems.add(new Problem("partially-applied-squash",
                            label + m.id() + " replaces " + replaces.size() + " migrations and only " + done + " of them are applied; "
                                    + table.tool().id() + " applies the rest of the replaced migrations, not the squashed one", List.of(m.id())));
                } else {
                    set(i, MigrationStatus.PENDING, null, null);
                }
                return;
            }
            String ov = table.orderVersion(m);
            if (state.baseline() != null && ov != null && Versions.compare(ov, state.baseline()) <= 0) {
                set(i, MigrationStatus.APPLIED, null, "at or below the baseline version " + state.baseline());
                return;
            }
            set(i, MigrationStatus.PENDING, null, null);
        }

        /** Keys of the migrations a squashed migration replaces (Django {@code replaces}). */
        private List<String> replaces(Migration m) {
            Object r = m.attributes().get("replaces");
            if (!(r instanceof List<?> list)) return List.of();
            String app = m.id() != null && m.id().contains(".") ? m.id().substring(0, m.id().indexOf('.')) : null;
            List<String> out = new ArrayList<>();
            for (Object o : list) {
                if (o instanceof List<?> pair && pair.size() == 2) out.add(pair.get(0) + "." + pair.get(1));
                else if (o != null && o.toString().contains(".")) out.add(o.toString());
                else if (o != null && app != null) out.add(app + "." + o);
            }
            return out;
        }

        private static String failNote(AppliedMigration row) {
            Object logs = row.details().get("logs");
            return logs == null ? "started and did not finish" : "started and did not finish: " + logs;
        }

        private String lastInDatabase() {
            for (int i = files.size() - 1; i >= 0; i--) {
                if (table.repeatable(files.get(i))) continue; // Flyway's R__ files have no version
                if (states[i] != null && states[i].status() != null && states[i].status().inDatabase()) return display(files.get(i));
            }
            return null;
        }

        private void outOfOrder() {
            String maxApplied = null;
            for (int i = 0; i < files.size(); i++) {
                String ov = table.orderVersion(files.get(i));
                if (ov == null || states[i] == null || !states[i].status().inDatabase()) continue;
                if (maxApplied == null || Versions.compare(ov, maxApplied) > 0) maxApplied = ov;
            }
            if (maxApplied == null) return;
            for (int i = 0; i < files.size(); i++) {
                String ov = table.orderVersion(files.get(i));
                if (ov == null || states[i].status() != MigrationStatus.PENDING || Versions.compare(ov, maxApplied) >= 0) continue;
                Migration m = files.get(i);
                problems.add(new Problem("out-of-order", label + m.id() + " is pending although the newer " + maxApplied
                        + " is already applied" + outOfOrderHint(table.tool()), List.of(m.id())));
            }
        }

        private static String outOfOrderHint(Tool tool) {
            return switch (tool) {
                case FLYWAY -> "; Flyway's validate fails on it (Detected resolved migration not applied) unless outOfOrder=true";
                case GOOSE -> "; goose refuses to run it unless --allow-missing is given";
                default -> "; it will run after migrations written later, against a schema its author did not see";
            };
        }

        // ---- golang-migrate: a single current version ----------------------------------------

        void currentVersion() {
            AppliedMigration row = state.rows().isEmpty() ? null : state.rows().get(state.rows().size() - 1);
            boolean found = false;
            for (int i = 0; i < files.size(); i++) {
                String k = keys.get(i);
                if (row == null || k == null) {
                    set(i, MigrationStatus.PENDING, null, null);
                    continue;
                }
                int cmp = Versions.compare(k, row.key());
                if (cmp == 0) {
                    found = true;
                    if (row.state() == AppliedMigration.State.FAILED) set(i, MigrationStatus.FAILED, row, "dirty: it failed part-way");
                    else set(i, MigrationStatus.APPLIED, row, null);
                } else if (cmp < 0) {
                    set(i, MigrationStatus.APPLIED, null, null);
                } else {
                    set(i, MigrationStatus.PENDING, null, null);
                }
            }
            if (row != null && !found) {
                missing.add(new Missing(row, "the database is at version " + row.key() + ", which no migration file has"
                        + (row.state() == AppliedMigration.State.FAILED ? " (dirty)" : "")));
            }
            current = row == null ? null : row.key();
        }

        // ---- Alembic: heads and their ancestors ----------------------------------------------

        void heads() {
            Set<String> applied = new HashSet<>();
            Deque<String> todo = new ArrayDeque<>();
            List<String> heads = new ArrayList<>();
            for (AppliedMigration r : state.rows()) {
                heads.add(r.key());
                if (indexByKey.containsKey(r.key())) todo.push(r.key());
                else missing.add(new Missing(r, "the database is at revision " + r.key() + ", which no migration file has"));
            }
            while (!todo.isEmpty()) {
                String k = todo.pop();
                if (!applied.add(k)) continue;
                for (String parent : files.get(indexByKey.get(k)).dependsOn()) {
                    if (indexByKey.containsKey(parent)) todo.push(parent);
                }
            }
            for (int i = 0; i < files.size(); i++) {
                boolean on = keys.get(i) != null && applied.contains(keys.get(i));
                set(i, on ? MigrationStatus.APPLIED : MigrationStatus.PENDING, null, heads.contains(keys.get(i)) ? "current head" : null);
            }
            current = heads.isEmpty() ? null : String.join(", ", heads);
        }

        // ---- Drizzle: everything created up to the newest row ---------------------------------

        void watermark() {
            String mark = null;
            Map<String, AppliedMigration> byKey = new HashMap<>();
            Set<String> hashes = new HashSet<>();
            for (AppliedMigration r : state.rows()) {
                if (r.key() != null) byKey.put(r.key(), r);
                if (r.checksum() != null) hashes.add(r.checksum());
                if (r.key() != null && (mark == null || Versions.compare(r.key(), mark) > 0)) mark = r.key();
            }
            Set<String> fileSums = new HashSet<>();
            for (int i = 0; i < files.size(); i++) {
                Migration m = files.get(i);
                String k = keys.get(i);
                String sum = table.checksumOf(m);
                if (sum != null) fileSums.add(sum);
                if (k == null) {
                    AppliedMigration byHash = sum == null ? null : state.rows().stream().filter(r -> sum.equals(r.checksum())).findFirst().orElse(null);
                    set(i, byHash != null ? MigrationStatus.APPLIED : MigrationStatus.PENDING, byHash, null);
                } else if (mark != null && Versions.compare(k, mark) <= 0) {
                    AppliedMigration row = byKey.get(k);
                    if (row != null) {
                        appliedRow(i, row);
                    } else {
                        set(i, MigrationStatus.PENDING, null, "never run here, and " + table.tool().id() + " will skip it: it is older than the newest applied migration");
                        problems.add(new Problem("skipped-by-tool", label + m.id() + " was never applied, and " + table.tool().id()
                                + " will not apply it: its journal time is older than the newest applied migration", List.of(m.id())));
                    }
                } else {
                    set(i, MigrationStatus.PENDING, null, null);
                }
            }
            for (AppliedMigration r : state.rows()) {
                if ((r.key() == null || !indexByKey.containsKey(r.key())) && (r.checksum() == null || !fileSums.contains(r.checksum()))) {
                    missing.add(new Missing(r, null));
                }
            }
            current = lastInDatabase();
        }

        // ---- problems for failed / modified / missing -----------------------------------------

        void reportStates() {
            for (int i = 0; i < files.size(); i++) {
                Migration m = files.get(i);
                HistoryResult.State s = states[i];
                if (s.status() == MigrationStatus.FAILED) {
                    problems.add(new Problem("failed", label + m.id() + " failed" + (s.note() == null ? "" : " (" + s.note() + ")")
                            + "; " + table.tool().id() + " will not run further migrations until it is resolved", List.of(m.id())));
                } else if (s.status() == MigrationStatus.MODIFIED) {
                    problems.add(new Problem("modified", label + m.id() + " was changed after it was applied (" + s.note() + ")", List.of(m.id())));
                }
            }
            for (Missing x : missing) {
                problems.add(new Problem("missing", label + x.row().key() + " is recorded in " + state.table()
                        + " but no migration file has it" + (x.note() == null ? "" : " (" + x.note() + ")"), List.of(x.row().key())));
            }
        }
    }

    /** How a migration is named in "current": its id. */
    static String display(Migration m) {
        return m.id();
    }
}

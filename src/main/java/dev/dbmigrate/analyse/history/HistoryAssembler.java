package dev.dbmigrate.analyse.history;

import dev.dbmigrate.db.history.AppliedMigration;
import dev.dbmigrate.db.history.AppliedState;
import dev.dbmigrate.db.history.HistoryTable;
import dev.dbmigrate.db.history.Versions;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Builds a {@link HistoryResult} from the files and what each database said (pure: no I/O but checksums). */
public final class HistoryAssembler {

    private HistoryAssembler() {}

    /**
     * What one environment yielded.
     *
     * @param name  environment name
     * @param url   redacted URL
     * @param state the applied state, or null when it could not be read
     * @param error why not, or null
     */
    public record EnvironmentRead(String name, String url, AppliedState state, String error) {}

    public static HistoryResult assemble(Path projectPath, Tool tool, Dialect dialect, ReadResult read, HistoryTable table,
                                         List<EnvironmentRead> envs, String message, List<String> notes) {
        List<Migration> files = read.migrations();
        List<Problem> problems = new ArrayList<>(read.problems());
        List<HistoryAnalyzer.Merge> merges = new ArrayList<>();
        List<HistoryResult.Environment> environments = new ArrayList<>();
        boolean several = envs.size() > 1;
        for (EnvironmentRead e : envs) {
            HistoryAnalyzer.Merge merge = null;
            if (e.state() != null && table != null) {
                merge = HistoryAnalyzer.merge(e.name(), several ? e.name() + ": " : "", files, table, e.state());
                problems.addAll(merge.problems());
            }
            merges.add(merge);
        }

        // recorded migrations without a file, across all databases, keyed by the recorded key
        Map<String, AppliedMigration> missingRows = new LinkedHashMap<>();
        for (HistoryAnalyzer.Merge m : merges) {
            if (m == null) continue;
            for (HistoryAnalyzer.Missing x : m.missing()) missingRows.putIfAbsent(x.row().key(), x.row());
        }
        List<String> missingKeys = new ArrayList<>(missingRows.keySet());
        missingKeys.sort(Comparator.comparing((String k) -> k, Versions.ORDER));

        List<HistoryResult.Entry> entries = new ArrayList<>();
        for (int i = 0; i < files.size(); i++) {
            Migration m = files.get(i);
            List<HistoryResult.State> states = new ArrayList<>();
            for (int e = 0; e < envs.size(); e++) {
                HistoryAnalyzer.Merge merge = merges.get(e);
                states.add(merge != null ? merge.states().get(i) : new HistoryResult.State(envs.get(e).name(), null, null, null, null));
            }
            String checksum = table == null ? null : table.checksumOf(m);
            entries.add(entry(m.id(), m.name(), m.version(), m.file(), checksum, states));
        }
        for (String key : missingKeys) {
            AppliedMigration row = missingRows.get(key);
            List<HistoryResult.State> states = new ArrayList<>();
            for (int e = 0; e < envs.size(); e++) {
                HistoryAnalyzer.Merge merge = merges.get(e);
                HistoryAnalyzer.Missing here = merge == null ? null
                        : merge.missing().stream().filter(x -> x.row().key().equals(key)).findFirst().orElse(null);
                states.add(here == null
                        ? new HistoryResult.State(envs.get(e).name(), null, null, null, merge == null ? null : "not recorded here")
                        : new HistoryResult.State(envs.get(e).name(), MigrationStatus.MISSING, here.row().appliedAt(), here.row().checksum(), here.note()));
            }
            entries.add(entry(key, row.name(), row.version(), null, null, states));
        }

        for (int e = 0; e < envs.size(); e++) {
            EnvironmentRead r = envs.get(e);
            HistoryAnalyzer.Merge merge = merges.get(e);
            Map<String, Integer> counts = new LinkedHashMap<>();
            if (merge != null) {
                for (MigrationStatus s : MigrationStatus.values()) counts.put(s.id(), 0);
                for (HistoryResult.Entry en : entries) {
                    MigrationStatus s = en.states().get(e).status();
                    if (s != null) counts.merge(s.id(), 1, Integer::sum);
                }
            }
            AppliedState st = r.state();
            environments.add(new HistoryResult.Environment(r.name(), r.url(), st != null, r.error(),
                    st == null ? null : st.table(), st != null && st.tableFound(),
                    merge == null ? null : merge.current(), merge == null ? null : merge.lastAppliedAt(),
                    counts, st == null ? List.of() : st.notes()));
        }
        HistoryAnalyzer.Merge first = merges.isEmpty() ? null : merges.get(0);
        return new HistoryResult(projectPath, tool, dialect, entries, problems,
                first == null ? null : first.current(), first == null ? null : first.lastAppliedAt(), environments, message, notes);
    }

    private static HistoryResult.Entry entry(String id, String name, String version, Path file, String checksum, List<HistoryResult.State> states) {
        HistoryResult.State s0 = states.isEmpty() ? null : states.get(0);
        return new HistoryResult.Entry(id, name, version, file,
                s0 == null ? null : s0.status(), s0 == null ? null : s0.appliedAt(), checksum,
                s0 == null ? null : s0.recordedChecksum(), s0 == null ? null : s0.note(), states);
    }
}

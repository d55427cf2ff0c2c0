package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.params.provider.Arguments;

/**
 * The round-trip proof of generated rollbacks: for every migration N of a history, a dry run on a fresh
 * scratch database applies 1..N-1, snapshots the schema, applies N, applies the generated inverse of N
 * (never the hand-written down) and snapshots again; the schemas must be equal. Counts and the
 * operations reported irreversible are printed at the end of each suite.
 */
final class RoundTrips {

    static final DbMigrateService SERVICE = new DbMigrateService();

    private final String dialect;
    private final List<String> lines = new ArrayList<>();
    private final Set<String> irreversible = new LinkedHashSet<>();
    private int run;
    private int passed;

    RoundTrips(String dialect) {
        this.dialect = dialect;
    }

    /** (project, migration id) for every migration of the projects, in apply order. */
    static Stream<Arguments> migrationsOf(String... projects) {
        List<Arguments> out = new ArrayList<>();
        for (String p : projects) {
            HistoryResult h = SERVICE.history(Path.of(p), List.of(), List.of());
            assertThat(h.migrations()).as(p).hasSizeGreaterThanOrEqualTo(4);
            for (HistoryResult.Entry e : h.migrations()) out.add(Arguments.of(p, e.id()));
        }
        return out.stream();
    }

    /** Dry-runs the generated rollback of one migration and asserts that it restores the schema. */
    DryRunResult check(String project, String migration, String databaseUrl) {
        DryRunResult r = SERVICE.dryRun(new DryRunRequest(Path.of(project), migration, databaseUrl, databaseUrl != null, null,
                DryRunRequest.Rollback.GENERATED), Progress.NONE);
        synchronized (this) {
            run++;
            if (r.passed()) passed++;
            lines.add((r.passed() ? "PASS " : "FAIL ") + project + " " + migration + (r.passed() ? "" : ": " + r.verdict()));
            r.irreversible().forEach(i -> irreversible.add(project + " " + migration + "  " + i));
        }
        assertThat(r.rollbackSource()).isEqualTo("generated");
        assertThat(r.passed()).as("%s%n%s%n%s", r.verdict(), String.join("\n", r.roundTrip().differences()), r.firstError()).isTrue();
        assertThat(r.phases()).extracting(DryRunResult.Phase::status).containsExactly("ok", "ok", "ok");
        return r;
    }

    void print() {
        System.out.printf("round trips (%s): %d migrations round-tripped, %d passed%n", dialect, run, passed);
        lines.forEach(l -> System.out.println("  " + l));
        System.out.printf("reported irreversible (%s):%n", dialect);
        irreversible.forEach(l -> System.out.println("  " + l));
    }
}

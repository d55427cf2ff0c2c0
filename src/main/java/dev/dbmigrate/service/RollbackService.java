package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.InversePlanner;
import dev.dbmigrate.analyse.rollback.RollbackPlans;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.parse.ParseCache;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** plan_rollback / rollback: pick the migrations, replay the history, plan and check the way back. */
public final class RollbackService {

    private final ProjectResolver resolver;
    private final ParseCache cache;

    private final ProjectMigrations.ReadCache reads;

    public RollbackService(ProjectResolver resolver, ParseCache cache, ProjectMigrations.ReadCache reads) {
        this.reads = reads;
        this.resolver = resolver;
        this.cache = cache;
    }

    public RollbackResult plan(RollbackRequest req) {
        if (req.migration() != null && req.target() != null) throw new InputException("give either migration or target, not both");
        Project project = resolver.resolve(req.projectPath(), null, req.dialect(), null);
        List<String> notes = new ArrayList<>(project.notes());
        ReadResult read = reads.read(project, notes);
        List<Migration> all = read.migrations();
        if (all.isEmpty()) throw new InputException(project.root() + ": no " + project.tool().id() + " migrations found");

        int first; // index of the oldest migration to undo
        if (req.target() != null) {
            int t = find(all, req.target(), "target");
            first = t + 1;
            if (first >= all.size()) throw new InputException("nothing to roll back: " + all.get(t).id() + " is the latest migration");
        } else if (req.migration() != null) {
            first = find(all, req.migration(), "migration");
            if (first != all.size() - 1) {
                notes.add(all.get(first).id() + " is not the latest migration: " + (all.size() - 1 - first)
                        + " later migration(s) are assumed to be rolled back first (plan with target to include them)");
            }
        } else {
            first = all.size() - 1;
        }
        int last = req.migration() != null ? first : all.size() - 1;

        Schema schema = ProjectMigrations.replay(all, first, project.dialect(), cache, notes);
        InversePlanner planner = new InversePlanner(project.dialect());
        List<RollbackPlans.MigrationPlan> plans = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            Migration m = all.get(i);
            if (m.up() == null) {
                plans.add(RollbackPlans.unreadable(m));
                continue;
            }
            ParsedScript up = cache.parse(m.up(), project.dialect());
            List<InversePlanner.PlannedStep> steps = planner.plan(schema, up);
            ParsedScript down = null;
            if (m.down() != null && m.downKind() == DownKind.PRESENT && !req.generatedOnly()) {
                try {
                    down = cache.parse(m.down(), project.dialect());
                } catch (InputException e) {
                    notes.add("could not read the down part of " + m.id() + ": " + e.getMessage());
                }
            }
            plans.add(RollbackPlans.forMigration(m, schema, up, down, steps));
            schema.apply(up);
        }
        return RollbackPlans.result(project.root(), project.tool(), project.dialect(), project.migrationsPath(), all, first, plans, notes);
    }

    /** Finds a migration by exact id, exact version, or a unique prefix of either. */
    static int find(List<Migration> all, String wanted, String what) {
        String w = wanted.trim();
        for (int i = 0; i < all.size(); i++) {
            if (w.equals(all.get(i).id()) || w.equals(all.get(i).version())) return i;
        }
        List<Integer> hits = new ArrayList<>();
        String lw = w.toLowerCase(Locale.ROOT);
        for (int i = 0; i < all.size(); i++) {
            Migration m = all.get(i);
            if (m.id().toLowerCase(Locale.ROOT).startsWith(lw) || (m.version() != null && m.version().startsWith(w))
                    || (m.name() != null && m.name().equalsIgnoreCase(w))) {
                hits.add(i);
            }
        }
        if (hits.size() == 1) return hits.get(0);
        if (hits.isEmpty()) throw new InputException(what + " '" + wanted + "' matches no migration (ids look like " + all.get(all.size() - 1).id() + ")");
        throw new InputException(what + " '" + wanted + "' is ambiguous: " + hits.stream().map(i -> all.get(i).id()).toList());
    }

}

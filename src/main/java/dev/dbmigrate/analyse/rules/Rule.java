package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * One safety rule: one class per rule, annotated with {@link RuleSpec}, registered in
 * {@link Rules}. A fresh instance is made for every migration that is checked, so a rule may keep
 * per-migration state in fields (e.g. foreign keys added so far) and report from {@link #finish}.
 *
 * <p>The engine calls {@link #check} for every operation of every statement of the migration, in
 * order, with the schema as it was just before that operation (the operations read out of procedural
 * code, {@link Operation.OpaqueCode#inner()}, right after the block itself and at its statement);
 * then {@link #finish} once. Findings
 * of {@link Category#LOCKING} and {@link Category#DATA} rules on a table created earlier in the same
 * migration are dropped by the engine (an empty table that no traffic sees is not a hazard), so
 * rules need not check that themselves; use {@link OperationContext#isNewTable} for other cases.
 * Ignore comments, disabled rules, severity overrides and data-aware severity changes are applied
 * by the engine too.
 */
public abstract class Rule {

    private final RuleSpec spec;

    protected Rule() {
        spec = getClass().getAnnotation(RuleSpec.class);
        if (spec == null) throw new IllegalStateException(getClass().getName() + " has no @RuleSpec");
    }

    public final String id() {
        return spec.id();
    }

    public final String summary() {
        return spec.summary();
    }

    public final Category category() {
        return spec.category();
    }

    public final Severity defaultSeverity() {
        return spec.severity();
    }

    public final Set<Dialect> dialects() {
        return EnumSet.copyOf(List.of(spec.dialects()));
    }

    public final boolean appliesTo(Dialect d) {
        for (Dialect x : spec.dialects()) {
            if (x == d) return true;
        }
        return false;
    }

    /** Checks one operation; report with {@code ctx.report(...)}. */
    public void check(OperationContext ctx, Operation op) {}

    /** Called once after the last statement of the migration. */
    public void finish(MigrationContext ctx) {}
}

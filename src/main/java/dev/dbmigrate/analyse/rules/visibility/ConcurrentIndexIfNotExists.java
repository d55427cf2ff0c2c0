package dev.dbmigrate.analyse.rules.visibility;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

@RuleSpec(
        id = "concurrent-index-if-not-exists",
        summary = "CREATE INDEX CONCURRENTLY IF NOT EXISTS skips an INVALID index left by a failed build",
        category = Category.VISIBILITY,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class ConcurrentIndexIfNotExists extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.CreateIndex ci) || !ci.concurrently() || !ci.ifNotExists() || ci.index().name() == null) return;
        IndexDef i = ci.index();
        ctx.report(this,
                "If this concurrent build of " + i.name() + " fails (a deadlock, a lock or statement timeout, a duplicate for a UNIQUE index), PostgreSQL"
                        + " leaves an INVALID index named " + i.name() + " behind; the retry's IF NOT EXISTS then sees the name and skips the build,"
                        + " so the migration succeeds without a usable index" + (i.unique() ? " (and without enforced uniqueness)" : "")
                        + " while writes still pay to maintain the broken one",
                null,
                "-- drop a leftover from an earlier failed run first, then build:\n"
                        + "DROP INDEX CONCURRENTLY IF EXISTS " + FixSql.name(ctx.dialect(), i.name()) + ";\n"
                        + FixSql.createIndex(ctx.dialect(), i, i.name(), true) + "\n"
                        + "-- check for invalid indexes: SELECT indexrelid::regclass FROM pg_index WHERE NOT indisvalid;");
    }
}

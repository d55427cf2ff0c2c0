package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;

@RuleSpec(
        id = "require-concurrent-index-creation",
        summary = "CREATE INDEX on an existing table without CONCURRENTLY blocks writes for the whole build",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class RequireConcurrentIndexCreation extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.CreateIndex ci) || ci.concurrently()) return;
        IndexDef i = ci.index();
        Dialect d = ctx.dialect();
        String name = i.name() == null ? "" : SqlText.quote(d, i.name()) + " ";
        ctx.report(this,
                "Creating index " + (i.name() == null ? "" : i.name() + " ") + "on " + i.table()
                        + " without CONCURRENTLY blocks every INSERT, UPDATE and DELETE on the table until the index is built",
                Locks.share(i.table()),
                """
                -- in a migration that does not run inside a transaction:
                CREATE %sINDEX CONCURRENTLY %sON %s (%s)%s;""".formatted(
                        i.unique() ? "UNIQUE " : "", name, SqlText.table(d, i.table()), SqlText.columns(d, i.columns()),
                        i.where() == null ? "" : " WHERE " + i.where()));
    }
}

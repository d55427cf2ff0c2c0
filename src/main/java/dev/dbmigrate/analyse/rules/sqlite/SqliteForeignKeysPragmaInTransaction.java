package dev.dbmigrate.analyse.rules.sqlite;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.Locale;

/**
 * {@code PRAGMA foreign_keys} inside a transaction, an explicit BEGIN or the runner's: SQLite
 * ignores it there ("this pragma is a no-op within a transaction"; checked on 3.50: after BEGIN;
 * PRAGMA foreign_keys = OFF it still reads 1), so a table rebuild that relies on it runs with
 * foreign keys on, and DROP TABLE of the old table cascades or fails.
 */
@RuleSpec(
        id = "sqlite-foreign-keys-pragma-in-transaction",
        summary = "PRAGMA foreign_keys inside a transaction does nothing",
        category = Category.TRANSACTION,
        severity = Severity.WARNING,
        dialects = Dialect.SQLITE)
public final class SqliteForeignKeysPragmaInTransaction extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.SessionSetting ss) || ss.name() == null
                || !ss.name().toLowerCase(Locale.ROOT).equals("foreign_keys") || !ctx.inTransaction()) return;
        boolean explicit = ctx.explicitTransactionOpen();
        String where = explicit ? "inside the transaction opened by BEGIN"
                : "inside the transaction that " + (ctx.migration() == null ? "the runner" : ctx.migration().tool().id()) + " wraps this migration in";
        ctx.report(this,
                "PRAGMA foreign_keys = " + ss.value() + " " + where + " does nothing: SQLite ignores it until the transaction ends, so the"
                        + " statements that follow run with foreign keys as they were (a table rebuild then cascades or fails on DROP TABLE)",
                null,
                explicit
                        ? """
                          -- switch it before BEGIN and back after COMMIT:
                          PRAGMA foreign_keys = OFF;
                          BEGIN;
                          -- ... the migration ...
                          PRAGMA foreign_key_check;
                          COMMIT;
                          PRAGMA foreign_keys = ON;"""
                        : """
                          -- inside the runner's transaction, defer the checks to COMMIT instead (it resets itself when the transaction ends):
                          PRAGMA defer_foreign_keys = ON;
                          -- or run this migration outside a transaction and switch foreign_keys before and after it""");
    }
}

package dev.dbmigrate.analyse.rules.transaction;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import java.util.List;

/**
 * A BEGIN with no COMMIT / ROLLBACK by the end of the file. Inside a runner's transaction the
 * runner's COMMIT closes it (and {@code transaction-nesting} reports the BEGIN), so that case is
 * left out.
 */
@RuleSpec(
        id = "ban-uncommitted-transaction",
        summary = "BEGIN without COMMIT or ROLLBACK by the end of the file",
        category = Category.TRANSACTION,
        severity = Severity.ERROR)
public final class BanUncommittedTransaction extends Rule {

    @Override
    public void finish(MigrationContext ctx) {
        if (!ctx.explicitTransactionOpen() || ctx.runnerWraps()) return;
        List<Statement> statements = ctx.script().statements();
        if (statements.isEmpty()) return;
        Statement begin = statements.stream().filter(s -> s.line() == ctx.openTransactionLine()).findFirst().orElse(statements.get(0));
        ctx.report(this, begin,
                "The transaction opened here is never committed: the file ends with it still open, so its changes are rolled back when the"
                        + " connection closes, or committed by whatever the runner happens to run next on that connection",
                null,
                "-- last line of the file:\nCOMMIT;");
    }
}

package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CREATE / DROP / ADD without IF [NOT] EXISTS in a migration that runs outside a transaction: when
 * a later statement fails, the earlier ones stay applied and the re-run stops at the first of them.
 * A migration of a single statement cannot be half applied and is left out, except for CREATE INDEX
 * CONCURRENTLY, whose failed build leaves an INVALID index behind. A golang-migrate file of several
 * statements runs as one implicit transaction (it is sent as one query), so it is left out like a
 * wrapped migration.
 */
@RuleSpec(
        id = "prefer-robust-stmts",
        summary = "CREATE/DROP without IF [NOT] EXISTS in a migration that runs outside a transaction",
        category = Category.STYLE,
        severity = Severity.INFO,
        dialects = Dialect.POSTGRESQL)
public final class PreferRobustStmts extends Rule {

    private record Candidate(Statement at, String message, String fix, boolean leavesDebris) {}

    private final List<Candidate> candidates = new ArrayList<>();

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (ctx.inTransaction()) return;
        Dialect d = ctx.dialect();
        // the statement's own SQL is rewritten for the fix; ORM calls (Python, JS...) are not SQL
        String text = ctx.statement().text() == null || ctx.statement().status() == Statement.ParseStatus.ORM ? "" : ctx.statement().text();
        if (op instanceof Operation.CreateTable ct && !ct.ifNotExists() && !ct.temporary()) {
            add(ctx, "CREATE TABLE " + ct.table(), insert(text, "(?i)\\bCREATE\\s+(?:UNLOGGED\\s+)?TABLE\\b", " IF NOT EXISTS"));
        } else if (op instanceof Operation.CreateIndex ci && !ci.ifNotExists()) {
            String fix;
            if (ci.concurrently()) {
                // IF NOT EXISTS would keep an INVALID index left by a failed concurrent build (concurrent-index-if-not-exists)
                fix = ci.index().name() == null ? "-- name the index, so that a re-run can drop a half-built copy first"
                        : "DROP INDEX CONCURRENTLY IF EXISTS " + SqlText.quote(d, ci.index().name()) + ";\n"
                                + (text.isEmpty() ? "-- then create it" : text + ";");
            } else {
                fix = insert(text, "(?i)\\bCREATE\\s+(?:UNIQUE\\s+)?INDEX\\b", " IF NOT EXISTS");
            }
            if (ci.concurrently()) {
                String n = ci.index().name() == null ? "" : " " + ci.index().name();
                add(ctx.statement(), "CREATE INDEX CONCURRENTLY" + n + " runs outside a transaction: a failed or interrupted build leaves an INVALID index"
                        + n + " behind, and re-running the migration then fails here because the name is taken", fix, true);
            } else {
                add(ctx, "CREATE INDEX" + (ci.index().name() == null ? "" : " " + ci.index().name()), fix);
            }
        } else if (op instanceof Operation.DropTable dt && !dt.ifExists()) {
            add(ctx, "DROP TABLE " + dt.table(), insert(text, "(?i)\\bDROP\\s+TABLE\\b", " IF EXISTS"));
        } else if (op instanceof Operation.DropIndex di && !di.ifExists()) {
            add(ctx, "DROP INDEX " + di.name(), insert(text, "(?i)\\bDROP\\s+INDEX(?:\\s+CONCURRENTLY)?\\b", " IF EXISTS"));
        } else if (op instanceof Operation.AddColumn ac && !ac.ifNotExists()) {
            add(ctx, "ADD COLUMN " + ac.table() + "." + ac.column().name(), insert(text, "(?i)\\bADD\\s+COLUMN\\b", " IF NOT EXISTS"));
        } else if (op instanceof Operation.DropColumn dc && !dc.ifExists()) {
            add(ctx, "DROP COLUMN " + dc.table() + "." + dc.column(), insert(text, "(?i)\\bDROP\\s+COLUMN\\b", " IF EXISTS"));
        } else if (op instanceof Operation.DropConstraint dc && !dc.ifExists() && dc.name() != null) {
            add(ctx, "DROP CONSTRAINT " + dc.name(), insert(text, "(?i)\\bDROP\\s+CONSTRAINT\\b", " IF EXISTS"));
        } else if (op instanceof Operation.AddConstraint ac && ac.constraint().name() != null) {
            add(ctx.statement(), "ADD CONSTRAINT " + ac.constraint().name() + " cannot be skipped when the constraint exists (there is no IF NOT EXISTS for it)"
                            + PARTIAL,
                    "-- PostgreSQL has no ADD CONSTRAINT IF NOT EXISTS: drop a leftover first\nALTER TABLE " + SqlText.table(d, ac.table())
                            + " DROP CONSTRAINT IF EXISTS " + SqlText.quote(d, ac.constraint().name()) + ";\n" + (text.isEmpty() ? "-- then add it" : text + ";"), false);
        } else if (op instanceof Operation.CreateSchema cs && !cs.ifNotExists()) {
            add(ctx, "CREATE SCHEMA " + cs.name(), insert(text, "(?i)\\bCREATE\\s+SCHEMA\\b", " IF NOT EXISTS"));
        } else if (op instanceof Operation.DropType dt && !dt.ifExists()) {
            add(ctx, "DROP TYPE " + dt.name(), insert(text, "(?i)\\bDROP\\s+TYPE\\b", " IF EXISTS"));
        }
    }

    private static final String PARTIAL = ", and this migration does not run in a transaction: if a later statement fails, this one stays applied"
            + " and re-running the migration fails here";

    private void add(OperationContext ctx, String what, String fix) {
        add(ctx.statement(), what + " has no IF " + (what.startsWith("DROP") ? "" : "NOT ") + "EXISTS" + PARTIAL, fix, false);
    }

    /** @param leavesDebris the statement can fail half-done on its own (a concurrent index build) */
    private void add(Statement st, String message, String fix, boolean leavesDebris) {
        for (Candidate c : candidates) {
            if (c.at() == st) return; // one finding per statement
        }
        candidates.add(new Candidate(st, message, fix, leavesDebris));
    }

    @Override
    public void finish(MigrationContext ctx) {
        int statements = ctx.script().statements().size();
        boolean implicitTransaction = ctx.migration() != null && ctx.migration().tool() == Tool.GOLANG_MIGRATE && statements > 1;
        if (implicitTransaction) return;
        for (Candidate c : candidates) {
            // a migration of one statement cannot be half applied, unless that statement leaves something behind when it fails
            if (statements > 1 || c.leavesDebris()) ctx.report(this, c.at(), c.message(), null, c.fix());
        }
    }

    /** The statement text with {@code words} inserted after every match of {@code after}, or a hint when nothing matches. */
    private static String insert(String text, String after, String words) {
        if (text.isEmpty()) {
            return "-- the ORM call cannot say IF" + words.replace(" IF", "") + ": write this step as SQL with IF" + words.replace(" IF", "")
                    + " (RunSQL, op.execute...), or let the migration run in a transaction";
        }
        Matcher m = Pattern.compile(after + "(?!\\s+IF\\b)").matcher(text);
        if (!m.find()) return "-- add" + words + " to the statement";
        return m.replaceAll(r -> Matcher.quoteReplacement(r.group() + words)) + ";";
    }
}

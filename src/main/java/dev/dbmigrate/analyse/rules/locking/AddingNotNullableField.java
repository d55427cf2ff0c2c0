package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.ImplicitNames;
import dev.dbmigrate.schema.Table;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalLong;

@RuleSpec(
        id = "adding-not-nullable-field",
        summary = "SET NOT NULL on an existing table scans it for NULLs under an ACCESS EXCLUSIVE lock",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class AddingNotNullableField extends Rule {

    /** From PostgreSQL 12, SET NOT NULL skips its scan when a validated CHECK (col IS NOT NULL) proves it. */
    static final int CHECK_PROOF_SINCE = 12;

    @Override
    public void check(OperationContext ctx, Operation op) {
        String column;
        if (op instanceof Operation.AlterColumnNullability an && an.notNull()) {
            column = an.column();
        } else if (op instanceof Operation.RedefineColumn rd && rd.definition().notNull()
                && ctx.schema().table(rd.table()).flatMap(t -> t.column(rd.column())).map(c -> !c.notNull()).orElse(false)) {
            column = rd.column();
        } else {
            return;
        }
        TableRef table = op.table();
        Optional<Table> t = ctx.schema().table(table);
        Optional<ConstraintDef> proof = t.flatMap(x -> notNullCheck(x, column));
        if (proof.isPresent() && !proof.get().notValid() && ctx.pgVersion() >= CHECK_PROOF_SINCE) return;

        Dialect d = ctx.dialect();
        String tt = SqlText.table(d, table);
        String c = SqlText.quote(d, column);
        String message = "Setting " + table + "." + column + " NOT NULL reads every row of " + table
                + " to look for NULLs while holding an ACCESS EXCLUSIVE lock: all reads and writes on " + table + " wait until the scan finishes";
        StringBuilder fix = new StringBuilder();
        String name;
        if (proof.isPresent()) {
            name = SqlText.quote(d, proof.get().name());
            message += proof.get().notValid() ? " (check constraint " + proof.get().name() + " would let it skip the scan, but it is NOT VALID: validate it first)" : "";
        } else {
            name = SqlText.quote(d, ImplicitNames.pgObjectName(table.name(), column, "not_null"));
            fix.append("ALTER TABLE ").append(tt).append(" ADD CONSTRAINT ").append(name).append(" CHECK (").append(c).append(" IS NOT NULL) NOT VALID;\n");
        }
        fix.append(FixSql.SEPARATE_TX).append("\n-- (VALIDATE takes SHARE UPDATE EXCLUSIVE: reads and writes go on while it scans)\n")
                .append("ALTER TABLE ").append(tt).append(" VALIDATE CONSTRAINT ").append(name).append(";\n");
        if (ctx.pgVersion() >= CHECK_PROOF_SINCE) {
            fix.append("-- PostgreSQL 12+ sees the validated constraint and skips the scan:\n")
                    .append("ALTER TABLE ").append(tt).append(" ALTER COLUMN ").append(c).append(" SET NOT NULL;\n")
                    .append("ALTER TABLE ").append(tt).append(" DROP CONSTRAINT ").append(name).append(";");
        } else {
            message += ". Before PostgreSQL 12 (this project targets " + ctx.pgVersion() + ") SET NOT NULL always scans";
            fix.append("-- PostgreSQL < 12 always scans for SET NOT NULL: keep the validated CHECK constraint instead of SET NOT NULL");
        }
        String evidence = null;
        OptionalLong nulls = ctx.data().nullCount(table, column);
        if (nulls.isPresent() && nulls.getAsLong() > 0) {
            evidence = nulls.getAsLong() + " rows have NULL in " + column + ": SET NOT NULL will fail until they are backfilled";
        }
        if (evidence != null) ctx.reportFailing(this, message, PgLocks.describe(PgLocks.of(op, ctx.schema())), fix.toString(), evidence);
        else ctx.report(this, message, PgLocks.describe(PgLocks.of(op, ctx.schema())), fix.toString(), evidence);
    }

    /** A CHECK constraint of the table whose expression is exactly {@code column IS NOT NULL}. */
    static Optional<ConstraintDef> notNullCheck(Table t, String column) {
        String want = column.toLowerCase(Locale.ROOT) + " is not null";
        return t.constraints().stream()
                .filter(c -> c.kind() == ConstraintDef.Kind.CHECK && c.expression() != null)
                .filter(c -> normalise(c.expression()).equals(want))
                .findFirst();
    }

    private static String normalise(String expr) {
        String s = expr.replace("\"", "").replaceAll("\\s+", " ").trim().toLowerCase(Locale.ROOT);
        String prev;
        do {
            prev = s;
            s = FixSql.unwrap(s);
        } while (!s.equals(prev));
        return s;
    }

}

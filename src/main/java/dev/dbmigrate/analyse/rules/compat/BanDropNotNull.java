package dev.dbmigrate.analyse.rules.compat;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.ColumnOrigins;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.Optional;

/**
 * A column that stops being NOT NULL: ALTER COLUMN ... DROP NOT NULL, and a MySQL MODIFY / CHANGE
 * (or an ORM redefinition) that restates the column without NOT NULL. MODIFY replaces the whole
 * definition, so leaving NOT NULL out silently makes the column nullable: compared with the
 * previous definition in the schema. Running code that assumes a value may break on the NULLs that
 * new writes can now store.
 */
@RuleSpec(
        id = "ban-drop-not-null",
        summary = "Dropping NOT NULL lets NULLs reach code that does not expect them",
        category = Category.COMPAT,
        severity = Severity.WARNING)
public final class BanDropNotNull extends Rule {

    private final ColumnOrigins origins = new ColumnOrigins();

    @Override
    public void check(OperationContext ctx, Operation op) {
        origins.observe(ctx, op);
        Dialect d = ctx.dialect();
        if (op instanceof Operation.AlterColumnNullability an && !an.notNull()) {
            if (origins.isNew(ctx, an.table(), an.column())) return;
            Optional<ColumnDef> prev = RuleSupport.column(ctx, an.table(), an.column());
            if (prev.isPresent() && prev.get().type() != null && !prev.get().notNull()) return; // already nullable: a no-op
            ctx.report(this,
                    "Dropping NOT NULL on " + an.table() + "." + an.column() + " lets NULLs in: code that is running now assumes " + an.column()
                            + " always has a value and may fail on rows written from now on",
                    null,
                    """
                    -- first deploy code that copes with NULL in %s (reads and writes); then:
                    ALTER TABLE %s ALTER COLUMN %s DROP NOT NULL;""".formatted(an.column(), SqlText.table(d, an.table()), SqlText.quote(d, an.column())));
        } else if (op instanceof Operation.RedefineColumn rd) {
            ColumnDef def = rd.definition();
            if (def.notNull() || def.primaryKey() || origins.isNew(ctx, rd.table(), rd.column())) return;
            Optional<ColumnDef> prev = RuleSupport.column(ctx, rd.table(), rd.column());
            if (prev.isEmpty() || !prev.get().notNull()) return;
            String verb = d.isMysqlFamily() ? (RuleSupport.sameName(d, rd.column(), def.name()) ? "MODIFY" : "CHANGE") : "The new definition of";
            String keep = d.isMysqlFamily()
                    ? "ALTER TABLE " + SqlText.table(d, rd.table()) + " MODIFY " + FixSql.column(d, def.withNotNull(true)) + ";"
                    : "-- restate NOT NULL in the new definition of " + def.name();
            ctx.report(this,
                    verb + " " + rd.table() + "." + rd.column() + " leaves out NOT NULL, so the column silently becomes nullable"
                            + (d.isMysqlFamily() ? " (MODIFY and CHANGE replace the whole column definition)" : "")
                            + ": code that is running now may fail on the NULLs that can be written from now on",
                    null,
                    """
                    -- if NULL was not intended, keep NOT NULL in the definition:
                    %s
                    -- if it was: deploy code that copes with NULL in %s first""".formatted(keep, def.name()));
        }
    }
}

package dev.dbmigrate.analyse.rules.data;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.ColumnOrigins;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.db.probe.Counts;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A column that existing rows cannot satisfy:
 * <ul>
 *   <li>ADD COLUMN ... NOT NULL without a DEFAULT on an existing table. PostgreSQL fails when the
 *       table has rows ("column contains null values"); SQLite too ("Cannot add a NOT NULL column
 *       with default value NULL", checked per row since at least 3.46, so an empty table passes);
 *       MySQL and MariaDB do not fail: they give every existing row the type's implicit default
 *       (0, '', '0000-00-00', the first ENUM member), verified on MariaDB 10.11.</li>
 *   <li>On MySQL / MariaDB and SQLite, a MODIFY / CHANGE / ORM redefinition that turns a nullable
 *       column NOT NULL: strict mode (the default) fails on the first NULL ("Data truncated"),
 *       non-strict mode silently replaces NULLs; a SQLite table rebuild fails on the copy.
 *       (PostgreSQL SET NOT NULL is adding-not-nullable-field's.)</li>
 * </ul>
 * This rule also covers SQLite's "NOT NULL without default" ADD COLUMN restriction, so
 * sqlite-add-column-restriction does not repeat it.
 */
@RuleSpec(
        id = "adding-required-field",
        summary = "NOT NULL column without a DEFAULT that existing rows cannot satisfy",
        category = Category.DATA,
        severity = Severity.ERROR)
public final class AddingRequiredField extends Rule {

    /** Types that fill themselves (sequence or identity behind them). */
    private static final Set<String> SELF_FILLING = Set.of("serial", "bigserial", "smallserial", "serial4", "serial8", "serial2");

    private final ColumnOrigins origins = new ColumnOrigins();

    @Override
    public void check(OperationContext ctx, Operation op) {
        origins.observe(ctx, op);
        if (op instanceof Operation.AddColumn ac) {
            addColumn(ctx, ac.table(), ac.column());
        } else if (op instanceof Operation.RedefineColumn rd && (ctx.dialect().isMysqlFamily() || ctx.dialect() == Dialect.SQLITE)) {
            redefine(ctx, rd);
        }
    }

    private void addColumn(OperationContext ctx, TableRef table, ColumnDef c) {
        if (!c.notNull() || c.defaultExpr() != null || c.generated() != null || c.autoIncrement()
                || SELF_FILLING.contains(RuleSupport.typeName(c))) return;
        Dialect d = ctx.dialect();
        String name = table + "." + c.name();
        String message = switch (d) {
            case MYSQL, MARIADB -> "Adding " + name + " as NOT NULL without a DEFAULT does not fail on MySQL: every existing row silently gets the"
                    + " type's implicit default (" + implicitDefault(c) + "), which the application will read as real data";
            case SQLITE -> "Adding " + name + " as NOT NULL without a DEFAULT fails as soon as " + table.name()
                    + " has a row (\"Cannot add a NOT NULL column with default value NULL\")";
            default -> "Adding " + name + " as NOT NULL without a DEFAULT fails as soon as " + table.name()
                    + " has a row: PostgreSQL has nothing to put in the existing rows (\"column contains null values\")";
        };
        OptionalLong rows = ctx.data().rowEstimate(table);
        String evidence = rows.isEmpty() ? null
                : rows.getAsLong() == 0 ? table + " is empty in this database (it fails wherever it has rows)"
                : Counts.tableRows(table, rows.getAsLong()) + (d.isMysqlFamily() ? " would get " + implicitDefault(c) : " make it fail");
        if (!d.isMysqlFamily() && rows.isPresent() && rows.getAsLong() > 0) ctx.reportFailing(this, message, null, addFix(ctx, table, c), evidence);
        else ctx.report(this, message, null, addFix(ctx, table, c), evidence);
    }

    private String addFix(OperationContext ctx, TableRef table, ColumnDef c) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String withDefault = FixSql.column(d, c.withDefault("<value>"));
        String nullable = FixSql.column(d, c.withNotNull(false));
        String col = SqlText.quote(d, c.name());
        String update = FixSql.batchedUpdate(ctx, table, col + " = <value>", col + " IS NULL");
        return switch (d) {
            case MYSQL, MARIADB -> """
                    -- give it the value existing rows should have (instant on MySQL 8.0.12+ / MariaDB 10.3+):
                    ALTER TABLE %1$s ADD COLUMN %2$s;
                    -- or add it nullable, backfill in batches, then require it:
                    ALTER TABLE %1$s ADD COLUMN %3$s;
                    %4$s
                    ALTER TABLE %1$s MODIFY %5$s;""".formatted(t, withDefault, nullable, update, FixSql.column(d, c));
            case SQLITE -> """
                    -- give it a constant DEFAULT that existing rows take:
                    ALTER TABLE %1$s ADD COLUMN %2$s;
                    -- or add it nullable and backfill it (SQLite cannot add NOT NULL later without rebuilding the table):
                    ALTER TABLE %1$s ADD COLUMN %3$s;
                    %4$s""".formatted(t, withDefault, nullable, update);
            default -> """
                    -- give it a constant DEFAULT (PostgreSQL 11+ adds it without rewriting the table):
                    ALTER TABLE %1$s ADD COLUMN %2$s;
                    -- or add it nullable, backfill in batches, then require it:
                    ALTER TABLE %1$s ADD COLUMN %3$s;
                    %4$s
                    ALTER TABLE %1$s ADD CONSTRAINT %5$s CHECK (%6$s IS NOT NULL) NOT VALID;
                    ALTER TABLE %1$s VALIDATE CONSTRAINT %5$s;  -- in a later transaction
                    ALTER TABLE %1$s ALTER COLUMN %6$s SET NOT NULL;  -- PostgreSQL 12+ uses the CHECK and skips the scan
                    ALTER TABLE %1$s DROP CONSTRAINT %5$s;""".formatted(t, withDefault, nullable, update,
                    SqlText.quote(d, table.name() + "_" + c.name() + "_not_null"), col);
        };
    }

    private void redefine(OperationContext ctx, Operation.RedefineColumn rd) {
        ColumnDef def = rd.definition();
        if (!def.notNull() || def.primaryKey() || origins.isNew(ctx, rd.table(), rd.column())) return;
        Optional<ColumnDef> prev = RuleSupport.column(ctx, rd.table(), rd.column());
        if (prev.isEmpty() || prev.get().type() == null || prev.get().notNull()) return; // unknown or already NOT NULL
        Dialect d = ctx.dialect();
        String name = rd.table() + "." + rd.column();
        String message = d == Dialect.SQLITE
                ? "Redefining " + name + " as NOT NULL rebuilds " + rd.table() + " and the copy fails on the first row whose " + rd.column() + " is NULL"
                : "Making " + name + " NOT NULL with " + (RuleSupport.sameName(d, rd.column(), def.name()) ? "MODIFY" : "CHANGE")
                        + " fails in strict SQL mode (the default) as soon as one row holds NULL (\"Data truncated\"); without strict mode MySQL"
                        + " silently replaces the NULLs with " + implicitDefault(def);
        OptionalLong nulls = ctx.data().nullCount(rd.table(), rd.column());
        String evidence = nulls.isEmpty() ? null
                : nulls.getAsLong() == 0 ? "no row of " + rd.table() + " has NULL in " + rd.column() + " today"
                : Counts.atLeast(nulls.getAsLong()) + " rows of " + rd.table() + " have NULL in " + rd.column();
        String col = SqlText.quote(d, rd.column());
        String fixText =
                """
                -- backfill the NULLs first:
                %s
                -- then make it NOT NULL (give it a DEFAULT too if new rows may omit it)""".formatted(
                        FixSql.batchedUpdate(ctx, rd.table(), col + " = <value>", col + " IS NULL"));
        if (nulls.isPresent() && nulls.getAsLong() > 0) ctx.reportFailing(this, message, null, fixText, evidence);
        else ctx.report(this, message, null, fixText, evidence);
    }

    /** What MySQL puts in existing rows for a NOT NULL column without DEFAULT. */
    static String implicitDefault(ColumnDef c) {
        String t = RuleSupport.typeName(c);
        if (t.matches("tinyint|smallint|mediumint|int|integer|bigint|decimal|numeric|float|double|double precision|real|bit|bool|boolean|year")) return "0";
        if (t.equals("date")) return "'0000-00-00'";
        if (t.matches("datetime|timestamp")) return "'0000-00-00 00:00:00'";
        if (t.equals("time")) return "'00:00:00'";
        if (t.equals("enum") && c.type() != null && !c.type().args().isEmpty()) return "the first member " + c.type().args().get(0);
        if (t.matches(".*(char|text|binary|blob).*") || t.equals("set")) return "''";
        return "the type's zero value";
    }
}

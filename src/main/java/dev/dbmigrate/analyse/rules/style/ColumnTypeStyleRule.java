package dev.dbmigrate.analyse.rules.style;

import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.ImplicitNames;
import dev.dbmigrate.schema.TypeChanges;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Base of the PostgreSQL column-type style rules: finds the columns that CREATE TABLE, ADD COLUMN,
 * ALTER COLUMN TYPE or an ORM redefinition give a discouraged type, and reports them once per
 * operation with the preferred definition.
 */
abstract class ColumnTypeStyleRule extends Rule {

    /** Whether the column (of {@code op}) has the discouraged type. */
    protected abstract boolean flags(OperationContext ctx, Operation op, ColumnDef column, String baseType);

    /** The message for the flagged columns of one table. */
    protected abstract String message(TableRef table, List<ColumnDef> columns);

    /** The preferred type for the column. */
    protected abstract String preferredType(ColumnDef column);

    /** A CHECK expression that keeps the old type's limit, or null. */
    protected String preservingCheck(Dialect d, ColumnDef column) {
        return null;
    }

    @Override
    public void check(OperationContext ctx, Operation op) {
        List<ColumnDef> candidates = new ArrayList<>();
        boolean alter = false;
        if (op instanceof Operation.CreateTable ct) {
            candidates.addAll(ct.columns());
        } else if (op instanceof Operation.AddColumn ac) {
            candidates.add(ac.column());
        } else if (op instanceof Operation.AlterColumnType at) {
            candidates.add(ColumnDef.of(at.column(), at.type(), false, null));
            alter = true;
        } else if (op instanceof Operation.RedefineColumn rd) {
            candidates.add(rd.definition());
            alter = true;
        } else {
            return;
        }
        List<ColumnDef> flagged = candidates.stream()
                .filter(c -> c.type() != null && flags(ctx, op, c, TypeChanges.base(c.type())))
                .toList();
        if (flagged.isEmpty()) return;
        ctx.report(this, message(op.table(), flagged), null, fix(ctx.dialect(), op, flagged, alter));
    }

    private String fix(Dialect d, Operation op, List<ColumnDef> cols, boolean alter) {
        String t = SqlText.table(d, op.table());
        if (op instanceof Operation.CreateTable) {
            return "-- in CREATE TABLE " + t + ", declare:\n" + cols.stream()
                    .map(c -> "    " + columnLine(d, c)).collect(Collectors.joining(",\n"));
        }
        if (!alter) {
            return "ALTER TABLE " + t + " ADD COLUMN " + columnLine(d, cols.get(0)) + ";";
        }
        ColumnDef c = cols.get(0);
        String name = SqlText.quote(d, ImplicitNames.pgObjectName(op.table().name(), c.name(), "check"));
        return "ALTER TABLE " + t + " ALTER COLUMN " + SqlText.quote(d, c.name()) + " TYPE " + preferredType(c) + ";"
                + check(d, c, "\nALTER TABLE " + t + " ADD CONSTRAINT " + name + " CHECK (%s) NOT VALID;");
    }

    /** The column with the preferred type, keeping its default, NOT NULL and PRIMARY KEY. */
    private String columnLine(Dialect d, ColumnDef c) {
        String type = preferredType(c);
        boolean identity = type.contains("IDENTITY");
        return SqlText.quote(d, c.name()) + " " + type
                + (c.defaultExpr() != null && !identity ? " DEFAULT " + c.defaultExpr() : "")
                + (c.notNull() && !identity && !c.primaryKey() ? " NOT NULL" : "")
                + (c.primaryKey() ? " PRIMARY KEY" : "")
                + check(d, c, " CHECK (%s)");
    }

    private String check(Dialect d, ColumnDef c, String format) {
        String expr = preservingCheck(d, c);
        return expr == null ? "" : format.formatted(expr);
    }

    /** "orders.a, orders.b". */
    protected static String names(TableRef table, List<ColumnDef> cols) {
        return cols.stream().map(c -> table + "." + c.name()).collect(Collectors.joining(", "));
    }

    /** "column orders.a is" / "columns orders.a, orders.b are". */
    protected static String subject(TableRef table, List<ColumnDef> cols) {
        return (cols.size() == 1 ? "Column " : "Columns ") + names(table, cols) + (cols.size() == 1 ? " is " : " are ");
    }

    /** The type with its arguments, as written. */
    protected static String typeText(SqlType t) {
        return t.toString();
    }
}

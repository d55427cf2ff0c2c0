package dev.dbmigrate.analyse.rules.sqlite;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.DdlWriter;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * ALTER TABLE forms SQLite does not have. SQLite's ALTER TABLE can only RENAME TO, RENAME COLUMN
 * (3.25+), ADD COLUMN and DROP COLUMN (3.35+); ALTER COLUMN (type, NOT NULL, default), ADD / DROP
 * CONSTRAINT and MySQL's MODIFY / CHANGE are syntax errors. DROP COLUMN itself fails on a column
 * that is part of the primary key, a UNIQUE constraint, an index or a foreign key (checked on
 * SQLite 3.50). The fix is the 12-step rebuild of sqlite.org/lang_altertable.html written out with
 * the table's real columns from the schema. Statements read from an ORM are skipped: Django, Rails,
 * Knex, Sequelize, TypeORM and Alembic batch mode perform that rebuild themselves on SQLite; a plain
 * Alembic {@code op.alter_column} outside {@code batch_alter_table} does not, and is reported.
 */
@RuleSpec(
        id = "sqlite-unsupported-alter",
        summary = "ALTER TABLE form SQLite does not support (ALTER COLUMN, ADD/DROP CONSTRAINT...)",
        category = Category.UNSUPPORTED,
        severity = Severity.ERROR,
        dialects = Dialect.SQLITE)
public final class SqliteUnsupportedAlter extends Rule {

    private static boolean rebuiltByTheOrm(OperationContext ctx) {
        Statement st = ctx.statement();
        if (st.status() != Statement.ParseStatus.ORM) return false;
        if (st.operations().stream().anyMatch(o -> o instanceof Operation.TableRebuild)) return true;
        return ctx.migration() == null || ctx.migration().tool() != dev.dbmigrate.model.Tool.ALEMBIC;
    }

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (rebuiltByTheOrm(ctx)) return;
        String what = unsupported(ctx, op);
        if (what == null) return;
        TableRef table = op.table();
        boolean foreign = op instanceof Operation.TableAlgorithmLock || op instanceof Operation.ConvertCharset || op instanceof Operation.ValidateConstraint;
        String fix = foreign
                ? "-- remove it: SQLite has no such option" + (op instanceof Operation.ValidateConstraint ? " (its constraints are always validated)" : "")
                : rebuild(ctx, table, op);
        String index = op instanceof Operation.DropColumn dc ? blockingIndexOnly(ctx, dc) : null;
        if (index != null) {
            fix = "DROP INDEX " + SqlText.quote(Dialect.SQLITE, index) + ";\nALTER TABLE " + SqlText.table(Dialect.SQLITE, table) + " DROP COLUMN "
                    + SqlText.quote(Dialect.SQLITE, ((Operation.DropColumn) op).column()) + ";\n-- or rebuild the table:\n" + fix;
        }
        ctx.report(this, what + ": the statement fails. SQLite's ALTER TABLE can only rename a table or a column, add a column and drop"
                + " a plain column; every other change means rebuilding the table", null, fix);
    }

    /** What is not supported, or null. */
    private static String unsupported(OperationContext ctx, Operation op) {
        if (op instanceof Operation.AlterColumnType at) return "SQLite cannot change the type of " + at.table() + "." + at.column();
        if (op instanceof Operation.AlterColumnNullability an) {
            return "SQLite cannot " + (an.notNull() ? "add" : "drop") + " NOT NULL on " + an.table() + "." + an.column() + " (no ALTER COLUMN)";
        }
        if (op instanceof Operation.AlterColumnDefault ad) return "SQLite cannot change the default of " + ad.table() + "." + ad.column() + " (no ALTER COLUMN)";
        if (op instanceof Operation.RedefineColumn rd) return "SQLite has no MODIFY / CHANGE COLUMN for " + rd.table() + "." + rd.column();
        if (op instanceof Operation.AddConstraint ac) return "SQLite cannot add a constraint to the existing table " + ac.table();
        if (op instanceof Operation.DropConstraint dc) return "SQLite cannot drop constraint " + (dc.name() == null ? "" : dc.name() + " ") + "of " + dc.table();
        if (op instanceof Operation.RenameConstraint rc) return "SQLite cannot rename constraint " + rc.name() + " of " + rc.table();
        if (op instanceof Operation.ValidateConstraint vc) return "SQLite has no VALIDATE CONSTRAINT (" + vc.table() + "." + vc.name() + ")";
        if (op instanceof Operation.TableAlgorithmLock tl) return "ALGORITHM / LOCK clauses are MySQL syntax (" + tl.table() + ")";
        if (op instanceof Operation.ConvertCharset cc) return "CHARACTER SET clauses are MySQL syntax (" + cc.table() + ")";
        if (op instanceof Operation.DropColumn dc) {
            String why = dropColumnBlocker(ctx, dc);
            return why == null ? null : "SQLite cannot drop " + dc.table() + "." + dc.column() + ": " + why;
        }
        return null;
    }

    /** Why SQLite's DROP COLUMN refuses this column, or null when it can drop it. */
    private static String dropColumnBlocker(OperationContext ctx, Operation.DropColumn dc) {
        Optional<Table> t = ctx.schema().table(dc.table());
        if (t.isEmpty()) return null;
        for (ConstraintDef c : t.get().constraints()) {
            boolean involved = c.columns().stream().anyMatch(col -> col.equalsIgnoreCase(dc.column()));
            if (!involved) continue;
            switch (c.kind()) {
                case PRIMARY_KEY: return "it is part of the PRIMARY KEY";
                case UNIQUE: return "it is part of a UNIQUE constraint";
                case FOREIGN_KEY: return "it is part of a foreign key";
                default: break;
            }
        }
        // a key column, an expression or a partial-index predicate naming the column
        Pattern named = Pattern.compile("(?i)(^|[^A-Za-z0-9_$])[\"`\\[]?" + Pattern.quote(dc.column()) + "[\"`\\]]?([^A-Za-z0-9_$]|$)");
        for (IndexDef i : t.get().indexes()) {
            boolean uses = i.columns().stream().anyMatch(col -> named.matcher(col).find()) || (i.where() != null && named.matcher(i.where()).find());
            if (uses) return "index " + i.name() + " uses it (drop the index first)";
        }
        return null;
    }

    /** The index that alone stops SQLite from dropping the column, or null (no blocker, or a key blocks it). */
    private static String blockingIndexOnly(OperationContext ctx, Operation.DropColumn dc) {
        String why = dropColumnBlocker(ctx, dc);
        if (why == null || !why.startsWith("index ")) return null;
        return why.substring("index ".length(), why.indexOf(" uses it"));
    }

    /** The 12-step rebuild with the table's real definition and the change applied. */
    private static String rebuild(OperationContext ctx, TableRef table, Operation op) {
        Optional<Table> current = ctx.schema().table(table);
        if (current.isEmpty() || !current.get().complete()) {
            return """
                    -- rebuild the table (sqlite.org/lang_altertable.html, "other kinds of table schema changes"); the full
                    -- definition of %1$s is not known from the migrations, take it from `.schema %1$s`:
                    PRAGMA foreign_keys = OFF;
                    BEGIN;
                    CREATE TABLE "%1$s__dbm_new" (...the columns of %1$s with the change applied...);
                    INSERT INTO "%1$s__dbm_new" (...) SELECT ... FROM "%1$s";
                    DROP TABLE "%1$s";
                    ALTER TABLE "%1$s__dbm_new" RENAME TO "%1$s";
                    -- recreate the indexes, triggers and views of %1$s
                    PRAGMA foreign_key_check;
                    COMMIT;
                    PRAGMA foreign_keys = ON;""".formatted(table.name());
        }
        Schema after = ctx.schema().copy();
        after.apply(op);
        Table wanted = after.table(table).orElse(current.get());
        List<String> steps = new ArrayList<>(new DdlWriter(Dialect.SQLITE).sqliteRebuild(wanted, current.get()));
        // foreign_keys must be switched off outside the transaction; the check and COMMIT close it
        steps.add(1, "BEGIN;");
        int check = steps.indexOf("PRAGMA foreign_key_check;");
        if (check >= 0) steps.add(check + 1, "COMMIT;");
        else steps.add(steps.size() - 1, "COMMIT;");
        return "-- rebuild the table with the change applied (outside the runner's transaction: PRAGMA foreign_keys is ignored inside one);\n"
                + "-- recreate any triggers and views on " + table.name() + " after the rename\n"
                + String.join("\n", steps);
    }
}

package dev.dbmigrate.analyse.rules.compat;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;

/**
 * Renaming a table that running code uses. The fix keeps the old name alive as a view: a
 * single-table SELECT * view is updatable in PostgreSQL and MySQL, so old code keeps reading and
 * writing through it; SQLite views are read-only, so there the fix is expand/contract.
 */
@RuleSpec(
        id = "renaming-table",
        summary = "Renaming a table breaks the code that is running now",
        category = Category.COMPAT,
        severity = Severity.ERROR)
public final class RenamingTable extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.RenameTable rt) || ctx.isNewTable(rt.table())) return;
        Dialect d = ctx.dialect();
        String from = SqlText.table(d, rt.table());
        TableRef newRef = new TableRef(rt.table().schema(), rt.newName());
        String to = SqlText.table(d, newRef);
        String fix = switch (d) {
            case SQLITE -> """
                    -- SQLite views are read-only, so expand and contract:
                    -- 1. CREATE TABLE %2$s (...same columns...); deploy code that writes both tables
                    -- 2. copy the existing rows: INSERT INTO %2$s SELECT * FROM %1$s;
                    -- 3. deploy code that reads %2$s only; then, in a later migration:
                    DROP TABLE %1$s;""".formatted(from, to);
            case MYSQL, MARIADB -> """
                    -- keep the old name working through an updatable view while the code moves over:
                    RENAME TABLE %1$s TO %2$s;
                    CREATE VIEW %1$s AS SELECT * FROM %2$s;  -- MySQL DDL is not transactional: there is a moment without %1$s
                    -- deploy code that uses %2$s everywhere; then, in a later migration:
                    DROP VIEW %1$s;""".formatted(from, to);
            default -> """
                    -- keep the old name working through an updatable view while the code moves over (one transaction):
                    ALTER TABLE %1$s RENAME TO %3$s;
                    CREATE VIEW %1$s AS SELECT * FROM %2$s;
                    -- deploy code that uses %2$s everywhere; then, in a later migration:
                    DROP VIEW %1$s;""".formatted(from, to, SqlText.quote(d, rt.newName()));
        };
        ctx.report(this,
                "Renaming table " + rt.table() + " to " + rt.newName() + " breaks every running instance of the application that still queries "
                        + rt.table().name() + ": its queries fail from the moment the migration runs until the new code is deployed everywhere",
                null, fix);
    }
}

package dev.dbmigrate.analyse.rules.destructive;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.schema.Table;
import java.util.List;

/**
 * DROP DATABASE, and DROP SCHEMA ... CASCADE (which takes every object of the schema with it). On
 * MySQL and MariaDB DROP SCHEMA is a synonym of DROP DATABASE, so it is reported with or without
 * CASCADE; a PostgreSQL DROP SCHEMA without CASCADE fails unless the schema is empty and is not.
 */
@RuleSpec(
        id = "ban-drop-database",
        summary = "DROP DATABASE / DROP SCHEMA ... CASCADE deletes every table in it",
        category = Category.DESTRUCTIVE,
        severity = Severity.ERROR)
public final class BanDropDatabase extends Rule {

    private static final int LISTED = 10;

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.DropSchema ds)) return;
        boolean database = ds.database() || ctx.dialect().isMysqlFamily();
        if (!database && !ds.cascade()) return;
        // tables the migrations put there by qualified name (a PostgreSQL database is never the one migrated)
        List<String> tables = ctx.dialect() == dev.dbmigrate.model.Dialect.POSTGRESQL && ds.database() ? List.of()
                : ctx.schema().tables().stream().map(Table::ref)
                        .filter(r -> r.schema() != null && (ctx.dialect().isMysqlFamily() ? r.schema().equalsIgnoreCase(ds.name()) : r.schema().equals(ds.name())))
                        .map(Object::toString).toList();
        String known = tables.isEmpty() ? "" : " (the migrations know " + tables.size() + " table" + (tables.size() == 1 ? "" : "s") + " there: "
                + String.join(", ", tables.subList(0, Math.min(LISTED, tables.size()))) + (tables.size() > LISTED ? ", ..." : "") + ")";
        String what = database ? "database " + ds.name() : "schema " + ds.name() + " with CASCADE";
        String dump = ctx.dialect().isMysqlFamily() ? "mysqldump " + ds.name() : database ? "pg_dump " + ds.name() : "pg_dump -n " + SqlText.quote(ctx.dialect(), ds.name());
        ctx.report(this,
                "Dropping " + what + " deletes every table in it with all their data, and every view, function and type" + known
                        + "; a migration should never do that",
                null,
                """
                -- never drop a database or a whole schema from a migration: a mistake here cannot be rolled back
                -- if it is truly unused: back it up (%s), then drop it by hand after review,
                -- or drop the objects you mean one by one, each in its own migration (DROP TABLE ...)""".formatted(dump));
    }
}

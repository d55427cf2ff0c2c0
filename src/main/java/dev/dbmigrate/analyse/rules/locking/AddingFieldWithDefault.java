package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.FixSql;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * ADD COLUMN that makes PostgreSQL write every existing row. Since PostgreSQL 11 a constant or
 * stable default (now(), CURRENT_TIMESTAMP, 'x') is stored once in the catalog; a volatile one
 * (random(), gen_random_uuid(), clock_timestamp(), nextval()...), a serial or identity column and a
 * stored generated column are computed for every row: a full rewrite. Measured on PostgreSQL 15
 * (relfilenode before/after). A new serial/identity PRIMARY KEY column is left to
 * {@code adding-serial-primary-key-field}, which covers the rewrite and the index build together.
 */
@RuleSpec(
        id = "adding-field-with-default",
        summary = "ADD COLUMN with a volatile default, serial/identity or stored generated value rewrites the table",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class AddingFieldWithDefault extends Rule {

    /** A non-volatile default no longer rewrites from PostgreSQL 11. */
    static final int FAST_DEFAULT_SINCE = 11;

    /** Built-in and common extension functions that are VOLATILE (computed per row). */
    private static final Pattern VOLATILE = Pattern.compile(
            "\\b(random|random_normal|gen_random_uuid|gen_random_bytes|uuid_generate_v1|uuid_generate_v1mc|uuid_generate_v4|uuidv4|uuidv7"
                    + "|clock_timestamp|timeofday|nextval|setval)\\s*\\(",
            Pattern.CASE_INSENSITIVE);

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.AddColumn add) || add.column().primaryKey()) return;
        ColumnDef col = add.column();
        String why = rewriteReason(col, ctx.pgVersion());
        if (why == null) return;
        TableRef table = add.table();
        ctx.report(this,
                "Adding column " + table + "." + col.name() + " " + why + ", so PostgreSQL writes a value into every existing row:"
                        + " the whole table is rewritten while an ACCESS EXCLUSIVE lock blocks all reads and writes on " + table,
                PgLocks.describe(PgLocks.of(op, ctx.schema())),
                FixSql.addThenBackfill(ctx, table, col));
    }

    /** Why adding the column rewrites the table, or null when it does not. */
    static String rewriteReason(ColumnDef col, int pgVersion) {
        if (col.generated() != null && col.generated().identity()) return "as an identity column (GENERATED ... AS IDENTITY)";
        if (col.generated() != null && col.generated().expression() != null && col.generated().stored()) {
            return "as GENERATED ALWAYS AS (" + FixSql.unwrap(col.generated().expression()) + ") STORED";
        }
        if (FixSql.serialBase(col.type()) != null) return "as " + col.type() + " (its default is nextval(), computed per row)";
        String def = col.defaultExpr();
        if (def == null || def.trim().equalsIgnoreCase("null")) return null;
        Matcher m = VOLATILE.matcher(def);
        if (m.find()) return "with DEFAULT " + def + " (" + m.group(1).toLowerCase(Locale.ROOT) + "() is volatile: it is evaluated for each row)";
        if (pgVersion < FAST_DEFAULT_SINCE) {
            return "with DEFAULT " + def + " (before PostgreSQL 11, and this project targets " + pgVersion + ", every DEFAULT is written into each row)";
        }
        return null;
    }
}

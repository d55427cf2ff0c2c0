package dev.dbmigrate.analyse.rules.destructive;

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
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.TypeChanges;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * A type change that can reject or lose data, judged from the column's previous type in the schema
 * ({@link TypeChanges}): shorter varchar/char, smaller integer, lower numeric precision or scale,
 * text to varchar(n), ENUM members removed... (ALTER COLUMN TYPE, MySQL MODIFY / CHANGE). When the
 * previous type is unknown (the column was never seen in the history) it says nothing rather than
 * guess. Not for SQLite: it does not enforce declared lengths or integer sizes, and it has no
 * ALTER COLUMN at all (sqlite-unsupported-alter reports that).
 */
@RuleSpec(
        id = "narrowing-column-type",
        summary = "Type change that can truncate or reject existing data",
        category = Category.DESTRUCTIVE,
        severity = Severity.WARNING,
        dialects = {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB})
public final class NarrowingColumnType extends Rule {

    private static final Map<String, long[]> INT_RANGE = Map.of(
            "tinyint", new long[] {-128, 127}, "smallint", new long[] {-32_768, 32_767},
            "mediumint", new long[] {-8_388_608, 8_388_607}, "integer", new long[] {-2_147_483_648L, 2_147_483_647L},
            "int", new long[] {-2_147_483_648L, 2_147_483_647L});

    private final ColumnOrigins origins = new ColumnOrigins();

    @Override
    public void check(OperationContext ctx, Operation op) {
        origins.observe(ctx, op);
        Optional<RuleSupport.TypeChange> tc = RuleSupport.typeChange(op);
        if (tc.isEmpty()) return;
        TableRef table = tc.get().table();
        String column = tc.get().column();
        SqlType to = tc.get().to();
        if (to == null || origins.isNew(ctx, table, column)) return;
        Optional<ColumnDef> prev = RuleSupport.column(ctx, table, column);
        if (prev.isEmpty() || prev.get().type() == null) return; // never guess
        SqlType from = prev.get().type();
        TypeChanges.Change change = TypeChanges.classify(ctx.dialect(), from, to);
        if (!change.narrowing()) return;

        Dialect d = ctx.dialect();
        String outcome = d == Dialect.POSTGRESQL
                ? "PostgreSQL aborts the migration on the first value that does not fit" + (scaleDrops(from, to) ? " and silently rounds the others to the new scale" : "")
                : "in strict SQL mode (the default) MySQL aborts the ALTER on the first value that does not fit; without it, values are silently cut or clamped";
        String evidence = null;
        boolean fails = false;
        int len = to.length();
        String toBase = to.name().toLowerCase(Locale.ROOT);
        boolean stringTarget = toBase.contains("char") || toBase.contains("binary");
        if (stringTarget && len >= 0) {
            OptionalLong n = ctx.data().longerThan(table, column, len);
            if (n.isPresent()) {
                evidence = n.getAsLong() == 0 ? "no value of " + column + " is longer than " + len + " characters today"
                        : Counts.atLeast(n.getAsLong()) + " row(s) of " + table + " hold a value of " + column + " longer than " + len + " characters";
                fails = n.getAsLong() > 0;
            }
        }
        String message = "Changing " + table + "." + column + " from " + from + " to " + to + " narrows it (" + change.reason() + "): " + outcome;
        String fix = fix(ctx, table, column, from, to, stringTarget);
        if (fails) ctx.reportFailing(this, message, null, fix, evidence);
        else ctx.report(this, message, null, fix, evidence);
    }

    private static boolean scaleDrops(SqlType from, SqlType to) {
        return from.name().toLowerCase(Locale.ROOT).matches("numeric|decimal") && to.scale() >= 0 && Math.max(from.scale(), 0) > to.scale();
    }

    private String fix(OperationContext ctx, TableRef table, String column, SqlType from, SqlType to, boolean stringTarget) {
        Dialect d = ctx.dialect();
        String t = SqlText.table(d, table);
        String c = SqlText.quote(d, column);
        String check;
        long[] range = INT_RANGE.get(to.name().toLowerCase(Locale.ROOT));
        if (stringTarget && to.length() >= 0) {
            check = "SELECT count(*) FROM " + t + " WHERE " + FixSql.charLength(d, c) + " > " + to.length() + ";";
        } else if (range != null) {
            check = "SELECT count(*) FROM " + t + " WHERE " + c + " NOT BETWEEN " + range[0] + " AND " + range[1] + ";";
        } else {
            check = "SELECT " + c + " FROM " + t + " WHERE " + c + " IS NOT NULL LIMIT 100;  -- inspect values that may not fit " + to;
        }
        String addNew = d.isMysqlFamily()
                ? "ALTER TABLE " + t + " ADD COLUMN " + SqlText.quote(d, column + "_new") + " " + to + ", ALGORITHM=INSTANT;"
                : "ALTER TABLE " + t + " ADD COLUMN " + SqlText.quote(d, column + "_new") + " " + to + ";";
        return """
                -- 1. find the rows that would not fit before changing anything:
                %s
                -- 2. fix or shorten them first, or keep the wider type %s; to change it without surprises, expand and contract:
                %s
                -- 3. write both columns from the application, backfill %s_new in batches (deciding what to do with values that do not fit),
                --    switch reads to it, then drop %s and rename %s_new to %s in later migrations""".formatted(
                check, from, addNew, column, column, column, column);
    }
}

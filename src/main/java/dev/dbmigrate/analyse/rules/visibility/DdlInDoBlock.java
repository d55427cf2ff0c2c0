package dev.dbmigrate.analyse.rules.visibility;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import java.util.Locale;

/**
 * DDL inside a DO block or function body (PL/pgSQL). Its statements are only partly visible: what
 * the parser could read out of the body ({@link Operation.OpaqueCode#inner()}) is checked like
 * top-level statements (the engine walks it); what is built at run time is not.
 */
@RuleSpec(
        id = "ddl-in-do-block",
        summary = "DDL inside a DO block or function body escapes most of the analysis",
        category = Category.VISIBILITY,
        severity = Severity.WARNING,
        dialects = Dialect.POSTGRESQL)
public final class DdlInDoBlock extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        if (!(op instanceof Operation.OpaqueCode oc) || !oc.containsDdl()) return;
        String lang = oc.language() == null ? "" : oc.language().toLowerCase(Locale.ROOT);
        if (!lang.equals("plpgsql") && !lang.equals("sql")) return;
        String what = oc.description() == null ? "This DO block" : "This " + oc.description();
        int n = oc.inner().size();
        String seen = n == 0
                ? "none of its statements could be read, so its locks, data loss and failures are not checked at all"
                : n + (n == 1 ? " operation could be read out of it and was" : " operations could be read out of it and were") + " checked like the rest of the migration,"
                        + " but anything built at run time (EXECUTE format(...), loops, IF branches taken or not) was not";
        ctx.report(this,
                what + " runs DDL inside procedural code, which the analysis cannot fully follow: " + seen,
                null,
                "-- write the DDL as plain statements in the migration so that each one is checked;\n"
                        + "-- for \"only if it does not exist\" use IF [NOT] EXISTS clauses instead of a DO block, e.g.\n"
                        + "CREATE TABLE IF NOT EXISTS ...;\nALTER TABLE ... ADD COLUMN IF NOT EXISTS ...;\nALTER TABLE ... DROP CONSTRAINT IF EXISTS ...;");
    }
}

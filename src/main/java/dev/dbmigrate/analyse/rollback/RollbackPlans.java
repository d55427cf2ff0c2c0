package dev.dbmigrate.analyse.rollback;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.SchemaDiff;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Turns planned inverses (and the tool's own downs) into the {@link RollbackResult}. */
public final class RollbackPlans {

    private RollbackPlans() {}

    /** What was planned for one migration. */
    public record MigrationPlan(Migration migration, List<InversePlanner.PlannedStep> generated, RollbackResult.DownCheck downCheck,
                                String downSql, List<TableRef> tables, Destroyer destroyer) {}

    /** The first statement of a migration that destroys existing data (for the point of no return). */
    public record Destroyer(Statement statement, String reason) {}

    public static MigrationPlan unreadable(Migration m) {
        InversePlanner.PlannedStep step = new InversePlanner.PlannedStep(null, new Operation.Unparsed("the migration could not be read"),
                Inverse.irreversible("the migration could not be read, so its rollback cannot be planned"));
        return new MigrationPlan(m, List.of(step), null, null, List.of(), null);
    }

    /**
     * @param before the schema before the migration
     * @param up     its parsed up script
     * @param down   its parsed hand-written down, or null
     * @param steps  the generated inverse steps
     */
    public static MigrationPlan forMigration(Migration m, Schema before, ParsedScript up, ParsedScript down, List<InversePlanner.PlannedStep> steps) {
        RollbackResult.DownCheck check = null;
        String downSql = null;
        if (down != null) {
            Schema s = before.copy();
            s.apply(up);
            s.apply(down);
            List<String> problems = new ArrayList<>();
            for (SchemaDiff.Difference d : SchemaDiff.compare(before, s)) problems.add(describe(d));
            check = new RollbackResult.DownCheck(m.id(), m.down().file() == null ? null : m.down().file().toString(), problems.isEmpty(), problems);
            if (down.script().language() == Script.Language.SQL) downSql = down.script().text().strip();
        }
        Set<TableRef> tables = new LinkedHashSet<>();
        Destroyer destroyer = null;
        Schema s = before.copy();
        for (Statement st : up.statements()) {
            for (Operation op : st.operations()) {
                if (op.table() != null) tables.add(op.table());
                if (destroyer == null) {
                    String why = destroys(s, op);
                    if (why != null) destroyer = new Destroyer(st, why);
                }
                s.apply(op);
            }
        }
        return new MigrationPlan(m, steps, check, downSql, List.copyOf(tables), destroyer);
    }

    /** A schema difference in words: "column accounts.seats is left behind". */
    public static String describe(SchemaDiff.Difference d) {
        String where = (d.table() == null ? "" : d.table()) + (d.name() == null ? "" : (d.table() == null ? "" : ".") + d.name());
        return switch (d.kind()) {
            case "missing" -> d.object() + " " + where + " is not restored";
            case "extra" -> d.object() + " " + where + " is left behind";
            default -> d.object() + " " + where + " differs (" + d.detail() + ")";
        };
    }

    /** Why an operation destroys existing data, or null. */
    static String destroys(Schema s, Operation op) {
        if (op instanceof Operation.DropTable dt && s.hasTable(dt.table())) return "DROP TABLE " + dt.table() + " deletes its rows";
        if (op instanceof Operation.DropTable dt) return "DROP TABLE " + dt.table() + " deletes its rows";
        if (op instanceof Operation.DropColumn dc) return "DROP COLUMN " + dc.table() + "." + dc.column() + " deletes its values";
        if (op instanceof Operation.Truncate t) return "TRUNCATE " + t.tables() + " deletes every row";
        if (op instanceof Operation.DataChange dc && dc.kind() != Operation.DataKind.SELECT && dc.kind() != Operation.DataKind.INSERT) {
            return dc.kind() + (dc.table() == null ? "" : " " + dc.table()) + " overwrites or deletes rows";
        }
        if (op instanceof Operation.DropSchema ds) return "DROP " + (ds.database() ? "DATABASE " : "SCHEMA ") + ds.name() + " deletes everything in it";
        if (op instanceof Operation.AlterColumnType at && at.using() != null) {
            // a plain narrowing fails on values that do not fit (PostgreSQL, strict MySQL); a USING expression can rewrite them
            return "ALTER COLUMN " + at.table() + "." + at.column() + " TYPE ... USING " + at.using() + " rewrites every value";
        }
        return null;
    }

    public static RollbackResult result(Path root, Tool tool, Dialect dialect, Path migrationsDir, List<Migration> all, int first,
                                        List<MigrationPlan> plans, List<String> notes) {
        List<RollbackResult.Step> steps = new ArrayList<>();
        List<RollbackResult.Irreversible> irreversible = new ArrayList<>();
        List<RollbackResult.DownCheck> checks = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        StringBuilder script = new StringBuilder();
        Set<String> touched = new LinkedHashSet<>();
        boolean concurrently = false;
        // newest first
        for (int p = plans.size() - 1; p >= 0; p--) {
            MigrationPlan plan = plans.get(p);
            Migration m = plan.migration();
            ids.add(m.id());
            plan.tables().forEach(t -> touched.add(t.qualified()));
            script.append("-- undo ").append(m.id()).append('\n');
            boolean downRestores = plan.downCheck() == null || plan.downCheck().restores();
            boolean useDown = plan.downSql() != null && downRestores;
            if (plan.downCheck() != null) {
                RollbackResult.DownCheck c = plan.downCheck();
                checks.add(new RollbackResult.DownCheck(c.migration(), c.file() == null ? null : rel(root, Path.of(c.file())), c.restores(), c.problems()));
            }
            if (useDown) {
                steps.add(new RollbackResult.Step(m.id(), "down", m.down().file() == null ? null : rel(root, m.down().file()), plan.downSql(),
                        true, anyDataLoss(plan), List.of("the tool's own down migration (what its rollback command runs); checked: it restores the schema")));
                script.append(plan.downSql()).append("\n\n");
                concurrently |= plan.downSql().toUpperCase(java.util.Locale.ROOT).contains("CONCURRENTLY");
            } else if (plan.downCheck() != null && !plan.downCheck().restores()) {
                script.append("-- the hand-written down (").append(rel(root, m.down().file()))
                        .append(") does not restore the schema; this script uses the generated inverse instead\n");
            }
            for (InversePlanner.PlannedStep s : plan.generated()) {
                Inverse inv = s.inverse();
                String undoes = s.statement() == null ? rel(root, m.file()) : rel(root, Path.of(s.statement().file())) + ":" + s.statement().line() + "  " + oneLine(s.statement().text());
                if (!inv.reversible()) {
                    irreversible.add(new RollbackResult.Irreversible(m.id(), s.statement() == null ? rel(root, m.file()) : rel(root, Path.of(s.statement().file())),
                            s.statement() == null ? 0 : s.statement().line(), s.statement() == null ? null : oneLine(s.statement().text()), inv.note()));
                }
                if (useDown) continue;
                String sql = String.join("\n", inv.sql());
                List<String> n = inv.note() == null ? List.of() : List.of(inv.note());
                steps.add(new RollbackResult.Step(m.id(), "generated", undoes, sql, inv.reversible(), inv.dataLoss(), n));
                if (!sql.isEmpty()) {
                    script.append("-- ").append(undoes).append('\n').append(sql).append('\n');
                    concurrently |= sql.contains("CONCURRENTLY");
                }
            }
            if (!useDown) script.append('\n');
        }
        String sql = script.toString().strip() + "\n";
        if (dialect == Dialect.POSTGRESQL && !concurrently) sql = "BEGIN;\n\n" + sql + "\nCOMMIT;\n";
        else if (dialect == Dialect.SQLITE) sql = sqliteScript(sql);

        String pointOfNoReturn = null;
        for (MigrationPlan plan : plans) {
            if (plan.destroyer() != null) {
                Statement st = plan.destroyer().statement();
                pointOfNoReturn = "once " + plan.migration().id() + " runs " + rel(root, Path.of(st.file())) + ":" + st.line() + " ("
                        + plan.destroyer().reason() + "), rolling back restores the schema but not that data: keep the backup";
                break;
            }
        }
        Migration keep = first > 0 ? all.get(first - 1) : null;
        List<Migration> rolled = new ArrayList<>();
        for (int p = plans.size() - 1; p >= 0; p--) rolled.add(plans.get(p).migration());
        String nativeCommand = NativeCommands.command(tool, rolled, keep, root, migrationsDir);
        String backup = NativeCommands.backup(dialect, List.copyOf(touched));
        return new RollbackResult(root.toString(), tool.id(), dialect.id(), ids, sql, steps, irreversible, pointOfNoReturn, nativeCommand, backup, checks, notes);
    }

    /**
     * SQLite: PRAGMA foreign_keys is a no-op inside a transaction, so it is switched off before BEGIN
     * (dropping or rebuilding a parent table with it on deletes or rejects child rows) and on again
     * after COMMIT, with PRAGMA foreign_key_check before COMMIT listing rows that no longer match.
     */
    static String sqliteScript(String body) {
        String inner = body.replaceAll("(?m)^PRAGMA foreign_keys = (ON|OFF);\\n?", "").replaceAll("(?m)^PRAGMA foreign_key_check;\\n?", "");
        return "PRAGMA foreign_keys = OFF;\nBEGIN;\n\n" + inner.strip() + "\n\nPRAGMA foreign_key_check;\nCOMMIT;\nPRAGMA foreign_keys = ON;\n";
    }

    private static boolean anyDataLoss(MigrationPlan plan) {
        return plan.generated().stream().anyMatch(s -> s.inverse().dataLoss());
    }

    private static String generatedSql(MigrationPlan plan) {
        List<String> all = new ArrayList<>();
        for (InversePlanner.PlannedStep s : plan.generated()) all.addAll(s.inverse().sql());
        return String.join(" ", all);
    }

    static String oneLine(String s) {
        if (s == null) return null;
        String t = s.replaceAll("\\s+", " ").trim();
        return t.length() > 160 ? t.substring(0, 157) + "..." : t;
    }

    static String rel(Path root, Path p) {
        if (p == null) return null;
        if (root != null && p.startsWith(root)) return root.relativize(p).toString();
        return p.toString();
    }
}

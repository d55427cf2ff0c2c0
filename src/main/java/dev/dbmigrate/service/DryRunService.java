package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackPlans;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.db.dryrun.DryRunRequest;
import dev.dbmigrate.db.dryrun.DryRunResult;
import dev.dbmigrate.db.dryrun.DryRunner;
import dev.dbmigrate.db.dryrun.SchemaSnapshot;
import dev.dbmigrate.db.dryrun.ScratchDatabase;
import dev.dbmigrate.db.dryrun.StatementRun;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ParseCache;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.SchemaDiff;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * dry_run_migration / dry-run: on a scratch database, apply the history, apply the migration while
 * observing its locks, apply its rollback, and compare the schema before the migration with the
 * schema after the rollback.
 */
public final class DryRunService {

    /** Opens the scratch database a request names (a URL the user confirmed as scratch). */
    @FunctionalInterface
    public interface ScratchOpener {
        ScratchDatabase open(String databaseUrl, Path projectRoot) throws SQLException;
    }

    private final ProjectResolver resolver;
    private final ParseCache cache;
    private final RollbackService rollback;
    private final WriteGuard guard;
    private final SchemaSnapshot snapshot;
    private final ScratchOpener urlOpener;
    private final Function<String, String> redact;

    /**
     * @param urlOpener opens a user-given scratch URL
     * @param redact    a URL as it may be shown (password removed)
     */
    public DryRunService(ProjectResolver resolver, ParseCache cache, RollbackService rollback, WriteGuard guard, SchemaSnapshot snapshot,
                         ScratchOpener urlOpener, Function<String, String> redact) {
        this.resolver = resolver;
        this.cache = cache;
        this.rollback = rollback;
        this.guard = guard;
        this.snapshot = snapshot;
        this.urlOpener = urlOpener;
        this.redact = redact;
    }

    public DryRunResult dryRun(DryRunRequest req, Progress progress) {
        Project project = resolver.resolve(req.projectPath(), null, req.dialect(), null);
        Dialect dialect = project.dialect();
        List<String> notes = new ArrayList<>(project.notes());
        List<Migration> all = ProjectMigrations.read(project, notes).migrations();
        if (all.isEmpty()) throw new InputException(project.root() + ": no " + project.tool().id() + " migrations found");
        int target = req.migration() == null ? all.size() - 1 : RollbackService.find(all, req.migration(), "migration");
        Migration m = all.get(target);
        requireSql(project, all, target);

        // plan first: it reads everything and fails on bad input before a database is touched
        RollbackResult plan = rollback.plan(new RollbackRequest(req.projectPath(), m.id(), null, req.dialect(), req.rollback() == DryRunRequest.Rollback.GENERATED));
        Script rollbackScript;
        String source;
        if (req.rollback() == DryRunRequest.Rollback.DOWN) {
            if (m.down() == null || m.downKind() != DownKind.PRESENT) {
                throw new InputException(m.id() + " has no hand-written down migration (" + m.downKind().name().toLowerCase(java.util.Locale.ROOT)
                        + "): dry-run the generated rollback instead (rollback: generated)");
            }
            if (m.down().language() != Script.Language.SQL) throw new InputException(needsSql(project, m, m, m.down(), "down"));
            rollbackScript = m.down();
            source = "down";
        } else {
            boolean usesDown = plan.steps().stream().anyMatch(s -> s.source().equals("down"));
            source = usesDown ? "down" : "generated";
            // the tool's down runs as the tool runs it (its file, its lines); the generated inverse as plan_rollback writes it
            rollbackScript = usesDown ? m.down() : Script.sql(Path.of("rollback-" + m.id() + ".sql"), plan.sql());
            if (!usesDown) notes.add("rollback-" + m.id() + ".sql is the rollback script plan_rollback generates for " + m.id());
            for (RollbackResult.DownCheck c : plan.downChecks()) {
                if (!c.restores()) notes.add("the hand-written down " + c.file() + " does not restore the schema (" + String.join("; ", c.problems())
                        + "): the generated inverse was run instead");
            }
        }
        List<String> irreversible = plan.irreversible().stream()
                .map(i -> i.file() + (i.line() > 0 ? ":" + i.line() : "") + "  " + i.reason()).toList();

        String where = req.databaseUrl() != null ? redact.apply(req.databaseUrl())
                : dialect == Dialect.SQLITE ? "a temporary SQLite file" : "a temporary database on the embedded PostgreSQL";
        if (req.databaseUrl() != null && !req.scratch()) {
            throw new InputException("refusing to run a dry run on " + where + ": it applies and rolls back migrations, so it only runs on a database "
                    + "you name as scratch (--scratch / scratch: true). Without a URL it uses "
                    + (dialect == Dialect.SQLITE ? "a temporary SQLite file" : "a temporary embedded PostgreSQL database") + ".");
        }
        if (req.databaseUrl() == null && dialect.isMysqlFamily()) {
            throw new InputException("a dry run of " + dialect.id() + " migrations needs a scratch " + dialect.id()
                    + " database: pass databaseUrl (e.g. mysql://root@127.0.0.1:3306/scratch) with scratch: true");
        }
        if (dialect == Dialect.MSSQL) throw new InputException("dry runs support postgresql, mysql, mariadb and sqlite, not mssql");
        guard.requireWritable("dry run on " + where);

        if (dialect.isMysqlFamily()) {
            notes.add("locks are not observed on " + dialect.id() + ": every DDL statement commits on its own; validate_migration says which "
                    + "ALTER TABLE statements copy the table or block writes (ALGORITHM / LOCK)");
        } else if (dialect == Dialect.SQLITE) {
            notes.add("SQLite has no table locks: a writing transaction locks the whole database file until it ends");
        }
        Function<String, String> rel = f -> ValidateService.rel(project, Path.of(f));
        try (ScratchDatabase db = open(req, dialect, project.root())) {
            if (db.dialect() != dialect && !(db.dialect().isMysqlFamily() && dialect.isMysqlFamily())) {
                throw new InputException("the scratch database is " + db.dialect().id() + " but the project's migrations are " + dialect.id());
            }
            List<String> existing = db.existingObjects();
            if (!existing.isEmpty()) {
                throw new InputException("the scratch database " + db.label() + " is not empty (it holds " + String.join(", ", existing)
                        + (existing.size() >= 5 ? ", ..." : "") + "): a dry run needs an empty database");
            }
            return new Run(project, dialect, db, new DryRunner(db.connection(), dialect, rel), progress, all, target, rollbackScript, source,
                    irreversible, notes).execute();
        } catch (SQLException e) {
            throw new InputException("dry run on " + where + " failed: " + scrub(req, e.getMessage()));
        }
    }

    private ScratchDatabase open(DryRunRequest req, Dialect dialect, Path root) throws SQLException {
        if (req.databaseUrl() != null) return urlOpener.open(req.databaseUrl(), root);
        return dialect == Dialect.SQLITE ? ScratchDatabase.sqliteTemp() : ScratchDatabase.embeddedPostgres();
    }

    private String scrub(DryRunRequest req, String message) {
        if (message == null || req.databaseUrl() == null) return message;
        return message.replace(req.databaseUrl(), redact.apply(req.databaseUrl()));
    }

    /** One dry run on an open scratch database. */
    private final class Run {
        final Project project;
        final Dialect dialect;
        final ScratchDatabase db;
        final DryRunner runner;
        final Progress progress;
        final List<Migration> all;
        final int target;
        final Script rollbackScript;
        final String source;
        final List<String> irreversible;
        final List<String> notes;
        final List<DryRunResult.Phase> phases = new ArrayList<>();

        Run(Project project, Dialect dialect, ScratchDatabase db, DryRunner runner, Progress progress, List<Migration> all, int target,
            Script rollbackScript, String source, List<String> irreversible, List<String> notes) {
            this.project = project;
            this.dialect = dialect;
            this.db = db;
            this.runner = runner;
            this.progress = progress;
            this.all = all;
            this.target = target;
            this.rollbackScript = rollbackScript;
            this.source = source;
            this.irreversible = irreversible;
            this.notes = notes;
        }

        DryRunResult execute() throws SQLException {
            Migration m = all.get(target);
            long total = target + 2L;
            double historyMs = 0;
            for (int i = 0; i < target; i++) {
                Migration h = all.get(i);
                DryRunner.ScriptRun r = runner.run(parse(h.up()), wrap(h, cache.parse(h.up(), dialect), false), false);
                historyMs += r.millis();
                progress.report(i + 1, total, "applied " + h.id());
                if (!r.ok()) {
                    phases.add(new DryRunResult.Phase("history", "failed", DryRunner.round(historyMs), i, List.of(r.failure())));
                    return failed("history", h, r.failure());
                }
            }
            phases.add(new DryRunResult.Phase("history", "ok", DryRunner.round(historyMs), target, List.of()));
            Schema before = snapshot.read(db.connection(), dialect);

            ParsedScript up = parse(m.up());
            DryRunner.ScriptRun applied = runner.run(up, wrap(m, up, true), true);
            progress.report(target + 1, total, "applied " + m.id());
            phases.add(new DryRunResult.Phase("migration", applied.ok() ? "ok" : "failed", applied.millis(), 1, applied.statements()));
            if (!applied.ok()) return failed("migration", m, applied.failure());

            ParsedScript down = parse(rollbackScript);
            DryRunner.ScriptRun undone = runner.run(down, source.equals("down") ? wrap(m, down, true) : DryRunner.Wrap.STATEMENT, true);
            progress.report(total, total, "rolled back " + m.id());
            phases.add(new DryRunResult.Phase("rollback", undone.ok() ? "ok" : "failed", undone.millis(), 1, undone.statements()));
            if (!undone.ok()) return failed("rollback", m, undone.failure());

            Schema after = snapshot.read(db.connection(), dialect);
            List<String> differences = SchemaDiff.compare(before, after).stream().map(RollbackPlans::describe).toList();
            DryRunResult.RoundTrip rt = new DryRunResult.RoundTrip(true, differences.isEmpty(), differences);
            notes.addAll(columnOrder(before, after));
            int statements = applied.statements().size();
            String verdict = differences.isEmpty()
                    ? "PASS: " + m.id() + " applies (" + statements + " statement(s), " + fmt(applied.millis()) + " ms) and its " + source
                            + " rollback restores the schema exactly"
                    : "FAIL: the " + source + " rollback of " + m.id() + " does not restore the schema (" + differences.size() + " difference(s))";
            if (!irreversible.isEmpty()) notes.add("the round trip compares the schema; data changed by the irreversible steps does not come back");
            return result(verdict, null, rt);
        }

        private ParsedScript parse(Script s) {
            return cache.parse(s, dialect);
        }

        /** The runner's transaction: one per migration when the tool wraps it; else statement by statement. */
        private DryRunner.Wrap wrap(Migration m, ParsedScript ps, boolean observe) {
            boolean tx = !ps.noTransaction() && (m.transactional() != null ? m.transactional() : m.tool().wrapsInTransactionByDefault());
            if (m.tool().sendsFileAsOneQuery() && dialect == dev.dbmigrate.model.Dialect.POSTGRESQL) {
                // one query: an implicit transaction exactly when the file holds more than one statement
                long statements = ps.statements().stream().filter(st -> st.text() != null && !st.text().isBlank()).count();
                tx = statements > 1;
            }
            if (tx) return DryRunner.Wrap.SCRIPT;
            return observe ? DryRunner.Wrap.STATEMENT : DryRunner.Wrap.NONE;
        }

        private DryRunResult failed(String phase, Migration m, StatementRun failure) {
            for (String p : List.of("history", "migration", "rollback")) {
                if (phases.stream().noneMatch(x -> x.name().equals(p))) phases.add(new DryRunResult.Phase(p, "skipped", 0, 0, List.of()));
            }
            DryRunResult.FirstError e = new DryRunResult.FirstError(phase, m.id(), failure.file(), failure.line(), failure.sql(), failure.error());
            String at = failure.file() == null ? "" : " at " + failure.file() + (failure.line() > 0 ? ":" + failure.line() : "");
            String what = switch (phase) {
                case "history" -> "the history fails before " + all.get(target).id() + ": " + m.id();
                case "migration" -> m.id() + " fails";
                default -> "the " + source + " rollback of " + m.id() + " fails";
            };
            if (failure.note() != null) notes.add(failure.note());
            return result("FAIL: " + what + at + ": " + failure.error(), e, new DryRunResult.RoundTrip(false, false, List.of()));
        }

        private DryRunResult result(String verdict, DryRunResult.FirstError error, DryRunResult.RoundTrip rt) {
            return new DryRunResult(rt.restored(), verdict, project.root().toString(), project.tool().id(), dialect.id(), db.label(), all.get(target).id(), source, phases, error, rt,
                    irreversible, notes);
        }
    }

    /** Tables whose columns come back in another order (a re-added column goes last): not a schema difference, but visible to SELECT *. */
    static List<String> columnOrder(Schema before, Schema after) {
        List<String> out = new ArrayList<>();
        for (dev.dbmigrate.schema.Table b : before.tables()) {
            after.table(b.ref()).ifPresent(a -> {
                List<String> was = b.columnNames().stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
                List<String> now = a.columnNames().stream().map(c -> c.toLowerCase(java.util.Locale.ROOT)).toList();
                if (!was.equals(now) && new java.util.HashSet<>(was).equals(new java.util.HashSet<>(now))) {
                    out.add("the columns of " + b.ref() + " come back in another order (" + String.join(", ", a.columnNames()) + "; was "
                            + String.join(", ", b.columnNames()) + "): re-added columns go last, which SELECT * and positional COPY / INSERT see");
                }
            });
        }
        return out;
    }

    static String fmt(double ms) {
        return ms >= 100 ? String.valueOf(Math.round(ms)) : String.valueOf(ms);
    }

    /** Every migration up to the target must be SQL the database can run. */
    private static void requireSql(Project project, List<Migration> all, int target) {
        for (int i = 0; i <= target; i++) {
            Migration m = all.get(i);
            if (m.up() == null) throw new InputException(ValidateService.rel(project, m.file()) + ": migration " + m.id() + " could not be read");
            if (m.up().language() != Script.Language.SQL) throw new InputException(needsSql(project, m, all.get(target), m.up(), "up"));
        }
    }

    /**
     * Why an ORM migration cannot be dry-run, and how to get the SQL of the history up to {@code target}
     * ({@code m} is the first migration that is not SQL).
     */
    static String needsSql(Project project, Migration m, Migration target, Script script, String part) {
        String file = ValidateService.rel(project, m.file());
        String how = switch (m.tool()) {
            case ALEMBIC -> "alembic upgrade " + target.id() + " --sql > upgrade.sql (offline mode: the SQL of every revision up to " + target.id() + ")";
            case DJANGO -> {
                int dot = m.id().indexOf('.');
                yield (dot > 0 ? "python manage.py sqlmigrate " + m.id().substring(0, dot) + " " + m.id().substring(dot + 1)
                        : "python manage.py sqlmigrate <app> " + m.id()) + " (one migration at a time)";
            }
            case LIQUIBASE -> "liquibase update-sql (the SQL of the pending changesets)";
            case RAILS -> "Rails has no SQL export: run the migration on a scratch database and read db/structure.sql (config.active_record.schema_format = :sql)";
            case KNEX -> "DEBUG=knex:query npx knex migrate:up on a scratch database prints the SQL it runs";
            case SEQUELIZE -> "npx sequelize-cli db:migrate logs the SQL it runs (logging on) on a scratch database";
            case TYPEORM -> "TypeORM logs the SQL of queryRunner calls with logging: true during npx typeorm migration:run on a scratch database";
            default -> "export its SQL";
        };
        return "a dry run executes SQL, and the " + part + " of " + m.id() + " (" + file + ") is " + language(script.language())
                + " code. Get the SQL with: " + how + ", then dry-run a folder of .sql files (validate_migration checks the code as it is)";
    }

    private static String language(Script.Language l) {
        return switch (l) {
            case PYTHON_ALEMBIC, PYTHON_DJANGO -> "Python";
            case JAVASCRIPT -> "JavaScript";
            case TYPESCRIPT -> "TypeScript";
            case RUBY -> "Ruby";
            case LIQUIBASE_XML, LIQUIBASE_YAML, LIQUIBASE_JSON -> "Liquibase changelog";
            case SQL -> "SQL";
        };
    }
}

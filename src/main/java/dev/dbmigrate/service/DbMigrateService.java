package dev.dbmigrate.service;

import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.analyse.drift.DriftService;
import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.history.HistoryService;
import dev.dbmigrate.analyse.history.MigrationSource;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.db.dryrun.DryRunRequest;
import dev.dbmigrate.db.dryrun.DryRunResult;
import dev.dbmigrate.db.dryrun.ScratchDatabase;
import dev.dbmigrate.db.history.HistoryTables;
import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.ProjectScanner;
import dev.dbmigrate.parse.ParseCache;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The one core behind both faces: every MCP tool and every CLI subcommand calls a method here and
 * renders the record it returns. Thread-safe; one instance per server process (it owns the caches).
 */
public class DbMigrateService {

    private final ProjectScanner scanner = new ProjectScanner();
    private final ProjectResolver resolver = new ProjectResolver(scanner);
    private final ParseCache parseCache = new ParseCache(20_000);
    private final ProjectMigrations.ReadCache readCache = new ProjectMigrations.ReadCache();
    private final ValidateService validate = new ValidateService(resolver, parseCache, readCache, DbMigrateService::dataProbe);
    private final RollbackService rollback = new RollbackService(resolver, parseCache, readCache);
    private final HistoryService history = new HistoryService(this::migrationsOf);
    private final DriftService drift = new DriftService(this::migrationsOf,
            (migrations, dialect, notes) -> ProjectMigrations.replay(migrations, migrations.size(), dialect, parseCache, notes));
    private final WriteGuard writeGuard;
    private final DryRunService dryRun;

    /** A service that may write (files, scratch databases). */
    public DbMigrateService() {
        this(WriteGuard.WRITABLE);
    }

    /** @param writeGuard {@link WriteGuard#READ_ONLY} for read-only audit mode: every write is refused */
    public DbMigrateService(WriteGuard writeGuard) {
        this.writeGuard = writeGuard;
        this.dryRun = new DryRunService(resolver, parseCache, rollback, writeGuard, new dev.dbmigrate.db.dryrun.CatalogSnapshot(),
                (url, root) -> ScratchDatabase.open(dev.dbmigrate.db.DatabaseUrl.parse(url, root)), url -> dev.dbmigrate.db.DatabaseUrl.parse(url).redacted());
    }

    /** Methods that write call {@code writeGuard().requireWritable(...)} before they do. */
    public WriteGuard writeGuard() {
        return writeGuard;
    }

    /** detect_orm / detect: which migration tools the project under {@code projectPath} uses. */
    public DetectResult detect(Path projectPath) {
        return scanner.scan(projectPath);
    }

    /** validate_migration / validate. */
    public ValidateResult validate(ValidateRequest request, Progress progress) {
        return validate.validate(request, progress);
    }

    /** The project's failOn from .db-migrate.yml, if the validated path had a project with one. */
    public java.util.Optional<dev.dbmigrate.model.Severity> failOnFor(ValidateResult result) {
        if (result.projectPath() == null) return java.util.Optional.empty();
        return java.util.Optional.ofNullable(dev.dbmigrate.config.ProjectConfig.load(Path.of(result.projectPath())).failOn());
    }

    /** plan_rollback / rollback. */
    public RollbackResult planRollback(RollbackRequest request) {
        return rollback.plan(request);
    }

    /** dry_run_migration / dry-run: apply the history, the migration and its rollback on a scratch database. */
    public DryRunResult dryRun(DryRunRequest request, Progress progress) {
        return dryRun.dryRun(request, progress);
    }

    /**
     * migration_history / history: the project's migrations with their state in each database.
     *
     * @param databaseUrls URLs to read ("name=URL" names one); may be empty
     * @param environments environment names from .db-migrate.yml ("all" for every one); may be empty
     */
    public HistoryResult history(Path projectPath, List<String> databaseUrls, List<String> environments) {
        return history.history(projectPath, databaseUrls, environments);
    }

    /** check_drift / drift: the schema the applied migrations build versus the live database. */
    public DriftResult drift(Path projectPath, String databaseUrl, String environment, List<String> ignoreTables) {
        return drift.drift(projectPath, databaseUrl, environment, ignoreTables);
    }

    private MigrationSource.Project migrationsOf(Path path) {
        Project p = resolver.resolve(path, null, null, null);
        List<String> notes = new ArrayList<>(p.notes());
        ReadResult read = readCache.read(p, notes);
        HistoryTables.Location history = p.detection() != null && p.detection().tool() == p.tool() ? p.detection().historyTable() : null;
        return new MigrationSource.Project(p.root(), p.tool(), p.dialect(), read, p.config().environments(), notes, history);
    }

    public ProjectResolver resolver() {
        return resolver;
    }

    public ParseCache parseCache() {
        return parseCache;
    }

    /** Opens a read-only session for data-aware validation (closed by the validate service). */
    private static ValidateService.OpenProbe dataProbe(String databaseUrl) {
        dev.dbmigrate.db.DatabaseUrl url = dev.dbmigrate.db.DatabaseUrl.parse(databaseUrl);
        dev.dbmigrate.db.ReadOnlySession session = dev.dbmigrate.db.ReadOnlySession.open(url);
        return new ValidateService.OpenProbe(
                dev.dbmigrate.db.probe.DataProbes.of(session.dialect(), session.connection(), java.time.Duration.ofSeconds(10)),
                session, url.redacted());
    }
}

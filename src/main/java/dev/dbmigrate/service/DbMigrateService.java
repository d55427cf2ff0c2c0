package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.db.dryrun.DryRunRequest;
import dev.dbmigrate.db.dryrun.DryRunResult;
import dev.dbmigrate.db.dryrun.ScratchDatabase;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.ProjectScanner;
import dev.dbmigrate.parse.ParseCache;
import java.nio.file.Path;
import java.util.function.Function;

/**
 * The one core behind both faces: every MCP tool and every CLI subcommand calls a method here and
 * renders the record it returns. Thread-safe; one instance per server process (it owns the caches).
 */
public class DbMigrateService {

    private final ProjectScanner scanner = new ProjectScanner();
    private final ProjectResolver resolver = new ProjectResolver(scanner);
    private final ParseCache parseCache = new ParseCache(20_000);
    private final ValidateService validate = new ValidateService(resolver, parseCache, DbMigrateService::dataProbe);
    private final RollbackService rollback = new RollbackService(resolver, parseCache);
    private final WriteGuard writeGuard;
    private final DryRunService dryRun;

    /** A service that may write (files, scratch databases). */
    public DbMigrateService() {
        this(WriteGuard.WRITABLE);
    }

    /** @param writeGuard {@link WriteGuard#READ_ONLY} for read-only audit mode: every write is refused */
    public DbMigrateService(WriteGuard writeGuard) {
        this.writeGuard = writeGuard;
        this.dryRun = new DryRunService(resolver, parseCache, rollback, writeGuard, DbMigrateService::snapshot, DbMigrateService::openScratch, url -> url);
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

    public ProjectResolver resolver() {
        return resolver;
    }

    public ParseCache parseCache() {
        return parseCache;
    }

    private static Schema snapshot(java.sql.Connection c, dev.dbmigrate.model.Dialect d) {
        throw new InputException("reading a database schema needs db/catalog, which is not in this build yet");
    }

    private static ScratchDatabase openScratch(String databaseUrl, Path root) {
        throw new InputException("scratch database URLs need db/DatabaseUrl, which is not in this build yet");
    }

    private static DataProbe dataProbe(String databaseUrl) {
        throw new InputException("data-aware checks (databaseUrl) are not available in this build yet");
    }
}

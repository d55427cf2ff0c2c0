package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
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

    /** A service that may write (files, scratch databases). */
    public DbMigrateService() {
        this(WriteGuard.WRITABLE);
    }

    /** @param writeGuard {@link WriteGuard#READ_ONLY} for read-only audit mode: every write is refused */
    public DbMigrateService(WriteGuard writeGuard) {
        this.writeGuard = writeGuard;
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

    public ProjectResolver resolver() {
        return resolver;
    }

    public ParseCache parseCache() {
        return parseCache;
    }

    private static DataProbe dataProbe(String databaseUrl) {
        throw new InputException("data-aware checks (databaseUrl) are not available in this build yet");
    }
}

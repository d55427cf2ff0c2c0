package dev.dbmigrate.service;

import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.ProjectScanner;
import java.nio.file.Path;

/**
 * The one core behind both faces: every MCP tool and every CLI subcommand calls a method here and
 * renders the record it returns. Thread-safe; one instance per server process (it owns the caches).
 */
public class DbMigrateService {

    private final ProjectScanner scanner = new ProjectScanner();
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
}

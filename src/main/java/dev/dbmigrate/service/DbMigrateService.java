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

    /** detect_orm / detect: which migration tools the project under {@code projectPath} uses. */
    public DetectResult detect(Path projectPath) {
        return scanner.scan(projectPath);
    }
}

package dev.dbmigrate.analyse.history;

import dev.dbmigrate.InputException;
import dev.dbmigrate.detect.DetectResult;
import dev.dbmigrate.detect.Detection;
import dev.dbmigrate.detect.ProjectScanner;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;

/**
 * Resolves a project path to its tool and reads its migrations (detect -> read). History and drift
 * need it; the service wires the real implementation (detection plus the tool's reader).
 */
@FunctionalInterface
public interface MigrationSource {

    /**
     * @param root    the project root (absolute)
     * @param tool    the migration tool
     * @param dialect the dialect, or null when the project does not say
     * @param read    the migrations in apply order plus integrity problems
     */
    record Project(Path root, Tool tool, Dialect dialect, ReadResult read) {}

    /** @throws InputException when the path holds no migrations of a known tool */
    Project load(Path projectPath);

    /** Detects the tool but cannot read migrations: stands in until the readers are wired into the service. */
    static MigrationSource unwired(ProjectScanner scanner) {
        return path -> {
            DetectResult d = scanner.scan(path);
            if (d.detections().isEmpty()) {
                throw new InputException(d.message() != null ? d.message() : "no migration tool found under " + path);
            }
            Detection first = d.detections().get(0);
            throw new InputException(first.tool().id() + " migrations found under " + first.root()
                    + ", but reading them is not wired into this build yet");
        };
    }
}

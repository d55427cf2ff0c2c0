package dev.dbmigrate.analyse.rollback;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;

/**
 * What to roll back.
 *
 * @param projectPath   project root or migrations folder
 * @param migration     id or version prefix of the migration to undo (default: the latest), or null
 * @param target        undo every migration after this one, newest first, or null
 * @param dialect       overrides the project's dialect, or null
 * @param generatedOnly ignore the tool's hand-written downs and always use the generated inverse
 *                      (dry runs use it to prove the generated inverse on a real database)
 */
public record RollbackRequest(Path projectPath, String migration, String target, Dialect dialect, boolean generatedOnly) {

    public RollbackRequest(Path projectPath, String migration, String target, Dialect dialect) {
        this(projectPath, migration, target, dialect, false);
    }
}

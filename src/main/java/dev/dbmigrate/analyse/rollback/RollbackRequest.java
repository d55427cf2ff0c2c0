package dev.dbmigrate.analyse.rollback;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;

/**
 * What to roll back.
 *
 * @param projectPath project root or migrations folder
 * @param migration   id or version prefix of the migration to undo (default: the latest), or null
 * @param target      undo every migration after this one, newest first, or null
 * @param dialect     overrides the project's dialect, or null
 */
public record RollbackRequest(Path projectPath, String migration, String target, Dialect dialect) {}

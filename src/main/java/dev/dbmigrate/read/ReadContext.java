package dev.dbmigrate.read;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;

/**
 * What a reader needs to know about the project.
 *
 * @param projectRoot    the project root (absolute)
 * @param migrationsPath the migrations folder or changelog file (absolute); readers fall back to
 *                       the tool's default location under the root when null
 * @param dialect        the dialect, or null when unknown
 */
public record ReadContext(Path projectRoot, Path migrationsPath, Dialect dialect) {}

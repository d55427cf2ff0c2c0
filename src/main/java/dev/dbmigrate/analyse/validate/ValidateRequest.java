package dev.dbmigrate.analyse.validate;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;

/**
 * What to validate.
 *
 * @param path        a migration file or a folder (null when {@code sql} is given)
 * @param sql         inline SQL (null when {@code path} is given)
 * @param projectPath the project root when it cannot be found from path (or to check inline SQL
 *                    against the project's schema), or null
 * @param dialect     overrides detection/config, or null
 * @param pgVersion   PostgreSQL major version, or null (config, else 15)
 * @param databaseUrl live database for data-aware checks (read-only), or null
 */
public record ValidateRequest(Path path, String sql, Path projectPath, Dialect dialect, Integer pgVersion, String databaseUrl) {}

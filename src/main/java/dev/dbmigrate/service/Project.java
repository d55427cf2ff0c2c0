package dev.dbmigrate.service;

import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.detect.Detection;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;

/**
 * A resolved project: where it is, which tool and dialect, where its migrations are, its config.
 *
 * @param root           project root (absolute)
 * @param tool           migration tool
 * @param dialect        dialect (override > .db-migrate.yml > the tool's config > postgresql)
 * @param migrationsPath migrations folder or changelog (absolute), or null
 * @param config         the project's .db-migrate.yml (or empty)
 * @param detection      the detection it came from, or null when the tool was not detected
 * @param notes          assumptions made while resolving
 */
public record Project(Path root, Tool tool, Dialect dialect, Path migrationsPath, ProjectConfig config, Detection detection, List<String> notes) {
    public Project {
        notes = List.copyOf(notes);
    }
}

package dev.dbmigrate.analyse.history;

import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Resolves a project path to its tool and reads its migrations (detect -> read). The service
 * implements it with the project resolver and the tool's reader; tests use fakes.
 */
@FunctionalInterface
public interface MigrationSource {

    /**
     * @param root         the project root (absolute)
     * @param tool         the migration tool
     * @param dialect      the dialect, or null when the project does not say
     * @param read         the migrations in apply order plus integrity problems
     * @param environments the named databases of the project's config (variables expanded when one is used)
     * @param notes        assumptions made while resolving the project
     */
    record Project(Path root, Tool tool, Dialect dialect, ReadResult read, Map<String, ProjectConfig.Environment> environments, List<String> notes) {
        public Project {
            environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
            notes = notes == null ? List.of() : List.copyOf(notes);
        }
    }

    /** @throws dev.dbmigrate.InputException when the path holds no readable migrations */
    Project load(Path projectPath);
}

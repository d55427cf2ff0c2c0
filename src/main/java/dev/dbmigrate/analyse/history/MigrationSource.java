package dev.dbmigrate.analyse.history;

import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.db.history.HistoryTables;
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
     * @param historyTable where the tool keeps its history table, as the project's tool config says (defaults: {@link HistoryTables.Location#DEFAULT})
     */
    record Project(Path root, Tool tool, Dialect dialect, ReadResult read, Map<String, ProjectConfig.Environment> environments, List<String> notes,
                   HistoryTables.Location historyTable) {
        public Project {
            environments = environments == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(environments));
            notes = notes == null ? List.of() : List.copyOf(notes);
            historyTable = historyTable == null ? HistoryTables.Location.DEFAULT : historyTable;
        }

        /** A project whose tool keeps its history table where it does by default. */
        public Project(Path root, Tool tool, Dialect dialect, ReadResult read, Map<String, ProjectConfig.Environment> environments, List<String> notes) {
            this(root, tool, dialect, read, environments, notes, HistoryTables.Location.DEFAULT);
        }
    }

    /** @throws dev.dbmigrate.InputException when the path holds no readable migrations */
    Project load(Path projectPath);
}

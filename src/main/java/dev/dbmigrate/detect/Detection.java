package dev.dbmigrate.detect;

import com.fasterxml.jackson.databind.annotation.JsonSerialize;
import com.fasterxml.jackson.databind.ser.std.ToStringSerializer;
import dev.dbmigrate.db.history.HistoryTables;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;

/**
 * One migration tool found in one project root.
 *
 * @param tool           the tool
 * @param dialect        the database dialect the project's configuration names, or null when it does not say
 * @param confidence     "high" (the tool's own config or migrations folder found), "medium"
 *                       (dependency declared, layout partly found), "low" (weak signals only)
 * @param root           the project root (absolute)
 * @param migrationsPath the folder (or changelog file) holding the migrations (absolute), or null when none exists yet
 * @param configFiles    the config files that were read (absolute)
 * @param evidence       human-readable reasons ("prisma/schema.prisma: provider = \"postgresql\"")
 * @param commands       the tool's own CLI commands; an operation the tool lacks reads "(none: what to do instead)",
 *                       and notes follow a shell comment ("  # ...")
 * @param historyTable   the history table's schema / name as the tool's configuration sets them, or null for the tool's defaults
 */
public record Detection(
        // JSON carries the public ids ("golang-migrate", "postgresql"), not the enum names
        @JsonSerialize(using = ToStringSerializer.class) Tool tool,
        @JsonSerialize(using = ToStringSerializer.class) Dialect dialect,
        String confidence,
        Path root,
        Path migrationsPath,
        List<Path> configFiles,
        List<String> evidence,
        Commands commands,
        HistoryTables.Location historyTable) {

    public Detection {
        configFiles = configFiles == null ? List.of() : List.copyOf(configFiles);
        evidence = evidence == null ? List.of() : List.copyOf(evidence);
    }

    /** A detection with the tool's default history table. */
    public Detection(Tool tool, Dialect dialect, String confidence, Path root, Path migrationsPath, List<Path> configFiles,
                     List<String> evidence, Commands commands) {
        this(tool, dialect, confidence, root, migrationsPath, configFiles, evidence, commands, null);
    }

    /** The tool's own commands to create, apply, roll back and show the status of migrations. */
    public record Commands(String create, String apply, String rollback, String status) {}
}

package dev.dbmigrate.detect;

import java.nio.file.Path;
import java.util.List;

/**
 * Result of {@code detect_orm} / {@code detect}.
 *
 * @param projectPath the directory that was scanned (absolute)
 * @param detections  one entry per (project root, tool, migrations folder), ordered by root, then most confident first
 * @param message     a note for the reader ("no migration tool found under ...", or why the walk stopped early), or null
 */
public record DetectResult(Path projectPath, List<Detection> detections, String message) {

    public DetectResult {
        detections = List.copyOf(detections);
    }
}

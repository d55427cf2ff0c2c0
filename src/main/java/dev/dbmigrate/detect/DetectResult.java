package dev.dbmigrate.detect;

import java.nio.file.Path;
import java.util.List;

/**
 * Result of {@code detect_orm} / {@code detect}.
 *
 * @param projectPath the directory that was scanned (absolute)
 * @param detections  one entry per (project root, tool), most confident first within a root
 * @param message     a note for the reader (e.g. "no migration tool found under ..."), or null
 */
public record DetectResult(Path projectPath, List<Detection> detections, String message) {

    public DetectResult {
        detections = List.copyOf(detections);
    }
}

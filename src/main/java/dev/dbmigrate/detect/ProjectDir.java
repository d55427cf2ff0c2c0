package dev.dbmigrate.detect;

import java.nio.file.Path;

/**
 * A directory being examined by the detectors. The detect helper may extend this with cached file
 * listings and reads; detectors must go through it rather than walk the disk on their own.
 *
 * @param path the directory (absolute)
 */
public record ProjectDir(Path path) {}

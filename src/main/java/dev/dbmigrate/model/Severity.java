package dev.dbmigrate.model;

import java.util.Locale;
import java.util.Optional;

/** Finding severities, ordered from least to most severe. */
public enum Severity {
    INFO, WARNING, ERROR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean atLeast(Severity other) {
        return compareTo(other) >= 0;
    }

    public static Optional<Severity> fromId(String raw) {
        if (raw == null) return Optional.empty();
        return switch (raw.trim().toLowerCase(Locale.ROOT)) {
            case "info", "note" -> Optional.of(INFO);
            case "warning", "warn" -> Optional.of(WARNING);
            case "error", "err" -> Optional.of(ERROR);
            default -> Optional.empty();
        };
    }

    @Override
    public String toString() {
        return id();
    }
}

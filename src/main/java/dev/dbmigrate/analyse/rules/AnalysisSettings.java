package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Severity;
import java.util.Map;
import java.util.Set;

/**
 * How to check.
 *
 * @param dialect           the dialect (MYSQL vs MARIADB matters for some rules)
 * @param pgVersion         PostgreSQL major version (default 15)
 * @param disabledRules     rule ids switched off (config)
 * @param severityOverrides rule id -> severity (config)
 */
public record AnalysisSettings(Dialect dialect, int pgVersion, Set<String> disabledRules, Map<String, Severity> severityOverrides) {

    public static final int DEFAULT_PG_VERSION = 15;

    public AnalysisSettings {
        disabledRules = disabledRules == null ? Set.of() : Set.copyOf(disabledRules);
        severityOverrides = severityOverrides == null ? Map.of() : Map.copyOf(severityOverrides);
    }

    public static AnalysisSettings defaults(Dialect dialect) {
        return new AnalysisSettings(dialect, DEFAULT_PG_VERSION, Set.of(), Map.of());
    }
}

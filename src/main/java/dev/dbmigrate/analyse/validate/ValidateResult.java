package dev.dbmigrate.analyse.validate;

import dev.dbmigrate.analyse.rules.Finding;
import java.util.List;

/**
 * Result of {@code validate_migration} / {@code validate}.
 *
 * @param risk               LOW (no warnings or errors), MEDIUM (warnings), HIGH (errors)
 * @param target             what was checked (path, or "inline SQL")
 * @param projectPath        the project root, or null
 * @param tool               the migration tool id, or null
 * @param dialect            the dialect used
 * @param pgVersion          PostgreSQL major version used (PostgreSQL only), or null
 * @param files              the migration files checked, in order (relative to the project root when known)
 * @param migrationsReplayed earlier migrations replayed to build the schema the checked ones run against
 * @param statements         statements analysed
 * @param summary            counts by severity
 * @param findings           the findings, by file then line
 * @param unparsed           statements that could not be understood (never silently skipped)
 * @param notes              assumptions and remarks ("dialect not configured: assuming postgresql")
 */
public record ValidateResult(
        String risk,
        String target,
        String projectPath,
        String tool,
        String dialect,
        Integer pgVersion,
        List<String> files,
        int migrationsReplayed,
        int statements,
        Summary summary,
        List<Finding> findings,
        List<Unparsed> unparsed,
        List<String> notes) {

    public ValidateResult {
        files = List.copyOf(files);
        findings = List.copyOf(findings);
        unparsed = List.copyOf(unparsed);
        notes = List.copyOf(notes);
    }

    public record Summary(int errors, int warnings, int infos) {}

    public record Unparsed(String file, int line, String statement, String reason) {}
}

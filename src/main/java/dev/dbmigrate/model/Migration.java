package dev.dbmigrate.model;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * One migration as its tool sees it (read stage output). Readers return them in the tool's own
 * order; the list order is the apply order.
 *
 * @param tool          the migration tool
 * @param id            the tool's own identity of this migration (Prisma folder name, Flyway version,
 *                      Alembic revision, Django "app.0001_name", Liquibase "id::author"...)
 * @param name          human-readable description part ("add_users_table")
 * @param version       the version the tool orders or records by, or null when the tool has none
 * @param file          the primary file (absolute)
 * @param up            what applying the migration runs; null when it could not be read
 * @param down          what reverting it runs, or null
 * @param downKind      whether the tool supports a down and whether this migration has one
 * @param transactional whether the runner wraps this migration in one transaction (tool default plus
 *                      per-migration opt-outs); null when unknown
 * @param dependsOn     ids of migrations this one depends on (Alembic down_revision, Django
 *                      dependencies); empty for linear tools
 * @param attributes    tool-specific extras (branch_labels, replaces, checksum inputs...), never null
 */
public record Migration(
        Tool tool,
        String id,
        String name,
        String version,
        Path file,
        Script up,
        Script down,
        DownKind downKind,
        Boolean transactional,
        List<String> dependsOn,
        Map<String, Object> attributes) {

    public Migration {
        dependsOn = dependsOn == null ? List.of() : List.copyOf(dependsOn);
        attributes = attributes == null ? Map.of() : Map.copyOf(attributes);
    }
}

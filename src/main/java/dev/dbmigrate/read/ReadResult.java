package dev.dbmigrate.read;

import dev.dbmigrate.model.Migration;
import java.util.List;

/**
 * @param migrations the migrations in apply order
 * @param problems   integrity problems seen while reading (duplicate versions, files the tool will
 *                   ignore, multiple heads, journal mismatches, missing down files...)
 */
public record ReadResult(List<Migration> migrations, List<Problem> problems) {

    public ReadResult {
        migrations = List.copyOf(migrations);
        problems = List.copyOf(problems);
    }

    /**
     * @param kind       stable id: "duplicate-version", "multiple-heads", "cycle", "conflict", "gap",
     *                   "ignored-file", "journal-missing-file", "file-missing-from-journal",
     *                   "missing-down", "unreadable"...; also "invalid-file" (the tool refuses to run
     *                   because of this file: goose without {@code -- +goose Up}, a Rails name that
     *                   is not snake_case, a TypeORM class without timestamp...), "suspicious-name"
     *                   (accepted by the tool but probably a typo: {@code 30_x.up..sql}, Flyway
     *                   {@code V1__.sql}), "missing-up" (a down without its up), "missing-file"
     *                   (a Liquibase include that does not exist), "duplicate-include",
     *                   "duplicate-name" (Rails), "mixed-versioning" (goose sequential and
     *                   timestamp versions), "out-of-order" (Drizzle {@code when} not increasing,
     *                   dbmate versions of different widths)
     * @param message    a sentence naming the files
     * @param migrations the ids (or file names) involved
     */
    public record Problem(String kind, String message, List<String> migrations) {
        public Problem {
            migrations = migrations == null ? List.of() : List.copyOf(migrations);
        }
    }
}

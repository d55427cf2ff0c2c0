package dev.dbmigrate.read;

import dev.dbmigrate.model.Tool;

/**
 * Reads the migrations of one project for one tool, in the tool's own apply order (read stage).
 * One implementation per tool. Readers read files only; they never connect to a database.
 */
public interface MigrationReader {

    Tool tool();

    /**
     * @throws dev.dbmigrate.InputException when the migrations cannot be read at all (folder
     *         missing, file not text); problems with single migrations go into
     *         {@link ReadResult#problems()} instead
     */
    ReadResult read(ReadContext context);
}

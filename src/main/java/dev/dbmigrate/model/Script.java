package dev.dbmigrate.model;

import java.nio.file.Path;

/**
 * A piece of source that one migration runs in one direction: a whole SQL file, the Up section of a
 * goose file, the {@code upgrade()} function of an Alembic revision, a Django migration file, a
 * Liquibase changeSet... The parse stage turns it into {@link Statement}s.
 *
 * @param file      the file the text comes from (absolute, normalised)
 * @param text      the text to parse (may be a part of the file)
 * @param startLine 1-based line in {@code file} where {@code text} begins, so that findings point at
 *                  the real line of the file
 * @param language  how to parse it
 * @param part      which part of the file this is, when a file holds more than one ("up", "down",
 *                  "upgrade", "downgrade", a changeSet id...); null for a whole file
 */
public record Script(Path file, String text, int startLine, Language language, String part) {

    public enum Language {
        SQL,
        PYTHON_ALEMBIC,
        PYTHON_DJANGO,
        JAVASCRIPT,
        TYPESCRIPT,
        RUBY,
        LIQUIBASE_XML,
        LIQUIBASE_YAML,
        LIQUIBASE_JSON
    }

    public static Script sql(Path file, String text) {
        return new Script(file, text, 1, Language.SQL, null);
    }
}

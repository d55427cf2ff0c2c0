package dev.dbmigrate.model;

import java.util.List;
import java.util.Set;

/**
 * One statement of a migration (parse stage output): a SQL statement with its exact position, or
 * one ORM call (an {@code op.add_column(...)}, a Django operation) with the position of the call.
 *
 * @param file       the file (absolute path as a string)
 * @param line       1-based first line
 * @param column     1-based first column
 * @param endLine    1-based last line
 * @param endColumn  1-based column just after the last character
 * @param text       the statement text (SQL without the trailing delimiter, or the ORM call source)
 * @param operations what it does, in order; empty for statements that do nothing to the schema
 *                   (SELECT 1, comments-only)
 * @param status     how it was understood
 * @param ignore     a {@code -- db-migrate-ignore ...} directive right before it, or null
 * @param reversible for ORM steps that carry their own reverse (Django RunPython / RunSQL): whether
 *                   one was given; null where that does not apply
 */
public record Statement(
        String file,
        int line,
        int column,
        int endLine,
        int endColumn,
        String text,
        List<Operation> operations,
        ParseStatus status,
        IgnoreDirective ignore,
        Boolean reversible) {

    public Statement {
        operations = operations == null ? List.of() : List.copyOf(operations);
    }

    public enum ParseStatus {
        /** Parsed by JSqlParser. */
        PARSED,
        /** JSqlParser failed; the fallback recognised it. */
        FALLBACK,
        /** Read from an ORM / Python / Liquibase construct. */
        ORM,
        /** Not understood; {@link #operations()} holds one {@link Operation.Unparsed}. */
        UNPARSED
    }

    /**
     * A {@code -- db-migrate-ignore rule-a, rule-b} comment (empty rules = ignore every rule for
     * the statement) at {@code line}.
     */
    public record IgnoreDirective(int line, Set<String> rules) {
        public IgnoreDirective {
            rules = rules == null ? Set.of() : Set.copyOf(rules);
        }

        public boolean covers(String ruleId) {
            return rules.isEmpty() || rules.contains(ruleId);
        }
    }

    public Statement withOperations(List<Operation> ops, ParseStatus newStatus) {
        return new Statement(file, line, column, endLine, endColumn, text, ops, newStatus, ignore, reversible);
    }
}

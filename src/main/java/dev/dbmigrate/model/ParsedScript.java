package dev.dbmigrate.model;

import java.util.List;

/**
 * A parsed {@link Script}: its statements in order.
 *
 * @param script     the source
 * @param statements the statements
 * @param ignoreFile true when the file carries {@code -- db-migrate-ignore-file}
 * @param ignoreFileLine line of that directive (0 when absent)
 * @param noTransaction true when the script itself says it must run outside a transaction (goose
 *                   {@code -- +goose NO TRANSACTION}, sqlx {@code -- no-transaction}, dbmate
 *                   {@code transaction:false}, Alembic autocommit_block...) as seen by the parser
 */
public record ParsedScript(Script script, List<Statement> statements, boolean ignoreFile, int ignoreFileLine, boolean noTransaction) {

    public ParsedScript {
        statements = List.copyOf(statements);
    }
}

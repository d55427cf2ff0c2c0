package dev.dbmigrate.parse.python.alembic;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ScriptParser;

/**
 * Parses the {@code upgrade()} / {@code downgrade()} part of an Alembic revision
 * ({@link Script.Language#PYTHON_ALEMBIC}; {@link Script#part()} names the function, "upgrade"
 * when null). One statement per {@code op.*} call, status ORM, positioned at the call.
 *
 * <p>Understood: {@code create_table} (sa.Column with types, nullable, server_default,
 * primary_key, autoincrement, ForeignKey(ondelete/onupdate/name), unique, index, comment, Identity,
 * Computed; PrimaryKeyConstraint, UniqueConstraint, ForeignKeyConstraint, CheckConstraint, Index;
 * if_not_exists, comment, prefixes TEMPORARY, postgresql_partition_by), {@code drop_table},
 * {@code add_column}, {@code drop_column}, {@code alter_column} (type_, existing_type, nullable,
 * existing_nullable, server_default, existing_server_default, comment, new_column_name,
 * postgresql_using), {@code create_index} / {@code drop_index} (unique, postgresql_concurrently,
 * postgresql_where, sqlite_where, postgresql_using, postgresql_include, postgresql_ops,
 * if_not_exists / if_exists), {@code create_foreign_key} (ondelete, onupdate, deferrable,
 * postgresql_not_valid), {@code create_unique_constraint}, {@code create_check_constraint},
 * {@code create_primary_key}, {@code create_exclude_constraint}, {@code drop_constraint} (type_),
 * {@code rename_table}, {@code create_table_comment} / {@code drop_table_comment},
 * {@code execute} and {@code op.get_bind().execute} (a string or {@code sa.text()} goes to the SQL
 * engine; SQLAlchemy Core update/insert/delete become data changes), {@code bulk_insert},
 * {@code batch_alter_table} blocks (marked {@link dev.dbmigrate.model.Operation.TableRebuild}
 * when Alembic rebuilds the table) and {@code get_context().autocommit_block()} (the parsed
 * script reports {@code noTransaction}).
 *
 * <p>Unreadable (one UNPARSED statement each, with the reason): other {@code op.*} methods
 * ({@code run_async}, {@code invoke}, custom operations), calls to code that is not in the file,
 * ORM session code, {@code while} loops, {@code for} loops over anything but a literal list,
 * arguments that are not literals after following local variables and module constants.
 */
public final class AlembicParser implements ScriptParser {

    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.PYTHON_ALEMBIC;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        return new AlembicTranslator(script, dialect).translate();
    }
}

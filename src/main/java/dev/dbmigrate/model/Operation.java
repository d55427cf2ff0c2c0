package dev.dbmigrate.model;

import java.util.List;

/**
 * The one operation model that SQL statements and ORM calls are turned into (parse stage output),
 * which the schema stage replays and the analysis stage checks. A statement may hold several
 * operations ({@code ALTER TABLE t ADD COLUMN a ..., DROP COLUMN b}).
 *
 * <p>Names are normalised for the dialect (see {@link TableRef}). Records are immutable.
 */
public sealed interface Operation {

    /** The table this operation touches, or null (transaction control, settings, types...). */
    default TableRef table() {
        return null;
    }

    // ---- tables ----------------------------------------------------------------------------

    /** CREATE TABLE. {@code asSelect} for CREATE TABLE ... AS SELECT (columns unknown). */
    record CreateTable(TableRef table, List<ColumnDef> columns, List<ConstraintDef> constraints,
                       boolean ifNotExists, boolean temporary, boolean asSelect, String partitionBy) implements Operation {
        public CreateTable {
            columns = columns == null ? List.of() : List.copyOf(columns);
            constraints = constraints == null ? List.of() : List.copyOf(constraints);
        }
    }

    /** DROP TABLE (one record per table). */
    record DropTable(TableRef table, boolean ifExists, boolean cascade) implements Operation {}

    /** ALTER TABLE ... RENAME TO / RENAME TABLE a TO b. */
    record RenameTable(TableRef table, String newName) implements Operation {}

    // ---- columns ---------------------------------------------------------------------------

    record AddColumn(TableRef table, ColumnDef column, boolean ifNotExists) implements Operation {}

    record DropColumn(TableRef table, String column, boolean ifExists, boolean cascade) implements Operation {}

    record RenameColumn(TableRef table, String column, String newName) implements Operation {}

    /** ALTER COLUMN ... TYPE t [USING expr]. */
    record AlterColumnType(TableRef table, String column, SqlType type, String using) implements Operation {}

    /** SET NOT NULL (notNull=true) / DROP NOT NULL (notNull=false). */
    record AlterColumnNullability(TableRef table, String column, boolean notNull) implements Operation {}

    /** SET DEFAULT expr / DROP DEFAULT (defaultExpr=null). */
    record AlterColumnDefault(TableRef table, String column, String defaultExpr) implements Operation {}

    /**
     * A whole new definition for an existing column: MySQL MODIFY / CHANGE COLUMN, Django AlterField.
     * The analysis compares it with the column's previous definition (a MODIFY that omits NOT NULL
     * drops it).
     */
    record RedefineColumn(TableRef table, String column, ColumnDef definition) implements Operation {}

    // ---- indexes ---------------------------------------------------------------------------

    record CreateIndex(IndexDef index, boolean concurrently, boolean ifNotExists) implements Operation {
        @Override
        public TableRef table() {
            return index.table();
        }
    }

    /** DROP INDEX; {@code table} is known for MySQL (DROP INDEX i ON t / ALTER TABLE t DROP INDEX i), else null. */
    record DropIndex(String name, TableRef table, boolean concurrently, boolean ifExists, boolean cascade) implements Operation {}

    record RenameIndex(String name, String newName, TableRef table) implements Operation {}

    /** REINDEX {INDEX|TABLE|SCHEMA|DATABASE|SYSTEM} target. */
    record Reindex(String kind, String target, boolean concurrently) implements Operation {}

    // ---- constraints -----------------------------------------------------------------------

    record AddConstraint(TableRef table, ConstraintDef constraint) implements Operation {}

    record ValidateConstraint(TableRef table, String name) implements Operation {}

    /**
     * DROP CONSTRAINT / MySQL DROP FOREIGN KEY, DROP PRIMARY KEY, DROP CHECK. {@code kind} is
     * known for the MySQL forms, else null; {@code name} is null for DROP PRIMARY KEY.
     */
    record DropConstraint(TableRef table, String name, ConstraintDef.Kind kind, boolean ifExists, boolean cascade) implements Operation {}

    record RenameConstraint(TableRef table, String name, String newName) implements Operation {}

    // ---- types -----------------------------------------------------------------------------

    /** CREATE TYPE name AS ENUM (...). */
    record CreateEnum(String name, List<String> values) implements Operation {
        public CreateEnum {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }

    /** ALTER TYPE name ADD VALUE [IF NOT EXISTS] 'v' [BEFORE|AFTER 'x']. */
    record AddEnumValue(String type, String value, String before, String after, boolean ifNotExists) implements Operation {}

    /** ALTER TYPE name RENAME VALUE 'a' TO 'b'. */
    record RenameEnumValue(String type, String value, String newValue) implements Operation {}

    /** DROP TYPE. */
    record DropType(String name, boolean ifExists, boolean cascade) implements Operation {}

    // ---- comments --------------------------------------------------------------------------

    /** COMMENT ON TABLE / COLUMN (column null for a table); comment null removes it. */
    record SetComment(TableRef table, String column, String comment) implements Operation {}

    // ---- data ------------------------------------------------------------------------------

    enum DataKind { INSERT, UPDATE, DELETE, MERGE, SELECT, COPY, CALL }

    /** A data statement. {@code hasWhere} is meaningful for UPDATE / DELETE. */
    record DataChange(DataKind kind, TableRef table, boolean hasWhere, List<String> setColumns) implements Operation {
        public DataChange {
            setColumns = setColumns == null ? List.of() : List.copyOf(setColumns);
        }
    }

    /** TRUNCATE (several tables at once possible). */
    record Truncate(List<TableRef> tables, boolean cascade) implements Operation {
        public Truncate {
            tables = List.copyOf(tables);
        }

        @Override
        public TableRef table() {
            return tables.isEmpty() ? null : tables.get(0);
        }
    }

    // ---- transactions and session ----------------------------------------------------------

    enum TxKind { BEGIN, COMMIT, ROLLBACK, SAVEPOINT, RELEASE, ROLLBACK_TO }

    record TransactionControl(TxKind kind) implements Operation {}

    /**
     * SET [LOCAL] name = value, SET SESSION ..., PRAGMA name = value (SQLite). Names lower-case
     * ("lock_timeout", "statement_timeout", "foreign_keys", "search_path").
     */
    record SessionSetting(String name, String value, boolean local) implements Operation {}

    // ---- MySQL specifics -------------------------------------------------------------------

    /** ALTER TABLE ... ALGORITHM=x, LOCK=y (either may be null). */
    record TableAlgorithmLock(TableRef table, String algorithm, String lock) implements Operation {}

    /** ALTER TABLE ... CONVERT TO CHARACTER SET cs / [DEFAULT] CHARACTER SET cs (convert=false). */
    record ConvertCharset(TableRef table, String charset, String collation, boolean convert) implements Operation {}

    /**
     * An ALTER TABLE sub-clause the model does not detail: OWNER TO, ENABLE/DISABLE TRIGGER,
     * ENABLE ROW LEVEL SECURITY, SET LOGGED / UNLOGGED, SET TABLESPACE, SET SCHEMA, REPLICA IDENTITY,
     * ALTER COLUMN ... SET STATISTICS / ADD GENERATED / DROP IDENTITY, MySQL ENGINE=, FORCE,
     * ADD / DROP / REORGANIZE PARTITION... (several of these rewrite or lock the table).
     *
     * @param action its leading keywords upper-case, names left out ("OWNER TO", "SET LOGGED",
     *               "ALTER COLUMN SET STATISTICS", "ENGINE", "DROP PARTITION")
     * @param clause the sub-clause as written
     */
    record AlterTableOther(TableRef table, String action, String clause) implements Operation {}

    /**
     * An explicit table lock: PostgreSQL LOCK [TABLE] a, b [IN mode MODE] (mode upper-case, default
     * "ACCESS EXCLUSIVE"), MySQL LOCK TABLES a READ, b WRITE (mode of the first table).
     */
    record LockTable(List<TableRef> tables, String mode) implements Operation {
        public LockTable {
            tables = List.copyOf(tables);
        }

        @Override
        public TableRef table() {
            return tables.isEmpty() ? null : tables.get(0);
        }
    }

    // ---- partitions ------------------------------------------------------------------------

    record AttachPartition(TableRef table, TableRef partition) implements Operation {}

    record DetachPartition(TableRef table, TableRef partition, boolean concurrently) implements Operation {}

    // ---- schemas, databases, other objects -------------------------------------------------

    /** DROP SCHEMA / DROP DATABASE ({@code database} true). */
    record DropSchema(String name, boolean database, boolean ifExists, boolean cascade) implements Operation {}

    record CreateSchema(String name, boolean ifNotExists) implements Operation {}

    /**
     * Other DDL the safety rules do not model in detail but the rollback planner and readers want
     * to see: views, materialized views, functions, triggers, sequences, extensions, policies.
     *
     * @param verb CREATE, DROP, ALTER, REFRESH...
     * @param kind VIEW, FUNCTION, EXTENSION, SEQUENCE, TRIGGER...
     * @param name object name, or null
     * @param table the table it is defined on (trigger, policy), or null
     */
    record OtherDdl(String verb, String kind, String name, TableRef table, boolean ifExists, boolean orReplace) implements Operation {}

    // ---- code the analysis cannot fully see into -------------------------------------------

    /**
     * Procedural code: a DO block, a function body, a Django RunPython, an Alembic
     * op.execute of a non-literal, a Knex raw builder chain...
     *
     * @param language    "plpgsql", "python", "javascript"...
     * @param description what it is ("DO block", "RunPython(forwards)")
     * @param containsDdl true when the body visibly contains DDL (ddl-in-do-block)
     * @param inner       operations that could be read out of the body (EXECUTE strings, plain DDL)
     */
    record OpaqueCode(String language, String description, boolean containsDdl, List<Operation> inner) implements Operation {
        public OpaqueCode {
            inner = inner == null ? List.of() : List.copyOf(inner);
        }

        /**
         * True when the body runs as the migration runs (a DO block, a RunPython); false for the
         * body of a function, procedure, trigger or event, which only runs when it is called.
         */
        public boolean runsWhenMigrationRuns() {
            String d = description == null ? "" : description;
            return !(d.startsWith("function ") || d.startsWith("procedure ") || d.startsWith("trigger ") || d.startsWith("event "));
        }
    }

    /** A statement or ORM call that could not be understood at all; {@code reason} says why. */
    record Unparsed(String reason) implements Operation {}

    // ---- markers: change nothing in the schema, qualify the statement's other operations -----

    /**
     * Marker (first in its statement): the statement's other operations run only when
     * {@code condition} holds at run time, e.g. an {@code if} in an Alembic upgrade that cannot be
     * decided statically. The schema stage applies them as if it held; the analysis may say the
     * step is conditional.
     */
    record Conditional(String condition) implements Operation {}

    /**
     * Marker (first in its statement): the runner applies the statement's other operations on
     * {@code table} by rebuilding it (new table with the new definition, copy the rows, drop the
     * old one, rename): Alembic batch mode on SQLite, Django's schema editor on SQLite. SQLite's
     * ALTER TABLE restrictions therefore do not apply, but the whole table is rewritten under the
     * migration's write lock. {@code reason} names the runner ("alembic batch_alter_table").
     */
    record TableRebuild(TableRef table, String reason) implements Operation {}
}

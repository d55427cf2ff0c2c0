package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.TableRef;
import java.util.List;
import java.util.OptionalLong;

/**
 * Read-only questions about the data in a live database (data-aware mode). Every method returns
 * empty when it cannot answer (table missing, no permission, timeout); none ever writes.
 */
public interface DataProbe {

    /** Row count estimate from the catalog (pg_class.reltuples, information_schema.TABLES.TABLE_ROWS, count(*) on SQLite). */
    OptionalLong rowEstimate(TableRef table);

    /** Rows where {@code column} IS NULL. */
    OptionalLong nullCount(TableRef table, String column);

    /** Rows that share their {@code columns} values with another row (would break a UNIQUE). */
    OptionalLong duplicateCount(TableRef table, List<String> columns);

    /** Rows whose {@code column} is longer than {@code length} characters. */
    OptionalLong longerThan(TableRef table, String column, int length);

    /** Rows of {@code table} whose {@code columns} point at no row of {@code refTable}({@code refColumns}). */
    OptionalLong orphanCount(TableRef table, List<String> columns, TableRef refTable, List<String> refColumns);

    /** No database: every answer is empty. */
    DataProbe NONE = new DataProbe() {
        @Override
        public OptionalLong rowEstimate(TableRef table) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong nullCount(TableRef table, String column) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong duplicateCount(TableRef table, List<String> columns) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong longerThan(TableRef table, String column, int length) {
            return OptionalLong.empty();
        }

        @Override
        public OptionalLong orphanCount(TableRef table, List<String> columns, TableRef refTable, List<String> refColumns) {
            return OptionalLong.empty();
        }
    };
}

package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import java.util.OptionalLong;

/** A probe that knows nothing; tests override the answers they need. */
class DataProbeStub implements DataProbe {

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
}

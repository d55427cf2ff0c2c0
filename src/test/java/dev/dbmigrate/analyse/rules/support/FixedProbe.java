package dev.dbmigrate.analyse.rules.support;

import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.model.TableRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/** A {@link DataProbe} with canned answers, for rule tests (the real probes are tested against real databases in db.probe). */
public final class FixedProbe implements DataProbe {

    private final Map<String, Long> answers = new HashMap<>();

    public FixedProbe rows(String table, long n) {
        answers.put("rows|" + table, n);
        return this;
    }

    public FixedProbe nulls(String table, String column, long n) {
        answers.put("null|" + table + "|" + column, n);
        return this;
    }

    public FixedProbe longer(String table, String column, int length, long n) {
        answers.put("long|" + table + "|" + column + "|" + length, n);
        return this;
    }

    private OptionalLong get(String key) {
        Long v = answers.get(key);
        return v == null ? OptionalLong.empty() : OptionalLong.of(v);
    }

    @Override
    public OptionalLong rowEstimate(TableRef table) {
        return get("rows|" + table.qualified());
    }

    @Override
    public OptionalLong nullCount(TableRef table, String column) {
        return get("null|" + table.qualified() + "|" + column);
    }

    @Override
    public OptionalLong duplicateCount(TableRef table, List<String> columns) {
        return OptionalLong.empty();
    }

    @Override
    public OptionalLong longerThan(TableRef table, String column, int length) {
        return get("long|" + table.qualified() + "|" + column + "|" + length);
    }

    @Override
    public OptionalLong orphanCount(TableRef table, List<String> columns, TableRef refTable, List<String> refColumns) {
        return OptionalLong.empty();
    }
}

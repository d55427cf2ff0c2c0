package dev.dbmigrate.service;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.List;

/**
 * The schema that a run of parsed migrations builds, kept for the next call: checking a new
 * migration on top of a long history replays the history once per change instead of once per
 * call. Parsed scripts come from the {@link dev.dbmigrate.parse.ParseCache}, so an unchanged
 * history is the same list of instances and is compared by identity.
 */
final class ReplayCache {

    private record Entry(Dialect dialect, List<ParsedScript> scripts, Schema schema) {}

    private static final int CAPACITY = 8;
    private final List<Entry> entries = new ArrayList<>();

    /** A fresh (copy-on-write) schema built by {@code scripts} in order. */
    synchronized Schema replay(List<ParsedScript> scripts, Dialect dialect) {
        for (Entry e : entries) {
            if (e.dialect() == dialect && same(e.scripts(), scripts)) {
                entries.remove(e);
                entries.add(e);
                return e.schema().copy();
            }
        }
        Schema s = new Schema(dialect);
        for (ParsedScript ps : scripts) s.apply(ps);
        entries.add(new Entry(dialect, List.copyOf(scripts), s.copy()));
        if (entries.size() > CAPACITY) entries.remove(0);
        return s;
    }

    private static boolean same(List<ParsedScript> a, List<ParsedScript> b) {
        if (a.size() != b.size()) return false;
        for (int i = 0; i < a.size(); i++) {
            if (a.get(i) != b.get(i)) return false;
        }
        return true;
    }
}

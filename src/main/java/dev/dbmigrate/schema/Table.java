package dev.dbmigrate.schema;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * A table in the replayed schema. Columns are stored as {@link ColumnDef}s whose inline
 * constraint parts (primaryKey, unique, references, check) have been lifted into
 * {@link #constraints()} with their resolved names; every constraint and index has a name.
 */
public final class Table {

    private TableRef ref;
    private final boolean caseInsensitive;
    private final LinkedHashMap<String, ColumnDef> columns = new LinkedHashMap<>();
    private final List<ConstraintDef> constraints = new ArrayList<>();
    private final List<IndexDef> indexes = new ArrayList<>();
    private String comment;
    private boolean complete;
    private String partitionBy;
    /** Set when a {@link Schema#copy()} shares this instance: schemas clone it before changing it. */
    boolean shared;
    /** Index and constraint names (keys), rebuilt lazily after a change. */
    private java.util.Set<String> names;

    Table(TableRef ref, boolean caseInsensitive, boolean complete) {
        this.ref = ref;
        this.caseInsensitive = caseInsensitive;
        this.complete = complete;
    }

    Table copy() {
        Table t = new Table(ref, caseInsensitive, complete);
        t.columns.putAll(columns);
        t.constraints.addAll(constraints);
        t.indexes.addAll(indexes);
        t.comment = comment;
        t.partitionBy = partitionBy;
        return t;
    }

    public TableRef ref() {
        return ref;
    }

    public String name() {
        return ref.name();
    }

    /**
     * True when the table's definition is known (created in the replayed history or read from a
     * live catalog); false for a table that was only ever altered (created outside the history).
     */
    public boolean complete() {
        return complete;
    }

    public String comment() {
        return comment;
    }

    public String partitionBy() {
        return partitionBy;
    }

    public Collection<ColumnDef> columns() {
        return List.copyOf(columns.values());
    }

    public List<String> columnNames() {
        List<String> names = new ArrayList<>();
        for (ColumnDef c : columns.values()) names.add(c.name());
        return names;
    }

    public Optional<ColumnDef> column(String name) {
        return Optional.ofNullable(columns.get(key(name)));
    }

    public boolean hasColumn(String name) {
        return columns.containsKey(key(name));
    }

    public List<ConstraintDef> constraints() {
        return List.copyOf(constraints);
    }

    public List<IndexDef> indexes() {
        return List.copyOf(indexes);
    }

    public Optional<ConstraintDef> constraint(String name) {
        return constraints.stream().filter(c -> same(c.name(), name)).findFirst();
    }

    public Optional<ConstraintDef> primaryKey() {
        return constraints.stream().filter(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY).findFirst();
    }

    public Optional<IndexDef> index(String name) {
        return indexes.stream().filter(i -> same(i.name(), name)).findFirst();
    }

    /**
     * True when an index, primary key or unique constraint has {@code cols} as its leading
     * columns (so lookups by those columns can use it).
     */
    public boolean hasIndexLeadingWith(List<String> cols) {
        if (cols.isEmpty()) return true;
        for (IndexDef i : indexes) {
            if (i.where() == null && leads(i.columns(), cols)) return true;
        }
        for (ConstraintDef c : constraints) {
            if ((c.kind() == ConstraintDef.Kind.PRIMARY_KEY || c.kind() == ConstraintDef.Kind.UNIQUE) && leads(c.columns(), cols)) return true;
        }
        return false;
    }

    private boolean leads(List<String> have, List<String> want) {
        if (have.size() < want.size()) return false;
        for (int i = 0; i < want.size(); i++) {
            String h = have.get(i).trim();
            // "email DESC", "email text_pattern_ops" lead with the column too
            int sp = h.indexOf(' ');
            if (sp > 0) h = h.substring(0, sp);
            if (!same(stripQuotes(h), want.get(i))) return false;
        }
        return true;
    }

    private static String stripQuotes(String s) {
        if (s.length() >= 2 && (s.charAt(0) == '"' || s.charAt(0) == '`') && s.charAt(s.length() - 1) == s.charAt(0)) {
            return s.substring(1, s.length() - 1);
        }
        return s;
    }

    boolean same(String a, String b) {
        if (a == null || b == null) return a == b;
        return caseInsensitive ? a.equalsIgnoreCase(b) : a.equals(b);
    }

    String key(String name) {
        return caseInsensitive ? name.toLowerCase(Locale.ROOT) : name;
    }

    // ---- mutation (package-private: only Schema changes tables) ----

    void rename(TableRef newRef) {
        this.ref = newRef;
        List<IndexDef> moved = new ArrayList<>();
        for (IndexDef i : indexes) moved.add(i.withTable(newRef));
        indexes.clear();
        indexes.addAll(moved);
    }

    void markComplete() {
        complete = true;
    }

    void setComment(String c) {
        comment = c;
    }

    void setPartitionBy(String p) {
        partitionBy = p;
    }

    void putColumn(ColumnDef c) {
        columns.put(key(c.name()), c);
    }

    /** Replaces column {@code oldName} by {@code c}, keeping its position. */
    void replaceColumn(String oldName, ColumnDef c) {
        LinkedHashMap<String, ColumnDef> copy = new LinkedHashMap<>(columns);
        columns.clear();
        for (Map.Entry<String, ColumnDef> e : copy.entrySet()) {
            if (e.getKey().equals(key(oldName))) columns.put(key(c.name()), c);
            else columns.put(e.getKey(), e.getValue());
        }
        if (!copy.containsKey(key(oldName))) columns.put(key(c.name()), c);
    }

    ColumnDef removeColumn(String name) {
        return columns.remove(key(name));
    }

    List<ConstraintDef> mutableConstraints() {
        names = null;
        return constraints;
    }

    List<IndexDef> mutableIndexes() {
        names = null;
        return indexes;
    }

    /** True when an index or constraint of this table has that name. */
    boolean hasObjectNamed(String name) {
        if (names == null) {
            java.util.Set<String> n = new java.util.HashSet<>();
            for (IndexDef i : indexes) if (i.name() != null) n.add(key(i.name()));
            for (ConstraintDef c : constraints) if (c.name() != null) n.add(key(c.name()));
            names = n;
        }
        return names.contains(key(name));
    }

    @Override
    public String toString() {
        return "Table[" + ref + ", columns=" + columns.keySet() + "]";
    }
}

package dev.dbmigrate.schema;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.AddColumn;
import dev.dbmigrate.model.Operation.AddConstraint;
import dev.dbmigrate.model.Operation.AddEnumValue;
import dev.dbmigrate.model.Operation.AlterColumnDefault;
import dev.dbmigrate.model.Operation.AlterColumnNullability;
import dev.dbmigrate.model.Operation.AlterColumnType;
import dev.dbmigrate.model.Operation.CreateEnum;
import dev.dbmigrate.model.Operation.CreateIndex;
import dev.dbmigrate.model.Operation.CreateTable;
import dev.dbmigrate.model.Operation.DropColumn;
import dev.dbmigrate.model.Operation.DropConstraint;
import dev.dbmigrate.model.Operation.DropIndex;
import dev.dbmigrate.model.Operation.DropSchema;
import dev.dbmigrate.model.Operation.DropTable;
import dev.dbmigrate.model.Operation.DropType;
import dev.dbmigrate.model.Operation.OpaqueCode;
import dev.dbmigrate.model.Operation.RedefineColumn;
import dev.dbmigrate.model.Operation.RenameColumn;
import dev.dbmigrate.model.Operation.RenameConstraint;
import dev.dbmigrate.model.Operation.RenameEnumValue;
import dev.dbmigrate.model.Operation.RenameIndex;
import dev.dbmigrate.model.Operation.RenameTable;
import dev.dbmigrate.model.Operation.SetComment;
import dev.dbmigrate.model.Operation.ValidateConstraint;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The schema that a sequence of migrations builds: tables with columns (type, nullability,
 * default, identity, comment), indexes (unique, partial, method), constraints with the names the
 * database gives them, and enum types. Built by replaying {@link Operation}s in order with
 * {@link #apply}; also built from a live catalog for drift and dry-run comparisons.
 *
 * <p>Replay is forgiving: an operation on an unknown table creates an incomplete placeholder
 * table ({@link Table#complete()} false) rather than failing, because real projects often start
 * from a database that predates their migrations. Not thread-safe; {@link #copy()} is cheap
 * enough to snapshot the state before each migration.
 */
public final class Schema {

    private final Dialect dialect;
    private final LinkedHashMap<String, Table> tables = new LinkedHashMap<>();
    private final LinkedHashMap<String, EnumType> enums = new LinkedHashMap<>();
    /** Undo journal (see {@link #beginJournal()}): the first state of every table/enum key changed since. */
    private Map<String, Table> journal;
    private Map<String, EnumType> enumJournal;
    /**
     * Every index, constraint and table name key ever used in this schema or the one it was copied
     * from (never shrinks; shared by copies). A name not in it is certainly free, which makes the
     * implicit-name and by-name lookups O(1) in the common case instead of a scan of every table.
     */
    private java.util.Set<String> everNamed = new java.util.HashSet<>();

    public Schema(Dialect dialect) {
        this.dialect = dialect == null ? Dialect.POSTGRESQL : dialect;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Schema copy() {
        Schema s = new Schema(dialect);
        // copy-on-write: both schemas share the tables until one of them changes a table
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            e.getValue().shared = true;
            s.tables.put(e.getKey(), e.getValue());
        }
        s.enums.putAll(enums);
        s.everNamed = everNamed;
        return s;
    }

    // ---- journal ---------------------------------------------------------------------------

    /**
     * Starts remembering the state of everything changed from now on, so that {@link #journalSnapshot()}
     * can give the schema as it was here without copying it up front (the rule engine needs "the
     * schema before this migration" only now and then, and copying a large schema for each of
     * thousands of migrations is quadratic).
     */
    public void beginJournal() {
        journal = new java.util.HashMap<>();
        enumJournal = new java.util.HashMap<>();
    }

    /** The schema as it was at {@link #beginJournal()}. */
    public Schema journalSnapshot() {
        Schema s = copy();
        if (journal == null) return s;
        for (Map.Entry<String, Table> e : journal.entrySet()) {
            if (e.getValue() == null) s.tables.remove(e.getKey());
            else s.tables.put(e.getKey(), e.getValue());
        }
        for (Map.Entry<String, EnumType> e : enumJournal.entrySet()) {
            if (e.getValue() == null) s.enums.remove(e.getKey());
            else s.enums.put(e.getKey(), e.getValue());
        }
        return s;
    }

    /**
     * Applies {@code op}, lets {@code probe} look at the result, then undoes it: "what would this
     * operation do" (e.g. the implicit name a constraint gets) without copying the schema.
     */
    public <T> T trial(Operation op, java.util.function.Function<Schema, T> probe) {
        Map<String, Table> outer = journal;
        Map<String, EnumType> outerEnums = enumJournal;
        beginJournal();
        try {
            apply(op);
            return probe.apply(this);
        } finally {
            for (Map.Entry<String, Table> e : journal.entrySet()) {
                if (e.getValue() == null) tables.remove(e.getKey());
                else tables.put(e.getKey(), e.getValue());
            }
            for (Map.Entry<String, EnumType> e : enumJournal.entrySet()) {
                if (e.getValue() == null) enums.remove(e.getKey());
                else enums.put(e.getKey(), e.getValue());
            }
            journal = outer;
            enumJournal = outerEnums;
        }
    }

    /** The table as it was at {@link #beginJournal()} (cheap: no copy of the schema). */
    public Optional<Table> journaledTable(TableRef ref) {
        String k = key(ref);
        if (journal != null && journal.containsKey(k)) return Optional.ofNullable(journal.get(k));
        return table(ref);
    }

    public void endJournal() {
        journal = null;
        enumJournal = null;
    }

    /** Records the state of a table key before its first change since {@link #beginJournal()}. */
    private void touch(String k) {
        if (journal == null || journal.containsKey(k)) return;
        Table t = tables.get(k);
        if (t != null) t.shared = true; // frozen: whoever changes it from now on clones it
        journal.put(k, t);
    }

    private void touchEnum(String k) {
        if (enumJournal != null && !enumJournal.containsKey(k)) enumJournal.put(k, enums.get(k));
    }

    // ---- queries ---------------------------------------------------------------------------

    public Collection<Table> tables() {
        return List.copyOf(tables.values());
    }

    public Optional<Table> table(TableRef ref) {
        return ref == null ? Optional.empty() : Optional.ofNullable(tables.get(key(ref)));
    }

    public boolean hasTable(TableRef ref) {
        return table(ref).isPresent();
    }

    public Collection<EnumType> enums() {
        return List.copyOf(enums.values());
    }

    public Optional<EnumType> enumType(String name) {
        return Optional.ofNullable(enums.get(nameKey(name)));
    }

    /** The table holding the index (or index-backed constraint) {@code name}. */
    public Optional<Table> tableOfIndex(String name) {
        if (!mayBeNamed(name)) return Optional.empty();
        for (Table t : tables.values()) {
            if (t.hasObjectNamed(name) && t.index(name).isPresent()) return Optional.of(t);
        }
        for (Table t : tables.values()) {
            if (!t.hasObjectNamed(name)) continue;
            Optional<ConstraintDef> c = t.constraint(name);
            if (c.isPresent() && (c.get().kind() == ConstraintDef.Kind.UNIQUE || c.get().kind() == ConstraintDef.Kind.PRIMARY_KEY)) return Optional.of(t);
        }
        return Optional.empty();
    }

    public Optional<IndexDef> index(String name) {
        if (!mayBeNamed(name)) return Optional.empty();
        for (Table t : tables.values()) {
            if (!t.hasObjectNamed(name)) continue;
            Optional<IndexDef> i = t.index(name);
            if (i.isPresent()) return i;
        }
        return Optional.empty();
    }

    /** The table that holds constraint {@code name} (PostgreSQL constraint names are per table; first match). */
    public Optional<Table> tableOfConstraint(String name) {
        if (!mayBeNamed(name)) return Optional.empty();
        for (Table t : tables.values()) {
            if (t.hasObjectNamed(name) && t.constraint(name).isPresent()) return Optional.of(t);
        }
        return Optional.empty();
    }

    /** Foreign keys in other tables that reference {@code ref}. */
    public List<Map.Entry<Table, ConstraintDef>> referencing(TableRef ref) {
        List<Map.Entry<Table, ConstraintDef>> out = new ArrayList<>();
        String k = key(ref);
        for (Table t : tables.values()) {
            for (ConstraintDef c : t.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.refTable() != null && key(c.refTable()).equals(k)) {
                    out.add(Map.entry(t, c));
                }
            }
        }
        return out;
    }

    /** The storage key of a table reference: the default schema (public / main) is dropped. */
    public String key(TableRef ref) {
        String schema = ref.schema();
        if (schema != null) {
            String s = schema.toLowerCase(Locale.ROOT);
            if (s.equals("public") || s.equals("main") || s.equals("dbo")) schema = null;
        }
        String k = schema == null ? ref.name() : schema + "." + ref.name();
        return nameKey(k);
    }

    private String nameKey(String name) {
        if (name == null) return null;
        return dialect == Dialect.POSTGRESQL ? name : name.toLowerCase(Locale.ROOT);
    }

    private boolean caseInsensitive() {
        return dialect != Dialect.POSTGRESQL;
    }

    private boolean mayBeNamed(String name) {
        return name != null && everNamed.contains(name.toLowerCase(Locale.ROOT));
    }

    private void named(String name) {
        if (name != null) everNamed.add(name.toLowerCase(Locale.ROOT));
    }

    // ---- replay ----------------------------------------------------------------------------

    /** Applies every operation of every statement of a parsed script, in order. */
    public void apply(ParsedScript script) {
        for (Statement st : script.statements()) {
            for (Operation op : st.operations()) apply(op);
        }
    }

    /** Applies one operation. Operations that do not change the schema are ignored. */
    public void apply(Operation op) {
        if (op instanceof CreateTable ct) createTable(ct);
        else if (op instanceof DropTable dt) dropTable(dt.table(), dt.cascade());
        else if (op instanceof RenameTable rt) renameTable(rt.table(), rt.newName());
        else if (op instanceof AddColumn ac) addColumn(ac);
        else if (op instanceof DropColumn dc) dropColumn(dc.table(), dc.column());
        else if (op instanceof RenameColumn rc) renameColumn(rc.table(), rc.column(), rc.newName());
        else if (op instanceof AlterColumnType at) updateColumn(at.table(), at.column(), c -> c.withType(at.type()));
        else if (op instanceof AlterColumnNullability an) updateColumn(an.table(), an.column(), c -> c.withNotNull(an.notNull()));
        else if (op instanceof AlterColumnDefault ad) updateColumn(ad.table(), ad.column(), c -> c.withDefault(ad.defaultExpr()));
        else if (op instanceof RedefineColumn rd) redefineColumn(rd);
        else if (op instanceof CreateIndex ci) createIndex(ci);
        else if (op instanceof DropIndex di) dropIndex(di.name(), di.table());
        else if (op instanceof RenameIndex ri) renameIndex(ri);
        else if (op instanceof AddConstraint ac) addConstraint(tableFor(ac.table()), ac.constraint());
        else if (op instanceof ValidateConstraint vc) validateConstraint(vc);
        else if (op instanceof DropConstraint dc) dropConstraint(dc);
        else if (op instanceof RenameConstraint rc) renameConstraint(rc);
        else if (op instanceof CreateEnum ce) {
            touchEnum(nameKey(ce.name()));
            enums.put(nameKey(ce.name()), new EnumType(ce.name(), ce.values()));
        }
        else if (op instanceof AddEnumValue av) addEnumValue(av);
        else if (op instanceof RenameEnumValue rv) renameEnumValue(rv);
        else if (op instanceof DropType dt) {
            touchEnum(nameKey(dt.name()));
            enums.remove(nameKey(dt.name()));
        }
        else if (op instanceof SetComment sc) setComment(sc);
        else if (op instanceof DropSchema ds) dropSchema(ds);
        else if (op instanceof OpaqueCode oc && oc.runsWhenMigrationRuns()) oc.inner().forEach(this::apply);
    }

    /** The table to change (owned by this schema), created as an incomplete placeholder when unknown. */
    private Table tableFor(TableRef ref) {
        String k = key(ref);
        touch(k);
        return own(tables.computeIfAbsent(k, x -> new Table(ref, caseInsensitive(), false)));
    }

    /** This schema's own instance of {@code t}, cloned first when it is shared with a copy. */
    private Table own(Table t) {
        touch(key(t.ref()));
        if (!t.shared) return t;
        Table mine = t.copy();
        tables.put(key(t.ref()), mine);
        return mine;
    }

    /** Applies {@code change} to every table that {@code needs} it, cloning shared ones first. */
    private void changeTables(java.util.function.Predicate<Table> needs, java.util.function.Consumer<Table> change) {
        for (Table t : List.copyOf(tables.values())) {
            if (needs.test(t)) change.accept(own(t));
        }
    }

    private void createTable(CreateTable ct) {
        String k = key(ct.table());
        touch(k);
        Table existing = tables.get(k);
        if (existing != null && existing.complete() && ct.ifNotExists()) return;
        Table t = new Table(ct.table(), caseInsensitive(), true);
        named(ct.table().name());
        if (ct.partitionBy() != null) t.setPartitionBy(ct.partitionBy());
        tables.put(k, t);
        for (ColumnDef c : ct.columns()) addColumnTo(t, c);
        for (ConstraintDef c : ct.constraints()) addConstraint(t, c);
        if (ct.asSelect() && ct.columns().isEmpty()) {
            // CREATE TABLE AS SELECT: the columns are unknown
            tables.put(k, new Table(ct.table(), caseInsensitive(), false));
        }
    }

    private void dropTable(TableRef ref, boolean cascadeIgnored) {
        touch(key(ref));
        Table removed = tables.remove(key(ref));
        if (removed == null) return;
        // Foreign keys elsewhere that pointed at it: PostgreSQL refuses without CASCADE and drops them with it;
        // MySQL/SQLite leave dangling definitions. Drop them from the model in every case so the
        // state stays consistent.
        java.util.function.Predicate<ConstraintDef> pointsAtIt = c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.refTable() != null
                && key(c.refTable()).equals(key(removed.ref()));
        changeTables(t -> t.constraints().stream().anyMatch(pointsAtIt), t -> t.mutableConstraints().removeIf(pointsAtIt));
    }

    private void renameTable(TableRef ref, String newName) {
        TableRef newRef = new TableRef(ref.schema(), newName);
        touch(key(ref));
        touch(key(newRef));
        Table t = tables.remove(key(ref));
        t = t == null ? new Table(ref, caseInsensitive(), false) : t.shared ? t.copy() : t;
        t.rename(newRef);
        named(newName);
        tables.put(key(newRef), t);
        // references to the old name follow the table
        String oldKey = key(ref);
        changeTables(other -> other.constraints().stream().anyMatch(c -> c.refTable() != null && key(c.refTable()).equals(oldKey)), other -> {
            List<ConstraintDef> cs = other.mutableConstraints();
            for (int i = 0; i < cs.size(); i++) {
                ConstraintDef c = cs.get(i);
                if (c.refTable() != null && key(c.refTable()).equals(oldKey)) {
                    cs.set(i, new ConstraintDef(c.name(), c.kind(), c.columns(), newRef, c.refColumns(), c.onDelete(), c.onUpdate(),
                            c.expression(), c.notValid(), c.usingIndex(), c.deferrable()));
                }
            }
        });
    }

    private void addColumn(AddColumn ac) {
        Table t = tableFor(ac.table());
        if (t.hasColumn(ac.column().name()) && ac.ifNotExists()) return;
        addColumnTo(t, ac.column());
    }

    /** Adds a column and lifts its inline constraints into named table constraints. */
    private void addColumnTo(Table t, ColumnDef c) {
        boolean pk = c.primaryKey();
        ColumnDef stored = new ColumnDef(c.name(), c.type(), c.notNull() || pk, c.defaultExpr(), false, false, null,
                c.generated(), null, c.autoIncrement(), c.collation(), c.comment());
        t.putColumn(stored);
        List<String> cols = List.of(c.name());
        if (pk) addConstraint(t, ConstraintDef.primaryKey(null, cols));
        if (c.unique()) addConstraint(t, ConstraintDef.unique(null, cols));
        if (c.references() != null) {
            ColumnDef.ForeignKeyRef r = c.references();
            addConstraint(t, ConstraintDef.foreignKey(null, cols, r.table(), r.column() == null ? List.of() : List.of(r.column()), r.onDelete(), r.onUpdate()));
        }
        if (c.check() != null) {
            addConstraint(t, new ConstraintDef(null, ConstraintDef.Kind.CHECK, cols, null, null, null, null, c.check(), false, null, false));
        }
    }

    private void dropColumn(TableRef ref, String column) {
        Table t = tableFor(ref);
        t.removeColumn(column);
        // PostgreSQL drops indexes and constraints that involve the column; so do the others (or they refuse).
        t.mutableIndexes().removeIf(i -> i.columns().stream().anyMatch(c -> t.same(ImplicitNames.simpleColumn(c), column)));
        t.mutableConstraints().removeIf(c -> c.columns().stream().anyMatch(col -> t.same(col, column)));
    }

    private void renameColumn(TableRef ref, String from, String to) {
        Table t = tableFor(ref);
        ColumnDef c = t.column(from).orElse(ColumnDef.of(from, null, false, null));
        t.replaceColumn(from, c.withName(to));
        List<IndexDef> idx = t.mutableIndexes();
        for (int i = 0; i < idx.size(); i++) {
            IndexDef d = idx.get(i);
            idx.set(i, new IndexDef(d.name(), d.table(), renameIn(t, d.columns(), from, to), d.unique(), d.method(), d.where(), renameIn(t, d.include(), from, to)));
        }
        List<ConstraintDef> cs = t.mutableConstraints();
        for (int i = 0; i < cs.size(); i++) {
            ConstraintDef d = cs.get(i);
            cs.set(i, new ConstraintDef(d.name(), d.kind(), renameIn(t, d.columns(), from, to), d.refTable(), d.refColumns(), d.onDelete(), d.onUpdate(),
                    d.expression(), d.notValid(), d.usingIndex(), d.deferrable()));
        }
        String tk = key(t.ref());
        changeTables(other -> other.constraints().stream().anyMatch(d -> d.refTable() != null && key(d.refTable()).equals(tk)), other -> {
            List<ConstraintDef> ocs = other.mutableConstraints();
            for (int i = 0; i < ocs.size(); i++) {
                ConstraintDef d = ocs.get(i);
                if (d.refTable() != null && key(d.refTable()).equals(tk)) {
                    ocs.set(i, new ConstraintDef(d.name(), d.kind(), d.columns(), d.refTable(), renameIn(other, d.refColumns(), from, to), d.onDelete(),
                            d.onUpdate(), d.expression(), d.notValid(), d.usingIndex(), d.deferrable()));
                }
            }
        });
    }

    private static List<String> renameIn(Table t, List<String> cols, String from, String to) {
        List<String> out = new ArrayList<>(cols.size());
        for (String c : cols) {
            String simple = ImplicitNames.simpleColumn(c);
            if (t.same(simple, from)) {
                String trimmed = c.trim();
                int sp = trimmed.indexOf(' ');
                out.add(sp > 0 ? to + trimmed.substring(sp) : to);
            } else {
                out.add(c);
            }
        }
        return out;
    }

    private void updateColumn(TableRef ref, String column, java.util.function.UnaryOperator<ColumnDef> change) {
        Table t = tableFor(ref);
        ColumnDef c = t.column(column).orElse(ColumnDef.of(column, null, false, null));
        t.replaceColumn(column, change.apply(c));
    }

    private void redefineColumn(RedefineColumn rd) {
        Table t = tableFor(rd.table());
        ColumnDef d = rd.definition();
        ColumnDef old = t.column(rd.column()).orElse(null);
        ColumnDef stored = new ColumnDef(d.name(), d.type(), d.notNull() || d.primaryKey(), d.defaultExpr(), false, false, null,
                d.generated(), null, d.autoIncrement(), d.collation(), d.comment() != null ? d.comment() : old == null ? null : old.comment());
        if (!t.same(rd.column(), d.name())) renameColumn(rd.table(), rd.column(), d.name());
        t.replaceColumn(d.name(), stored);
        if (d.primaryKey() && t.primaryKey().isEmpty()) addConstraint(t, ConstraintDef.primaryKey(null, List.of(d.name())));
        if (d.unique()) addConstraint(t, ConstraintDef.unique(null, List.of(d.name())));
        if (d.references() != null) {
            ColumnDef.ForeignKeyRef r = d.references();
            addConstraint(t, ConstraintDef.foreignKey(null, List.of(d.name()), r.table(), r.column() == null ? List.of() : List.of(r.column()), r.onDelete(), r.onUpdate()));
        }
    }

    private void createIndex(CreateIndex ci) {
        IndexDef def = ci.index();
        Table t = tableFor(def.table());
        if (def.name() != null && (index(def.name()).isPresent() || t.constraint(def.name()).isPresent())) {
            return; // IF NOT EXISTS, or a duplicate the database would refuse: keep the first definition
        }
        String name = def.name() != null ? def.name() : implicitIndexName(t, def);
        named(name);
        t.mutableIndexes().add(def.withName(name).withTable(t.ref()));
    }

    private String implicitIndexName(Table t, IndexDef def) {
        if (dialect.isMysqlFamily()) return mysqlIndexName(t, def.columns().isEmpty() ? "idx" : ImplicitNames.simpleColumn(def.columns().get(0)));
        return ImplicitNames.pgChooseName(t.name(), ImplicitNames.pgColumnPart(def.columns()), "idx", this::nameTaken);
    }

    private String mysqlIndexName(Table t, String base) {
        String name = base;
        int n = 2;
        while (t.index(name).isPresent() || t.constraint(name).isPresent()) name = base + "_" + n++;
        return name;
    }

    /** PostgreSQL: index names are unique in the schema and share it with constraint-backed indexes. */
    private boolean nameTaken(String name) {
        if (!mayBeNamed(name)) return false;
        for (Table t : tables.values()) {
            if (t.hasObjectNamed(name) || t.same(t.name(), name)) return true;
        }
        return false;
    }

    private void dropIndex(String name, TableRef ref) {
        List<Table> candidates = new ArrayList<>();
        if (ref != null) table(ref).ifPresent(candidates::add);
        candidates.addAll(tables.values());
        if (!mayBeNamed(name)) return;
        for (Table t : candidates) {
            if (!t.hasObjectNamed(name)) continue;
            if (t.index(name).isPresent()) {
                Table mine = own(t);
                mine.mutableIndexes().removeIf(i -> mine.same(i.name(), name));
                return;
            }
            // MySQL: a UNIQUE constraint is an index; DROP INDEX removes it
            java.util.function.Predicate<ConstraintDef> backed = c -> t.same(c.name(), name)
                    && (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY);
            if (dialect.isMysqlFamily() && t.constraints().stream().anyMatch(backed)) {
                own(t).mutableConstraints().removeIf(backed);
                return;
            }
        }
    }

    private void renameIndex(RenameIndex ri) {
        Optional<Table> t = ri.table() != null ? table(ri.table()) : tableOfIndex(ri.name());
        if (t.isEmpty()) return;
        Table table = own(t.get());
        List<IndexDef> idx = table.mutableIndexes();
        for (int i = 0; i < idx.size(); i++) {
            if (table.same(idx.get(i).name(), ri.name())) {
                named(ri.newName());
                idx.set(i, idx.get(i).withName(ri.newName()));
                return;
            }
        }
        List<ConstraintDef> cs = table.mutableConstraints();
        for (int i = 0; i < cs.size(); i++) {
            if (table.same(cs.get(i).name(), ri.name())) {
                named(ri.newName());
                cs.set(i, cs.get(i).withName(ri.newName()));
                return;
            }
        }
    }

    /** Adds a constraint, giving it the database's implicit name when it has none. */
    void addConstraint(Table t, ConstraintDef c) {
        ConstraintDef named = c.name() != null ? c : c.withName(implicitConstraintName(t, c));
        if (named.usingIndex() != null) {
            // ADD CONSTRAINT ... USING INDEX idx: the index becomes the constraint's (renamed to it)
            String using = named.usingIndex();
            Optional<IndexDef> idx = t.index(using).or(() -> index(using));
            if (idx.isPresent()) {
                t.mutableIndexes().removeIf(i -> t.same(i.name(), using));
                if (named.columns().isEmpty()) {
                    named = new ConstraintDef(named.name(), named.kind(), idx.get().columns(), null, null, null, null, null, false, named.usingIndex(), named.deferrable());
                }
            }
        }
        if (named.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            t.mutableConstraints().removeIf(x -> x.kind() == ConstraintDef.Kind.PRIMARY_KEY);
            for (String col : named.columns()) {
                t.column(col).ifPresent(cd -> t.replaceColumn(cd.name(), cd.withNotNull(true)));
            }
        }
        final ConstraintDef toAdd = named;
        named(toAdd.name());
        t.mutableConstraints().removeIf(x -> t.same(x.name(), toAdd.name()));
        t.mutableConstraints().add(toAdd);
    }

    private String implicitConstraintName(Table t, ConstraintDef c) {
        if (dialect.isMysqlFamily()) {
            return switch (c.kind()) {
                case PRIMARY_KEY -> "PRIMARY";
                case UNIQUE -> mysqlIndexName(t, c.columns().isEmpty() ? "unique" : c.columns().get(0));
                case FOREIGN_KEY -> t.name() + "_ibfk_" + nextNumber(t, t.name() + "_ibfk_");
                case CHECK, EXCLUDE -> dialect == Dialect.MARIADB
                        ? (c.columns().size() == 1 ? c.columns().get(0) : "CONSTRAINT_" + nextNumber(t, "CONSTRAINT_"))
                        : t.name() + "_chk_" + nextNumber(t, t.name() + "_chk_");
            };
        }
        String cols;
        if (c.kind() == ConstraintDef.Kind.CHECK) {
            cols = c.columns().isEmpty() ? ImplicitNames.firstColumnIn(c.expression(), t::hasColumn) : c.columns().get(0);
        } else {
            cols = ImplicitNames.pgColumnPart(c.columns());
        }
        if (c.kind() == ConstraintDef.Kind.PRIMARY_KEY) cols = null;
        if (dialect == Dialect.SQLITE && (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY)) {
            return "sqlite_autoindex_" + t.name() + "_" + (countIndexBacked(t) + 1);
        }
        return ImplicitNames.pgChooseName(t.name(), cols, ImplicitNames.pgLabel(c.kind()),
                c.kind() == ConstraintDef.Kind.CHECK || c.kind() == ConstraintDef.Kind.FOREIGN_KEY
                        ? n -> t.constraint(n).isPresent()
                        : this::nameTaken);
    }

    private static int countIndexBacked(Table t) {
        int n = 0;
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() == ConstraintDef.Kind.UNIQUE || c.kind() == ConstraintDef.Kind.PRIMARY_KEY) n++;
        }
        return n;
    }

    private static int nextNumber(Table t, String prefix) {
        int max = 0;
        for (ConstraintDef c : t.constraints()) {
            if (c.name() != null && c.name().startsWith(prefix)) {
                try {
                    max = Math.max(max, Integer.parseInt(c.name().substring(prefix.length())));
                } catch (NumberFormatException ignored) {
                    // a user-chosen name that happens to share the prefix
                }
            }
        }
        return max + 1;
    }

    private void validateConstraint(ValidateConstraint vc) {
        Table t = tableFor(vc.table());
        List<ConstraintDef> cs = t.mutableConstraints();
        for (int i = 0; i < cs.size(); i++) {
            if (t.same(cs.get(i).name(), vc.name())) cs.set(i, cs.get(i).withNotValid(false));
        }
    }

    private void dropConstraint(DropConstraint dc) {
        Table t = tableFor(dc.table());
        if (dc.name() == null && dc.kind() == ConstraintDef.Kind.PRIMARY_KEY) {
            t.mutableConstraints().removeIf(c -> c.kind() == ConstraintDef.Kind.PRIMARY_KEY);
            return;
        }
        boolean removed = t.mutableConstraints().removeIf(c -> t.same(c.name(), dc.name()));
        if (!removed && dialect.isMysqlFamily()) {
            t.mutableIndexes().removeIf(i -> t.same(i.name(), dc.name()));
        }
    }

    private void renameConstraint(RenameConstraint rc) {
        Table t = tableFor(rc.table());
        List<ConstraintDef> cs = t.mutableConstraints();
        for (int i = 0; i < cs.size(); i++) {
            if (t.same(cs.get(i).name(), rc.name())) {
                named(rc.newName());
                cs.set(i, cs.get(i).withName(rc.newName()));
            }
        }
    }

    private void addEnumValue(AddEnumValue av) {
        touchEnum(nameKey(av.type()));
        EnumType e = enums.get(nameKey(av.type()));
        List<String> values = e == null ? new ArrayList<>() : new ArrayList<>(e.values());
        if (values.contains(av.value())) return;
        int at = values.size();
        if (av.before() != null && values.contains(av.before())) at = values.indexOf(av.before());
        else if (av.after() != null && values.contains(av.after())) at = values.indexOf(av.after()) + 1;
        values.add(at, av.value());
        enums.put(nameKey(av.type()), new EnumType(e == null ? av.type() : e.name(), values));
    }

    private void renameEnumValue(RenameEnumValue rv) {
        touchEnum(nameKey(rv.type()));
        EnumType e = enums.get(nameKey(rv.type()));
        if (e == null) return;
        List<String> values = new ArrayList<>(e.values());
        int i = values.indexOf(rv.value());
        if (i >= 0) values.set(i, rv.newValue());
        enums.put(nameKey(rv.type()), new EnumType(e.name(), values));
    }

    private void setComment(SetComment sc) {
        Table t = tableFor(sc.table());
        if (sc.column() == null) {
            t.setComment(sc.comment());
        } else {
            updateColumn(sc.table(), sc.column(), c -> c.withComment(sc.comment()));
        }
    }

    private void dropSchema(DropSchema ds) {
        if (ds.database()) {
            tables.keySet().forEach(this::touch);
            enums.keySet().forEach(this::touchEnum);
            tables.clear();
            enums.clear();
            return;
        }
        String prefix = nameKey(ds.name()) + ".";
        for (String k : List.copyOf(tables.keySet())) {
            if (k.startsWith(prefix)) {
                touch(k);
                tables.remove(k);
            }
        }
    }

    // ---- builders used by catalog readers --------------------------------------------------

    /** Adds (or replaces) a complete table with stored columns; constraints/indexes added separately. */
    public Table putTable(TableRef ref, List<ColumnDef> columns, String comment) {
        Table t = new Table(ref, caseInsensitive(), true);
        for (ColumnDef c : columns) t.putColumn(c);
        t.setComment(comment);
        touch(key(ref));
        named(ref.name());
        tables.put(key(ref), t);
        return t;
    }

    /** Adds a named constraint to a table put with {@link #putTable}. */
    public void putConstraint(TableRef ref, ConstraintDef c) {
        addConstraint(tableFor(ref), Objects.requireNonNull(c));
    }

    /** Adds a named index to a table put with {@link #putTable}. */
    public void putIndex(IndexDef index) {
        Table t = tableFor(index.table());
        named(index.name());
        t.mutableIndexes().removeIf(i -> t.same(i.name(), index.name()));
        t.mutableIndexes().add(index.withTable(t.ref()));
    }

    public void putEnum(EnumType e) {
        touchEnum(nameKey(e.name()));
        enums.put(nameKey(e.name()), e);
    }

    @Override
    public String toString() {
        return "Schema[" + dialect + ", tables=" + tables.keySet() + ", enums=" + enums.keySet() + "]";
    }
}

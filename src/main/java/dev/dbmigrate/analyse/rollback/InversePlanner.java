package dev.dbmigrate.analyse.rollback;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.DdlWriter;
import dev.dbmigrate.schema.EnumType;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import dev.dbmigrate.schema.TypeChanges;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Generates the inverse of a migration from the schema before it: walks the operations forward,
 * computing each one's inverse against the state just before it, then returns the inverses in
 * reverse order. Dialect-aware (MySQL MODIFY, SQLite table rebuilds, PostgreSQL enums and
 * implicit names).
 */
public final class InversePlanner {

    /** One planned step: the inverse of one operation at one statement. */
    public record PlannedStep(Statement statement, Operation operation, Inverse inverse) {}

    private final Dialect dialect;
    private final DdlWriter ddl;

    public InversePlanner(Dialect dialect) {
        this.dialect = dialect;
        this.ddl = new DdlWriter(dialect);
    }

    /**
     * @param before the schema before the migration (not changed)
     * @param up     the migration's parsed up script
     * @return the inverse steps in the order they must run (last operation first)
     */
    public List<PlannedStep> plan(Schema before, ParsedScript up) {
        Schema s = before.copy();
        List<PlannedStep> steps = new ArrayList<>();
        java.util.Set<String> createdHere = new java.util.HashSet<>();
        Map<Operation, TableRef> replacedBy = replacements(before, up);
        for (Statement st : up.statements()) {
            for (Operation op : st.operations()) {
                Inverse inv = subsumedByDrop(s, op, createdHere) ? null
                        : op instanceof Operation.DropTable dt && replacedBy.containsKey(op) ? recreateTable(s, dt.table(), replacedBy.get(op))
                        : inverse(s, op, st);
                if (inv != null) steps.add(new PlannedStep(st, op, inv));
                track(s, op, createdHere);
                s.apply(op);
            }
        }
        Collections.reverse(steps);
        return steps;
    }

    /**
     * The table rebuild pattern (SQLite's way to alter a table, also used elsewhere): CREATE TABLE t_new;
     * copy the rows; DROP TABLE t; ALTER TABLE t_new RENAME TO t. For each such DROP TABLE, the table
     * created in this migration that takes its place: the rollback copies the rows back from it.
     */
    private static Map<Operation, TableRef> replacements(Schema before, ParsedScript up) {
        List<Operation> ops = new ArrayList<>();
        up.statements().forEach(st -> ops.addAll(st.operations()));
        Map<Operation, TableRef> out = new java.util.IdentityHashMap<>();
        for (int i = 0; i < ops.size(); i++) {
            if (!(ops.get(i) instanceof Operation.DropTable dt)) continue;
            for (int j = i + 1; j < ops.size(); j++) {
                if (ops.get(j) instanceof Operation.RenameTable rt
                        && before.key(new TableRef(rt.table().schema(), rt.newName())).equals(before.key(dt.table()))) {
                    String from = before.key(rt.table());
                    boolean createdEarlier = ops.subList(0, j).stream()
                            .anyMatch(o -> o instanceof Operation.CreateTable ct && before.key(ct.table()).equals(from));
                    if (createdEarlier) out.put(dt, rt.table());
                    break;
                }
            }
        }
        return out;
    }

    /**
     * True for a change to a table this migration created: dropping the table undoes it, and undoing it
     * first can fail (MySQL refuses to drop an index a foreign key needs).
     */
    private static boolean subsumedByDrop(Schema s, Operation op, java.util.Set<String> createdHere) {
        if (createdHere.isEmpty() || op instanceof Operation.CreateTable || op instanceof Operation.RenameTable
                || op instanceof Operation.DropTable || op.table() == null) {
            return false;
        }
        return createdHere.contains(s.key(op.table())) && (op instanceof Operation.CreateIndex || op instanceof Operation.DropIndex
                || op instanceof Operation.RenameIndex || op instanceof Operation.AddConstraint || op instanceof Operation.DropConstraint
                || op instanceof Operation.RenameConstraint || op instanceof Operation.ValidateConstraint || op instanceof Operation.SetComment
                || op instanceof Operation.AddColumn || op instanceof Operation.DropColumn || op instanceof Operation.RenameColumn
                || op instanceof Operation.AlterColumnType || op instanceof Operation.AlterColumnNullability
                || op instanceof Operation.AlterColumnDefault || op instanceof Operation.RedefineColumn || op instanceof Operation.DataChange);
    }

    /**
     * The tables this migration created (by schema key), until they are renamed or dropped: after a
     * rename (the rebuild pattern: CREATE TABLE t_new ...; ALTER TABLE t_new RENAME TO t) the rollback
     * recreates the old table before dropping the new one, so the new one's indexes must go first
     * (their names would collide).
     */
    private static void track(Schema s, Operation op, java.util.Set<String> createdHere) {
        if (op instanceof Operation.CreateTable ct && !(ct.ifNotExists() && s.table(ct.table()).map(Table::complete).orElse(false))) {
            createdHere.add(s.key(ct.table()));
        } else if (op instanceof Operation.RenameTable rt) {
            createdHere.remove(s.key(rt.table()));
        } else if (op instanceof Operation.DropTable dt) {
            createdHere.remove(s.key(dt.table()));
        }
    }

    /** The inverse of {@code op} given the schema {@code s} just before it; null when there is nothing to say. */
    Inverse inverse(Schema s, Operation op, Statement st) {
        if (op instanceof Operation.CreateTable ct) {
            if (ct.ifNotExists() && s.table(ct.table()).map(Table::complete).orElse(false)) return Inverse.none().withNote("table " + ct.table() + " already existed (IF NOT EXISTS): nothing to undo");
            return Inverse.of(ddl.dropTable(ct.table())).losingData("rows written to " + ct.table() + " since the migration are lost");
        }
        if (op instanceof Operation.DropTable dt) return recreateTable(s, dt.table());
        if (op instanceof Operation.RenameTable rt) {
            String back = ddl.renameTable(new TableRef(rt.table().schema(), rt.newName()), rt.table().name());
            if (dialect == Dialect.SQLITE && s.referencing(rt.table()).isEmpty()) {
                // SQLite 3.26+ rewrites other tables' REFERENCES to follow a renamed table. Renaming back must not
                // drag references that the forward rename did not move (the rebuild pattern: DROP TABLE t;
                // ALTER TABLE t_new RENAME TO t leaves references to t in place); the legacy mode (with
                // foreign_keys OFF, which the rollback script sets) renames without rewriting them.
                return Inverse.of("PRAGMA legacy_alter_table = ON;", back, "PRAGMA legacy_alter_table = OFF;");
            }
            return Inverse.of(back);
        }
        if (op instanceof Operation.AddColumn ac) {
            Optional<Table> t = s.table(ac.table());
            if (ac.ifNotExists() && t.map(x -> x.hasColumn(ac.column().name())).orElse(false)) return Inverse.none();
            if (dialect == Dialect.SQLITE) {
                return Inverse.of(ddl.dropColumn(ac.table(), ac.column().name()))
                        .losingData("values written to " + ac.table() + "." + ac.column().name() + " are lost (SQLite 3.35+ for DROP COLUMN; older versions need the table rebuild)");
            }
            return Inverse.of(ddl.dropColumn(ac.table(), ac.column().name())).losingData("values written to " + ac.table() + "." + ac.column().name() + " are lost");
        }
        if (op instanceof Operation.DropColumn dc) return readdColumn(s, dc.table(), dc.column());
        if (op instanceof Operation.RenameColumn rc) return Inverse.of(ddl.renameColumn(rc.table(), rc.newName(), rc.column()));
        if (op instanceof Operation.AlterColumnType at) {
            Inverse inv = restoreColumn(s, at.table(), at.column(), "type");
            Optional<ColumnDef> old = s.table(at.table()).flatMap(x -> x.column(at.column()));
            return old.isPresent() ? withNarrowingCheck(inv, old.get().withType(at.type()), old.get()) : inv;
        }
        if (op instanceof Operation.AlterColumnNullability an) return restoreColumn(s, an.table(), an.column(), "nullability");
        if (op instanceof Operation.AlterColumnDefault ad) return restoreColumn(s, ad.table(), ad.column(), "default");
        if (op instanceof Operation.RedefineColumn rd) return restoreRedefined(s, rd);
        if (op instanceof Operation.CreateIndex ci) return dropCreatedIndex(s, ci);
        if (op instanceof Operation.DropIndex di) return recreateIndex(s, di);
        if (op instanceof Operation.RenameIndex ri) return Inverse.of(ddl.renameIndex(ri.newName(), ri.name(), ri.table() != null ? ri.table() : s.tableOfIndex(ri.name()).map(Table::ref).orElse(null)));
        if (op instanceof Operation.AddConstraint ac) return dropAddedConstraint(s, ac);
        if (op instanceof Operation.DropConstraint dc) return readdConstraint(s, dc);
        if (op instanceof Operation.ValidateConstraint vc) return Inverse.none().withNote("VALIDATE CONSTRAINT " + vc.name() + " needs no undo (a validated constraint cannot be made NOT VALID again)");
        if (op instanceof Operation.RenameConstraint rc) return Inverse.of(ddl.renameConstraint(rc.table(), rc.newName(), rc.name()));
        if (op instanceof Operation.CreateEnum ce) return Inverse.of(ddl.dropType(ce.name()));
        if (op instanceof Operation.AddEnumValue av) return enumValueInverse(s, av);
        if (op instanceof Operation.RenameEnumValue rv) {
            return Inverse.of("ALTER TYPE " + ddl.qualified(rv.type()) + " RENAME VALUE " + DdlWriter.literal(rv.newValue()) + " TO " + DdlWriter.literal(rv.value()) + ";");
        }
        if (op instanceof Operation.DropType dt) {
            Optional<EnumType> e = s.enumType(dt.name());
            if (e.isPresent()) return Inverse.of(ddl.createEnum(e.get().name(), e.get().values())).withNote("columns that used type " + dt.name() + " were dropped with it (CASCADE) and are not restored");
            return Inverse.irreversible("DROP TYPE " + dt.name() + ": its definition is not known from the migrations");
        }
        if (op instanceof Operation.SetComment sc) return restoreComment(s, sc);
        if (op instanceof Operation.DataChange dc) {
            if (dc.kind() == Operation.DataKind.SELECT) return null;
            return Inverse.irreversible(dc.kind() + (dc.table() == null ? "" : " on " + dc.table()) + " changes data: the previous values cannot be derived from the migration; restore them from a backup if needed");
        }
        if (op instanceof Operation.Truncate tr) return Inverse.irreversible("TRUNCATE " + tr.tables() + " deleted every row: only a backup brings them back");
        if (op instanceof Operation.TransactionControl || op instanceof Operation.SessionSetting || op instanceof Operation.Reindex
                || op instanceof Operation.TableAlgorithmLock || op instanceof Operation.LockTable
                || op instanceof Operation.Conditional || op instanceof Operation.TableRebuild) {
            return null; // nothing to undo: they change no schema object (markers qualify the statement's other operations)
        }
        if (op instanceof Operation.AlterTableOther ao) {
            return Inverse.irreversible("ALTER TABLE " + ao.table() + " " + ao.clause() + ": the previous setting is not known from the migrations; undo it by hand");
        }
        if (op instanceof Operation.ConvertCharset cc) return Inverse.irreversible("the previous character set of " + cc.table() + " is not known from the migrations: convert it back by hand");
        if (op instanceof Operation.DetachPartition dp) return Inverse.irreversible("re-attaching " + dp.partition() + " needs its partition bounds (FOR VALUES ...), which the migration does not state");
        if (op instanceof Operation.AttachPartition ap) return Inverse.of("ALTER TABLE " + ddl.table(ap.table()) + " DETACH PARTITION " + ddl.table(ap.partition()) + ";");
        if (op instanceof Operation.CreateSchema cs) return Inverse.of("DROP SCHEMA " + ddl.q(cs.name()) + ";");
        if (op instanceof Operation.DropSchema ds) return Inverse.irreversible((ds.database() ? "DROP DATABASE " : "DROP SCHEMA ") + ds.name() + " destroyed everything in it: only a backup brings it back");
        if (op instanceof Operation.OtherDdl od) return otherDdl(od);
        if (op instanceof Operation.OpaqueCode oc) {
            if (!oc.inner().isEmpty() && !oc.containsDdl()) return null;
            return Inverse.irreversible(oc.description() + " (" + oc.language() + ") cannot be inverted automatically: write its undo by hand");
        }
        if (op instanceof Operation.Unparsed u) return Inverse.irreversible("statement not understood (" + u.reason() + "): write its undo by hand");
        return Inverse.irreversible(op.getClass().getSimpleName() + " has no generated inverse");
    }

    private Inverse recreateTable(Schema s, TableRef ref) {
        return recreateTable(s, ref, null);
    }

    /** @param replacement the table that took its place in a rebuild (the rows are copied back from it), or null */
    private Inverse recreateTable(Schema s, TableRef ref, TableRef replacement) {
        Optional<Table> t = s.table(ref);
        if (t.isEmpty() || !t.get().complete()) {
            return Inverse.irreversible("the definition of " + ref + " is not known from the migrations: recreate it from a backup");
        }
        List<String> sql = new ArrayList<>(ddl.recreateTable(t.get(), false));
        // PostgreSQL dropped the foreign keys of other tables that pointed at it (CASCADE); MySQL and
        // SQLite keep them, dangling, and they point at the recreated table again
        for (Map.Entry<Table, ConstraintDef> e : dialect == Dialect.POSTGRESQL ? s.referencing(ref) : List.<Map.Entry<Table, ConstraintDef>>of()) {
            if (e.getKey().ref().equals(t.get().ref())) continue;
            sql.add(ddl.addConstraint(e.getKey().ref(), e.getValue()));
        }
        Optional<Table> source = replacement == null ? Optional.empty() : s.table(replacement).filter(Table::complete);
        if (source.isPresent()) {
            List<String> shared = t.get().columnNames().stream().filter(source.get()::hasColumn).map(ddl::q).toList();
            String cols = String.join(", ", shared);
            sql.add(1, "INSERT INTO " + ddl.table(ref) + " (" + cols + ") SELECT " + cols + " FROM " + ddl.table(replacement) + ";");
            List<String> lost = source.get().columnNames().stream().filter(c -> !t.get().hasColumn(c)).toList();
            return new Inverse(sql, true, !lost.isEmpty(), "recreates " + ref + " as it was before the rebuild and copies its rows back from "
                    + replacement + (lost.isEmpty() ? "" : "; the values of " + String.join(", ", lost) + " are lost"));
        }
        return new Inverse(sql, true, true, "recreates " + ref + " with its columns, constraints and indexes, but empty: its rows are lost unless restored from a backup");
    }

    private Inverse readdColumn(Schema s, TableRef ref, String column) {
        Optional<Table> t = s.table(ref);
        Optional<ColumnDef> c = t.flatMap(x -> x.column(column));
        if (c.isEmpty() || c.get().type() == null) {
            return Inverse.irreversible("the definition of " + ref + "." + column + " is not known from the migrations: re-add it by hand");
        }
        ColumnDef col = c.get();
        List<String> sql = new ArrayList<>();
        String note = "re-adds " + ref + "." + column + " with its old definition, but its values are lost unless restored from a backup";
        if (col.notNull() && col.defaultExpr() == null && (col.generated() == null || !col.generated().identity())) {
            sql.add(ddl.addColumn(ref, col.withNotNull(false)));
            note += "; it is re-added nullable because NOT NULL without a default fails on existing rows: backfill it, then "
                    + ddl.setNotNull(ref, column, true);
        } else {
            sql.add(ddl.addColumn(ref, col));
        }
        Table table = t.get();
        for (ConstraintDef k : table.constraints()) {
            if (k.columns().stream().anyMatch(x -> table.columnNames().contains(x) && sameName(x, column))) sql.add(ddl.addConstraint(ref, k));
        }
        for (IndexDef i : table.indexes()) {
            if (i.columns().stream().anyMatch(x -> sameName(x.split(" ")[0], column))) sql.add(ddl.createIndex(i, false));
        }
        if (col.comment() != null && dialect == Dialect.POSTGRESQL) sql.add(ddl.comment(ref, column, col.comment()));
        return new Inverse(sql, true, true, note);
    }

    private boolean sameName(String a, String b) {
        return dialect == Dialect.POSTGRESQL ? a.equals(b) : a.equalsIgnoreCase(b);
    }

    private Inverse restoreColumn(Schema s, TableRef ref, String column, String what) {
        Optional<ColumnDef> c = s.table(ref).flatMap(x -> x.column(column));
        if (c.isEmpty() || (what.equals("type") && c.get().type() == null)) {
            return Inverse.irreversible("the previous " + what + " of " + ref + "." + column + " is not known from the migrations");
        }
        ColumnDef old = c.get();
        if (dialect == Dialect.SQLITE) return sqliteRebuild(s, ref);
        if (dialect.isMysqlFamily()) {
            if (what.equals("default")) return Inverse.of(ddl.setDefault(ref, column, old.defaultExpr()));
            return Inverse.of(ddl.modifyColumn(ref, old));
        }
        return switch (what) {
            case "type" -> typeBack(ref, column, old);
            case "nullability" -> Inverse.of(ddl.setNotNull(ref, column, old.notNull()))
                    .withNote(old.notNull() ? "SET NOT NULL fails if NULLs were written meanwhile" : null);
            default -> Inverse.of(ddl.setDefault(ref, column, old.defaultExpr()));
        };
    }

    private Inverse typeBack(TableRef ref, String column, ColumnDef old) {
        Inverse inv = Inverse.of(ddl.alterType(ref, column, old.type(), true));
        return inv.withNote("restores type " + ddl.type(old.type()));
    }

    /** Adds a narrowing warning when going back to the old type can truncate or reject values. */
    Inverse withNarrowingCheck(Inverse inv, ColumnDef newCol, ColumnDef old) {
        if (newCol == null || newCol.type() == null || old.type() == null) return inv;
        TypeChanges.Change back = TypeChanges.classify(dialect, newCol.type(), old.type());
        if (back.narrowing()) {
            return new Inverse(inv.sql(), inv.reversible(), true, "going back narrows the column (" + back.reason() + "): values written meanwhile may not fit");
        }
        return inv;
    }

    private Inverse restoreRedefined(Schema s, Operation.RedefineColumn rd) {
        Optional<ColumnDef> c = s.table(rd.table()).flatMap(x -> x.column(rd.column()));
        if (c.isEmpty() || c.get().type() == null) return Inverse.irreversible("the previous definition of " + rd.table() + "." + rd.column() + " is not known from the migrations");
        ColumnDef old = c.get();
        String sql = sameName(rd.column(), rd.definition().name())
                ? ddl.modifyColumn(rd.table(), old)
                : "ALTER TABLE " + ddl.table(rd.table()) + " CHANGE COLUMN " + ddl.q(rd.definition().name()) + " " + ddl.columnDefinition(old) + ";";
        return withNarrowingCheck(Inverse.of(sql), rd.definition(), old);
    }

    private Inverse dropCreatedIndex(Schema s, Operation.CreateIndex ci) {
        if (ci.ifNotExists() && ci.index().name() != null && s.index(ci.index().name()).isPresent()) return Inverse.none();
        Schema after = s.copy();
        after.apply(ci);
        String name = ci.index().name();
        if (name == null) {
            Optional<Table> t = after.table(ci.index().table());
            Optional<Table> b = s.table(ci.index().table());
            List<String> beforeNames = b.map(x -> x.indexes().stream().map(IndexDef::name).toList()).orElse(List.of());
            name = t.flatMap(x -> x.indexes().stream().map(IndexDef::name).filter(n -> !beforeNames.contains(n)).findFirst()).orElse(null);
        }
        if (name == null) return Inverse.irreversible("the name of the index created on " + ci.index().table() + " is not known");
        return Inverse.of(ddl.dropIndex(name, ci.index().table(), ci.concurrently()));
    }

    private Inverse recreateIndex(Schema s, Operation.DropIndex di) {
        Optional<Table> t = di.table() != null
                ? s.table(di.table()).filter(x -> x.index(di.name()).isPresent() || x.constraint(di.name()).isPresent())
                : s.tableOfIndex(di.name());
        if (t.isPresent()) {
            Optional<IndexDef> i = t.get().index(di.name());
            if (i.isPresent()) return Inverse.of(ddl.createIndex(i.get(), di.concurrently()));
            Optional<ConstraintDef> k = t.get().constraint(di.name());
            if (k.isPresent()) return Inverse.of(ddl.addConstraint(t.get().ref(), k.get()));
        }
        if (di.ifExists()) return Inverse.none().withNote("index " + di.name() + " did not exist before (IF EXISTS): nothing to restore");
        return Inverse.irreversible("the definition of index " + di.name() + " is not known from the migrations");
    }

    private Inverse dropAddedConstraint(Schema s, Operation.AddConstraint ac) {
        Schema after = s.copy();
        after.apply(ac);
        Optional<Table> before = s.table(ac.table());
        Optional<Table> t = after.table(ac.table());
        if (t.isEmpty()) return Inverse.irreversible("table " + ac.table() + " not found");
        List<String> beforeNames = before.map(x -> x.constraints().stream().map(ConstraintDef::name).toList()).orElse(List.of());
        ConstraintDef added = ac.constraint().name() != null
                ? t.get().constraint(ac.constraint().name()).orElse(null)
                : t.get().constraints().stream().filter(c -> !beforeNames.contains(c.name())).findFirst().orElse(null);
        if (added == null) return Inverse.irreversible("the constraint added to " + ac.table() + " could not be identified");
        List<String> sql = new ArrayList<>();
        sql.add(ddl.dropConstraint(ac.table(), added));
        if (added.usingIndex() != null && ac.constraint().usingIndex() != null) {
            before.flatMap(x -> x.index(ac.constraint().usingIndex())).ifPresent(i -> sql.add(ddl.createIndex(i, false)));
        }
        return new Inverse(sql, true, false, null);
    }

    private Inverse readdConstraint(Schema s, Operation.DropConstraint dc) {
        Optional<Table> t = s.table(dc.table());
        Optional<ConstraintDef> k = dc.name() == null && dc.kind() == ConstraintDef.Kind.PRIMARY_KEY
                ? t.flatMap(Table::primaryKey) : t.flatMap(x -> x.constraint(dc.name()));
        if (k.isEmpty() && dialect.isMysqlFamily() && dc.name() != null) {
            Optional<IndexDef> idx = t.flatMap(x -> x.index(dc.name()));
            if (idx.isPresent()) return Inverse.of(ddl.createIndex(idx.get(), false));
        }
        if (k.isEmpty()) {
            if (dc.ifExists()) return Inverse.none().withNote("constraint " + dc.name() + " did not exist before (IF EXISTS)");
            return Inverse.irreversible("the definition of constraint " + (dc.name() == null ? "PRIMARY KEY" : dc.name()) + " on " + dc.table() + " is not known from the migrations");
        }
        Inverse inv = Inverse.of(ddl.addConstraint(dc.table(), k.get()));
        if (k.get().kind() == ConstraintDef.Kind.UNIQUE || k.get().kind() == ConstraintDef.Kind.PRIMARY_KEY
                || k.get().kind() == ConstraintDef.Kind.CHECK || k.get().kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            inv = inv.withNote("re-adding it fails if rows written meanwhile violate it");
        }
        return inv;
    }

    private Inverse enumValueInverse(Schema s, Operation.AddEnumValue av) {
        Optional<EnumType> e = s.enumType(av.type());
        if (e.isPresent() && e.get().values().contains(av.value())) return Inverse.none();
        List<String> rebuild = new ArrayList<>();
        if (e.isPresent()) {
            String type = e.get().name();
            String tmp = DdlWriter.unqualified(type) + "_old";
            String tmpQualified = type.contains(".") ? type.substring(0, type.lastIndexOf('.') + 1) + tmp : tmp;
            rebuild.add("-- PostgreSQL cannot drop an enum label. Rebuild the type without '" + av.value() + "' (fails while rows still use it):");
            rebuild.add("ALTER TYPE " + ddl.qualified(type) + " RENAME TO " + ddl.q(tmp) + ";");
            rebuild.add(ddl.createEnum(type, e.get().values()));
            for (Table t : s.tables()) {
                for (ColumnDef c : t.columns()) {
                    if (c.type() != null && sameType(c.type().name(), type)) {
                        // a default of the old type cannot be cast automatically: drop it around the change
                        if (c.defaultExpr() != null) rebuild.add(ddl.setDefault(t.ref(), c.name(), null));
                        rebuild.add("ALTER TABLE " + ddl.table(t.ref()) + " ALTER COLUMN " + ddl.q(c.name()) + " TYPE " + ddl.qualified(type)
                                + " USING " + ddl.q(c.name()) + "::text::" + ddl.qualified(type) + ";");
                        if (c.defaultExpr() != null) rebuild.add(ddl.setDefault(t.ref(), c.name(), c.defaultExpr()));
                    }
                }
            }
            rebuild.add("DROP TYPE " + ddl.qualified(tmpQualified) + ";");
        }
        return new Inverse(rebuild, false, false, "ALTER TYPE " + av.type() + " ADD VALUE '" + av.value()
                + "' cannot be undone in PostgreSQL (labels cannot be dropped)" + (rebuild.isEmpty() ? "" : "; the script rebuilds the type without it, which works only when no row uses the label"));
    }

    /** A column type naming the enum {@code enumName} ("public.status" and "status" are the same type). */
    static boolean sameType(String columnType, String enumName) {
        return stripPublic(columnType).equalsIgnoreCase(stripPublic(enumName));
    }

    private static String stripPublic(String name) {
        return name.regionMatches(true, 0, "public.", 0, 7) ? name.substring(7) : name;
    }

    private Inverse restoreComment(Schema s, Operation.SetComment sc) {
        Optional<Table> t = s.table(sc.table());
        String old = sc.column() == null ? t.map(Table::comment).orElse(null) : t.flatMap(x -> x.column(sc.column())).map(ColumnDef::comment).orElse(null);
        return Inverse.of(ddl.comment(sc.table(), sc.column(), old));
    }

    private Inverse otherDdl(Operation.OtherDdl od) {
        String verb = od.verb() == null ? "" : od.verb().toUpperCase(java.util.Locale.ROOT);
        if (verb.equals("CREATE") && od.name() != null && !od.orReplace()) {
            String kind = od.kind() == null ? "" : od.kind().toUpperCase(java.util.Locale.ROOT);
            String on = kind.equals("TRIGGER") || kind.equals("POLICY") ? " ON " + ddl.table(od.table()) : "";
            if (dialect.isMysqlFamily() && kind.equals("TRIGGER")) on = "";
            return Inverse.of("DROP " + kind + " IF EXISTS " + od.name() + on + ";");
        }
        if (verb.equals("CREATE") && od.orReplace()) {
            return Inverse.irreversible("CREATE OR REPLACE " + od.kind() + " " + od.name() + ": the previous definition is not known from the migrations");
        }
        if (verb.equals("DROP")) return Inverse.irreversible("DROP " + od.kind() + " " + od.name() + ": its definition is not known from the migrations: recreate it by hand");
        if (verb.equals("REFRESH") || verb.equals("ANALYZE") || verb.equals("VACUUM")) return null;
        return Inverse.irreversible(verb + " " + od.kind() + (od.name() == null ? "" : " " + od.name()) + " cannot be inverted automatically");
    }

    /** SQLite cannot alter a column: rebuild the table to its definition before the migration. */
    private Inverse sqliteRebuild(Schema s, TableRef ref) {
        Optional<Table> t = s.table(ref);
        if (t.isEmpty() || !t.get().complete()) return Inverse.irreversible("SQLite needs the full definition of " + ref + " to rebuild it, and it is not known from the migrations");
        return new Inverse(ddl.sqliteRebuild(t.get(), t.get()), true, false, "SQLite cannot alter a column in place: the table is rebuilt with its previous definition");
    }
}

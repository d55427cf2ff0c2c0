package dev.dbmigrate.analyse.drift;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.DdlWriter;
import dev.dbmigrate.schema.EnumType;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.SchemaDiff;
import dev.dbmigrate.schema.SchemaDiff.Difference;
import dev.dbmigrate.schema.Table;
import dev.dbmigrate.schema.TypeChanges;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Compares the schema the migrations build with a live catalog ({@link SchemaDiff} after
 * {@link DriftNormalizer}) and writes, for each difference, the SQL that makes the database match
 * the migrations ({@link DdlWriter}): CREATE / DROP, ALTER COLUMN pieces on PostgreSQL, MODIFY
 * COLUMN on MySQL, the table rebuild on SQLite, NOT VALID + VALIDATE for new PostgreSQL
 * constraints and CONCURRENTLY for PostgreSQL indexes.
 */
public final class DriftAnalyzer {

    private DriftAnalyzer() {}

    public static List<DriftResult.Item> compare(Schema replayed, Schema live) {
        Schema expected = DriftNormalizer.normalize(replayed, null);
        Schema actual = DriftNormalizer.normalize(live, expected);
        Dialect d = live.dialect();
        // SQLite keeps no names for most constraints and no comments: match those by shape
        SchemaDiff.Options options = d == Dialect.SQLITE ? new SchemaDiff.Options(false, false, true) : SchemaDiff.Options.ALL;
        Reconciler r = new Reconciler(expected, actual, d);
        List<DriftResult.Item> out = new ArrayList<>();
        for (Difference diff : SchemaDiff.compare(expected, actual, options)) out.add(r.item(diff));
        return out;
    }

    /**
     * All statements in the order to run them: new types and tables first (so that foreign keys
     * find their tables), then the rest in order; the first statement of a destructive difference
     * carries a warning comment.
     */
    public static List<String> statements(List<DriftResult.Item> items) {
        List<String> first = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (DriftResult.Item i : items) {
            boolean flagged = false;
            for (String s : i.sql()) {
                String stmt = i.destructive() && !flagged ? "-- DESTRUCTIVE: loses data; review before running\n" + s : s;
                flagged |= i.destructive();
                if (s.startsWith("CREATE TABLE") || s.startsWith("CREATE TYPE")) first.add(stmt);
                else rest.add(stmt);
            }
        }
        List<String> all = new ArrayList<>(first);
        all.addAll(rest);
        return all;
    }

    /** {@link #statements} as one script, or "" when there is nothing to do. */
    public static String script(List<DriftResult.Item> items) {
        List<String> all = statements(items);
        return all.isEmpty() ? "" : String.join("\n", all) + "\n";
    }

    /** Writes the reconciliation SQL of each difference. */
    private static final class Reconciler {
        private final Schema expected;
        private final Schema actual;
        private final Dialect d;
        private final DdlWriter w;
        private final Set<String> rebuilt = new HashSet<>();

        Reconciler(Schema expected, Schema actual, Dialect d) {
            this.expected = expected;
            this.actual = actual;
            this.d = d;
            this.w = new DdlWriter(d);
        }

        DriftResult.Item item(Difference diff) {
            List<String> sql = new ArrayList<>();
            boolean destructive = false;
            Optional<Table> e = find(expected, diff.table());
            Optional<Table> a = find(actual, diff.table());
            TableRef ref = e.map(Table::ref).or(() -> a.map(Table::ref)).orElse(null);
            switch (diff.object()) {
                case "table" -> {
                    if (diff.kind().equals("missing")) {
                        sql.addAll(createTable(e.orElseThrow()));
                    } else {
                        sql.add(w.dropTable(ref));
                        destructive = true;
                    }
                }
                case "column" -> destructive = column(diff, e.orElseThrow(), a.orElseThrow(), sql);
                case "index" -> index(diff, e, a, ref, sql);
                case "constraint" -> destructive = constraint(diff, e.orElseThrow(), a.orElseThrow(), sql);
                case "enum" -> enumType(diff, sql);
                case "comment" -> sql.add(w.comment(ref, null, e.orElseThrow().comment()));
                default -> sql.add("-- " + diff);
            }
            return new DriftResult.Item(diff.kind(), diff.object(), diff.table(), diff.name(), diff.expected(), diff.actual(), diff.detail(), sql, destructive);
        }

        private List<String> createTable(Table t) {
            List<String> out = new ArrayList<>();
            boolean separateFks = d != Dialect.SQLITE;
            out.addAll(w.recreateTable(t, separateFks));
            if (separateFks) {
                for (ConstraintDef c : t.constraints()) {
                    if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && !(c.notValid() && d == Dialect.POSTGRESQL)) out.add(w.addConstraint(t.ref(), c));
                }
            }
            return out;
        }

        /** @return whether the SQL loses data */
        private boolean column(Difference diff, Table e, Table a, List<String> sql) {
            String name = diff.name();
            if (diff.kind().equals("extra")) {
                if (d == Dialect.SQLITE && a.primaryKey().map(pk -> pk.columns().contains(name)).orElse(false)) return rebuild(e, a, sql);
                sql.add(w.dropColumn(a.ref(), name));
                return true;
            }
            ColumnDef want = e.column(name).orElseThrow();
            if (diff.kind().equals("missing")) {
                if (d == Dialect.SQLITE && want.notNull() && want.defaultExpr() == null) return rebuild(e, a, sql);
                sql.add(w.addColumn(e.ref(), want));
                return false;
            }
            ColumnDef have = a.column(name).orElseThrow();
            boolean narrowing = !diff.detail().contains("type ") ? false
                    : TypeChanges.classify(d, have.type(), want.type()).narrowing();
            if (d == Dialect.SQLITE) return rebuild(e, a, sql) || narrowing;
            if (d.isMysqlFamily()) {
                sql.add(w.modifyColumn(e.ref(), want));
                return narrowing;
            }
            for (String part : diff.detail().split("; ")) {
                if (part.startsWith("type ")) sql.add(w.alterType(e.ref(), name, want.type(), true));
                else if (part.startsWith("NOT NULL vs") || part.startsWith("nullable vs")) sql.add(w.setNotNull(e.ref(), name, want.notNull()));
                else if (part.startsWith("default ")) sql.add(w.setDefault(e.ref(), name, want.defaultExpr()));
                else if (part.startsWith("identity vs")) sql.add("ALTER TABLE " + w.table(e.ref()) + " ALTER COLUMN " + w.q(name) + " ADD GENERATED "
                        + (want.generated().always() ? "ALWAYS" : "BY DEFAULT") + " AS IDENTITY;");
                else if (part.startsWith("not identity vs")) sql.add("ALTER TABLE " + w.table(e.ref()) + " ALTER COLUMN " + w.q(name) + " DROP IDENTITY;");
                else if (part.startsWith("comment")) sql.add(w.comment(e.ref(), name, want.comment()));
            }
            return narrowing;
        }

        private void index(Difference diff, Optional<Table> e, Optional<Table> a, TableRef ref, List<String> sql) {
            if (rebuilt.contains(ref.qualified())) {
                sql.add("-- covered by the rebuild of " + ref.name() + " above");
                return;
            }
            boolean pg = d == Dialect.POSTGRESQL;
            if (!diff.kind().equals("missing")) sql.add(w.dropIndex(diff.name(), ref, pg));
            if (!diff.kind().equals("extra")) sql.add(w.createIndex(e.orElseThrow().index(diff.name()).orElseThrow(), pg));
        }

        /** @return whether the SQL loses data */
        private boolean constraint(Difference diff, Table e, Table a, List<String> sql) {
            if (d == Dialect.SQLITE) return rebuild(e, a, sql);
            ConstraintDef want = diff.kind().equals("extra") ? null : e.constraint(diff.name()).orElse(null);
            ConstraintDef have = diff.kind().equals("missing") ? null : a.constraint(diff.name()).orElse(null);
            if (want != null && have != null && "validated vs NOT VALID".equals(diff.detail())) {
                sql.add("ALTER TABLE " + w.table(e.ref()) + " VALIDATE CONSTRAINT " + w.q(want.name()) + ";");
                return false;
            }
            if (have != null) sql.add(w.dropConstraint(a.ref(), have));
            if (want != null) sql.addAll(addConstraint(e.ref(), want));
            return false;
        }

        /** PostgreSQL: foreign keys and checks are added NOT VALID, then validated without blocking writes. */
        private List<String> addConstraint(TableRef ref, ConstraintDef c) {
            boolean twoStep = d == Dialect.POSTGRESQL && !c.notValid()
                    && (c.kind() == ConstraintDef.Kind.FOREIGN_KEY || c.kind() == ConstraintDef.Kind.CHECK);
            if (!twoStep) return List.of(w.addConstraint(ref, c));
            return List.of(w.addConstraint(ref, c.withNotValid(true)), "ALTER TABLE " + w.table(ref) + " VALIDATE CONSTRAINT " + w.q(c.name()) + ";");
        }

        private void enumType(Difference diff, List<String> sql) {
            switch (diff.kind()) {
                case "missing" -> {
                    EnumType t = expected.enumType(diff.name()).orElseThrow();
                    sql.add(w.createEnum(t.name(), t.values()));
                }
                case "extra" -> sql.add(w.dropType(diff.name()));
                default -> {
                    List<String> want = expected.enumType(diff.name()).orElseThrow().values();
                    List<String> have = actual.enumType(diff.name()).orElseThrow().values();
                    for (int i = 0; i < want.size(); i++) {
                        if (have.contains(want.get(i))) continue;
                        sql.add("ALTER TYPE " + w.q(diff.name()) + " ADD VALUE " + DdlWriter.literal(want.get(i))
                                + (i > 0 ? " AFTER " + DdlWriter.literal(want.get(i - 1)) : have.isEmpty() ? "" : " BEFORE " + DdlWriter.literal(have.get(0))) + ";");
                    }
                    for (String label : have) {
                        if (!want.contains(label)) sql.add("-- PostgreSQL cannot drop the label " + DdlWriter.literal(label) + " of " + diff.name()
                                + ": recreate the type (CREATE TYPE new, ALTER COLUMN ... TYPE new USING ...::text::new, DROP TYPE old)");
                    }
                }
            }
        }

        /** SQLite: one rebuild per table covers every difference in it. */
        private boolean rebuild(Table e, Table a, List<String> sql) {
            if (!rebuilt.add(e.ref().qualified())) {
                sql.add("-- covered by the rebuild of " + e.name() + " above");
                return false;
            }
            // generated columns cannot be copied (SQLite computes them): leave them out of the copy
            Table copyable = new Schema(Dialect.SQLITE).putTable(a.ref(),
                    a.columns().stream().filter(c -> c.generated() == null || c.generated().identity()).toList(), null);
            sql.addAll(w.sqliteRebuild(e, copyable));
            return a.columns().stream().anyMatch(c -> !e.hasColumn(c.name()));
        }

        private static Optional<Table> find(Schema s, String qualified) {
            if (qualified == null) return Optional.empty();
            for (Table t : s.tables()) {
                if (t.ref().qualified().equals(qualified)) return Optional.of(t);
            }
            return Optional.empty();
        }
    }
}

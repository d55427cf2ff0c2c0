package dev.dbmigrate.analyse.drift;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.schema.EnumType;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * Brings a replayed schema and a live catalog to the same form before they are compared, for the
 * things that are written differently but mean the same:
 * <ul>
 *   <li>a CHECK is its expression (PostgreSQL lists the columns a table-level check reads; a
 *       replay only knows the column of an inline check);</li>
 *   <li>serial and identity columns are NOT NULL and have no default of their own;</li>
 *   <li>MySQL / MariaDB: a UNIQUE constraint is a unique index; RESTRICT is NO ACTION; the index
 *       InnoDB creates for a foreign key that has none is not drift.</li>
 * </ul>
 */
public final class DriftNormalizer {

    private static final Set<String> SERIALS = Set.of("serial", "bigserial", "smallserial", "serial4", "serial8", "serial2");

    private DriftNormalizer() {}

    /**
     * @param schema   the schema to normalise (not changed)
     * @param replayed when {@code schema} is a live catalog: the replayed schema it will be compared
     *                 with (tells MySQL's implicit foreign-key indexes from wanted ones); else null
     */
    public static Schema normalize(Schema schema, Schema replayed) {
        Dialect d = schema.dialect();
        boolean mysql = d.isMysqlFamily();
        Schema out = new Schema(d);
        for (Table t : schema.tables()) {
            List<ColumnDef> columns = new ArrayList<>();
            for (ColumnDef c : t.columns()) columns.add(column(c));
            out.putTable(t.ref(), columns, t.comment());
            Optional<Table> wanted = replayed == null ? Optional.empty() : replayed.table(t.ref());
            for (ConstraintDef c : t.constraints()) {
                if (mysql && c.kind() == ConstraintDef.Kind.UNIQUE) {
                    out.putIndex(new IndexDef(c.name(), t.ref(), c.columns(), true, null, null, List.of()));
                    continue;
                }
                out.putConstraint(t.ref(), constraint(c, mysql));
            }
            for (IndexDef i : t.indexes()) {
                if (mysql && wanted.isPresent() && implicitForeignKeyIndex(t, i, wanted.get())) continue;
                out.putIndex(i);
            }
        }
        for (EnumType e : schema.enums()) out.putEnum(e);
        return out;
    }

    private static ColumnDef column(ColumnDef c) {
        SqlType type = c.type();
        boolean serial = type != null && SERIALS.contains(type.name().toLowerCase(Locale.ROOT));
        boolean identity = c.generated() != null && c.generated().identity();
        if (!serial && !identity) return c;
        return new ColumnDef(c.name(), type, true, serial ? null : c.defaultExpr(), c.primaryKey(), c.unique(), c.references(), c.generated(),
                c.check(), c.autoIncrement(), c.collation(), c.comment());
    }

    private static ConstraintDef constraint(ConstraintDef c, boolean mysql) {
        if (c.kind() == ConstraintDef.Kind.CHECK && !c.columns().isEmpty()) {
            return new ConstraintDef(c.name(), c.kind(), List.of(), null, null, null, null, c.expression(), c.notValid(), c.usingIndex(), c.deferrable());
        }
        if (mysql && c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
            return new ConstraintDef(c.name(), c.kind(), c.columns(), c.refTable(), c.refColumns(), innodbAction(c.onDelete()), innodbAction(c.onUpdate()),
                    c.expression(), c.notValid(), c.usingIndex(), c.deferrable());
        }
        return c;
    }

    private static String innodbAction(String a) {
        if (a == null) return null;
        String s = a.trim().toUpperCase(Locale.ROOT);
        return s.equals("RESTRICT") || s.equals("NO ACTION") ? null : s;
    }

    /**
     * InnoDB adds an index for a foreign key that no index covers (named like the constraint, or like
     * its first column): it is not drift unless the replayed schema wants an index of that name.
     */
    private static boolean implicitForeignKeyIndex(Table t, IndexDef i, Table wanted) {
        if (i.unique() || i.where() != null || wanted.index(i.name()).isPresent()) return false;
        for (ConstraintDef c : t.constraints()) {
            if (c.kind() != ConstraintDef.Kind.FOREIGN_KEY || c.columns().size() != i.columns().size()) continue;
            boolean same = true;
            for (int k = 0; k < c.columns().size(); k++) {
                if (!c.columns().get(k).equalsIgnoreCase(i.columns().get(k).replaceFirst("\\s+(?i:ASC|DESC)$", ""))) same = false;
            }
            if (same && (i.name().equalsIgnoreCase(c.name()) || i.name().equalsIgnoreCase(c.columns().get(0)))) return true;
        }
        return false;
    }
}

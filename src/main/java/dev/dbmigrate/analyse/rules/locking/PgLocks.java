package dev.dbmigrate.analyse.rules.locking;

import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The table-level locks PostgreSQL takes for an operation, as measured on PostgreSQL 15 with
 * {@code pg_locks} (CREATE INDEX: SHARE; ADD FOREIGN KEY: SHARE ROW EXCLUSIVE on both tables;
 * DROP INDEX, SET NOT NULL, ALTER TYPE, ADD CHECK / UNIQUE / PRIMARY KEY: ACCESS EXCLUSIVE;
 * VALIDATE CONSTRAINT and the CONCURRENTLY forms: SHARE UPDATE EXCLUSIVE; DETACH PARTITION:
 * ACCESS EXCLUSIVE on the parent and the partition; REINDEX: SHARE on the table and ACCESS
 * EXCLUSIVE on the index).
 */
public final class PgLocks {

    private PgLocks() {}

    /** PostgreSQL table lock modes that DDL takes, weakest first. */
    public enum Mode {
        SHARE_UPDATE_EXCLUSIVE("SHARE UPDATE EXCLUSIVE"),
        SHARE("SHARE"),
        SHARE_ROW_EXCLUSIVE("SHARE ROW EXCLUSIVE"),
        ACCESS_EXCLUSIVE("ACCESS EXCLUSIVE");

        private final String sql;

        Mode(String sql) {
            this.sql = sql;
        }

        public String sql() {
            return sql;
        }

        /** Blocks INSERT / UPDATE / DELETE (and everything queued behind it while it waits). */
        public boolean blocksWrites() {
            return this != SHARE_UPDATE_EXCLUSIVE;
        }
    }

    /**
     * One lock.
     *
     * @param table the locked table, or null when only a description is known (REINDEX SCHEMA...)
     * @param label how to name the locked object in messages
     * @param mode  the lock mode
     */
    public record Lock(TableRef table, String label, Mode mode) {

        /** The wording for a finding's {@code lock} field. */
        public String describe() {
            if (table == null) {
                return mode.sql() + " on " + label + (mode == Mode.ACCESS_EXCLUSIVE ? " (blocks reads and writes)"
                        : mode.blocksWrites() ? " (blocks writes, allows reads)" : " (allows reads and writes)");
            }
            return switch (mode) {
                case ACCESS_EXCLUSIVE -> Locks.accessExclusive(table);
                case SHARE -> Locks.share(table);
                case SHARE_ROW_EXCLUSIVE -> Locks.shareRowExclusive(table);
                case SHARE_UPDATE_EXCLUSIVE -> Locks.shareUpdateExclusive(table);
            };
        }
    }

    /** The locks an operation takes on tables; empty for operations that lock no table. */
    public static List<Lock> of(Operation op, Schema schema) {
        List<Lock> out = new ArrayList<>();
        if (op instanceof Operation.CreateIndex ci) {
            add(out, ci.index().table(), ci.concurrently() ? Mode.SHARE_UPDATE_EXCLUSIVE : Mode.SHARE);
        } else if (op instanceof Operation.DropIndex di) {
            out.add(indexTable(schema, di.name(), di.table(), di.concurrently() ? Mode.SHARE_UPDATE_EXCLUSIVE : Mode.ACCESS_EXCLUSIVE));
        } else if (op instanceof Operation.Reindex ri) {
            Mode m = ri.concurrently() ? Mode.SHARE_UPDATE_EXCLUSIVE : Mode.SHARE;
            String kind = ri.kind() == null ? "" : ri.kind().toUpperCase(Locale.ROOT);
            switch (kind) {
                case "INDEX" -> out.add(indexTable(schema, ri.target(), null, m));
                case "TABLE" -> add(out, TableRef.of(ri.target()), m);
                default -> out.add(new Lock(null, "every table of " + kind.toLowerCase(Locale.ROOT) + " " + ri.target(), m));
            }
        } else if (op instanceof Operation.AddConstraint ac) {
            ConstraintDef c = ac.constraint();
            if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY) {
                add(out, ac.table(), Mode.SHARE_ROW_EXCLUSIVE);
                if (c.refTable() != null) add(out, c.refTable(), Mode.SHARE_ROW_EXCLUSIVE);
            } else {
                add(out, ac.table(), Mode.ACCESS_EXCLUSIVE);
            }
        } else if (op instanceof Operation.ValidateConstraint vc) {
            add(out, vc.table(), Mode.SHARE_UPDATE_EXCLUSIVE);
        } else if (op instanceof Operation.AddColumn ac) {
            add(out, ac.table(), Mode.ACCESS_EXCLUSIVE);
            ColumnDef.ForeignKeyRef r = ac.column().references();
            if (r != null && r.table() != null) add(out, r.table(), Mode.SHARE_ROW_EXCLUSIVE);
        } else if (op instanceof Operation.CreateTable ct) {
            // a new table's foreign keys briefly lock the referenced tables
            for (ColumnDef c : ct.columns()) {
                if (c.references() != null && c.references().table() != null) add(out, c.references().table(), Mode.SHARE_ROW_EXCLUSIVE);
            }
            for (ConstraintDef c : ct.constraints()) {
                if (c.kind() == ConstraintDef.Kind.FOREIGN_KEY && c.refTable() != null) add(out, c.refTable(), Mode.SHARE_ROW_EXCLUSIVE);
            }
        } else if (op instanceof Operation.DetachPartition dp) {
            Mode m = dp.concurrently() ? Mode.SHARE_UPDATE_EXCLUSIVE : Mode.ACCESS_EXCLUSIVE;
            add(out, dp.table(), m);
            if (dp.partition() != null) add(out, dp.partition(), m);
        } else if (op instanceof Operation.AttachPartition ap) {
            add(out, ap.table(), Mode.SHARE_UPDATE_EXCLUSIVE);
            if (ap.partition() != null) add(out, ap.partition(), Mode.ACCESS_EXCLUSIVE);
        } else if (op instanceof Operation.Truncate tr) {
            for (TableRef t : tr.tables()) add(out, t, Mode.ACCESS_EXCLUSIVE);
        } else if (op instanceof Operation.OtherDdl od && od.table() != null) {
            add(out, od.table(), "TRIGGER".equalsIgnoreCase(od.kind()) ? Mode.SHARE_ROW_EXCLUSIVE : Mode.ACCESS_EXCLUSIVE);
        } else if (op instanceof Operation.DropColumn || op instanceof Operation.RenameColumn || op instanceof Operation.AlterColumnType
                || op instanceof Operation.AlterColumnNullability || op instanceof Operation.AlterColumnDefault
                || op instanceof Operation.RedefineColumn || op instanceof Operation.DropConstraint
                || op instanceof Operation.RenameConstraint || op instanceof Operation.RenameTable || op instanceof Operation.DropTable) {
            add(out, op.table(), Mode.ACCESS_EXCLUSIVE);
        }
        return out;
    }

    /** The lock on the table that holds index {@code name} (from the schema when the statement does not say). */
    private static Lock indexTable(Schema schema, String name, TableRef known, Mode m) {
        TableRef t = known != null ? known : schema.tableOfIndex(name).map(Table::ref).orElse(null);
        return new Lock(t, t == null ? "the table of index " + name : t.toString(), m);
    }

    private static void add(List<Lock> out, TableRef t, Mode m) {
        if (t != null) out.add(new Lock(t, t.toString(), m));
    }

    /** "lock A; lock B" for a finding's {@code lock} field. */
    public static String describe(List<Lock> locks) {
        List<String> parts = new ArrayList<>();
        for (Lock l : locks) parts.add(l.describe());
        return String.join("; ", parts);
    }
}

package dev.dbmigrate.analyse.rules.mysql;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.Locks;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.support.RuleSupport;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.TypeChanges;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An ALTER that InnoDB on MySQL 8 / MariaDB can only run by copying the table (ALGORITHM=COPY) or
 * by rebuilding it with writes blocked. Reported once per statement, listing every reason.
 *
 * <p>What copies (MySQL 8.0 manual, "Online DDL Operations"; MariaDB KB, "InnoDB Online DDL
 * Operations with the INSTANT / INPLACE / NOCOPY Alter Algorithm"; each case below was checked on
 * MariaDB 10.11 by asking for ALGORITHM=INSTANT / INPLACE and reading the refusal):
 * <ul>
 *   <li>Changing a column's data type ({@link TypeChanges#classify}): COPY on both, with two
 *       exceptions: VARCHAR growth that keeps the number of length bytes (up to 255 bytes: 1 byte,
 *       above: 2; utf8mb4 is assumed, so the boundary is 63 → 64 characters), in place since
 *       MySQL 5.7 / MariaDB 10.2.2 and instant on MariaDB 10.4+; and ENUM / SET members appended at
 *       the end while the storage size stays the same (ENUM up to 255 members, SET in 8-member
 *       steps), instant. ENUM reorder, a member inserted in the middle or removed: COPY. MariaDB
 *       10.4.3+ can also widen integers instantly, but only in ROW_FORMAT=REDUNDANT (MDEV-15563),
 *       not the default DYNAMIC, so that still counts as a copy.</li>
 *   <li>CONVERT TO CHARACTER SET: COPY on MySQL; on MariaDB 10.4+ utf8mb3 → utf8mb4 of non-indexed
 *       columns is instant (MDEV-15564), anything else copies.</li>
 *   <li>DROP PRIMARY KEY without adding a new one in the same ALTER: COPY on both ("Dropping a
 *       primary key is not allowed without also adding a new primary key"). ADD PRIMARY KEY and
 *       DROP + ADD in one statement are in place (a rebuild that allows concurrent writes in strict
 *       mode), so they are not reported here.</li>
 *   <li>Adding an AUTO_INCREMENT column, and adding a FULLTEXT or SPATIAL index: in place but with
 *       concurrent writes blocked for the whole rebuild / build.</li>
 * </ul>
 * Not copies, so not reported: ADD COLUMN (instant since MySQL 8.0.12 as the last column, at any
 * position since 8.0.29; MariaDB instant since 10.3.2 as the last column, any position since 10.4;
 * otherwise an in-place rebuild that allows writes), DROP COLUMN (instant since MySQL 8.0.29 and
 * MariaDB 10.4, in place before), RENAME COLUMN (instant since MySQL 8.0.28), NULL / NOT NULL
 * changes and defaults. An explicit ALGORITHM=COPY is mysql-lock-option's to report; with an
 * explicit ALGORITHM=INSTANT / INPLACE / NOCOPY the server refuses the ALTER instead of copying,
 * and the message says so.
 */
@RuleSpec(
        id = "mysql-table-copy",
        summary = "ALTER that MySQL / MariaDB can only run as a table copy, blocking writes",
        category = Category.LOCKING,
        severity = Severity.WARNING,
        dialects = {Dialect.MYSQL, Dialect.MARIADB})
public final class MysqlTableCopy extends Rule {

    private static final Pattern ALTER_CLAUSES = Pattern.compile("(?is)^\\s*ALTER\\s+(?:ONLINE\\s+|IGNORE\\s+)*TABLE\\s+(?:`[^`]+`|[^\\s`]+)(?:\\s*\\.\\s*(?:`[^`]+`|[^\\s`]+))?\\s+(.*?)\\s*;?\\s*$");

    private Statement lastStatement;

    @Override
    public void check(OperationContext ctx, Operation op) {
        Statement st = ctx.statement();
        if (st == lastStatement) return; // the whole statement was judged at its first operation
        lastStatement = st;
        List<Operation> ops = st.operations();
        String algorithm = null;
        for (Operation o : ops) {
            if (o instanceof Operation.TableAlgorithmLock tal && tal.algorithm() != null) algorithm = tal.algorithm().toUpperCase(Locale.ROOT);
        }
        if ("COPY".equals(algorithm)) return; // mysql-lock-option says it
        List<String> copies = new ArrayList<>();
        List<String> blocks = new ArrayList<>();
        List<String> hints = new ArrayList<>();
        TableRef table = null;
        boolean addsPk = ops.stream().anyMatch(o -> o instanceof Operation.AddConstraint ac && ac.constraint().kind() == ConstraintDef.Kind.PRIMARY_KEY);
        Map<String, String> renamed = new HashMap<>(); // CHANGE old new ...: a rename, then a redefinition of the new name
        for (Operation o : ops) {
            if (o instanceof Operation.RenameColumn rc) {
                renamed.put(rc.newName().toLowerCase(Locale.ROOT), rc.column());
                continue;
            } else if (o instanceof Operation.RedefineColumn rd) {
                typeChange(ctx, rd.table(), renamed.getOrDefault(rd.column().toLowerCase(Locale.ROOT), rd.column()), rd.definition().type(), rd.definition(), copies, hints);
            } else if (o instanceof Operation.AlterColumnType at) {
                typeChange(ctx, at.table(), at.column(), at.type(), null, copies, hints);
            } else if (o instanceof Operation.ConvertCharset cc && cc.convert()) {
                copies.add("CONVERT TO CHARACTER SET " + cc.charset() + " re-encodes every text column"
                        + (ctx.dialect() == Dialect.MARIADB ? " (MariaDB 10.4+ converts utf8mb3 to utf8mb4 instantly only for columns without an index)" : ""));
            } else if (o instanceof Operation.DropConstraint dc && !addsPk
                    && (dc.kind() == ConstraintDef.Kind.PRIMARY_KEY || "PRIMARY".equalsIgnoreCase(dc.name()))) {
                copies.add("dropping the primary key without adding another one in the same ALTER");
                hints.add("-- drop and add the primary key in one ALTER (DROP PRIMARY KEY, ADD PRIMARY KEY (...)): that runs in place");
            } else if (o instanceof Operation.AddColumn ac && ac.column().autoIncrement()) {
                blocks.add("adding the AUTO_INCREMENT column " + ac.column().name() + " rebuilds the table with writes blocked");
            } else if (o instanceof Operation.CreateIndex ci && ci.index().method() != null
                    && ci.index().method().toLowerCase(Locale.ROOT).matches("fulltext|spatial")) {
                blocks.add("building a " + ci.index().method().toUpperCase(Locale.ROOT) + " index blocks writes until it is built"
                        + (ci.index().method().equalsIgnoreCase("fulltext") ? " (the first one also rebuilds the table)" : ""));
            } else {
                continue;
            }
            if (table == null) table = o.table();
        }
        if (copies.isEmpty() && blocks.isEmpty()) return;
        List<String> reasons = new ArrayList<>(copies);
        reasons.addAll(blocks);
        String t = table == null ? "the table" : table.toString();
        String message;
        if (algorithm != null && !algorithm.equals("DEFAULT")) {
            message = "ALTER TABLE " + t + " asks for ALGORITHM=" + algorithm + " but " + String.join("; ", reasons)
                    + ", so MySQL refuses the statement and the migration fails";
        } else {
            message = (copies.isEmpty() ? "ALTER TABLE " + t + " blocks writes while it runs: " : "ALTER TABLE " + t + " needs a full table copy on MySQL 8 / MariaDB: ")
                    + String.join("; ", reasons) + ". Every INSERT, UPDATE and DELETE on " + t + " waits until it finishes (reads continue),"
                    + " for as long as rewriting every row takes";
        }
        String lock = table == null ? null : copies.isEmpty()
                ? "writes to " + table + " blocked while it is rebuilt (LOCK=SHARED)" : Locks.mysqlCopy(table);
        ctx.report(this, message, lock, fix(st, table, hints), RuleSupport.rowsEvidence(ctx, table));
    }

    private static void typeChange(OperationContext ctx, TableRef table, String column, SqlType to, ColumnDef def, List<String> copies, List<String> hints) {
        if (to == null) return;
        Optional<ColumnDef> prev = RuleSupport.column(ctx, table, column);
        if (prev.isEmpty() || prev.get().type() == null) return; // previous type unknown: do not guess
        SqlType from = prev.get().type();
        TypeChanges.Change c = TypeChanges.classify(ctx.dialect(), from, to);
        boolean collation = ctx.dialect() == Dialect.MYSQL && def != null && def.collation() != null && prev.get().collation() != null
                && !def.collation().equalsIgnoreCase(prev.get().collation());
        if (!(c.rewrite() && !c.same()) && !collation) return;
        copies.add(column + " " + from + " -> " + to + (collation ? " (new collation " + def.collation() + ")" : "") + ": "
                + (c.same() ? "a collation change is a type change" : c.reason()));
        String base = to.name().toLowerCase(Locale.ROOT);
        if (base.equals("enum") || base.equals("set")) {
            hints.add("-- add new " + base.toUpperCase(Locale.ROOT) + " members at the end of the list, never in the middle: that is a metadata-only change");
        } else if (base.contains("varchar") && from.name().toLowerCase(Locale.ROOT).contains("varchar") && to.length() > from.length()) {
            hints.add("-- VARCHAR growth is in place only while the column stays on one side of 255 bytes (utf8mb4: 63 characters)");
        }
    }

    private static String fix(Statement st, TableRef table, List<String> hints) {
        String clauses = "<the ALTER clauses>";
        Matcher m = ALTER_CLAUSES.matcher(st.text() == null ? "" : st.text());
        if (m.matches()) clauses = m.group(1).replace("\"", "\\\"").replaceAll("\\s+", " ");
        String db = table != null && table.schema() != null ? table.schema() : "<database>";
        String tn = table == null ? "<table>" : table.name();
        StringBuilder sb = new StringBuilder();
        sb.append("-- run the same change online, copying in the background without blocking writes:\n");
        sb.append("--   gh-ost --database=").append(db).append(" --table=").append(tn).append(" --alter=\"").append(clauses).append("\" --execute\n");
        sb.append("--   pt-online-schema-change --alter \"").append(clauses).append("\" D=").append(db).append(",t=").append(tn).append(" --execute\n");
        sb.append("-- or expand and contract: add a new column (instant), backfill it in batches, switch the code, drop the old one\n");
        for (String h : hints) sb.append(h).append('\n');
        sb.append("-- and end ALTERs you expect to be online with ALGORITHM=INPLACE, LOCK=NONE: MySQL then fails fast instead of copying");
        return sb.toString();
    }
}

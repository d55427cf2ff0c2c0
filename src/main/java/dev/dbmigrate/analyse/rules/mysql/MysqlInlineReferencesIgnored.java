package dev.dbmigrate.analyse.rules.mysql;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.OperationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.analyse.rules.SqlText;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.TableRef;
import java.util.ArrayList;
import java.util.List;

/**
 * A column-level {@code REFERENCES} clause on MySQL. MySQL up to 8.4 parses it and silently
 * ignores it: no foreign key, no index, no error (the CREATE TABLE manual: "MySQL parses but
 * ignores inline REFERENCES specifications"); MySQL 9.0.0 implements it (WL#16130 / WL#16131,
 * closing bug #102904). MariaDB honours it since 10.5 (MDEV-20729; checked on MariaDB 10.11, where
 * SHOW CREATE TABLE shows the constraint), so the rule is for MySQL only. A table-level FOREIGN KEY
 * works on every version.
 */
@RuleSpec(
        id = "mysql-inline-references-ignored",
        summary = "Column-level REFERENCES is silently ignored by MySQL up to 8.4: no foreign key is created",
        category = Category.UNSUPPORTED,
        severity = Severity.WARNING,
        dialects = Dialect.MYSQL)
public final class MysqlInlineReferencesIgnored extends Rule {

    @Override
    public void check(OperationContext ctx, Operation op) {
        TableRef table = op.table();
        List<ColumnDef> cols = new ArrayList<>();
        boolean create = false;
        if (op instanceof Operation.CreateTable ct) {
            create = true;
            for (ColumnDef c : ct.columns()) if (c.references() != null) cols.add(c);
        } else if (op instanceof Operation.AddColumn ac && ac.column().references() != null) {
            cols.add(ac.column());
        } else if (op instanceof Operation.RedefineColumn rd && rd.definition().references() != null) {
            cols.add(rd.definition());
        }
        if (cols.isEmpty() || table == null) return;
        Dialect d = ctx.dialect();
        List<String> named = new ArrayList<>();
        StringBuilder fix = new StringBuilder(create
                ? "-- declare each foreign key as a table element of the CREATE TABLE:\n"
                : "-- add the foreign key as a table-level constraint:\n");
        for (ColumnDef c : cols) {
            ColumnDef.ForeignKeyRef r = c.references();
            named.add(table + "." + c.name() + " REFERENCES " + r.table() + (r.column() == null ? "" : "(" + r.column() + ")"));
            String fk = "FOREIGN KEY (" + SqlText.quote(d, c.name()) + ") REFERENCES " + SqlText.table(d, r.table())
                    + (r.column() == null ? "" : " (" + SqlText.quote(d, r.column()) + ")")
                    + (r.onDelete() == null ? "" : " ON DELETE " + r.onDelete()) + (r.onUpdate() == null ? "" : " ON UPDATE " + r.onUpdate());
            fix.append(create ? "    " + fk + ",\n" : "ALTER TABLE " + SqlText.table(d, table) + " ADD " + fk + ";\n");
        }
        ctx.report(this,
                String.join(", ", named) + ": MySQL up to 8.4 parses a column-level REFERENCES and silently ignores it, so no foreign key"
                        + " is created and orphan rows are accepted (MySQL 9.0+ and MariaDB 10.5+ do create it)",
                null,
                fix.toString().strip());
    }
}

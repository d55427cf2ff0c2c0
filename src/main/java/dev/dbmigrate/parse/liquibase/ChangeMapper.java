package dev.dbmigrate.parse.liquibase;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.DataKind;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Turns one Liquibase change (other than sql/sqlFile, which go to the SQL engine) into operations.
 * Names are normalised as the database will see them: Liquibase sends unquoted names (its default
 * quoting strategy), so PostgreSQL folds them to lower case; with
 * {@code objectQuotingStrategy="QUOTE_ALL_OBJECTS"} they keep their case.
 */
final class ChangeMapper {

    private final Dialect dialect;
    private final boolean quoteAll;

    ChangeMapper(Dialect dialect, boolean quoteAll) {
        this.dialect = dialect;
        this.quoteAll = quoteAll;
    }

    /** The operations of a change, or null when the change type is not known. */
    List<Operation> map(String change, LbNode n) {
        return switch (change) {
            case "createTable" -> createTable(n);
            case "addColumn" -> columns(n).stream().<Operation>map(c -> new Operation.AddColumn(table(n, "tableName"), column(c), false)).toList();
            case "dropColumn" -> dropColumns(n);
            case "renameColumn" -> List.of(new Operation.RenameColumn(table(n, "tableName"), name(n.text("oldColumnName")), name(n.text("newColumnName"))));
            case "modifyDataType" -> List.of(new Operation.AlterColumnType(table(n, "tableName"), name(n.text("columnName")),
                    LiquibaseTypes.parse(n.text("newDataType"), dialect), null));
            case "addNotNullConstraint" -> addNotNull(n);
            case "dropNotNullConstraint" -> List.of(new Operation.AlterColumnNullability(table(n, "tableName"), name(n.text("columnName")), false));
            case "addDefaultValue" -> List.of(new Operation.AlterColumnDefault(table(n, "tableName"), name(n.text("columnName")), defaultValue(n)));
            case "dropDefaultValue" -> List.of(new Operation.AlterColumnDefault(table(n, "tableName"), name(n.text("columnName")), null));
            case "createIndex" -> List.of(new Operation.CreateIndex(new IndexDef(name(n.text("indexName")), table(n, "tableName"),
                    columns(n).stream().map(c -> name(c.text("name")) + (c.flag("descending", false) ? " DESC" : "")).toList(),
                    n.flag("unique", false), null, null, null), false, false));
            case "dropIndex" -> List.of(new Operation.DropIndex(name(n.text("indexName")), n.text("tableName") == null ? null : table(n, "tableName"), false, false, false));
            case "addForeignKeyConstraint" -> List.of(new Operation.AddConstraint(table(n, "baseTableName"), foreignKey(n)));
            case "dropForeignKeyConstraint" -> List.of(new Operation.DropConstraint(table(n, "baseTableName"), name(n.text("constraintName")), ConstraintDef.Kind.FOREIGN_KEY, false, false));
            case "addUniqueConstraint" -> List.of(new Operation.AddConstraint(table(n, "tableName"), new ConstraintDef(name(n.text("constraintName")),
                    ConstraintDef.Kind.UNIQUE, list(n.text("columnNames")), null, null, null, null, null, !n.flag("validate", true),
                    name(n.text("forIndexName")), n.flag("deferrable", false))));
            case "dropUniqueConstraint" -> List.of(new Operation.DropConstraint(table(n, "tableName"), name(n.text("constraintName")), ConstraintDef.Kind.UNIQUE, false, false));
            case "addPrimaryKey" -> List.of(new Operation.AddConstraint(table(n, "tableName"), new ConstraintDef(name(n.text("constraintName")),
                    ConstraintDef.Kind.PRIMARY_KEY, list(n.text("columnNames")), null, null, null, null, null, !n.flag("validate", true),
                    name(n.text("forIndexName")), false)));
            case "dropPrimaryKey" -> List.of(new Operation.DropConstraint(table(n, "tableName"), name(n.text("constraintName")), ConstraintDef.Kind.PRIMARY_KEY, false, false));
            case "addCheckConstraint" -> List.of(new Operation.AddConstraint(table(n, "tableName"),
                    ConstraintDef.check(name(n.text("constraintName")), checkBody(n)).withNotValid(!n.flag("validate", true))));
            case "dropCheckConstraint" -> List.of(new Operation.DropConstraint(table(n, "tableName"), name(n.text("constraintName")), ConstraintDef.Kind.CHECK, false, false));
            case "dropTable" -> List.of(new Operation.DropTable(table(n, "tableName"), false, n.flag("cascadeConstraints", false)));
            case "renameTable" -> List.of(new Operation.RenameTable(table(n, "oldTableName"), name(n.text("newTableName"))));
            case "update" -> List.of(new Operation.DataChange(DataKind.UPDATE, table(n, "tableName"), hasWhere(n),
                    columns(n).stream().map(c -> name(c.text("name"))).toList()));
            case "delete" -> List.of(new Operation.DataChange(DataKind.DELETE, table(n, "tableName"), hasWhere(n), null));
            case "insert", "loadData", "loadUpdateData" -> List.of(new Operation.DataChange(DataKind.INSERT, table(n, "tableName"), false,
                    columns(n).stream().map(c -> name(c.text("name"))).toList()));
            case "setTableRemarks" -> List.of(new Operation.SetComment(table(n, "tableName"), null, n.text("remarks")));
            case "setColumnRemarks" -> List.of(new Operation.SetComment(table(n, "tableName"), name(n.text("columnName")), n.text("remarks")));
            case "createView", "dropView", "renameView" -> List.of(new Operation.OtherDdl(verb(change), "VIEW",
                    name(n.text(change.equals("renameView") ? "oldViewName" : "viewName")), null, n.flag("ifExists", false), n.flag("replaceIfExists", false)));
            case "createSequence", "dropSequence", "alterSequence", "renameSequence" -> List.of(new Operation.OtherDdl(verb(change), "SEQUENCE",
                    name(n.text(change.equals("renameSequence") ? "oldSequenceName" : "sequenceName")), null, n.flag("ifExists", false), false));
            case "addAutoIncrement" -> List.of(new Operation.OtherDdl("ALTER", "AUTO_INCREMENT", name(n.text("columnName")), table(n, "tableName"), false, false));
            case "createProcedure", "createFunction", "createTrigger" -> List.of(new Operation.OpaqueCode("sql",
                    change + (n.text("procedureName") != null ? " " + n.text("procedureName") : ""), false, null));
            case "dropProcedure" -> List.of(new Operation.OtherDdl("DROP", "PROCEDURE", name(n.text("procedureName")), null, false, false));
            case "customChange" -> List.of(new Operation.OpaqueCode("java", "customChange " + n.text("class"), false, null));
            case "executeCommand" -> List.of(new Operation.OpaqueCode("shell", "executeCommand " + n.text("executable"), false, null));
            case "tagDatabase", "output", "empty", "stop", "comment" -> List.of();
            default -> null;
        };
    }

    private static String verb(String change) {
        return change.startsWith("create") ? "CREATE" : change.startsWith("drop") ? "DROP" : "ALTER";
    }

    String name(String raw) {
        if (raw == null) return null;
        return quoteAll ? Identifiers.fromOrm(raw.trim()) : Identifiers.normalize(dialect, raw.trim());
    }

    private TableRef table(LbNode n, String key) {
        String schema = n.text(key.startsWith("base") ? "baseTableSchemaName" : "schemaName");
        return new TableRef(schema == null || schema.isBlank() ? null : name(schema), name(n.text(key)));
    }

    private List<String> list(String csv) {
        if (csv == null) return List.of();
        return Arrays.stream(csv.split(",")).map(String::trim).filter(s -> !s.isEmpty()).map(this::name).toList();
    }

    /** The column elements of a change: XML {@code <column>} children or YAML/JSON {@code columns: [{column: ...}]}. */
    static List<LbNode> columns(LbNode n) {
        List<LbNode> out = new ArrayList<>(n.all("column"));
        LbNode cols = n.get("columns");
        if (cols != null) {
            for (LbNode item : cols.isArray() ? cols.items() : List.of(cols)) {
                LbNode c = item.get("column");
                out.addAll(c != null ? List.of(c) : item.all("column"));
            }
        }
        return out;
    }

    private List<Operation> createTable(LbNode n) {
        TableRef t = table(n, "tableName");
        List<ColumnDef> cols = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        String pkName = null;
        for (LbNode c : columns(n)) {
            ColumnDef def = column(c);
            LbNode k = c.get("constraints");
            if (def.primaryKey()) {
                pk.add(def.name());
                if (k != null && k.text("primaryKeyName") != null) pkName = name(k.text("primaryKeyName"));
            }
            if (k != null && def.unique() && k.text("uniqueConstraintName") != null) {
                constraints.add(ConstraintDef.unique(name(k.text("uniqueConstraintName")), List.of(def.name())));
                def = new ColumnDef(def.name(), def.type(), def.notNull(), def.defaultExpr(), def.primaryKey(), false, def.references(),
                        def.generated(), def.check(), def.autoIncrement(), def.collation(), def.comment());
            }
            if (k != null && def.references() != null && k.text("foreignKeyName") != null) {
                ColumnDef.ForeignKeyRef r = def.references();
                constraints.add(ConstraintDef.foreignKey(name(k.text("foreignKeyName")), List.of(def.name()), r.table(),
                        r.column() == null ? List.of() : List.of(r.column()), r.onDelete(), r.onUpdate()));
                def = new ColumnDef(def.name(), def.type(), def.notNull(), def.defaultExpr(), def.primaryKey(), def.unique(), null,
                        def.generated(), def.check(), def.autoIncrement(), def.collation(), def.comment());
            }
            cols.add(def);
        }
        if (pk.size() > 1 || pkName != null) {
            constraints.add(0, ConstraintDef.primaryKey(pkName, pk));
            cols.replaceAll(c -> c.primaryKey()
                    ? new ColumnDef(c.name(), c.type(), true, c.defaultExpr(), false, c.unique(), c.references(), c.generated(), c.check(),
                            c.autoIncrement(), c.collation(), c.comment())
                    : c);
        }
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.CreateTable(t, cols, constraints, n.flag("ifNotExists", false), false, false, null));
        if (n.text("remarks") != null) ops.add(new Operation.SetComment(t, null, n.text("remarks")));
        return ops;
    }

    private ColumnDef column(LbNode c) {
        LbNode k = c.get("constraints");
        boolean pk = k != null && k.flag("primaryKey", false);
        boolean notNull = pk || k != null && !k.flag("nullable", true);
        boolean unique = k != null && k.flag("unique", false);
        ColumnDef.ForeignKeyRef ref = null;
        if (k != null) {
            String refTable = k.text("referencedTableName");
            String refCol = k.text("referencedColumnNames");
            String references = k.text("references");
            if (refTable == null && references != null) {
                int paren = references.indexOf('(');
                refTable = paren < 0 ? references : references.substring(0, paren);
                refCol = paren < 0 ? null : references.substring(paren + 1, references.lastIndexOf(')') < 0 ? references.length() : references.lastIndexOf(')'));
            }
            if (refTable != null) {
                String onDelete = k.flag("deleteCascade", false) ? "CASCADE" : null;
                ref = new ColumnDef.ForeignKeyRef(new TableRef(null, name(refTable.trim())), refCol == null ? null : name(refCol.trim()), onDelete, null);
            }
        }
        return new ColumnDef(name(c.text("name")), LiquibaseTypes.parse(c.text("type"), dialect), notNull, defaultValue(c), pk, unique,
                ref, null, k == null ? null : k.text("checkConstraint"), c.flag("autoIncrement", false), null, c.text("remarks"));
    }

    /** The default of a column or addDefaultValue change as SQL text. */
    private static String defaultValue(LbNode n) {
        String v;
        if ((v = n.text("defaultValueComputed")) != null) return v;
        if ((v = n.text("defaultValueNumeric")) != null) return v;
        if ((v = n.text("defaultValueBoolean")) != null) return v.trim().toLowerCase(Locale.ROOT);
        if ((v = n.text("defaultValueSequenceNext")) != null) return "nextval('" + v + "')";
        if ((v = n.text("defaultValueDate")) != null) return "'" + v.replace("'", "''") + "'";
        if ((v = n.text("defaultValue")) != null) return "'" + v.replace("'", "''") + "'";
        return null;
    }

    private ConstraintDef foreignKey(LbNode n) {
        String onDelete = n.text("onDelete");
        if (onDelete == null && n.flag("deleteCascade", false)) onDelete = "CASCADE";
        String onUpdate = n.text("onUpdate");
        String refSchema = n.text("referencedTableSchemaName");
        TableRef ref = new TableRef(refSchema == null ? null : name(refSchema), name(n.text("referencedTableName")));
        return new ConstraintDef(name(n.text("constraintName")), ConstraintDef.Kind.FOREIGN_KEY, list(n.text("baseColumnNames")), ref,
                list(n.text("referencedColumnNames")), action(onDelete), action(onUpdate), null, !n.flag("validate", true), null,
                n.flag("deferrable", false));
    }

    private static String action(String a) {
        return a == null ? null : a.trim().toUpperCase(Locale.ROOT);
    }

    private List<Operation> dropColumns(LbNode n) {
        List<Operation> ops = new ArrayList<>();
        if (n.text("columnName") != null) ops.add(new Operation.DropColumn(table(n, "tableName"), name(n.text("columnName")), false, false));
        for (LbNode c : columns(n)) ops.add(new Operation.DropColumn(table(n, "tableName"), name(c.text("name")), false, false));
        return ops;
    }

    private List<Operation> addNotNull(LbNode n) {
        TableRef t = table(n, "tableName");
        String col = name(n.text("columnName"));
        List<Operation> ops = new ArrayList<>();
        if (n.text("defaultNullValue") != null) {
            // Liquibase first runs UPDATE t SET col = <defaultNullValue> WHERE col IS NULL
            ops.add(new Operation.DataChange(DataKind.UPDATE, t, true, List.of(col)));
        }
        ops.add(new Operation.AlterColumnNullability(t, col, true));
        return ops;
    }

    private static boolean hasWhere(LbNode n) {
        String w = n.text("where");
        return w != null && !w.isBlank();
    }

    private static String checkBody(LbNode n) {
        for (String k : List.of("constraintBody", "checkCondition", "condition")) {
            if (n.text(k) != null) return n.text(k).trim();
        }
        String b = n.body();
        return b == null ? null : b.trim();
    }
}

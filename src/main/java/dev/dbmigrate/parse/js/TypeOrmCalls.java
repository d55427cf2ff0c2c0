package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Obj;
import dev.dbmigrate.parse.js.JsWalker.GiveUp;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

/**
 * TypeORM: {@code queryRunner.query(sql, params)} (the form {@code migration:generate} writes; each
 * call's SQL goes to the SQL engine) and the Table API ({@code createTable(new Table({...}))},
 * {@code addColumn}, {@code changeColumn}, {@code createIndex}, {@code createForeignKey},
 * {@code createUniqueConstraint}, {@code createCheckConstraint}, their drops, transactions).
 *
 * <p>As TypeORM does: a column is NOT NULL unless {@code isNullable: true}; {@code isGenerated}
 * with strategy {@code increment} is serial / bigserial on PostgreSQL and AUTO_INCREMENT on MySQL,
 * strategy {@code uuid} defaults to {@code uuid_generate_v4()} on PostgreSQL; {@code enum} columns on
 * PostgreSQL get the type {@code <table>_<column>_enum} (or {@code enumName}). Unnamed keys get the
 * names of TypeORM's DefaultNamingStrategy: {@code PK_/UQ_/FK_} + the first 27 hex digits (IDX_,
 * CHK_: 26) of SHA-1 over {@code <table>_<sorted columns>} (index: {@code _<where>} appended; check:
 * {@code <table>_<expression>}); a project with its own naming strategy names them differently.
 * {@code changeColumn} is a whole-column redefinition (TypeORM drops and re-adds the column when the
 * type or length changes; the schema stage sees that from the old definition).
 */
final class TypeOrmCalls {

    private final JsWalker w;
    private final Dialect d;

    TypeOrmCalls(JsWalker w) {
        this.w = w;
        this.d = w.dialect == null ? Dialect.POSTGRESQL : w.dialect;
    }

    boolean handle(Chain c, JsScope scope) {
        if (c.links().isEmpty()) return false;
        Chain.Link first = c.links().get(0);
        if (first.name().equals("manager") || first.name().equals("connection")) return manager(c, scope);
        if (!first.isCall()) return false;
        Node node = first.node();
        try {
            List<Operation> ops = new ArrayList<>();
            switch (first.name()) {
                case "query" -> {
                    w.sql(first.arg(0), node, scope);
                    return true;
                }
                case "createTable" -> createTable(first, scope, ops);
                case "dropTable" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    ops.add(new Operation.DropTable(t, Boolean.TRUE.equals(w.bool(first.arg(1), scope)) || scope.knownPresent(t.name(), null), false));
                }
                case "renameTable" -> ops.add(new Operation.RenameTable(tableArg(first.arg(0), scope, first), str(first, 1, scope)));
                case "addColumn", "addColumns" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node colNode : list(first, 1, scope)) {
                        List<ConstraintDef> extra = new ArrayList<>();
                        ColumnDef col = column(t, colNode, scope, ops, extra);
                        ops.add(new Operation.AddColumn(t, col, scope.knownMissing(t.name(), col.name())));
                        extra.forEach(x -> ops.add(new Operation.AddConstraint(t, x)));
                    }
                }
                case "dropColumn", "dropColumns" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node colNode : list(first, 1, scope)) {
                        String name = nameOf(colNode, scope, first);
                        ops.add(new Operation.DropColumn(t, name, scope.knownPresent(t.name(), name), false));
                    }
                }
                case "renameColumn" -> ops.add(new Operation.RenameColumn(tableArg(first.arg(0), scope, first), nameOf(first.arg(1), scope, first),
                        nameOf(first.arg(2), scope, first)));
                case "changeColumn" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    String old = nameOf(first.arg(1), scope, first);
                    List<ConstraintDef> extra = new ArrayList<>();
                    ColumnDef col = column(t, first.arg(2), scope, ops, extra);
                    if (!col.name().equals(old)) ops.add(new Operation.RenameColumn(t, old, col.name()));
                    ops.add(new Operation.RedefineColumn(t, col.name(), col));
                    extra.forEach(x -> ops.add(new Operation.AddConstraint(t, x)));
                }
                case "createIndex", "createIndices" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) ops.add(index(t, n, scope, first));
                }
                case "dropIndex", "dropIndices" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        ops.add(new Operation.DropIndex(keyName(n, scope, first, t, "IDX_"), d.isMysqlFamily() ? t : null, false, false, false));
                    }
                }
                case "createForeignKey", "createForeignKeys" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) ops.add(new Operation.AddConstraint(t, foreignKey(t, n, scope, first)));
                }
                case "dropForeignKey", "dropForeignKeys" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        ops.add(new Operation.DropConstraint(t, keyName(n, scope, first, t, "FK_"), ConstraintDef.Kind.FOREIGN_KEY, false, false));
                    }
                }
                case "createUniqueConstraint", "createUniqueConstraints" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        Obj o = options(n, scope, first);
                        List<String> cols = strings(o.get("columnNames"), scope, first);
                        String name = w.str(o.get("name"), scope);
                        ops.add(new Operation.AddConstraint(t, ConstraintDef.unique(name != null ? name : hashName("UQ_", t, cols, 27), cols)));
                    }
                }
                case "dropUniqueConstraint", "dropUniqueConstraints" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        ops.add(new Operation.DropConstraint(t, keyName(n, scope, first, t, "UQ_"), ConstraintDef.Kind.UNIQUE, false, false));
                    }
                }
                case "createCheckConstraint", "createCheckConstraints" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        Obj o = options(n, scope, first);
                        String expr = w.str(o.get("expression"), scope);
                        if (expr == null) throw JsWalker.giveUp("check constraint expression computed at run time", n);
                        String name = w.str(o.get("name"), scope);
                        ops.add(new Operation.AddConstraint(t, ConstraintDef.check(name != null ? name : checkName(t, expr), expr)));
                    }
                }
                case "dropCheckConstraint", "dropCheckConstraints" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    for (Node n : list(first, 1, scope)) {
                        ops.add(new Operation.DropConstraint(t, keyName(n, scope, first, t, "CHK_"), ConstraintDef.Kind.CHECK, false, false));
                    }
                }
                case "createPrimaryKey" -> {
                    TableRef t = tableArg(first.arg(0), scope, first);
                    List<String> cols = strings(first.arg(1), scope, first);
                    String name = w.str(first.arg(2), scope);
                    ops.add(new Operation.AddConstraint(t, ConstraintDef.primaryKey(d.isMysqlFamily() ? null
                            : name != null ? name : hashName("PK_", t, cols, 27), cols)));
                }
                case "dropPrimaryKey" -> ops.add(new Operation.DropConstraint(tableArg(first.arg(0), scope, first), w.str(first.arg(1), scope),
                        ConstraintDef.Kind.PRIMARY_KEY, false, false));
                case "clearTable" -> ops.add(new Operation.Truncate(List.of(tableArg(first.arg(0), scope, first)), false));
                case "createSchema" -> ops.add(new Operation.CreateSchema(str(first, 0, scope), Boolean.TRUE.equals(w.bool(first.arg(1), scope))));
                case "dropSchema" -> ops.add(new Operation.DropSchema(str(first, 0, scope), false, Boolean.TRUE.equals(w.bool(first.arg(1), scope)),
                        Boolean.TRUE.equals(w.bool(first.arg(2), scope))));
                case "createDatabase" -> ops.add(new Operation.OtherDdl("CREATE", "DATABASE", str(first, 0, scope), null,
                        Boolean.TRUE.equals(w.bool(first.arg(1), scope)), false));
                case "dropDatabase" -> ops.add(new Operation.DropSchema(str(first, 0, scope), true, Boolean.TRUE.equals(w.bool(first.arg(1), scope)), false));
                case "startTransaction" -> ops.add(new Operation.TransactionControl(Operation.TxKind.BEGIN));
                case "commitTransaction" -> ops.add(new Operation.TransactionControl(Operation.TxKind.COMMIT));
                case "rollbackTransaction" -> ops.add(new Operation.TransactionControl(Operation.TxKind.ROLLBACK));
                case "hasTable", "hasColumn", "getTable", "getTables", "hasSchema", "hasDatabase", "getCurrentSchema", "release", "connect",
                        "getView", "getViews", "getMemorySql" -> { }
                default -> {
                    return false;
                }
            }
            if (!ops.isEmpty()) w.sink.orm(node.start(), node.end(), ops);
        } catch (GiveUp g) {
            w.sink.unparsed(node.start(), node.end(), g.getMessage());
        }
        return true;
    }

    /** {@code queryRunner.manager.query(sql)}; other manager / repository calls are opaque data code. */
    private boolean manager(Chain c, JsScope scope) {
        Chain.Link l = c.link(1);
        Node whole = c.links().get(c.links().size() - 1).node();
        if (l != null && l.isCall() && l.name().equals("query")) {
            w.sql(l.arg(0), l.node(), scope);
            return true;
        }
        if (l != null && l.isCall() && List.of("update", "delete", "insert").contains(l.name()) && w.str(l.arg(0), scope) != null) {
            Operation.DataKind kind = switch (l.name()) {
                case "update" -> Operation.DataKind.UPDATE;
                case "delete" -> Operation.DataKind.DELETE;
                default -> Operation.DataKind.INSERT;
            };
            Node crit = l.arg(1);
            boolean where = crit != null && !(w.resolve(crit, scope) instanceof Obj o && o.props().isEmpty());
            w.sink.orm(whole.start(), whole.end(), List.of(new Operation.DataChange(kind, w.table(w.str(l.arg(0), scope)), where, List.of())));
            return true;
        }
        w.sink.orm(whole.start(), whole.end(), List.of(new Operation.OpaqueCode("javascript", "TypeORM entity manager call: "
                + JsWalker.shorten(w.text(whole)), false, List.of())));
        return true;
    }

    private String str(Chain.Link l, int k, JsScope scope) {
        String s = w.str(l.arg(k), scope);
        if (s == null) throw JsWalker.giveUp(l.name() + "(): argument " + (k + 1) + " is computed at run time", l.node());
        return s;
    }

    /** The argument {@code k} as a list ({@code addColumns(t, [a, b])} or a single value). */
    private List<Node> list(Chain.Link l, int k, JsScope scope) {
        Node n = l.arg(k);
        if (n == null) throw JsWalker.giveUp(l.name() + "(): missing argument", l.node());
        Node e = w.resolve(n, scope);
        return e instanceof JsAst.Arr a ? a.items() : List.of(n);
    }

    private List<String> strings(Node n, JsScope scope, Chain.Link l) {
        List<String> s = w.strings(n, scope);
        if (s == null) throw JsWalker.giveUp(l.name() + "(): column names computed at run time", n == null ? l.node() : n);
        return s;
    }

    /** The options object of {@code new TableX({...})} or a plain options object. */
    private Obj options(Node n, JsScope scope, Chain.Link l) {
        Node e = w.resolve(n, scope);
        if (JsWalker.newName(e) != null) {
            List<Node> args = JsWalker.args(e);
            Obj o = args.isEmpty() ? null : w.obj(args.get(0), scope);
            if (o != null) return o;
        }
        Obj o = w.obj(e, scope);
        if (o == null) throw JsWalker.giveUp(l.name() + "(): definition computed at run time (" + JsWalker.shorten(w.text(n)) + ")", n);
        return o;
    }

    /** A table argument: a name, {@code new Table({ name })} or a variable holding one. */
    private TableRef tableArg(Node n, JsScope scope, Chain.Link l) {
        String s = w.str(n, scope);
        if (s == null && n != null) {
            Node e = w.resolve(n, scope);
            if (JsWalker.newName(e) != null || e instanceof Obj) s = w.str(options(e, scope, l).get("name"), scope);
        }
        if (s == null) throw JsWalker.giveUp(l.name() + "(): table computed at run time (" + JsWalker.shorten(w.text(n)) + ")", l.node());
        return w.table(s);
    }

    /** A column / key given by name or by a {@code new TableX({ name })}. */
    private String nameOf(Node n, JsScope scope, Chain.Link l) {
        String s = w.str(n, scope);
        if (s != null) return s;
        if (n != null) {
            Node e = w.resolve(n, scope);
            if (JsWalker.newName(e) != null || e instanceof Obj) {
                String name = w.str(options(e, scope, l).get("name"), scope);
                if (name != null) return name;
            }
        }
        throw JsWalker.giveUp(l.name() + "(): name found at run time (" + JsWalker.shorten(w.text(n)) + ")", l.node());
    }

    /** The name of a key to drop: a string, an object with a name, or TypeORM's generated name from its columns. */
    private String keyName(Node n, JsScope scope, Chain.Link l, TableRef t, String prefix) {
        String s = w.str(n, scope);
        if (s != null) return s;
        Node e = w.resolve(n, scope);
        if (JsWalker.newName(e) != null || e instanceof Obj) {
            Obj o = options(e, scope, l);
            String name = w.str(o.get("name"), scope);
            if (name != null) return name;
            if (prefix.equals("CHK_") && w.str(o.get("expression"), scope) != null) return checkName(t, w.str(o.get("expression"), scope));
            List<String> cols = w.strings(o.get("columnNames"), scope);
            if (cols != null) return prefix.equals("IDX_") ? indexName(t, cols, w.str(o.get("where"), scope)) : hashName(prefix, t, cols, 27);
        }
        throw JsWalker.giveUp(l.name() + "(): which key is found at run time (" + JsWalker.shorten(w.text(n)) + ")", l.node());
    }

    private void createTable(Chain.Link l, JsScope scope, List<Operation> ops) {
        Obj o = options(l.arg(0), scope, l);
        String name = w.str(o.get("name"), scope);
        if (name == null) throw JsWalker.giveUp("createTable(): table name computed at run time", l.node());
        TableRef t = w.table(name);
        boolean ifNotExists = Boolean.TRUE.equals(w.bool(l.arg(1), scope)) || scope.knownMissing(t.name(), null);
        boolean fks = !Boolean.FALSE.equals(w.bool(l.arg(2), scope));
        boolean indices = !Boolean.FALSE.equals(w.bool(l.arg(3), scope));
        List<ColumnDef> cols = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        List<Operation> before = new ArrayList<>();
        Node columns = w.resolve(o.get("columns"), scope);
        if (!(columns instanceof JsAst.Arr arr)) throw JsWalker.giveUp("createTable(): columns computed at run time", l.node());
        for (Node c : arr.items()) {
            ColumnDef col = column(t, c, scope, before, constraints);
            if (col.primaryKey()) pk.add(col.name());
            cols.add(col);
        }
        if (!pk.isEmpty()) {
            cols = JsWalker.primaryKeyAsConstraint(cols);
            constraints.add(0, ConstraintDef.primaryKey(d.isMysqlFamily() ? null : hashName("PK_", t, pk, 27), pk));
        }
        for (Node u : items(o.get("uniques"), scope)) {
            Obj uo = options(u, scope, l);
            List<String> uc = strings(uo.get("columnNames"), scope, l);
            String un = w.str(uo.get("name"), scope);
            constraints.add(ConstraintDef.unique(un != null ? un : hashName("UQ_", t, uc, 27), uc));
        }
        for (Node ck : items(o.get("checks"), scope)) {
            Obj co = options(ck, scope, l);
            String expr = w.str(co.get("expression"), scope);
            if (expr == null) throw JsWalker.giveUp("createTable(): check expression computed at run time", ck);
            String cn = w.str(co.get("name"), scope);
            constraints.add(ConstraintDef.check(cn != null ? cn : checkName(t, expr), expr));
        }
        if (fks) {
            for (Node fk : items(o.get("foreignKeys"), scope)) constraints.add(foreignKey(t, fk, scope, l));
        }
        ops.addAll(before);
        ops.add(new Operation.CreateTable(t, cols, constraints, ifNotExists, false, false, null));
        if (indices) {
            for (Node ix : items(o.get("indices"), scope)) ops.add(index(t, ix, scope, l));
        }
    }

    private List<Node> items(Node n, JsScope scope) {
        if (n == null) return List.of();
        Node e = w.resolve(n, scope);
        if (e instanceof JsAst.Arr a) return a.items();
        throw JsWalker.giveUp("list computed at run time (" + JsWalker.shorten(w.text(n)) + ")", n);
    }

    /**
     * A column from TableColumnOptions. Unique columns add a UQ_ constraint to {@code constraints};
     * enum types on PostgreSQL go to {@code before}.
     */
    private ColumnDef column(TableRef t, Node n, JsScope scope, List<Operation> before, List<ConstraintDef> constraints) {
        Obj o = options(n, scope, new Chain.Link("column", List.of(), n, n.start()));
        String name = w.str(o.get("name"), scope);
        if (name == null) throw JsWalker.giveUp("column name computed at run time", n);
        String typeName = w.str(o.get("type"), scope);
        if (typeName == null) throw JsWalker.giveUp("column " + name + ": type computed at run time", n);
        boolean generated = Boolean.TRUE.equals(w.bool(o.get("isGenerated"), scope));
        String strategy = generated ? firstNonNull(w.str(o.get("generationStrategy"), scope), "increment") : null;
        SqlType type = type(t, name, typeName, o, scope, before, "increment".equals(strategy));
        boolean nullable = Boolean.TRUE.equals(w.bool(o.get("isNullable"), scope));
        boolean pk = Boolean.TRUE.equals(w.bool(o.get("isPrimary"), scope));
        String def = o.get("default") == null ? null : defaultSql(o.get("default"), scope);
        if ("uuid".equals(strategy) && def == null && d == Dialect.POSTGRESQL) def = "uuid_generate_v4()";
        ColumnDef.Generated gen = "identity".equals(strategy) ? new ColumnDef.Generated(true,
                "ALWAYS".equalsIgnoreCase(w.str(o.get("generatedIdentity"), scope)), null, false) : null;
        String asExpr = w.str(o.get("asExpression"), scope);
        if (asExpr != null) gen = new ColumnDef.Generated(false, true, asExpr, !"VIRTUAL".equalsIgnoreCase(w.str(o.get("generatedType"), scope)));
        if (Boolean.TRUE.equals(w.bool(o.get("isUnique"), scope))) {
            constraints.add(ConstraintDef.unique(hashName("UQ_", t, List.of(name), 27), List.of(name)));
        }
        return new ColumnDef(name, type, !nullable || pk, def, pk, false, null, gen, null,
                "increment".equals(strategy) && d != Dialect.POSTGRESQL, w.str(o.get("collation"), scope), w.str(o.get("comment"), scope));
    }

    private static String firstNonNull(String a, String b) {
        return a != null ? a : b;
    }

    /** TypeORM's column type with length / precision / scale / array / unsigned applied. */
    private SqlType type(TableRef t, String col, String typeName, Obj o, JsScope scope, List<Operation> before, boolean increment) {
        String base = typeName.trim().toLowerCase(Locale.ROOT);
        if (base.equals("enum") || base.equals("simple-enum")) {
            List<String> values = w.strings(o.get("enum"), scope);
            if (values == null) throw JsWalker.giveUp("column " + col + ": enum values computed at run time", o);
            if (d == Dialect.POSTGRESQL && base.equals("enum")) {
                String enumName = w.str(o.get("enumName"), scope);
                String typeN = enumName != null ? enumName : t.name() + "_" + col + "_enum";
                before.add(new Operation.CreateEnum(typeN, values));
                return TypeText.of(typeN, typeN);
            }
            if (d.isMysqlFamily()) return new SqlType("enum", values, false, "enum(" + String.join(",", values.stream().map(JsWalker::quote).toList()) + ")");
            return TypeText.of("varchar", "varchar");
        }
        if (increment && d == Dialect.POSTGRESQL) {
            String c = TypeText.canonical(base, d);
            if (c.equals("integer")) return TypeText.of("serial", "serial");
            if (c.equals("bigint")) return TypeText.of("bigserial", "bigserial");
            if (c.equals("smallint")) return TypeText.of("smallserial", "smallserial");
        }
        String length = w.str(o.get("length"), scope);
        Integer precision = w.num(o.get("precision"), scope);
        Integer scale = w.num(o.get("scale"), scope);
        String args = length != null && !length.isEmpty() ? "(" + length + ")"
                : precision != null ? "(" + precision + (scale != null ? "," + scale : "") + ")" : "";
        if (args.isEmpty() && d.isMysqlFamily() && (base.equals("varchar") || base.equals("nvarchar"))) args = "(255)";
        String raw = typeName + args + (Boolean.TRUE.equals(w.bool(o.get("unsigned"), scope)) && d.isMysqlFamily() ? " unsigned" : "");
        SqlType parsed = TypeText.parse(raw, d);
        if (Boolean.TRUE.equals(w.bool(o.get("isArray"), scope))) parsed = new SqlType(parsed.name(), parsed.args(), true, raw + "[]");
        return parsed;
    }

    /** TypeORM defaults are SQL as written ({@code "now()"}, {@code "'draft'"}); numbers and booleans as literals. */
    private String defaultSql(Node n, JsScope scope) {
        Node e = w.resolve(n, scope);
        if (e instanceof JsAst.Lit l && l.value() instanceof String s) return s;
        if (e instanceof JsAst.Tpl) return w.str(e, scope);
        if (e instanceof JsAst.Fn f && f.expr() != null) {
            String s = w.str(f.expr(), scope);
            if (s != null) return s;
        }
        String lit = w.literalDefault(e, scope);
        return lit != null ? lit : w.text(n);
    }

    private Operation index(TableRef t, Node n, JsScope scope, Chain.Link l) {
        Obj o = options(n, scope, l);
        List<String> cols = strings(o.get("columnNames"), scope, l);
        String name = w.str(o.get("name"), scope);
        String where = w.str(o.get("where"), scope);
        boolean unique = Boolean.TRUE.equals(w.bool(o.get("isUnique"), scope));
        String method = Boolean.TRUE.equals(w.bool(o.get("isSpatial"), scope)) ? (d == Dialect.POSTGRESQL ? "gist" : "spatial")
                : Boolean.TRUE.equals(w.bool(o.get("isFulltext"), scope)) ? "fulltext" : null;
        boolean concurrent = Boolean.TRUE.equals(w.bool(o.get("isConcurrent"), scope));
        IndexDef idx = new IndexDef(name != null ? name : indexName(t, cols, where), t, cols, unique, method, where, List.of());
        return new Operation.CreateIndex(idx, concurrent, false);
    }

    private ConstraintDef foreignKey(TableRef t, Node n, JsScope scope, Chain.Link l) {
        Obj o = options(n, scope, l);
        List<String> cols = strings(o.get("columnNames"), scope, l);
        String ref = w.str(o.get("referencedTableName"), scope);
        if (ref == null) throw JsWalker.giveUp("foreign key: referenced table computed at run time", n);
        List<String> refCols = w.strings(o.get("referencedColumnNames"), scope);
        String schema = w.str(o.get("referencedSchema"), scope);
        String name = w.str(o.get("name"), scope);
        String onDelete = w.str(o.get("onDelete"), scope);
        String onUpdate = w.str(o.get("onUpdate"), scope);
        ConstraintDef fk = ConstraintDef.foreignKey(name != null ? name : hashName("FK_", t, cols, 27), cols, w.table(schema, ref),
                refCols == null ? List.of() : refCols, onDelete == null ? null : onDelete.toUpperCase(Locale.ROOT),
                onUpdate == null ? null : onUpdate.toUpperCase(Locale.ROOT));
        String deferrable = w.str(o.get("deferrable"), scope);
        return deferrable == null ? fk : new ConstraintDef(fk.name(), fk.kind(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(),
                fk.onUpdate(), null, false, null, true);
    }

    // ---- TypeORM DefaultNamingStrategy ------------------------------------------------------

    static String hashName(String prefix, TableRef t, List<String> cols, int digits) {
        List<String> sorted = new ArrayList<>(cols);
        sorted.sort(null);
        return prefix + sha1(t.name().replaceFirst("\\.", "_") + "_" + String.join("_", sorted)).substring(0, digits);
    }

    static String indexName(TableRef t, List<String> cols, String where) {
        List<String> sorted = new ArrayList<>(cols);
        sorted.sort(null);
        String key = t.name().replaceFirst("\\.", "_") + "_" + String.join("_", sorted) + (where == null || where.isEmpty() ? "" : "_" + where);
        return "IDX_" + sha1(key).substring(0, 26);
    }

    static String checkName(TableRef t, String expression) {
        return "CHK_" + sha1(t.name().replaceFirst("\\.", "_") + "_" + expression).substring(0, 26);
    }

    static String sha1(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-1").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

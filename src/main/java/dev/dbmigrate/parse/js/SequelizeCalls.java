package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ColumnDef.ForeignKeyRef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.js.JsAst.Fn;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Obj;
import dev.dbmigrate.parse.js.JsAst.Prop;
import dev.dbmigrate.parse.js.JsScope.Role;
import dev.dbmigrate.parse.js.JsWalker.GiveUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Sequelize: {@code queryInterface} calls ({@code createTable}, {@code addColumn}, {@code changeColumn},
 * {@code addIndex}, {@code addConstraint}, {@code bulkInsert}/{@code bulkUpdate}/{@code bulkDelete}...),
 * {@code queryInterface.sequelize.query(sql)} through the SQL engine, and
 * {@code sequelize.transaction(async (t) => ...)} bodies.
 *
 * <p>Columns are stated inline as Sequelize writes them (inline {@code UNIQUE} and
 * {@code REFERENCES}, so the database names them: {@code users_email_key}, {@code posts_user_id_fkey}
 * on PostgreSQL). Implicit names Sequelize itself chooses: {@code addIndex} ->
 * {@code <table>_<fields>} (underscored, as {@code Utils.underscore} does), {@code addConstraint} ->
 * {@code <table>_<fields>_uk / _pk / _ck / _<refTable>_fk}. {@code ENUM} on PostgreSQL creates the
 * type {@code enum_<table>_<column>} first. {@code changeColumn} on PostgreSQL restates type,
 * nullability and default (Sequelize emits all three); on MySQL / SQLite it redefines the column.
 * Types follow Sequelize's per-dialect DataTypes (see {@link #type}).
 */
final class SequelizeCalls {

    private static final Set<String> TYPE_NAMES = Set.of("STRING", "CHAR", "TEXT", "CITEXT", "TSVECTOR", "INTEGER", "BIGINT", "SMALLINT",
            "TINYINT", "MEDIUMINT", "FLOAT", "REAL", "DOUBLE", "DECIMAL", "NUMERIC", "BOOLEAN", "DATE", "DATEONLY", "TIME", "UUID", "UUIDV1",
            "UUIDV4", "JSON", "JSONB", "BLOB", "ENUM", "ARRAY", "GEOMETRY", "GEOGRAPHY", "INET", "CIDR", "MACADDR", "HSTORE", "RANGE",
            "VIRTUAL", "NOW", "ABSTRACT", "BIT");

    private final JsWalker w;
    private final Dialect d;

    SequelizeCalls(JsWalker w) {
        this.w = w;
        this.d = w.dialect == null ? Dialect.POSTGRESQL : w.dialect;
    }

    boolean handle(Chain c, JsScope scope) {
        if (c.links().isEmpty()) return false;
        Chain.Link first = c.links().get(0);
        if (first.name().equals("sequelize")) return sequelize(c, scope);
        if (!first.isCall()) return false;
        Node node = first.node();
        try {
            List<Operation> ops = new ArrayList<>();
            switch (first.name()) {
                case "createTable" -> createTable(first, scope, ops);
                case "dropTable" -> {
                    TableRef t = tableArg(first, 0, scope);
                    Obj o = w.obj(first.arg(1), scope);
                    boolean cascade = o != null && Boolean.TRUE.equals(w.bool(o.get("cascade"), scope));
                    ops.add(new Operation.DropTable(t, scope.knownPresent(t.name(), null), cascade));
                }
                case "renameTable" -> ops.add(new Operation.RenameTable(tableArg(first, 0, scope), str(first, 1, scope)));
                case "addColumn" -> {
                    TableRef t = tableArg(first, 0, scope);
                    String col = str(first, 1, scope);
                    ColumnDef def = column(t, col, first.arg(2), scope, ops);
                    ops.add(new Operation.AddColumn(t, def, scope.knownMissing(t.name(), col)));
                }
                case "removeColumn" -> {
                    TableRef t = tableArg(first, 0, scope);
                    String col = str(first, 1, scope);
                    ops.add(new Operation.DropColumn(t, col, scope.knownPresent(t.name(), col), false));
                }
                case "renameColumn" -> ops.add(new Operation.RenameColumn(tableArg(first, 0, scope), str(first, 1, scope), str(first, 2, scope)));
                case "changeColumn" -> changeColumn(first, scope, ops);
                case "addIndex" -> addIndex(first, scope, ops);
                case "removeIndex" -> {
                    TableRef t = tableArg(first, 0, scope);
                    List<String> fields = w.strings(first.arg(1), scope);
                    if (fields == null) throw JsWalker.giveUp("removeIndex(): index computed at run time", node);
                    String name = w.resolve(first.arg(1), scope) instanceof JsAst.Arr ? indexName(t, fields) : fields.get(0);
                    Obj o = w.obj(first.arg(2), scope);
                    boolean conc = o != null && Boolean.TRUE.equals(w.bool(o.get("concurrently"), scope));
                    ops.add(new Operation.DropIndex(name, d.isMysqlFamily() ? t : null, conc, false, false));
                }
                case "addConstraint" -> addConstraint(first, scope, ops);
                case "removeConstraint" -> ops.add(new Operation.DropConstraint(tableArg(first, 0, scope), str(first, 1, scope), null, false, false));
                case "bulkInsert" -> ops.add(new Operation.DataChange(Operation.DataKind.INSERT, tableArg(first, 0, scope), false, List.of()));
                case "bulkUpdate" -> {
                    Obj values = w.obj(first.arg(1), scope);
                    List<String> set = values == null ? List.of() : values.props().stream().map(Prop::key).filter(k -> k != null).toList();
                    ops.add(new Operation.DataChange(Operation.DataKind.UPDATE, tableArg(first, 0, scope), hasWhere(first.arg(2), scope), set));
                }
                case "bulkDelete" -> ops.add(new Operation.DataChange(Operation.DataKind.DELETE, tableArg(first, 0, scope),
                        hasWhere(first.arg(1), scope), List.of()));
                case "createSchema" -> ops.add(new Operation.CreateSchema(str(first, 0, scope), false));
                case "dropSchema" -> ops.add(new Operation.DropSchema(str(first, 0, scope), false, false, false));
                case "dropEnum" -> ops.add(new Operation.DropType(str(first, 0, scope), false, false));
                case "createFunction" -> ops.add(new Operation.OtherDdl("CREATE", "FUNCTION", str(first, 0, scope), null, false, false));
                case "dropFunction" -> ops.add(new Operation.OtherDdl("DROP", "FUNCTION", str(first, 0, scope), null, false, false));
                case "describeTable", "showAllTables", "tableExists", "showIndex", "getForeignKeysForTables", "getForeignKeyReferencesForTable",
                        "select", "rawSelect" -> { }
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

    /** {@code queryInterface.sequelize.query(sql)} and {@code .transaction(cb)}. */
    private boolean sequelize(Chain c, JsScope scope) {
        Chain.Link l = c.link(1);
        if (l == null || !l.isCall()) return c.links().size() == 1;
        switch (l.name()) {
            case "query" -> w.sql(l.arg(0), l.node(), scope);
            case "transaction" -> {
                Node cb = l.args().isEmpty() ? null : l.args().get(l.args().size() - 1);
                if (cb instanceof Fn fn) {
                    JsScope inner = scope.child();
                    if (!fn.params().isEmpty()) inner.bind(fn.params().get(0), Role.TRANSACTION);
                    w.function(fn, inner);
                }
            }
            case "literal", "fn", "col", "where", "escape", "getDialect", "getQueryInterface", "authenticate" -> { }
            default -> {
                return false;
            }
        }
        return true;
    }

    private boolean hasWhere(Node where, JsScope scope) {
        if (where == null) return false;
        Node e = w.resolve(where, scope);
        if (e instanceof JsAst.Lit l && l.value() == null) return false;
        if (e instanceof JsAst.Id id && id.name().equals("undefined")) return false;
        return !(e instanceof Obj o) || !o.props().isEmpty();
    }

    private String str(Chain.Link l, int k, JsScope scope) {
        String s = w.str(l.arg(k), scope);
        if (s == null) throw JsWalker.giveUp(l.name() + "(): argument " + (k + 1) + " is computed at run time", l.node());
        return s;
    }

    /** A table argument: a name, "schema.name" or {@code { tableName, schema }}. */
    private TableRef tableArg(Chain.Link l, int k, JsScope scope) {
        Obj o = w.obj(l.arg(k), scope);
        if (o != null) {
            String name = w.str(o.get("tableName"), scope);
            if (name == null) throw JsWalker.giveUp(l.name() + "(): table name computed at run time", l.node());
            return w.table(w.str(o.get("schema"), scope), name);
        }
        return w.table(str(l, k, scope));
    }

    private void createTable(Chain.Link l, JsScope scope, List<Operation> ops) {
        TableRef t = tableArg(l, 0, scope);
        Obj attrs = w.obj(l.arg(1), scope);
        if (attrs == null) throw JsWalker.giveUp("createTable(): attributes computed at run time", l.node());
        List<ColumnDef> cols = new ArrayList<>();
        List<Operation> before = new ArrayList<>();
        List<ConstraintDef> constraints = new ArrayList<>();
        List<String> pk = new ArrayList<>();
        for (Prop p : attrs.props()) {
            if (p.key() == null) throw JsWalker.giveUp("createTable(): a column is computed at run time (" + JsWalker.shorten(w.text(p.value())) + ")", p.value());
            ColumnDef c = column(t, p.key(), p.value(), scope, before);
            if (c == null) continue;
            cols.add(c);
            if (c.primaryKey()) pk.add(c.name());
        }
        if (pk.size() > 1) {
            cols = JsWalker.primaryKeyAsConstraint(cols);
            constraints.add(ConstraintDef.primaryKey(null, pk));
        }
        Obj options = w.obj(l.arg(2), scope);
        Obj uniqueKeys = options == null ? null : w.obj(options.get("uniqueKeys"), scope);
        if (uniqueKeys != null) {
            for (Prop p : uniqueKeys.props()) {
                Obj u = w.obj(p.value(), scope);
                List<String> fields = u == null ? null : w.strings(u.get("fields"), scope);
                if (fields != null) constraints.add(ConstraintDef.unique(p.key(), fields));
            }
        }
        ops.addAll(before);
        ops.add(new Operation.CreateTable(t, cols, constraints, scope.knownMissing(t.name(), null), false, false, null));
    }

    /**
     * A column from an attribute definition ({@code { type, allowNull, defaultValue, primaryKey,
     * autoIncrement, unique, references, onDelete, onUpdate, comment }} or a bare type). Operations
     * the column needs first (enum types) go to {@code before}. Null for VIRTUAL attributes.
     */
    private ColumnDef column(TableRef t, String name, Node attr, JsScope scope, List<Operation> before) {
        Obj o = w.obj(attr, scope);
        Node typeNode = o == null ? attr : o.get("type");
        if (typeNode == null) throw JsWalker.giveUp("column " + name + " has no type", attr);
        boolean autoInc = o != null && Boolean.TRUE.equals(w.bool(o.get("autoIncrement"), scope));
        boolean pk = o != null && Boolean.TRUE.equals(w.bool(o.get("primaryKey"), scope));
        SqlType type = type(typeNode, t, name, o, scope, before, autoInc);
        if (type == null) return null;
        Boolean allowNull = o == null ? null : w.bool(o.get("allowNull"), scope);
        boolean notNull = Boolean.FALSE.equals(allowNull) || pk;
        String def = o == null || o.get("defaultValue") == null ? null : defaultSql(o.get("defaultValue"), scope);
        boolean unique = o != null && o.get("unique") != null && !Boolean.FALSE.equals(w.bool(o.get("unique"), scope));
        ForeignKeyRef fk = null;
        Obj refs = o == null ? null : w.obj(o.get("references"), scope);
        if (refs != null) {
            Node model = refs.get("model");
            Obj modelObj = w.obj(model, scope);
            String refTable = modelObj != null ? w.str(modelObj.get("tableName"), scope) : w.str(model, scope);
            String schema = modelObj != null ? w.str(modelObj.get("schema"), scope) : null;
            if (refTable == null) throw JsWalker.giveUp("column " + name + ": referenced model computed at run time", model == null ? attr : model);
            fk = new ForeignKeyRef(w.table(schema, refTable), w.str(refs.get("key"), scope), action(o.get("onDelete"), scope),
                    action(o.get("onUpdate"), scope));
        }
        String comment = o == null ? null : w.str(o.get("comment"), scope);
        return new ColumnDef(name, type, notNull, def, pk, unique, fk, null, null, autoInc && !d.equals(Dialect.POSTGRESQL), null, comment);
    }

    private String action(Node n, JsScope scope) {
        String s = w.str(n, scope);
        return s == null ? null : s.toUpperCase(Locale.ROOT);
    }

    private void changeColumn(Chain.Link l, JsScope scope, List<Operation> ops) {
        TableRef t = tableArg(l, 0, scope);
        String col = str(l, 1, scope);
        List<Operation> before = new ArrayList<>();
        ColumnDef def = column(t, col, l.arg(2), scope, before);
        ops.addAll(before);
        if (d == Dialect.POSTGRESQL) {
            Obj o = w.obj(l.arg(2), scope);
            if (o == null || o.get("allowNull") != null || def.primaryKey()) {
                ops.add(new Operation.AlterColumnNullability(t, col, def.notNull()));
            } else {
                ops.add(new Operation.AlterColumnNullability(t, col, false));
            }
            ops.add(new Operation.AlterColumnDefault(t, col, def.defaultExpr()));
            ops.add(new Operation.AlterColumnType(t, col, def.type(), null));
            if (def.unique()) ops.add(new Operation.AddConstraint(t, ConstraintDef.unique(null, List.of(col))));
            if (def.references() != null) {
                ForeignKeyRef r = def.references();
                ops.add(new Operation.AddConstraint(t, ConstraintDef.foreignKey(null, List.of(col), r.table(),
                        r.column() == null ? List.of() : List.of(r.column()), r.onDelete(), r.onUpdate())));
            }
        } else {
            ops.add(new Operation.RedefineColumn(t, col, def));
        }
    }

    private void addIndex(Chain.Link l, JsScope scope, List<Operation> ops) {
        TableRef t = tableArg(l, 0, scope);
        Obj second = w.obj(l.arg(1), scope);
        Obj opts = second != null ? second : w.obj(l.arg(2), scope);
        Node fieldsNode = second != null ? second.get("fields") : l.arg(1);
        List<String> fields = fields(fieldsNode, scope);
        if (fields == null) throw JsWalker.giveUp("addIndex(): fields computed at run time", l.node());
        String name = opts == null ? null : w.str(opts.get("name"), scope);
        String type = opts == null ? null : w.str(opts.get("type"), scope);
        boolean unique = opts != null && Boolean.TRUE.equals(w.bool(opts.get("unique"), scope)) || "UNIQUE".equalsIgnoreCase(type);
        boolean conc = opts != null && Boolean.TRUE.equals(w.bool(opts.get("concurrently"), scope));
        String using = opts == null ? null : w.str(opts.get("using"), scope);
        if (using == null && opts != null) using = w.str(opts.get("method"), scope);
        String where = opts == null || opts.get("where") == null ? null : where(opts.get("where"), scope);
        IndexDef idx = new IndexDef(name != null ? name : indexName(t, fields), t, fields, unique,
                using == null ? ("FULLTEXT".equalsIgnoreCase(type) || "SPATIAL".equalsIgnoreCase(type) ? type.toLowerCase(Locale.ROOT) : null)
                        : using.toLowerCase(Locale.ROOT), where, List.of());
        ops.add(new Operation.CreateIndex(idx, conc, false));
    }

    /** Index fields: names, {@code { name, order }} objects, {@code Sequelize.fn(...)} expressions as written. */
    private List<String> fields(Node n, JsScope scope) {
        Node e = w.resolve(n, scope);
        if (!(e instanceof JsAst.Arr a)) return w.strings(n, scope);
        List<String> out = new ArrayList<>();
        for (Node item : a.items()) {
            String s = w.str(item, scope);
            Obj o = w.obj(item, scope);
            if (s != null) {
                out.add(s);
            } else if (o != null && w.str(o.get("name"), scope) != null) {
                String order = w.str(o.get("order"), scope);
                out.add(w.str(o.get("name"), scope) + (order == null ? "" : " " + order.toUpperCase(Locale.ROOT)));
            } else if (o != null && w.str(o.get("attribute"), scope) != null) {
                out.add(w.str(o.get("attribute"), scope));
            } else {
                String expr = expression(item, scope);
                if (expr == null) return null;
                out.add(expr);
            }
        }
        return out;
    }

    /** {@code Sequelize.fn('lower', Sequelize.col('email'))} as SQL; {@code literal('x')} as x. */
    private String expression(Node n, JsScope scope) {
        String s = w.str(n, scope);
        if (s != null) return s;
        Chain c = w.chain(n, scope);
        if (c.links().isEmpty()) return null;
        Chain.Link last = c.links().get(c.links().size() - 1);
        switch (last.name()) {
            case "literal" -> {
                return w.str(last.arg(0), scope);
            }
            case "col" -> {
                return w.str(last.arg(0), scope);
            }
            case "fn" -> {
                String f = w.str(last.arg(0), scope);
                if (f == null) return null;
                List<String> args = new ArrayList<>();
                for (int k = 1; k < last.args().size(); k++) {
                    Node a = last.args().get(k);
                    String inner = w.resolve(a, scope) instanceof JsAst.Lit ? w.literalDefault(a, scope) : expression(a, scope);
                    if (inner == null) return null;
                    args.add(inner);
                }
                return f + "(" + String.join(", ", args) + ")";
            }
            default -> {
                return null;
            }
        }
    }

    /** A partial-index where object ({@code { deleted_at: null, status: 'active' }}) as SQL. */
    private String where(Node n, JsScope scope) {
        Obj o = w.obj(n, scope);
        if (o == null) {
            String s = expression(n, scope);
            return s != null ? s : w.text(n);
        }
        List<String> parts = new ArrayList<>();
        for (Prop p : o.props()) {
            Node v = w.resolve(p.value(), scope);
            if (v instanceof JsAst.Lit lit && lit.value() == null) {
                parts.add(p.key() + " IS NULL");
            } else if (v instanceof Obj op && op.props().size() == 1 && op.props().get(0).key() == null) {
                parts.add(p.key() + " " + w.text(v));
            } else {
                String lit = w.literalDefault(v, scope);
                parts.add(p.key() + (lit == null ? " " + w.text(v) : " = " + lit));
            }
        }
        return String.join(" AND ", parts);
    }

    /** Sequelize's default index name: {@code <table>_<fields>} underscored. */
    private static String indexName(TableRef t, List<String> fields) {
        List<String> plain = fields.stream().map(f -> f.replaceFirst("\\s+(ASC|DESC)$", "")).toList();
        return underscore(t.name() + "_" + String.join("_", plain));
    }

    private static String underscore(String s) {
        return s.replaceAll("([a-z\\d])([A-Z])", "$1_$2").replaceAll("[^\\w]+", "_").toLowerCase(Locale.ROOT);
    }

    /** v6 {@code addConstraint(table, { type, fields, name, references, onDelete, where })}; v5 {@code addConstraint(table, fields, options)}. */
    private void addConstraint(Chain.Link l, JsScope scope, List<Operation> ops) {
        TableRef t = tableArg(l, 0, scope);
        Obj o = w.obj(l.arg(1), scope);
        List<String> fields;
        if (o == null) {
            fields = w.strings(l.arg(1), scope);
            o = w.obj(l.arg(2), scope);
        } else {
            fields = w.strings(o.get("fields"), scope);
        }
        if (o == null || fields == null) throw JsWalker.giveUp("addConstraint(): options computed at run time", l.node());
        String type = w.str(o.get("type"), scope);
        if (type == null) throw JsWalker.giveUp("addConstraint(): no constraint type", l.node());
        String name = w.str(o.get("name"), scope);
        String key = t.name() + "_" + String.join("_", fields);
        ConstraintDef c = switch (type.toLowerCase(Locale.ROOT).replace('_', ' ')) {
            case "unique" -> ConstraintDef.unique(name != null ? name : key + "_uk", fields);
            case "primary key" -> ConstraintDef.primaryKey(name != null ? name : key + "_pk", fields);
            case "check" -> ConstraintDef.check(name != null ? name : key + "_ck", where(o.get("where"), scope));
            case "foreign key" -> {
                Obj ref = w.obj(o.get("references"), scope);
                String refTable = ref == null ? null : w.str(ref.get("table"), scope);
                Obj refTableObj = ref == null ? null : w.obj(ref.get("table"), scope);
                if (refTableObj != null) refTable = w.str(refTableObj.get("tableName"), scope);
                if (refTable == null) throw JsWalker.giveUp("addConstraint(): foreign key without a referenced table", l.node());
                String field = w.str(ref.get("field"), scope);
                yield ConstraintDef.foreignKey(name != null ? name : key + "_" + refTable + "_fk", fields, w.table(refTable),
                        field == null ? List.of() : List.of(field), action(o.get("onDelete"), scope), action(o.get("onUpdate"), scope));
            }
            case "default" -> null;
            default -> throw JsWalker.giveUp("addConstraint(): constraint type '" + type + "' is not understood", l.node());
        };
        if (c == null) {
            ops.add(new Operation.AlterColumnDefault(t, fields.get(0), defaultSql(o.get("defaultValue"), scope)));
        } else {
            ops.add(new Operation.AddConstraint(t, c));
        }
    }

    /** A default value: literals, {@code Sequelize.NOW} / {@code fn('NOW')} / {@code literal('sql')}; JS-side defaults (UUIDV4) are none. */
    String defaultSql(Node v, JsScope scope) {
        if (v == null) return null;
        String lit = w.literalDefault(v, scope);
        if (lit != null) return lit;
        Chain c = w.chain(v, scope);
        if (c.links().isEmpty()) return w.text(v);
        String last = c.links().get(c.links().size() - 1).name();
        if (last.equals("NOW")) return "CURRENT_TIMESTAMP";
        if (last.equals("UUIDV4") || last.equals("UUIDV1")) return null;
        String expr = expression(v, scope);
        if (expr != null) return expr.equalsIgnoreCase("now()") || expr.equalsIgnoreCase("now") ? "CURRENT_TIMESTAMP" : expr;
        return w.text(v);
    }

    /**
     * The SQL type Sequelize's query generator writes for a DataType on the dialect: STRING(n=255) ->
     * varchar, TEXT -> text (tiny/medium/long on MySQL), INTEGER / BIGINT with autoIncrement ->
     * serial / bigserial on PostgreSQL, FLOAT -> double precision on PostgreSQL (FLOAT there is
     * float8), DOUBLE -> double precision, DECIMAL(p, s) -> numeric, BOOLEAN -> boolean (tinyint(1) on
     * MySQL), DATE -> timestamptz on PostgreSQL / datetime elsewhere, DATEONLY -> date, UUID -> uuid /
     * char(36), JSON / JSONB, BLOB -> bytea / blob, ENUM -> enum_<table>_<col> type on PostgreSQL /
     * enum(...) on MySQL / text on SQLite, ARRAY(t) -> t[]; a string type is read as SQL. Null for VIRTUAL.
     */
    private SqlType type(Node typeNode, TableRef t, String col, Obj attr, JsScope scope, List<Operation> before, boolean autoInc) {
        String asString = w.str(typeNode, scope);
        if (asString != null) return TypeText.parse(asString, d);
        Chain c = w.chain(typeNode, scope);
        int k = 0;
        while (k < c.links().size() && !TYPE_NAMES.contains(c.links().get(k).name())) k++;
        if (k >= c.links().size()) {
            if (c.rootName() != null && TYPE_NAMES.contains(c.rootName()) && c.links().isEmpty()) {
                return baseType(c.rootName(), List.of(), t, col, attr, scope, before, autoInc, false);
            }
            throw JsWalker.giveUp("column " + col + ": type not understood (" + JsWalker.shorten(w.text(typeNode)) + ")", typeNode);
        }
        Chain.Link l = c.links().get(k);
        boolean unsigned = false;
        for (int m = k + 1; m < c.links().size(); m++) {
            if (c.links().get(m).name().equals("UNSIGNED")) unsigned = true;
        }
        return baseType(l.name(), l.args() == null ? List.of() : l.args(), t, col, attr, scope, before, autoInc, unsigned);
    }

    private SqlType baseType(String name, List<Node> args, TableRef t, String col, Obj attr, JsScope scope, List<Operation> before,
                             boolean autoInc, boolean unsigned) {
        boolean pg = d == Dialect.POSTGRESQL;
        boolean my = d.isMysqlFamily();
        Node a0 = args.isEmpty() ? null : args.get(0);
        Integer n0 = w.num(a0, scope);
        Integer n1 = args.size() > 1 ? w.num(args.get(1), scope) : null;
        String u = unsigned && my ? " unsigned" : "";
        return switch (name) {
            case "STRING" -> {
                Obj o = w.obj(a0, scope);
                Integer len = o != null ? w.num(o.get("length"), scope) : n0;
                int n = len == null ? 255 : len;
                yield TypeText.of("varchar", "varchar(" + n + ")", n);
            }
            case "CHAR" -> TypeText.of("char", "char(" + (n0 == null ? 255 : n0) + ")", n0 == null ? 255 : n0);
            case "TEXT" -> {
                String size = w.str(a0, scope);
                Obj o = w.obj(a0, scope);
                if (o != null) size = w.str(o.get("length"), scope);
                yield my && size != null ? TypeText.of(size.toLowerCase(Locale.ROOT) + "text", size.toLowerCase(Locale.ROOT) + "text")
                        : TypeText.of("text", "text");
            }
            case "CITEXT" -> TypeText.of("citext", "citext");
            case "TSVECTOR" -> TypeText.of("tsvector", "tsvector");
            case "INTEGER" -> pg && autoInc ? TypeText.of("serial", "serial") : TypeText.of("integer" + u, "integer" + u);
            case "BIGINT" -> pg && autoInc ? TypeText.of("bigserial", "bigserial") : TypeText.of("bigint" + u, "bigint" + u);
            case "SMALLINT" -> pg && autoInc ? TypeText.of("smallserial", "smallserial") : TypeText.of("smallint" + u, "smallint" + u);
            case "TINYINT" -> pg ? TypeText.of("smallint", "smallint") : TypeText.of("tinyint" + u, "tinyint" + u);
            case "MEDIUMINT" -> pg ? TypeText.of("integer", "integer") : TypeText.of("mediumint" + u, "mediumint" + u);
            case "FLOAT" -> pg ? TypeText.of("double precision", "float") : my ? TypeText.of("real", "float") : TypeText.of("float", "float");
            case "REAL" -> TypeText.of("real", "real");
            case "DOUBLE" -> TypeText.of("double precision", "double precision");
            case "DECIMAL", "NUMERIC" -> n0 == null ? TypeText.of("numeric", "decimal")
                    : TypeText.of("numeric", "decimal(" + n0 + (n1 == null ? "" : "," + n1) + ")", n0, n1);
            case "BOOLEAN" -> TypeText.of("boolean", my ? "tinyint(1)" : "boolean");
            case "DATE" -> {
                String p = n0 == null ? "" : "(" + n0 + ")";
                yield pg ? TypeText.of("timestamptz", "timestamp" + p + " with time zone", n0) : TypeText.of("datetime", "datetime" + p, n0);
            }
            case "DATEONLY" -> TypeText.of("date", "date");
            case "TIME" -> TypeText.of("time", "time");
            case "UUID" -> pg ? TypeText.of("uuid", "uuid") : my ? TypeText.of("char", "char(36) binary", 36) : TypeText.of("uuid", "uuid");
            case "JSON" -> TypeText.of("json", "json");
            case "JSONB" -> pg ? TypeText.of("jsonb", "jsonb") : TypeText.of("json", "json");
            case "BLOB" -> pg ? TypeText.of("bytea", "bytea") : TypeText.of("blob", "blob");
            case "GEOMETRY", "GEOGRAPHY", "INET", "CIDR", "MACADDR", "HSTORE", "BIT" -> TypeText.of(name.toLowerCase(Locale.ROOT), name.toLowerCase(Locale.ROOT));
            case "ARRAY" -> {
                SqlType inner = a0 == null ? TypeText.of("text", "text") : type(a0, t, col, null, scope, before, false);
                yield new SqlType(inner.name(), inner.args(), true, inner.raw() + "[]");
            }
            case "ENUM" -> enumType(args, t, col, attr, scope, before);
            case "RANGE" -> TypeText.of("range", "range");
            case "VIRTUAL" -> null;
            default -> throw JsWalker.giveUp("column " + col + ": DataTypes." + name + " is not understood", a0);
        };
    }

    private SqlType enumType(List<Node> args, TableRef t, String col, Obj attr, JsScope scope, List<Operation> before) {
        List<String> values = new ArrayList<>();
        Obj opts = args.size() == 1 ? w.obj(args.get(0), scope) : null;
        if (opts != null) {
            List<String> v = w.strings(opts.get("values"), scope);
            if (v != null) values.addAll(v);
        } else if (args.size() == 1 && w.strings(args.get(0), scope) != null && w.resolve(args.get(0), scope) instanceof JsAst.Arr) {
            values.addAll(w.strings(args.get(0), scope));
        } else {
            for (Node a : args) {
                String s = w.str(a, scope);
                if (s == null) throw JsWalker.giveUp("column " + col + ": enum values computed at run time", a);
                values.add(s);
            }
        }
        if (values.isEmpty() && attr != null) {
            List<String> v = w.strings(attr.get("values"), scope);
            if (v != null) values.addAll(v);
        }
        if (d == Dialect.POSTGRESQL) {
            String typeName = "enum_" + t.name() + "_" + col;
            before.add(new Operation.CreateEnum(typeName, values));
            return TypeText.of(typeName, typeName);
        }
        if (d.isMysqlFamily()) {
            return new SqlType("enum", values, false, "enum(" + String.join(", ", values.stream().map(JsWalker::quote).toList()) + ")");
        }
        return TypeText.of("text", "text");
    }
}

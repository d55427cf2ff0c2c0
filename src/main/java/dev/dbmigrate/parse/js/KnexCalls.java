package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ColumnDef.ForeignKeyRef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.js.JsAst.Call;
import dev.dbmigrate.parse.js.JsAst.Fn;
import dev.dbmigrate.parse.js.JsAst.Node;
import dev.dbmigrate.parse.js.JsAst.Obj;
import dev.dbmigrate.parse.js.JsScope.Role;
import dev.dbmigrate.parse.js.JsWalker.GiveUp;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Knex: {@code knex.schema} builder chains, table builders, {@code knex.raw}, query-builder data
 * changes and transactions.
 *
 * <p>Implicit names are the ones Knex sends to the database: {@code <table>_<cols>_unique},
 * {@code <table>_<cols>_index}, {@code <table>_<cols>_foreign} (table with "." and "-" replaced by
 * "_", columns joined by "_", lower-cased) and {@code <table>_pkey} for primary keys. In a
 * {@code createTable} the named constraints go into the CREATE TABLE and indexes follow it in the
 * same statement; in {@code alterTable} every builder call is its own statement at its line.
 * {@code .unique()} is a unique constraint on PostgreSQL and MySQL and a unique index on SQLite (as
 * Knex emits it). {@code .alter()} becomes type, default and nullability changes on PostgreSQL
 * (Knex drops the default and NOT NULL unless restated) and a whole-column redefinition on MySQL /
 * SQLite. Types follow Knex's column compilers per dialect (see {@link #type}).
 */
final class KnexCalls {

    private static final Set<String> COLUMN_TYPES = Set.of("increments", "bigIncrements", "integer", "bigInteger", "bigint",
            "tinyint", "smallint", "mediumint", "text", "string", "float", "double", "decimal", "boolean", "bool", "date", "datetime",
            "dateTime", "time", "timestamp", "binary", "enu", "enum", "json", "jsonb", "uuid", "specificType", "geometry",
            "geography", "point", "bit", "varchar", "tinyText");

    private static final Set<String> WHERE = Set.of("where", "andWhere", "orWhere", "whereNot", "whereIn", "whereNotIn", "whereNull",
            "whereNotNull", "whereRaw", "whereExists", "whereNotExists", "whereBetween", "whereNotBetween", "whereLike", "whereILike",
            "whereJsonPath", "whereJsonObject", "whereJsonSupersetOf", "orWhereIn", "andWhereNot", "orWhereNull", "orWhereNotNull",
            "whereColumn", "orWhereRaw", "andWhereRaw", "andWhereIn");

    private final JsWalker w;
    private final Dialect d;

    KnexCalls(JsWalker w) {
        this.w = w;
        this.d = w.dialect == null ? Dialect.POSTGRESQL : w.dialect;
    }

    /** A chain rooted at a Knex instance. */
    boolean handle(Chain c, JsScope scope) {
        if (c.links().isEmpty()) return false;
        Chain.Link first = c.links().get(0);
        int exprStart = c.links().get(c.links().size() - 1).node().start();
        switch (first.name()) {
            case "schema" -> {
                return schema(c, 1, exprStart, scope);
            }
            case "raw" -> {
                raw(first, scope);
                return true;
            }
            case "", "table", "from", "into", "queryBuilder" -> {
                query(c, scope);
                return true;
            }
            case "transaction" -> {
                Node cb = first.arg(0);
                if (cb instanceof Fn fn) {
                    JsScope inner = scope.child();
                    if (!fn.params().isEmpty()) inner.bind(fn.params().get(0), Role.KNEX);
                    w.function(fn, inner);
                }
                return true;
            }
            case "batchInsert" -> {
                w.sink.orm(first.node().start(), first.node().end(),
                        List.of(new Operation.DataChange(Operation.DataKind.INSERT, w.table(w.str(first.arg(0), scope)), false, List.of())));
                return true;
            }
            case "withSchema" -> {
                if (c.links().size() > 1 && c.links().get(1).name().equals("schema")) return schema(c, 1, exprStart, scope);
                query(c, scope);
                return true;
            }
            case "fn", "destroy", "client", "commit", "rollback", "isTransaction", "userParams", "context" -> {
                return true;
            }
            default -> {
                return false;
            }
        }
    }

    // ---- knex.schema -----------------------------------------------------------------------

    private boolean schema(Chain c, int from, int exprStart, JsScope scope) {
        String schemaName = null;
        boolean firstCall = true;
        for (int k = from; k < c.links().size(); k++) {
            Chain.Link l = c.links().get(k);
            if (l.name().equals("schema")) continue;
            int start = k == 0 || c.links().get(k - 1).node().end() < exprStart ? exprStart : trimStart(c.links().get(k - 1).node().end());
            if (firstCall && w.sink.line(start) == w.sink.line(exprStart)) start = exprStart;
            firstCall = firstCall && (l.name().equals("withSchema") || !l.isCall());
            int end = l.node().end();
            if (!l.isCall()) {
                w.sink.unparsed(start, end, "knex.schema." + l.name() + " is not a schema call");
                continue;
            }
            try {
                switch (l.name()) {
                    case "withSchema" -> schemaName = w.str(l.arg(0), scope);
                    case "createTable", "createTableIfNotExists" -> createTable(l, schemaName, start, scope, l.name().endsWith("IfNotExists"));
                    case "alterTable", "table" -> alterTable(l, schemaName, scope);
                    case "dropTable", "dropTableIfExists" -> {
                        TableRef t = w.table(schemaName, name(l, 0, scope));
                        boolean ifExists = l.name().endsWith("IfExists") || scope.knownPresent(t.name(), null);
                        w.sink.orm(start, end, List.of(new Operation.DropTable(t, ifExists, false)));
                    }
                    case "renameTable" -> w.sink.orm(start, end,
                            List.of(new Operation.RenameTable(w.table(schemaName, name(l, 0, scope)), name(l, 1, scope))));
                    case "hasTable", "hasColumn" -> { }
                    case "raw" -> raw(l, scope);
                    case "createSchema", "createSchemaIfNotExists" -> w.sink.orm(start, end,
                            List.of(new Operation.CreateSchema(name(l, 0, scope), l.name().endsWith("IfNotExists"))));
                    case "dropSchema", "dropSchemaIfExists" -> w.sink.orm(start, end, List.of(new Operation.DropSchema(name(l, 0, scope), false,
                            l.name().endsWith("IfExists"), Boolean.TRUE.equals(w.bool(l.arg(1), scope)))));
                    case "createExtension", "createExtensionIfNotExists" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("CREATE", "EXTENSION", name(l, 0, scope), null, l.name().endsWith("IfNotExists"), false)));
                    case "dropExtension", "dropExtensionIfExists" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("DROP", "EXTENSION", name(l, 0, scope), null, l.name().endsWith("IfExists"), false)));
                    case "createView", "createViewOrReplace", "createMaterializedView" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("CREATE", l.name().contains("Materialized") ? "MATERIALIZED VIEW" : "VIEW",
                                    name(l, 0, scope), null, false, l.name().endsWith("OrReplace"))));
                    case "dropView", "dropViewIfExists", "dropMaterializedView", "dropMaterializedViewIfExists" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("DROP", l.name().contains("Materialized") ? "MATERIALIZED VIEW" : "VIEW",
                                    name(l, 0, scope), null, l.name().endsWith("IfExists"), false)));
                    case "refreshMaterializedView" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("REFRESH", "MATERIALIZED VIEW", name(l, 0, scope), null, false, false)));
                    case "renameView", "alterView" -> w.sink.orm(start, end,
                            List.of(new Operation.OtherDdl("ALTER", "VIEW", name(l, 0, scope), null, false, false)));
                    default -> w.sink.unparsed(start, end, "knex.schema." + l.name() + "() is not understood");
                }
            } catch (GiveUp g) {
                w.sink.unparsed(start, end, g.getMessage());
            }
        }
        return true;
    }

    /** Offset after white space and dots: where a chained call's name begins. */
    private int trimStart(int offset) {
        String t = w.sink.text();
        int k = offset;
        while (k < t.length() && (Character.isWhitespace(t.charAt(k)) || t.charAt(k) == '.')) k++;
        return k;
    }

    private String name(Chain.Link l, int k, JsScope scope) {
        String s = w.str(l.arg(k), scope);
        if (s == null) throw JsWalker.giveUp("knex.schema." + l.name() + "(): the name is computed at run time ("
                + JsWalker.shorten(w.text(l.arg(k))) + ")", l.node());
        return s;
    }

    private void createTable(Chain.Link l, String schemaName, int start, JsScope scope, boolean ifNotExists) {
        TableRef t = w.table(schemaName, name(l, 0, scope));
        KnexTable tb = new KnexTable(t, true);
        Node cb = l.arg(1);
        if (cb instanceof Fn fn) {
            JsScope inner = scope.child();
            inner.bindTable(fn.params().isEmpty() ? "this" : fn.params().get(0), tb);
            w.function(fn, inner);
        } else if (cb != null) {
            w.sink.unparsed(cb.start(), cb.end(), "table callback passed by reference is not followed");
        }
        List<Operation> ops = new ArrayList<>(tb.before);
        ops.add(new Operation.CreateTable(t, tb.columns, tb.constraints, ifNotExists || scope.knownMissing(t.name(), null), false, false, null));
        ops.addAll(tb.after);
        w.sink.orm(start, l.node().end(), ops);
    }

    private void alterTable(Chain.Link l, String schemaName, JsScope scope) {
        TableRef t = w.table(schemaName, name(l, 0, scope));
        Node cb = l.arg(1);
        if (cb instanceof Fn fn) {
            JsScope inner = scope.child();
            inner.bindTable(fn.params().isEmpty() ? "this" : fn.params().get(0), new KnexTable(t, false));
            w.function(fn, inner);
        } else {
            w.sink.unparsed(l.node().start(), l.node().end(), "alterTable without an inline callback is not followed");
        }
    }

    // ---- table builder ---------------------------------------------------------------------

    /** One statement of a table-builder callback ({@code table.string('email').notNullable()}). */
    boolean tableStatement(Chain c, Call call, JsScope scope) {
        KnexTable tb = scope.table(c.rootName());
        if (tb == null || c.links().isEmpty() || !c.links().get(0).isCall()) return false;
        List<Operation> ops = new ArrayList<>();
        try {
            builder(tb, c, scope, ops);
        } catch (GiveUp g) {
            w.sink.unparsed(call.start(), call.end(), g.getMessage());
            return true;
        }
        if (!tb.create && !ops.isEmpty()) w.sink.orm(call.start(), call.end(), ops);
        return true;
    }

    private void builder(KnexTable tb, Chain c, JsScope scope, List<Operation> ops) {
        Chain.Link first = c.links().get(0);
        String m = first.name();
        TableRef t = tb.table;
        if (COLUMN_TYPES.contains(m)) {
            column(tb, c, scope, ops);
            return;
        }
        switch (m) {
            case "timestamps" -> {
                boolean useTimestamp = Boolean.TRUE.equals(w.bool(first.arg(0), scope));
                boolean now = Boolean.TRUE.equals(w.bool(first.arg(1), scope));
                boolean camel = Boolean.TRUE.equals(w.bool(first.arg(2), scope));
                for (String n : camel ? List.of("createdAt", "updatedAt") : List.of("created_at", "updated_at")) {
                    SqlType type = type(useTimestamp ? "timestamp" : "datetime", n, List.of(), scope);
                    ColumnDef col = ColumnDef.of(n, type, now, now ? "CURRENT_TIMESTAMP" : null);
                    addColumn(tb, col, scope, ops);
                }
            }
            case "dropColumn", "dropColumns" -> {
                for (Node a : first.args()) {
                    List<String> names = w.strings(a, scope);
                    if (names == null) throw JsWalker.giveUp(m + "(): column names computed at run time", a);
                    for (String n : names) ops.add(new Operation.DropColumn(t, n, scope.knownPresent(t.name(), n), false));
                }
            }
            case "renameColumn" -> ops.add(new Operation.RenameColumn(t, str(first, 0, scope), str(first, 1, scope)));
            case "dropTimestamps" -> {
                boolean camel = Boolean.TRUE.equals(w.bool(first.arg(0), scope));
                for (String n : camel ? List.of("createdAt", "updatedAt") : List.of("created_at", "updated_at")) {
                    ops.add(new Operation.DropColumn(t, n, false, false));
                }
            }
            case "index" -> {
                List<String> cols = cols(first, 0, scope);
                Node second = first.arg(1);
                Obj opts = w.obj(second, scope) != null ? w.obj(second, scope) : w.obj(first.arg(2), scope);
                String name = w.obj(second, scope) == null ? w.str(second, scope) : null;
                if (name == null && opts != null) name = w.str(opts.get("indexName"), scope);
                String method = opts != null ? w.str(opts.get("indexType"), scope) : w.str(first.arg(2), scope);
                IndexDef idx = new IndexDef(name != null ? name : implicit(tb, cols, "index"), t, cols, false, lowerOrNull(method),
                        predicate(opts, scope), List.of());
                (tb.create ? tb.after : ops).add(new Operation.CreateIndex(idx, false, false));
            }
            case "unique" -> {
                List<String> cols = cols(first, 0, scope);
                Obj opts = w.obj(first.arg(1), scope);
                String name = opts == null ? w.str(first.arg(1), scope) : w.str(opts.get("indexName"), scope);
                if (name == null) name = implicit(tb, cols, "unique");
                boolean constraint = d != Dialect.SQLITE && (opts == null || !Boolean.FALSE.equals(w.bool(opts.get("useConstraint"), scope)))
                        && predicate(opts, scope) == null;
                if (constraint) {
                    ConstraintDef u = ConstraintDef.unique(name, cols);
                    if (tb.create) tb.constraints.add(u);
                    else ops.add(new Operation.AddConstraint(t, u));
                } else {
                    IndexDef idx = new IndexDef(name, t, cols, true, null, predicate(opts, scope), List.of());
                    (tb.create ? tb.after : ops).add(new Operation.CreateIndex(idx, false, false));
                }
            }
            case "primary" -> {
                List<String> cols = cols(first, 0, scope);
                Obj opts = w.obj(first.arg(1), scope);
                String name = opts == null ? w.str(first.arg(1), scope) : w.str(opts.get("constraintName"), scope);
                ConstraintDef pk = ConstraintDef.primaryKey(pkName(tb, name), cols);
                if (tb.create) tb.constraints.add(pk);
                else ops.add(new Operation.AddConstraint(t, pk));
            }
            case "foreign" -> {
                List<String> cols = cols(first, 0, scope);
                String name = w.str(first.arg(1), scope);
                Fk fk = new Fk();
                for (int k = 1; k < c.links().size(); k++) fkModifier(fk, c.links().get(k), scope);
                if (fk.keyName != null) name = fk.keyName;
                ConstraintDef def = ConstraintDef.foreignKey(name != null ? name : implicit(tb, cols, "foreign"), cols,
                        w.table(fk.table), fk.column == null ? List.of() : List.of(fk.column), fk.onDelete, fk.onUpdate);
                if (fk.table == null) throw JsWalker.giveUp("foreign(): no referenced table (.references('t.id') or .inTable('t'))", first.node());
                if (tb.create) tb.constraints.add(def);
                else ops.add(new Operation.AddConstraint(t, def));
                return;
            }
            case "dropIndex" -> {
                String name = w.str(first.arg(1), scope);
                if (name == null) name = implicit(tb, cols(first, 0, scope), "index");
                ops.add(new Operation.DropIndex(name, d.isMysqlFamily() ? t : null, false, false, false));
            }
            case "dropUnique" -> {
                String name = w.str(first.arg(1), scope);
                if (name == null) name = implicit(tb, cols(first, 0, scope), "unique");
                ops.add(d == Dialect.SQLITE ? new Operation.DropIndex(name, null, false, false, false)
                        : new Operation.DropConstraint(t, name, ConstraintDef.Kind.UNIQUE, false, false));
            }
            case "dropPrimary" -> ops.add(new Operation.DropConstraint(t, d.isMysqlFamily() ? null : pkName(tb, w.str(first.arg(0), scope)),
                    ConstraintDef.Kind.PRIMARY_KEY, false, false));
            case "dropForeign" -> {
                String name = w.str(first.arg(1), scope);
                if (name == null) name = implicit(tb, cols(first, 0, scope), "foreign");
                ops.add(new Operation.DropConstraint(t, name, ConstraintDef.Kind.FOREIGN_KEY, false, false));
            }
            case "setNullable", "dropNullable" -> ops.add(new Operation.AlterColumnNullability(t, str(first, 0, scope), m.equals("dropNullable")));
            case "check" -> {
                String expr = w.str(first.arg(0), scope);
                if (expr == null) throw JsWalker.giveUp("check(): expression computed at run time", first.node());
                ConstraintDef ck = ConstraintDef.check(w.str(first.arg(2), scope), expr);
                if (tb.create) tb.constraints.add(ck);
                else ops.add(new Operation.AddConstraint(t, ck));
            }
            case "dropChecks" -> {
                List<String> names = w.strings(first.arg(0), scope);
                if (names == null) throw JsWalker.giveUp("dropChecks(): names computed at run time", first.node());
                for (String n : names) ops.add(new Operation.DropConstraint(t, n, ConstraintDef.Kind.CHECK, false, false));
            }
            case "comment" -> (tb.create ? tb.after : ops).add(new Operation.SetComment(t, null, w.str(first.arg(0), scope)));
            case "engine", "charset", "collate", "inherits", "queryContext" -> { }
            default -> throw JsWalker.giveUp("table builder ." + m + "() is not understood", first.node());
        }
        if (c.links().size() > 1) {
            Chain.Link extra = c.links().get(1);
            w.sink.unparsed(extra.nameStart(), c.links().get(c.links().size() - 1).node().end(),
                    "." + extra.name() + "() after ." + m + "() is not understood");
        }
    }

    private String str(Chain.Link l, int k, JsScope scope) {
        String s = w.str(l.arg(k), scope);
        if (s == null) throw JsWalker.giveUp(l.name() + "(): argument " + (k + 1) + " is computed at run time", l.node());
        return s;
    }

    private List<String> cols(Chain.Link l, int k, JsScope scope) {
        List<String> cols = w.strings(l.arg(k), scope);
        if (cols == null) throw JsWalker.giveUp(l.name() + "(): columns computed at run time", l.node());
        return cols;
    }

    private String predicate(Obj opts, JsScope scope) {
        if (opts == null || opts.get("predicate") == null) return null;
        Chain p = w.chain(opts.get("predicate"), scope);
        List<String> parts = new ArrayList<>();
        for (Chain.Link l : p.links()) {
            String col = w.str(l.arg(0), scope);
            switch (l.name()) {
                case "whereNotNull" -> parts.add(col + " IS NOT NULL");
                case "whereNull" -> parts.add(col + " IS NULL");
                case "whereRaw" -> parts.add(col);
                case "where" -> parts.add(col + " = " + w.literalDefault(l.arg(l.args().size() - 1), scope));
                default -> parts.add(w.text(l.node()));
            }
        }
        return parts.isEmpty() ? w.text(opts.get("predicate")) : String.join(" AND ", parts);
    }

    private String implicit(KnexTable tb, List<String> cols, String kind) {
        return (tb.nameForKeys() + "_" + String.join("_", cols) + "_" + kind).toLowerCase(Locale.ROOT);
    }

    private String pkName(KnexTable tb, String given) {
        if (d.isMysqlFamily()) return null;
        return given != null ? given : tb.table.name() + "_pkey";
    }

    private static String lowerOrNull(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    /** What {@code .references().inTable().onDelete()...} said. */
    private static final class Fk {
        String table;
        String column;
        String onDelete;
        String onUpdate;
        String keyName;
    }

    /** Applies a foreign-key modifier; false when the link is not one. */
    private boolean fkModifier(Fk fk, Chain.Link l, JsScope scope) {
        switch (l.name()) {
            case "references" -> {
                Obj o = w.obj(l.arg(0), scope);
                String ref = o != null ? w.str(o.get("column"), scope) : w.str(l.arg(0), scope);
                if (o != null) {
                    if (w.str(o.get("table"), scope) != null) fk.table = w.str(o.get("table"), scope);
                    if (w.str(o.get("foreignKeyName"), scope) != null) fk.keyName = w.str(o.get("foreignKeyName"), scope);
                }
                if (ref != null) {
                    int dot = ref.lastIndexOf('.');
                    if (dot > 0) {
                        fk.table = ref.substring(0, dot);
                        fk.column = ref.substring(dot + 1);
                    } else {
                        fk.column = ref;
                    }
                }
            }
            case "inTable" -> fk.table = w.str(l.arg(0), scope);
            case "onDelete" -> fk.onDelete = action(w.str(l.arg(0), scope));
            case "onUpdate" -> fk.onUpdate = action(w.str(l.arg(0), scope));
            case "withKeyName" -> fk.keyName = w.str(l.arg(0), scope);
            case "deferrable" -> { }
            default -> {
                return false;
            }
        }
        return true;
    }

    private static String action(String s) {
        return s == null ? null : s.trim().toUpperCase(Locale.ROOT);
    }

    // ---- columns ---------------------------------------------------------------------------

    private void column(KnexTable tb, Chain c, JsScope scope, List<Operation> ops) {
        Chain.Link first = c.links().get(0);
        String m = first.name();
        String name = w.str(first.arg(0), scope);
        if (name == null && !m.equals("increments") && !m.equals("bigIncrements")) {
            throw JsWalker.giveUp(m + "(): column name computed at run time", first.node());
        }
        if (name == null) name = "id";
        TableRef t = tb.table;
        SqlType type = type(m, name, first.args(), scope);
        boolean increments = m.equals("increments") || m.equals("bigIncrements");
        boolean pk = increments && !(w.obj(first.arg(1), scope) != null
                && Boolean.FALSE.equals(w.bool(w.obj(first.arg(1), scope).get("primaryKey"), scope)));
        Boolean notNull = increments ? Boolean.TRUE : null;
        String def = null;
        String comment = null;
        String collation = null;
        String check = enumCheck(m, name, first, scope);
        boolean unique = false;
        String uniqueName = null;
        boolean index = false;
        String indexName = null;
        String indexMethod = null;
        boolean primary = false;
        String primaryName = null;
        boolean alter = false;
        boolean alterNullable = true;
        boolean alterType = true;
        Fk fk = null;
        if (m.equals("enu") || m.equals("enum")) nativeEnum(tb, first, scope, ops);
        for (int k = 1; k < c.links().size(); k++) {
            Chain.Link l = c.links().get(k);
            switch (l.name()) {
                case "notNullable" -> notNull = true;
                case "nullable" -> notNull = false;
                case "defaultTo", "defaultsTo" -> def = defaultSql(l.arg(0), scope);
                case "unsigned" -> type = unsigned(type);
                case "primary" -> {
                    primary = true;
                    Obj o = w.obj(l.arg(0), scope);
                    primaryName = o != null ? w.str(o.get("constraintName"), scope) : w.str(l.arg(0), scope);
                }
                case "unique" -> {
                    unique = true;
                    Obj o = w.obj(l.arg(0), scope);
                    uniqueName = o != null ? w.str(o.get("indexName"), scope) : w.str(l.arg(0), scope);
                }
                case "index" -> {
                    index = true;
                    indexName = w.str(l.arg(0), scope);
                    Obj o = w.obj(l.arg(1), scope);
                    indexMethod = lowerOrNull(o != null ? w.str(o.get("indexType"), scope) : w.str(l.arg(1), scope));
                }
                case "comment" -> comment = w.str(l.arg(0), scope);
                case "collate" -> collation = w.str(l.arg(0), scope);
                case "alter" -> {
                    alter = true;
                    Obj o = w.obj(l.arg(0), scope);
                    if (o != null) {
                        alterNullable = !Boolean.FALSE.equals(w.bool(o.get("alterNullable"), scope));
                        alterType = !Boolean.FALSE.equals(w.bool(o.get("alterType"), scope));
                    }
                }
                case "first", "after", "deferrable", "checkRegex", "checkLength" -> { }
                case "checkPositive" -> check = quoteId(name) + " > 0";
                case "checkNegative" -> check = quoteId(name) + " < 0";
                case "checkIn", "checkNotIn" -> {
                    List<String> vals = w.strings(l.arg(0), scope);
                    if (vals != null) check = quoteId(name) + (l.name().equals("checkNotIn") ? " not in (" : " in (")
                            + String.join(", ", vals.stream().map(JsWalker::quote).toList()) + ")";
                }
                case "checkBetween" -> {
                    List<String> vals = w.strings(l.arg(0), scope);
                    if (vals != null && vals.size() == 2) check = quoteId(name) + " between " + vals.get(0) + " and " + vals.get(1);
                }
                default -> {
                    if (fk == null) fk = new Fk();
                    if (!fkModifier(fk, l, scope)) {
                        w.sink.unparsed(l.nameStart(), l.node().end(), "column modifier ." + l.name() + "() is not understood");
                    }
                }
            }
        }
        if (fk != null && fk.table == null && fk.column == null) fk = null;
        ColumnDef col = new ColumnDef(name, type, Boolean.TRUE.equals(notNull) || primary, def, pk, false, null, null, check,
                increments && !d.equals(Dialect.POSTGRESQL), collation, comment);
        if (alter) {
            if (tb.create) throw JsWalker.giveUp(".alter() inside createTable: Knex only alters in alterTable", first.node());
            alterColumn(t, col, notNull, alterNullable, alterType, ops);
        } else {
            addColumn(tb, col, scope, ops);
        }
        List<String> cols = List.of(name);
        if (primary) {
            ConstraintDef pkc = ConstraintDef.primaryKey(pkName(tb, primaryName), cols);
            if (tb.create) tb.constraints.add(pkc);
            else ops.add(new Operation.AddConstraint(t, pkc));
        }
        if (unique) {
            String un = uniqueName != null ? uniqueName : implicit(tb, cols, "unique");
            if (d == Dialect.SQLITE) {
                (tb.create ? tb.after : ops).add(new Operation.CreateIndex(new IndexDef(un, t, cols, true, null, null, List.of()), false, false));
            } else if (tb.create) {
                tb.constraints.add(ConstraintDef.unique(un, cols));
            } else {
                ops.add(new Operation.AddConstraint(t, ConstraintDef.unique(un, cols)));
            }
        }
        if (fk != null) {
            if (fk.table == null) throw JsWalker.giveUp(".references('" + fk.column + "') without .inTable(): no referenced table", first.node());
            ConstraintDef def2 = ConstraintDef.foreignKey(fk.keyName != null ? fk.keyName : implicit(tb, cols, "foreign"), cols,
                    w.table(fk.table), fk.column == null ? List.of() : List.of(fk.column), fk.onDelete, fk.onUpdate);
            if (tb.create) tb.constraints.add(def2);
            else ops.add(new Operation.AddConstraint(t, def2));
        }
        if (index) {
            IndexDef idx = new IndexDef(indexName != null ? indexName : implicit(tb, cols, "index"), t, cols, false, indexMethod, null, List.of());
            (tb.create ? tb.after : ops).add(new Operation.CreateIndex(idx, false, false));
        }
    }

    private void addColumn(KnexTable tb, ColumnDef col, JsScope scope, List<Operation> ops) {
        if (tb.create) tb.columns.add(col);
        else ops.add(new Operation.AddColumn(tb.table, col, scope.knownMissing(tb.table.name(), col.name())));
    }

    private void alterColumn(TableRef t, ColumnDef col, Boolean notNull, boolean alterNullable, boolean alterType, List<Operation> ops) {
        if (d == Dialect.POSTGRESQL) {
            if (alterType) ops.add(new Operation.AlterColumnType(t, col.name(), col.type(), null));
            ops.add(new Operation.AlterColumnDefault(t, col.name(), col.defaultExpr()));
            if (alterNullable) ops.add(new Operation.AlterColumnNullability(t, col.name(), Boolean.TRUE.equals(notNull)));
        } else {
            ops.add(new Operation.RedefineColumn(t, col.name(), col));
        }
    }

    private static String quoteId(String name) {
        return "\"" + name + "\"";
    }

    private String enumCheck(String m, String name, Chain.Link first, JsScope scope) {
        if (!(m.equals("enu") || m.equals("enum")) || d.isMysqlFamily() || useNative(first, scope)) return null;
        List<String> vals = w.strings(first.arg(1), scope);
        if (vals == null) return null;
        return quoteId(name) + " in (" + String.join(", ", vals.stream().map(JsWalker::quote).toList()) + ")";
    }

    private boolean useNative(Chain.Link first, JsScope scope) {
        Obj o = w.obj(first.arg(2), scope);
        return d == Dialect.POSTGRESQL && o != null && Boolean.TRUE.equals(w.bool(o.get("useNative"), scope));
    }

    private void nativeEnum(KnexTable tb, Chain.Link first, JsScope scope, List<Operation> ops) {
        if (!useNative(first, scope)) return;
        Obj o = w.obj(first.arg(2), scope);
        if (Boolean.TRUE.equals(w.bool(o.get("existingType"), scope))) return;
        List<String> vals = w.strings(first.arg(1), scope);
        Operation op = new Operation.CreateEnum(w.str(o.get("enumName"), scope), vals);
        if (tb.create) tb.before.add(op);
        else ops.add(op);
    }

    private SqlType unsigned(SqlType t) {
        if (!d.isMysqlFamily() || t == null) return t;
        return new SqlType(t.name() + " unsigned", t.args(), t.array(), t.raw() + " unsigned");
    }

    /** A default value as Knex writes it: literals quoted, {@code knex.fn.now()} as CURRENT_TIMESTAMP, {@code knex.raw(sql)} as is. */
    String defaultSql(Node v, JsScope scope) {
        if (v == null) return null;
        String lit = w.literalDefault(v, scope);
        if (lit != null) return lit;
        Chain c = w.chain(v, scope);
        if (scope.role(c.rootName()) == Role.KNEX && !c.links().isEmpty()) {
            Chain.Link last = c.links().get(c.links().size() - 1);
            if (last.name().equals("now")) return "CURRENT_TIMESTAMP";
            if (last.name().equals("uuid")) return d == Dialect.POSTGRESQL ? "gen_random_uuid()" : "(UUID())";
            if (last.name().equals("raw")) {
                String s = w.str(last.arg(0), scope);
                if (s != null) return s;
            }
        }
        return w.text(v);
    }

    /**
     * The type Knex's column compiler writes for the dialect: string -> varchar(255), increments ->
     * serial (PostgreSQL) / int unsigned auto_increment (MySQL) / integer (SQLite), datetime and
     * timestamp -> timestamptz on PostgreSQL unless {@code useTz: false}, float -> real (PostgreSQL),
     * double -> double precision, decimal(p=8, s=2) -> numeric, uuid -> uuid / char(36), json /
     * jsonb (json outside PostgreSQL), enu -> text with a CHECK (native enum type with
     * {@code useNative} on PostgreSQL, enum(...) on MySQL), specificType as written.
     */
    SqlType type(String m, String col, List<Node> args, JsScope scope) {
        boolean pg = d == Dialect.POSTGRESQL;
        boolean my = d.isMysqlFamily();
        Node a1 = args.size() > 1 ? args.get(1) : null;
        Node a2 = args.size() > 2 ? args.get(2) : null;
        return switch (m) {
            case "increments" -> pg ? TypeText.of("serial", "serial") : my ? TypeText.of("integer unsigned", "int unsigned") : TypeText.of("integer", "integer");
            case "bigIncrements" -> pg ? TypeText.of("bigserial", "bigserial") : my ? TypeText.of("bigint unsigned", "bigint unsigned") : TypeText.of("integer", "integer");
            case "integer" -> my && w.num(a1, scope) != null ? TypeText.of("integer", "int(" + w.num(a1, scope) + ")") : TypeText.of("integer", my ? "int" : "integer");
            case "bigInteger", "bigint" -> TypeText.of("bigint", "bigint");
            case "tinyint" -> pg ? TypeText.of("smallint", "smallint") : TypeText.of("tinyint", "tinyint");
            case "smallint" -> TypeText.of("smallint", "smallint");
            case "mediumint" -> pg ? TypeText.of("integer", "integer") : TypeText.of("mediumint", "mediumint");
            case "text", "tinyText" -> {
                String tt = w.str(a1, scope);
                yield my && tt != null ? TypeText.of(tt.toLowerCase(Locale.ROOT), tt.toLowerCase(Locale.ROOT)) : TypeText.of("text", "text");
            }
            case "string", "varchar" -> {
                Integer n = a1 == null ? Integer.valueOf(255) : w.num(a1, scope);
                yield TypeText.of("varchar", "varchar(" + (n == null ? 255 : n) + ")", n == null ? 255 : n);
            }
            case "float" -> pg ? TypeText.of("real", "real") : my ? floatArgs("real", "float", a1, a2, scope) : TypeText.of("float", "float");
            case "double" -> pg ? TypeText.of("double precision", "double precision") : my ? floatArgs("double precision", "double", a1, a2, scope) : TypeText.of("float", "float");
            case "decimal" -> {
                boolean nullPrecision = a1 instanceof JsAst.Lit l && l.value() == null;
                if (nullPrecision) yield TypeText.of("numeric", pg ? "decimal" : "decimal");
                Integer p = a1 == null ? Integer.valueOf(8) : w.num(a1, scope);
                Integer s = a2 == null ? Integer.valueOf(2) : w.num(a2, scope);
                yield TypeText.of("numeric", "decimal(" + p + ", " + s + ")", p, s);
            }
            case "boolean", "bool" -> TypeText.of("boolean", "boolean");
            case "date" -> TypeText.of("date", "date");
            case "datetime", "dateTime", "timestamp" -> timestamp(m, a1, a2, scope);
            case "time" -> TypeText.of("time", "time");
            case "binary" -> pg ? TypeText.of("bytea", "bytea") : my && w.num(a1, scope) != null
                    ? TypeText.of("varbinary", "varbinary(" + w.num(a1, scope) + ")", w.num(a1, scope)) : TypeText.of("blob", "blob");
            case "json" -> TypeText.of("json", "json");
            case "jsonb" -> pg ? TypeText.of("jsonb", "jsonb") : TypeText.of("json", "json");
            case "uuid" -> pg ? TypeText.of("uuid", "uuid") : TypeText.of("char", "char(36)", 36);
            case "enu", "enum" -> enumType(args, scope);
            case "specificType" -> {
                String raw = w.str(a1, scope);
                if (raw == null) throw JsWalker.giveUp("specificType(): type computed at run time", a1 == null ? args.get(0) : a1);
                yield TypeText.parse(raw, d);
            }
            case "geometry", "geography", "point", "bit" -> TypeText.of(m, m);
            default -> TypeText.of(m.toLowerCase(Locale.ROOT), m.toLowerCase(Locale.ROOT));
        };
    }

    private SqlType floatArgs(String name, String word, Node p, Node s, JsScope scope) {
        Integer pp = p == null ? Integer.valueOf(8) : w.num(p, scope);
        Integer ss = s == null ? Integer.valueOf(2) : w.num(s, scope);
        return TypeText.of(name, word + "(" + pp + ", " + ss + ")", pp, ss);
    }

    private SqlType timestamp(String m, Node a1, Node a2, JsScope scope) {
        boolean useTz = true;
        Integer precision = null;
        Obj o = w.obj(a1, scope);
        if (o != null) {
            if (Boolean.FALSE.equals(w.bool(o.get("useTz"), scope))) useTz = false;
            precision = w.num(o.get("precision"), scope);
        } else if (a1 != null) {
            Boolean withoutTz = w.bool(a1, scope);
            if (m.equals("timestamp") && Boolean.TRUE.equals(withoutTz)) useTz = false;
            precision = w.num(a2, scope);
        }
        String p = precision == null ? "" : "(" + precision + ")";
        if (d == Dialect.POSTGRESQL) {
            return useTz ? TypeText.of("timestamptz", "timestamptz" + p, precision) : TypeText.of("timestamp", "timestamp" + p, precision);
        }
        if (d.isMysqlFamily()) {
            String n = m.equals("timestamp") ? "timestamp" : "datetime";
            return TypeText.of(n, n + p, precision);
        }
        return TypeText.of("datetime", "datetime");
    }

    private SqlType enumType(List<Node> args, JsScope scope) {
        Node values = args.size() > 1 ? args.get(1) : null;
        Obj o = w.obj(args.size() > 2 ? args.get(2) : null, scope);
        if (d == Dialect.POSTGRESQL && o != null && Boolean.TRUE.equals(w.bool(o.get("useNative"), scope))) {
            String n = w.str(o.get("enumName"), scope);
            if (n == null) throw JsWalker.giveUp("enu() with useNative needs an enumName", args.get(0));
            return TypeText.of(n, n);
        }
        List<String> vals = w.strings(values, scope);
        if (d.isMysqlFamily()) {
            if (vals == null) throw JsWalker.giveUp("enu(): values computed at run time", args.get(0));
            return new SqlType("enum", vals, false, "enum(" + String.join(", ", vals.stream().map(JsWalker::quote).toList()) + ")");
        }
        return TypeText.of("text", "text");
    }

    // ---- raw and data ----------------------------------------------------------------------

    /** {@code knex.raw(sql, bindings)}: {@code ??} bindings become quoted identifiers, {@code ?} literals. */
    private void raw(Chain.Link l, JsScope scope) {
        Node sqlArg = l.arg(0);
        Node bindings = l.arg(1);
        if (bindings == null) {
            w.sql(sqlArg, l.node(), scope);
            return;
        }
        String sql = w.str(sqlArg, scope);
        if (sql == null) {
            w.sql(sqlArg, l.node(), scope);
            return;
        }
        JsAst.Node b = w.resolve(bindings, scope);
        List<Node> vals = b instanceof JsAst.Arr a ? a.items() : List.of(b);
        StringBuilder out = new StringBuilder();
        int next = 0;
        for (int k = 0; k < sql.length(); k++) {
            char ch = sql.charAt(k);
            if (ch == '\\' && k + 1 < sql.length() && sql.charAt(k + 1) == '?') {
                out.append('?');
                k++;
            } else if (ch == '?' && k + 1 < sql.length() && sql.charAt(k + 1) == '?') {
                String id = next < vals.size() ? w.str(vals.get(next), scope) : null;
                next++;
                out.append(id == null ? "??" : quoteIdent(id));
                k++;
            } else if (ch == '?') {
                String v = next < vals.size() ? w.literalDefault(vals.get(next), scope) : null;
                next++;
                out.append(v == null ? "NULL" : v);
            } else {
                out.append(ch);
            }
        }
        w.sink.sql(out.toString(), null, l.node().start(), l.node().end());
    }

    private String quoteIdent(String id) {
        String q = d.isMysqlFamily() ? "`" : "\"";
        List<String> parts = new ArrayList<>();
        for (String p : id.split("\\.")) parts.add(q + p + q);
        return String.join(".", parts);
    }

    /** {@code knex('t').where(...).update({...})}, {@code .del()}, {@code .insert(rows)}, {@code .truncate()}. */
    private void query(Chain c, JsScope scope) {
        String table = null;
        boolean where = false;
        Operation.DataKind kind = null;
        List<String> setCols = List.of();
        for (Chain.Link l : c.links()) {
            switch (l.name()) {
                case "", "table", "from", "into", "queryBuilder" -> {
                    String t = w.str(l.arg(0), scope);
                    if (t != null) table = t.replaceFirst("(?i)\\s+as\\s+\\w+$", "").trim();
                }
                case "update" -> {
                    kind = Operation.DataKind.UPDATE;
                    Obj o = w.obj(l.arg(0), scope);
                    if (o != null) setCols = o.props().stream().filter(p -> p.key() != null).map(JsAst.Prop::key).toList();
                    else if (w.str(l.arg(0), scope) != null) setCols = List.of(w.str(l.arg(0), scope));
                }
                case "increment", "decrement" -> {
                    kind = Operation.DataKind.UPDATE;
                    if (w.str(l.arg(0), scope) != null) setCols = List.of(w.str(l.arg(0), scope));
                }
                case "del", "delete" -> kind = Operation.DataKind.DELETE;
                case "insert" -> kind = Operation.DataKind.INSERT;
                case "truncate" -> kind = null;
                case "select", "first", "pluck", "count", "max", "min" -> {
                    if (kind == null) kind = Operation.DataKind.SELECT;
                }
                default -> {
                    if (WHERE.contains(l.name()) || l.name().startsWith("where") || l.name().startsWith("orWhere")) where = true;
                }
            }
        }
        Node whole = c.links().get(c.links().size() - 1).node();
        if (table == null) {
            w.sink.unparsed(whole.start(), whole.end(), "query on a table computed at run time");
            return;
        }
        boolean truncate = c.indexOf("truncate") >= 0;
        Operation op = truncate ? new Operation.Truncate(List.of(w.table(table)), false)
                : new Operation.DataChange(kind == null ? Operation.DataKind.SELECT : kind, w.table(table), where, setCols);
        w.sink.orm(whole.start(), whole.end(), List.of(op));
    }
}

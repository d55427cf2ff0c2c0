package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.js.CodeSink;
import dev.dbmigrate.parse.ruby.RbAst.Arr;
import dev.dbmigrate.parse.ruby.RbAst.Assign;
import dev.dbmigrate.parse.ruby.RbAst.Bad;
import dev.dbmigrate.parse.ruby.RbAst.Begin;
import dev.dbmigrate.parse.ruby.RbAst.Binary;
import dev.dbmigrate.parse.ruby.RbAst.Block;
import dev.dbmigrate.parse.ruby.RbAst.Call;
import dev.dbmigrate.parse.ruby.RbAst.Const;
import dev.dbmigrate.parse.ruby.RbAst.Hash;
import dev.dbmigrate.parse.ruby.RbAst.If;
import dev.dbmigrate.parse.ruby.RbAst.Lit;
import dev.dbmigrate.parse.ruby.RbAst.Loop;
import dev.dbmigrate.parse.ruby.RbAst.Node;
import dev.dbmigrate.parse.ruby.RbAst.Opaque;
import dev.dbmigrate.parse.ruby.RbAst.Pair;
import dev.dbmigrate.parse.ruby.RbAst.Str;
import dev.dbmigrate.parse.ruby.RbAst.Sym;
import dev.dbmigrate.parse.ruby.RbAst.Unary;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Walks the body of a Rails migration method ({@code change}, {@code up}, {@code down}) and turns
 * the migration DSL into statements: one per DSL call (one per {@code t.*} call inside
 * {@code change_table}; a whole {@code create_table} is one), at the call's line.
 *
 * <p>What Rails adds by itself is stated: the {@code id bigint} primary key of
 * {@code create_table} ({@code id: :uuid} -> uuid with {@code gen_random_uuid()}), {@code timestamps}
 * as NOT NULL {@code created_at / updated_at} with precision 6, {@code references} as a
 * {@code <name>_id bigint} column with the index {@code index_<table>_on_<name>_id} and, with
 * {@code foreign_key:}, a foreign key to the pluralized table. Implicit names are computed as
 * Active Record computes them: foreign keys {@code fk_rails_} + the first 10 hex digits of
 * SHA-256 of {@code "<table>_<column>_fk"}, checks {@code chk_rails_} + SHA-256 of
 * {@code "<table>_<expression>_chk"}, indexes {@code index_<table>_on_<cols joined by _and_>} or,
 * over 62 bytes, Rails 7.1's {@code idx_on_<cols>_<hash>} (earlier Rails refuse such names). These
 * equal the database's names unless the application sets a table name prefix / suffix or custom
 * inflections (the inflector knows the default English rules only).
 *
 * <p>In {@code change}, {@code reversible} runs its {@code dir.up} part; {@code up_only},
 * {@code say_with_time}, {@code safety_assured} and {@code transaction} blocks are read through.
 * Model code: {@code User.update_all} / {@code where(...).update_all} / {@code delete_all} are data
 * changes on the model's default table; other model code (find_each blocks, saves) is opaque Ruby.
 * Loops, helper methods and computed names are UNPARSED at their line.
 */
final class RailsWalker {

    private static final Set<String> COLUMN_TYPES = Set.of("string", "text", "integer", "bigint", "float", "decimal", "numeric", "datetime",
            "timestamp", "timestamptz", "time", "date", "binary", "blob", "boolean", "json", "jsonb", "uuid", "citext", "inet", "cidr", "macaddr",
            "hstore", "ltree", "tsvector", "money", "point", "xml", "bit", "interval", "enum", "virtual", "primary_key", "daterange", "tsrange",
            "tstzrange", "int4range", "int8range", "numrange", "oid", "line", "lseg", "box", "path", "polygon", "circle", "bit_varying");

    private static final Set<String> MIGRATION_METHODS = Set.of("create_table", "change_table", "drop_table", "rename_table", "add_column",
            "remove_column", "remove_columns", "rename_column", "change_column", "change_column_null", "change_column_default", "add_index",
            "remove_index", "rename_index", "add_foreign_key", "remove_foreign_key", "validate_foreign_key", "add_reference", "add_belongs_to",
            "remove_reference", "remove_belongs_to", "add_check_constraint", "remove_check_constraint", "validate_check_constraint",
            "add_timestamps", "remove_timestamps", "execute", "enable_extension", "disable_extension", "create_enum", "drop_enum",
            "add_enum_value", "rename_enum_value", "rename_enum", "create_join_table", "drop_join_table", "change_column_comment",
            "change_table_comment", "exec_query", "exec_update", "exec_delete", "exec_insert", "create_schema", "drop_schema",
            "add_exclusion_constraint", "remove_exclusion_constraint", "add_unique_constraint", "remove_unique_constraint");

    private static final Set<String> LOOPS = Set.of("each", "each_with_index", "times", "map", "each_slice", "each_pair", "upto", "downto",
            "each_key", "each_value", "step", "loop", "in_groups_of", "each_with_object", "flat_map");

    /** Names visible in the walk. */
    static final class Scope {
        final Scope parent;
        final Map<String, Object> names = new HashMap<>();
        String guardTable;
        String guardColumn;
        Boolean guardExists;

        Scope(Scope parent) {
            this.parent = parent;
            if (parent != null) {
                guardTable = parent.guardTable;
                guardColumn = parent.guardColumn;
                guardExists = parent.guardExists;
            }
        }

        Object lookup(String n) {
            for (Scope s = this; s != null; s = s.parent) {
                if (s.names.containsKey(n)) return s.names.get(n);
            }
            return null;
        }

        boolean missing(String table, String column) {
            return Boolean.FALSE.equals(guardExists) && table.equals(guardTable) && Objects.equals(column, guardColumn);
        }

        boolean present(String table, String column) {
            return Boolean.TRUE.equals(guardExists) && table.equals(guardTable) && Objects.equals(column, guardColumn);
        }
    }

    /** The table a {@code create_table} / {@code change_table} block parameter stands for. */
    static final class TableVar {
        final TableRef table;
        final boolean create;
        final List<ColumnDef> columns = new ArrayList<>();
        final List<ConstraintDef> constraints = new ArrayList<>();
        final List<Operation> after = new ArrayList<>();

        TableVar(TableRef table, boolean create) {
            this.table = table;
            this.create = create;
        }
    }

    /** The {@code reversible} block parameter. */
    record Direction(String name) {}

    static final class GiveUp extends RuntimeException {
        GiveUp(String message) {
            super(message, null, false, false);
        }
    }

    private final CodeSink sink;
    private final Dialect d;
    private final String part;

    RailsWalker(CodeSink sink, String part) {
        this.sink = sink;
        this.d = sink.dialect() == null ? Dialect.POSTGRESQL : sink.dialect();
        this.part = part == null ? "change" : part;
    }

    // ---- statements --------------------------------------------------------------------------

    void statements(List<Node> body, Scope scope) {
        for (Node n : body) statement(n, scope);
    }

    void statement(Node n, Scope scope) {
        if (n instanceof Call c) {
            call(c, scope);
        } else if (n instanceof Assign a) {
            if (isStatic(a.value(), scope)) scope.names.put(a.name(), a.value());
            else if (mentionsMigration(a.value(), scope)) statement(a.value(), scope);
        } else if (n instanceof If f) {
            ifStatement(f, scope);
        } else if (n instanceof Loop l) {
            if (mentionsMigration(l, scope)) sink.unparsed(l.start(), l.end(), l.kind() + " loop over migration calls: what it runs depends on run-time values");
        } else if (n instanceof Begin b) {
            statements(b.body(), new Scope(scope));
            if (!b.rescue().isEmpty() && b.rescue().stream().anyMatch(x -> mentionsMigration(x, scope))) {
                sink.unparsed(b.start(), b.end(), "rescue branch with migration calls: runs only when the block fails");
            }
            statements(b.ensure(), new Scope(scope));
        } else if (n instanceof Binary b && (b.op().equals("&&") || b.op().equals("||"))) {
            statement(b.left(), scope);
            statement(b.right(), scope);
        } else if (n instanceof Opaque o) {
            if (Set.of("case", "def", "class", "module").contains(o.what()) && mentionsMigration(o, scope)) {
                sink.unparsed(o.start(), o.end(), o.what() + " with migration calls is not read");
            }
        } else if (n instanceof Bad b) {
            sink.unparsed(b.start(), b.end(), "Ruby not understood: " + b.message());
        }
    }

    private void ifStatement(If f, Scope scope) {
        Scope then = new Scope(scope);
        Scope otherwise = new Scope(scope);
        String[] g = guard(f.test(), scope);
        if (g != null) {
            boolean exists = Boolean.parseBoolean(g[2]) != f.negated();
            then.guardTable = g[0];
            then.guardColumn = g[1];
            then.guardExists = exists;
            otherwise.guardTable = g[0];
            otherwise.guardColumn = g[1];
            otherwise.guardExists = !exists;
        }
        String test = g == null ? shorten(text(f.test())) : null;
        String negatedTest = test == null ? null : "!(" + test + ")";
        branch(f.then(), then, f.negated() ? negatedTest : test);
        branch(f.otherwise(), otherwise, f.negated() ? test : negatedTest);
    }

    /** Walks one branch of an if; a condition the reader cannot decide marks its statements Conditional. */
    private void branch(List<Node> body, Scope scope, String condition) {
        if (condition == null || body.isEmpty()) {
            statements(body, scope);
            return;
        }
        sink.enterCondition(condition);
        try {
            statements(body, scope);
        } finally {
            sink.exitCondition();
        }
    }

    /** {table, column, exists} for {@code table_exists?(:t)} / {@code column_exists?(:t, :c)} (negated by {@code !}). */
    private String[] guard(Node test, Scope scope) {
        if (test instanceof Unary u && u.op().equals("!")) {
            String[] g = guard(u.arg(), scope);
            return g == null ? null : new String[] {g[0], g[1], String.valueOf(!Boolean.parseBoolean(g[2]))};
        }
        if (!(test instanceof Call c) || c.args().isEmpty()) return null;
        String table = name(c.args().get(0), scope);
        if (table == null) return null;
        return switch (c.name()) {
            case "table_exists?", "data_source_exists?" -> new String[] {table, null, "true"};
            case "column_exists?" -> {
                String col = c.args().size() > 1 ? name(c.args().get(1), scope) : null;
                yield col == null ? null : new String[] {table, col, "true"};
            }
            default -> null;
        };
    }

    private void call(Call c, Scope scope) {
        try {
            if (c.receiver() == null) {
                Object bound = scope.lookup(c.name());
                if (bound != null && c.args().isEmpty() && c.block() == null) return;
                method(c, scope);
                return;
            }
            Node recv = c.receiver();
            if (recv instanceof Call r && r.receiver() == null && scope.lookup(r.name()) instanceof Direction) {
                boolean run = c.name().equals("up") ? !part.equals("down") : c.name().equals("down") && part.equals("down");
                if (run && c.block() != null) statements(c.block().body(), new Scope(scope));
                return;
            }
            if (recv instanceof Call r && r.receiver() == null && scope.lookup(r.name()) instanceof TableVar tv) {
                tableCall(tv, c, scope);
                return;
            }
            if (LOOPS.contains(c.name()) && c.block() != null && !isModelChain(c)) {
                if (mentionsMigration(c.block(), scope)) {
                    sink.unparsed(c.start(), c.end(), "loop (." + c.name() + ") over migration calls: what it runs depends on run-time values");
                }
                return;
            }
            if (c.name().equals("execute") || c.name().equals("exec_query") || c.name().equals("exec_update") || c.name().equals("exec_delete")) {
                if (rootName(c).equals("connection") || rootName(c).endsWith("ActiveRecord::Base") || isModelChain(c)) {
                    execute(c, scope);
                    return;
                }
            }
            if (isModelChain(c)) {
                model(c, scope);
                return;
            }
            if (mentionsMigration(c, scope)) sink.unparsed(c.start(), c.end(), "call not understood: " + shorten(text(c)));
        } catch (GiveUp g) {
            sink.unparsed(c.start(), c.end(), g.getMessage());
        }
    }

    private static String rootName(Call c) {
        Node n = c;
        while (n instanceof Call k && k.receiver() != null) n = k.receiver();
        if (n instanceof Call k) return k.name();
        if (n instanceof Const k) return k.path();
        return "";
    }

    private static boolean isModelChain(Call c) {
        Node n = c;
        while (n instanceof Call k && k.receiver() != null) n = k.receiver();
        return n instanceof Const k && !k.path().startsWith("ActiveRecord") && !k.path().equals("Rails");
    }

    // ---- the migration DSL ---------------------------------------------------------------------

    private void method(Call c, Scope scope) {
        List<Operation> ops = new ArrayList<>();
        List<Node> a = positional(c);
        Hash o = options(c);
        switch (c.name()) {
            case "create_table" -> createTable(c, a, o, scope, ops);
            case "change_table" -> {
                TableRef t = table(req(a, 0, c, scope));
                if (c.block() == null || c.block().params().isEmpty()) throw new GiveUp("change_table without a block parameter");
                Scope inner = new Scope(scope);
                inner.names.put(c.block().params().get(0), new TableVar(t, false));
                statements(c.block().body(), inner);
                return;
            }
            case "drop_table" -> {
                for (Node x : a) {
                    TableRef t = table(nameOrFail(x, c, scope));
                    ops.add(new Operation.DropTable(t, flag(o, "if_exists", scope) || scope.present(t.name(), null),
                            "cascade".equals(name(get(o, "force"), scope))));
                }
            }
            case "rename_table" -> ops.add(new Operation.RenameTable(table(req(a, 0, c, scope)), req(a, 1, c, scope)));
            case "add_column" -> {
                TableRef t = table(req(a, 0, c, scope));
                String col = req(a, 1, c, scope);
                ColumnDef def = column(t, col, req(a, 2, c, scope), o, scope, ops);
                ops.add(new Operation.AddColumn(t, def, flag(o, "if_not_exists", scope) || scope.missing(t.name(), col)));
            }
            case "remove_column" -> {
                TableRef t = table(req(a, 0, c, scope));
                String col = req(a, 1, c, scope);
                ops.add(new Operation.DropColumn(t, col, flag(o, "if_exists", scope) || scope.present(t.name(), col), false));
            }
            case "remove_columns" -> {
                TableRef t = table(req(a, 0, c, scope));
                for (int k = 1; k < a.size(); k++) ops.add(new Operation.DropColumn(t, nameOrFail(a.get(k), c, scope), false, false));
            }
            case "rename_column" -> ops.add(new Operation.RenameColumn(table(req(a, 0, c, scope)), req(a, 1, c, scope), req(a, 2, c, scope)));
            case "change_column" -> changeColumn(table(req(a, 0, c, scope)), req(a, 1, c, scope), req(a, 2, c, scope), o, scope, ops);
            case "change_column_null" -> changeNull(table(req(a, 0, c, scope)), req(a, 1, c, scope), a.size() > 2 ? a.get(2) : null,
                    a.size() > 3 ? a.get(3) : null, scope, ops);
            case "change_column_default" -> ops.add(new Operation.AlterColumnDefault(table(req(a, 0, c, scope)), req(a, 1, c, scope),
                    changeDefault(a.size() > 2 ? a.get(2) : null, o, scope)));
            case "add_index" -> ops.add(addIndex(table(req(a, 0, c, scope)), a.size() > 1 ? a.get(1) : null, o, scope, c));
            case "remove_index" -> ops.add(removeIndex(table(req(a, 0, c, scope)), a.size() > 1 ? a.get(1) : null, o, scope, c));
            case "rename_index" -> ops.add(new Operation.RenameIndex(req(a, 1, c, scope), req(a, 2, c, scope), table(req(a, 0, c, scope))));
            case "add_foreign_key" -> ops.add(new Operation.AddConstraint(table(req(a, 0, c, scope)),
                    foreignKey(req(a, 0, c, scope), a.size() > 1 ? name(a.get(1), scope) : null, o, scope)));
            case "remove_foreign_key" -> {
                String from = req(a, 0, c, scope);
                ops.add(new Operation.DropConstraint(table(from), fkName(from, a.size() > 1 ? name(a.get(1), scope) : null, o, scope),
                        ConstraintDef.Kind.FOREIGN_KEY, flag(o, "if_exists", scope), false));
            }
            case "validate_foreign_key" -> {
                String from = req(a, 0, c, scope);
                ops.add(new Operation.ValidateConstraint(table(from), fkName(from, a.size() > 1 ? name(a.get(1), scope) : null, o, scope)));
            }
            case "add_reference", "add_belongs_to" -> reference(new TableVar(table(req(a, 0, c, scope)), false), req(a, 1, c, scope), o, scope, ops);
            case "remove_reference", "remove_belongs_to" -> removeReference(table(req(a, 0, c, scope)), req(a, 1, c, scope), o, scope, ops);
            case "add_check_constraint" -> {
                TableRef t = table(req(a, 0, c, scope));
                ops.add(new Operation.AddConstraint(t, check(t, req(a, 1, c, scope), o, scope)));
            }
            case "remove_check_constraint" -> {
                TableRef t = table(req(a, 0, c, scope));
                String expr = a.size() > 1 ? name(a.get(1), scope) : null;
                String n = name(get(o, "name"), scope);
                if (n == null && expr == null) throw new GiveUp("remove_check_constraint needs the expression or name:");
                ops.add(new Operation.DropConstraint(t, n != null ? n : checkName(t.name(), expr), ConstraintDef.Kind.CHECK, flag(o, "if_exists", scope), false));
            }
            case "validate_check_constraint" -> {
                TableRef t = table(req(a, 0, c, scope));
                String n = name(get(o, "name"), scope);
                String expr = a.size() > 1 ? name(a.get(1), scope) : null;
                ops.add(new Operation.ValidateConstraint(t, n != null ? n : checkName(t.name(), expr)));
            }
            case "add_timestamps" -> {
                TableVar tv = new TableVar(table(req(a, 0, c, scope)), false);
                timestamps(tv, o, scope, ops);
            }
            case "remove_timestamps" -> {
                TableRef t = table(req(a, 0, c, scope));
                ops.add(new Operation.DropColumn(t, "created_at", false, false));
                ops.add(new Operation.DropColumn(t, "updated_at", false, false));
            }
            case "execute", "exec_query", "exec_update", "exec_delete", "exec_insert" -> {
                execute(c, scope);
                return;
            }
            case "enable_extension" -> ops.add(new Operation.OtherDdl("CREATE", "EXTENSION", req(a, 0, c, scope), null, true, false));
            case "disable_extension" -> ops.add(new Operation.OtherDdl("DROP", "EXTENSION", req(a, 0, c, scope), null, true, false));
            case "create_enum" -> ops.add(new Operation.CreateEnum(req(a, 0, c, scope), names(a.size() > 1 ? a.get(1) : null, scope, c)));
            case "drop_enum" -> ops.add(new Operation.DropType(req(a, 0, c, scope), flag(o, "if_exists", scope), false));
            case "add_enum_value" -> ops.add(new Operation.AddEnumValue(req(a, 0, c, scope), req(a, 1, c, scope), name(get(o, "before"), scope),
                    name(get(o, "after"), scope), flag(o, "if_not_exists", scope)));
            case "rename_enum_value" -> ops.add(new Operation.RenameEnumValue(req(a, 0, c, scope), name(get(o, "from"), scope), name(get(o, "to"), scope)));
            case "create_join_table" -> createJoinTable(c, a, o, scope, ops);
            case "drop_join_table" -> ops.add(new Operation.DropTable(table(joinTableName(req(a, 0, c, scope), req(a, 1, c, scope), o, scope)), false, false));
            case "change_column_comment" -> ops.add(new Operation.SetComment(table(req(a, 0, c, scope)), req(a, 1, c, scope),
                    changeDefaultComment(a.size() > 2 ? a.get(2) : null, o, scope)));
            case "change_table_comment" -> ops.add(new Operation.SetComment(table(req(a, 0, c, scope)), null,
                    changeDefaultComment(a.size() > 1 ? a.get(1) : null, o, scope)));
            case "create_schema" -> ops.add(new Operation.CreateSchema(req(a, 0, c, scope), flag(o, "if_not_exists", scope)));
            case "drop_schema" -> ops.add(new Operation.DropSchema(req(a, 0, c, scope), false, flag(o, "if_exists", scope), false));
            case "add_unique_constraint" -> {
                TableRef t = table(req(a, 0, c, scope));
                List<String> cols = names(a.size() > 1 ? a.get(1) : get(o, "using_index"), scope, c);
                String n = name(get(o, "name"), scope);
                ops.add(new Operation.AddConstraint(t, ConstraintDef.unique(n != null ? n : "uniq_rails_" + sha256(t.name() + "_" + String.join("_and_", cols) + "_unique").substring(0, 10), cols)));
            }
            case "reversible" -> {
                if (c.block() == null) throw new GiveUp("reversible without a block");
                Scope inner = new Scope(scope);
                if (!c.block().params().isEmpty()) inner.names.put(c.block().params().get(0), new Direction(c.block().params().get(0)));
                statements(c.block().body(), inner);
                return;
            }
            case "up_only" -> {
                if (c.block() != null && !part.equals("down")) statements(c.block().body(), new Scope(scope));
                return;
            }
            case "say_with_time", "safety_assured", "transaction", "suppress_messages", "with_lock_retries" -> {
                if (c.block() != null) statements(c.block().body(), new Scope(scope));
                return;
            }
            case "say", "puts", "p", "pp", "disable_ddl_transaction!", "require", "sleep" -> {
                return;
            }
            case "raise", "fail" -> {
                sink.orm(c.start(), c.end(), List.of(new Operation.OpaqueCode("ruby", "raises " + shorten(text(c.args().isEmpty() ? c : c.args().get(0))),
                        false, List.of())));
                return;
            }
            case "revert" -> throw new GiveUp("revert is not followed: db-migrate does not invert other migrations' code");
            case "table_exists?", "column_exists?", "index_exists?", "foreign_key_exists?", "check_constraint_exists?",
                    "reset_column_information" -> {
                return;
            }
            default -> {
                if (LOOPS.contains(c.name()) && c.block() != null) {
                    if (mentionsMigration(c.block(), scope)) sink.unparsed(c.start(), c.end(), c.name() + " loop over migration calls");
                    return;
                }
                throw new GiveUp("calls " + c.name() + ": not a migration method db-migrate knows (helper methods are not followed)");
            }
        }
        if (!ops.isEmpty()) sink.orm(c.start(), c.end(), ops);
    }

    private void createTable(Call c, List<Node> a, Hash o, Scope scope, List<Operation> ops) {
        TableRef t = table(req(a, 0, c, scope));
        TableVar tv = new TableVar(t, true);
        Node id = get(o, "id");
        boolean noId = id instanceof Lit l && Boolean.FALSE.equals(l.value());
        Node pkNode = get(o, "primary_key");
        List<String> pkCols = pkNode == null ? List.of("id") : names(pkNode, scope, c);
        if (!noId && pkCols.size() == 1) {
            String idType = id == null ? "primary_key" : name(id, scope);
            tv.columns.add(primaryKeyColumn(pkCols.get(0), idType == null ? "primary_key" : idType, o, scope));
        } else if (!noId) {
            tv.constraints.add(ConstraintDef.primaryKey(d.isMysqlFamily() ? null : t.name() + "_pkey", pkCols));
        }
        if (c.block() != null && !c.block().params().isEmpty()) {
            Scope inner = new Scope(scope);
            inner.names.put(c.block().params().get(0), tv);
            statements(c.block().body(), inner);
        }
        Node force = get(o, "force");
        if (force != null && !(force instanceof Lit l && Boolean.FALSE.equals(l.value()))) {
            ops.add(new Operation.DropTable(t, true, "cascade".equals(name(force, scope))));
        }
        ops.add(new Operation.CreateTable(t, tv.columns, tv.constraints, flag(o, "if_not_exists", scope) || scope.missing(t.name(), null),
                false, false, null));
        ops.addAll(tv.after);
        String comment = name(get(o, "comment"), scope);
        if (comment != null) ops.add(new Operation.SetComment(t, null, comment));
    }

    private ColumnDef primaryKeyColumn(String name, String idType, Hash o, Scope scope) {
        String def = get(o, "default") == null ? null : defaultSql(get(o, "default"), scope);
        return switch (idType) {
            case "uuid" -> new ColumnDef(name, RailsTypes.type("uuid", null, null, null, false, d), true,
                    def != null ? def : d == Dialect.POSTGRESQL ? "gen_random_uuid()" : null, true, false, null, null, null, false, null, null);
            case "integer", "serial" -> new ColumnDef(name, d == Dialect.POSTGRESQL ? TypeTextOf.serial() : RailsTypes.type("integer", null, null, null, false, d),
                    true, def, true, false, null, null, null, d != Dialect.POSTGRESQL, null, null);
            case "primary_key", "bigint", "bigserial" -> new ColumnDef(name, RailsTypes.type("primary_key", null, null, null, false, d), true, def,
                    true, false, null, null, null, d != Dialect.POSTGRESQL, null, null);
            default -> new ColumnDef(name, RailsTypes.type(idType, null, null, null, false, d), true, def, true, false, null, null, null, false, null, null);
        };
    }

    /** Small holder so the serial type reads as intended. */
    private static final class TypeTextOf {
        static SqlType serial() {
            return dev.dbmigrate.parse.js.TypeText.of("serial", "serial");
        }
    }

    private void createJoinTable(Call c, List<Node> a, Hash o, Scope scope, List<Operation> ops) {
        String t1 = req(a, 0, c, scope);
        String t2 = req(a, 1, c, scope);
        TableVar tv = new TableVar(table(joinTableName(t1, t2, o, scope)), true);
        Hash colOpts = hashOf(get(o, "column_options"));
        for (String s : List.of(t1, t2)) {
            String col = Inflector.singularize(s) + "_id";
            boolean nullable = colOpts != null && colOpts.get("null") instanceof Lit l && Boolean.TRUE.equals(l.value());
            tv.columns.add(ColumnDef.of(col, RailsTypes.type("bigint", null, null, null, false, d), !nullable, null));
        }
        if (c.block() != null && !c.block().params().isEmpty()) {
            Scope inner = new Scope(scope);
            inner.names.put(c.block().params().get(0), tv);
            statements(c.block().body(), inner);
        }
        ops.add(new Operation.CreateTable(tv.table, tv.columns, tv.constraints, false, false, false, null));
        ops.addAll(tv.after);
    }

    private String joinTableName(String t1, String t2, Hash o, Scope scope) {
        String given = name(get(o, "table_name"), scope);
        if (given != null) return given;
        List<String> both = new ArrayList<>(List.of(t1, t2));
        both.sort(null);
        String a = both.get(0);
        String b = both.get(1);
        int common = 0;
        while (common < Math.min(a.length(), b.length()) && a.charAt(common) == b.charAt(common)) common++;
        String prefix = a.substring(0, common);
        int us = prefix.lastIndexOf('_');
        if (us >= 0 && us == prefix.length() - 1 && common > 0) return a + "_" + b.substring(us + 1);
        return a + "_" + b;
    }

    // ---- table blocks ---------------------------------------------------------------------------

    private void tableCall(TableVar tv, Call c, Scope scope) {
        List<Operation> ops = new ArrayList<>();
        List<Node> a = positional(c);
        Hash o = options(c);
        TableRef t = tv.table;
        String m = c.name();
        if (COLUMN_TYPES.contains(m) || m.equals("column")) {
            int from = m.equals("column") ? 0 : 0;
            List<Node> nameNodes = m.equals("column") ? a.subList(0, Math.min(1, a.size())) : a;
            String type = m.equals("column") ? req(a, 1, c, scope) : m;
            for (int k = from; k < nameNodes.size(); k++) {
                String col = nameOrFail(nameNodes.get(k), c, scope);
                ColumnDef def = column(t, col, type, o, scope, tv.create ? tv.after : ops);
                if (tv.create) tv.columns.add(def);
                else ops.add(new Operation.AddColumn(t, def, flag(o, "if_not_exists", scope)));
                Node index = get(o, "index");
                if (index != null && !(index instanceof Lit l && Boolean.FALSE.equals(l.value()))) {
                    Operation ix = addIndex(t, new Sym(c.start(), c.end(), col), hashOf(index), scope, c);
                    (tv.create ? tv.after : ops).add(ix);
                }
            }
        } else {
            switch (m) {
                case "references", "belongs_to" -> {
                    for (Node n : a) reference(tv, nameOrFail(n, c, scope), o, scope, ops);
                }
                case "timestamps" -> timestamps(tv, o, scope, ops);
                case "index" -> (tv.create ? tv.after : ops).add(addIndex(t, a.isEmpty() ? null : a.get(0), o, scope, c));
                case "check_constraint" -> {
                    ConstraintDef ck = check(t, req(a, 0, c, scope), o, scope);
                    if (tv.create) tv.constraints.add(ck);
                    else ops.add(new Operation.AddConstraint(t, ck));
                }
                case "foreign_key" -> {
                    ConstraintDef fk = foreignKey(t.name(), req(a, 0, c, scope), o, scope);
                    if (tv.create) tv.constraints.add(fk);
                    else ops.add(new Operation.AddConstraint(t, fk));
                }
                case "remove" -> {
                    for (Node n : a) ops.add(new Operation.DropColumn(t, nameOrFail(n, c, scope), flag(o, "if_exists", scope), false));
                }
                case "rename" -> ops.add(new Operation.RenameColumn(t, req(a, 0, c, scope), req(a, 1, c, scope)));
                case "change" -> changeColumn(t, req(a, 0, c, scope), req(a, 1, c, scope), o, scope, ops);
                case "change_default" -> ops.add(new Operation.AlterColumnDefault(t, req(a, 0, c, scope), changeDefault(a.size() > 1 ? a.get(1) : null, o, scope)));
                case "change_null" -> changeNull(t, req(a, 0, c, scope), a.size() > 1 ? a.get(1) : null, a.size() > 2 ? a.get(2) : null, scope, ops);
                case "remove_index" -> ops.add(removeIndex(t, a.isEmpty() ? null : a.get(0), o, scope, c));
                case "rename_index" -> ops.add(new Operation.RenameIndex(req(a, 0, c, scope), req(a, 1, c, scope), t));
                case "remove_references", "remove_belongs_to" -> {
                    for (Node n : a) removeReference(t, nameOrFail(n, c, scope), o, scope, ops);
                }
                case "remove_timestamps" -> {
                    ops.add(new Operation.DropColumn(t, "created_at", false, false));
                    ops.add(new Operation.DropColumn(t, "updated_at", false, false));
                }
                case "remove_foreign_key" -> ops.add(new Operation.DropConstraint(t, fkName(t.name(), a.isEmpty() ? null : name(a.get(0), scope), o, scope),
                        ConstraintDef.Kind.FOREIGN_KEY, false, false));
                case "remove_check_constraint" -> {
                    String n = name(get(o, "name"), scope);
                    ops.add(new Operation.DropConstraint(t, n != null ? n : checkName(t.name(), req(a, 0, c, scope)), ConstraintDef.Kind.CHECK, false, false));
                }
                case "column_exists?", "index_exists?" -> { }
                default -> throw new GiveUp("t." + m + " is not understood");
            }
        }
        if (!tv.create && !ops.isEmpty()) sink.orm(c.start(), c.end(), ops);
        else if (tv.create) tv.after.addAll(ops);
    }

    private void timestamps(TableVar tv, Hash o, Scope scope, List<Operation> ops) {
        Node nullNode = get(o, "null");
        boolean notNull = !(nullNode instanceof Lit l && Boolean.TRUE.equals(l.value()));
        Integer precision = num(get(o, "precision"), scope);
        Node def = get(o, "default");
        for (String n : List.of("created_at", "updated_at")) {
            ColumnDef col = ColumnDef.of(n, RailsTypes.type("datetime", null, precision, null, false, d), notNull,
                    def == null ? null : defaultSql(def, scope));
            if (tv.create) tv.columns.add(col);
            else ops.add(new Operation.AddColumn(tv.table, col, false));
        }
    }

    /** {@code references :user, foreign_key: ..., index: ..., polymorphic:, type:, null:}. */
    private void reference(TableVar tv, String ref, Hash o, Scope scope, List<Operation> ops) {
        TableRef t = tv.table;
        String col = ref + "_id";
        String typeName = name(get(o, "type"), scope);
        SqlType type = RailsTypes.type(typeName == null ? "bigint" : typeName, num(get(o, "limit"), scope), null, null, false, d);
        Node nullNode = get(o, "null");
        boolean notNull = nullNode instanceof Lit l && Boolean.FALSE.equals(l.value());
        boolean poly = get(o, "polymorphic") != null && !(get(o, "polymorphic") instanceof Lit l2 && Boolean.FALSE.equals(l2.value()));
        List<ColumnDef> cols = new ArrayList<>();
        if (poly) cols.add(ColumnDef.of(ref + "_type", RailsTypes.type("string", null, null, null, false, d), notNull, null));
        cols.add(new ColumnDef(col, type, notNull, get(o, "default") == null ? null : defaultSql(get(o, "default"), scope), false, false, null,
                null, null, false, null, null));
        for (ColumnDef cd : cols) {
            if (tv.create) tv.columns.add(cd);
            else ops.add(new Operation.AddColumn(t, cd, flag(o, "if_not_exists", scope)));
        }
        Node index = get(o, "index");
        if (!(index instanceof Lit li && Boolean.FALSE.equals(li.value()))) {
            Hash io = hashOf(index);
            List<String> icols = poly ? List.of(ref + "_type", col) : List.of(col);
            String iname = name(get(io, "name"), scope);
            IndexDef idx = new IndexDef(iname != null ? iname : indexName(t.name(), icols), t, icols, flag(io, "unique", scope),
                    lower(name(get(io, "using"), scope)), name(get(io, "where"), scope), List.of());
            (tv.create ? tv.after : ops).add(new Operation.CreateIndex(idx, "concurrently".equals(name(get(io, "algorithm"), scope)), false));
        }
        Node fk = get(o, "foreign_key");
        if (fk != null && !(fk instanceof Lit lf && Boolean.FALSE.equals(lf.value())) && !poly) {
            Hash fo = hashOf(fk);
            String to = name(get(fo, "to_table"), scope);
            ConstraintDef def = ConstraintDef.foreignKey(name(get(fo, "name"), scope) != null ? name(get(fo, "name"), scope) : fkHash(t.name(), col),
                    List.of(col), table(to != null ? to : Inflector.pluralize(ref)), List.of(orElse(name(get(fo, "primary_key"), scope), "id")),
                    action(get(fo, "on_delete"), scope), action(get(fo, "on_update"), scope));
            if (get(fo, "validate") instanceof Lit lv && Boolean.FALSE.equals(lv.value())) def = def.withNotValid(true);
            if (tv.create) tv.constraints.add(def);
            else ops.add(new Operation.AddConstraint(t, def));
        }
    }

    private void removeReference(TableRef t, String ref, Hash o, Scope scope, List<Operation> ops) {
        Node fk = get(o, "foreign_key");
        if (fk != null && !(fk instanceof Lit l && Boolean.FALSE.equals(l.value()))) {
            Hash fo = hashOf(fk);
            String n = name(get(fo, "name"), scope);
            ops.add(new Operation.DropConstraint(t, n != null ? n : fkHash(t.name(), ref + "_id"), ConstraintDef.Kind.FOREIGN_KEY, false, false));
        }
        if (get(o, "polymorphic") != null) ops.add(new Operation.DropColumn(t, ref + "_type", false, false));
        ops.add(new Operation.DropColumn(t, ref + "_id", false, false));
    }

    // ---- columns --------------------------------------------------------------------------------

    private ColumnDef column(TableRef t, String col, String type, Hash o, Scope scope, List<Operation> before) {
        Integer limit = num(get(o, "limit"), scope);
        Integer precision = num(get(o, "precision"), scope);
        Integer scale = num(get(o, "scale"), scope);
        boolean array = flag(o, "array", scope);
        SqlType st;
        if (type.equals("enum")) {
            String enumType = orElse(name(get(o, "enum_type"), scope), col);
            st = dev.dbmigrate.parse.js.TypeText.of(enumType, enumType);
        } else if (type.equals("virtual")) {
            st = RailsTypes.type(orElse(name(get(o, "type"), scope), "string"), limit, precision, scale, array, d);
        } else {
            st = RailsTypes.type(type, limit, precision, scale, array, d);
        }
        Node nullNode = get(o, "null");
        boolean notNull = nullNode instanceof Lit l && Boolean.FALSE.equals(l.value());
        String def = get(o, "default") == null ? null : defaultSql(get(o, "default"), scope);
        String as = name(get(o, "as"), scope);
        ColumnDef.Generated gen = as == null ? null : new ColumnDef.Generated(false, true, as, flag(o, "stored", scope));
        boolean pk = flag(o, "primary_key", scope) || type.equals("primary_key");
        return new ColumnDef(col, st, notNull || pk, def, pk, false, null, gen, null, type.equals("primary_key") && d != Dialect.POSTGRESQL,
                name(get(o, "collation"), scope), name(get(o, "comment"), scope));
    }

    /**
     * change_column: on PostgreSQL the type change plus the default / NOT NULL the options restate;
     * on MySQL / SQLite a whole new definition (MODIFY without {@code null: false} drops NOT NULL).
     */
    private void changeColumn(TableRef t, String col, String type, Hash o, Scope scope, List<Operation> ops) {
        ColumnDef def = column(t, col, type, o, scope, ops);
        if (d == Dialect.POSTGRESQL) {
            String using = name(get(o, "using"), scope);
            ops.add(new Operation.AlterColumnType(t, col, def.type(), using));
            if (has(o, "default")) ops.add(new Operation.AlterColumnDefault(t, col, def.defaultExpr()));
            if (has(o, "null")) ops.add(new Operation.AlterColumnNullability(t, col, def.notNull()));
        } else {
            ops.add(new Operation.RedefineColumn(t, col, def));
        }
    }

    /** change_column_null; with a 4th argument Rails first sets NULLs to it (an UPDATE ... WHERE col IS NULL). */
    private void changeNull(TableRef t, String col, Node allowNull, Node backfill, Scope scope, List<Operation> ops) {
        Boolean allow = bool(allowNull, scope);
        if (allow == null) throw new GiveUp("change_column_null: the null flag is computed at run time");
        if (backfill != null && !allow) ops.add(new Operation.DataChange(Operation.DataKind.UPDATE, t, true, List.of(col)));
        ops.add(new Operation.AlterColumnNullability(t, col, !allow));
    }

    private String changeDefault(Node value, Hash o, Scope scope) {
        if (has(o, "to")) return defaultSql(get(o, "to"), scope);
        return value == null ? null : defaultSql(value, scope);
    }

    private String changeDefaultComment(Node value, Hash o, Scope scope) {
        if (has(o, "to")) return name(get(o, "to"), scope);
        return value == null ? null : name(value, scope);
    }

    // ---- indexes and constraints -------------------------------------------------------------------

    private Operation addIndex(TableRef t, Node cols, Hash o, Scope scope, Call c) {
        List<String> columns = indexColumns(cols, scope, c);
        String n = name(get(o, "name"), scope);
        String where = name(get(o, "where"), scope);
        String using = lower(name(get(o, "using"), scope));
        String type = name(get(o, "type"), scope);
        if (using == null && type != null) using = type.toLowerCase(Locale.ROOT);
        List<String> include = get(o, "include") == null ? List.of() : names(get(o, "include"), scope, c);
        Hash order = hashOf(get(o, "order"));
        if (order != null) {
            List<String> ordered = new ArrayList<>();
            for (String col : columns) {
                String dir = name(order.get(col), scope);
                ordered.add(dir == null ? col : col + " " + dir.toUpperCase(Locale.ROOT));
            }
            columns = ordered;
        }
        IndexDef idx = new IndexDef(n != null ? n : indexName(t.name(), indexColumns(cols, scope, c)), t, columns, flag(o, "unique", scope),
                using, where, include);
        return new Operation.CreateIndex(idx, "concurrently".equals(name(get(o, "algorithm"), scope)), flag(o, "if_not_exists", scope));
    }

    private List<String> indexColumns(Node cols, Scope scope, Call c) {
        if (cols == null) throw new GiveUp("index without columns");
        return names(cols, scope, c);
    }

    private Operation removeIndex(TableRef t, Node cols, Hash o, Scope scope, Call c) {
        String n = name(get(o, "name"), scope);
        if (n == null) {
            Node colNode = cols != null ? cols : get(o, "column");
            if (colNode == null) throw new GiveUp("remove_index needs columns, column: or name:");
            n = indexName(t.name(), names(colNode, scope, c));
        }
        return new Operation.DropIndex(n, d.isMysqlFamily() ? t : null, "concurrently".equals(name(get(o, "algorithm"), scope)),
                flag(o, "if_exists", scope), false);
    }

    /** Rails' index name: {@code index_<table>_on_<cols joined by _and_>}; Rails 7.1's {@code idx_on_...} hash form past 62 bytes. */
    static String indexName(String table, List<String> cols) {
        List<String> parts = cols.stream().map(x -> x.replaceAll("\\W+", "_").replaceAll("^_+|_+$", "")).toList();
        String n = "index_" + table + "_on_" + String.join("_and_", parts);
        if (n.getBytes(StandardCharsets.UTF_8).length <= 62) return n;
        String hashed = "_" + sha256(n).substring(0, 10);
        String shortName = "idx_on_" + String.join("_", parts);
        int limit = 62 - hashed.length();
        if (shortName.length() > limit) shortName = shortName.substring(0, limit);
        return shortName + hashed;
    }

    private ConstraintDef foreignKey(String from, String to, Hash o, Scope scope) {
        String toTable = to != null ? to : name(get(o, "to_table"), scope);
        if (toTable == null) throw new GiveUp("add_foreign_key without a referenced table");
        String column = orElse(name(get(o, "column"), scope), Inflector.singularize(toTable) + "_id");
        String n = name(get(o, "name"), scope);
        ConstraintDef fk = ConstraintDef.foreignKey(n != null ? n : fkHash(from, column), List.of(column), table(toTable),
                List.of(orElse(name(get(o, "primary_key"), scope), "id")), action(get(o, "on_delete"), scope), action(get(o, "on_update"), scope));
        if (get(o, "validate") instanceof Lit l && Boolean.FALSE.equals(l.value())) fk = fk.withNotValid(true);
        if (get(o, "deferrable") != null && !(get(o, "deferrable") instanceof Lit l2 && Boolean.FALSE.equals(l2.value()))) {
            fk = new ConstraintDef(fk.name(), fk.kind(), fk.columns(), fk.refTable(), fk.refColumns(), fk.onDelete(), fk.onUpdate(), null,
                    fk.notValid(), null, true);
        }
        return fk;
    }

    private String fkName(String from, String to, Hash o, Scope scope) {
        String n = name(get(o, "name"), scope);
        if (n != null) return n;
        String column = name(get(o, "column"), scope);
        if (column == null) {
            String toTable = to != null ? to : name(get(o, "to_table"), scope);
            if (toTable == null) throw new GiveUp("foreign key: no referenced table, column: or name:");
            column = Inflector.singularize(toTable) + "_id";
        }
        return fkHash(from, column);
    }

    /** Active Record's foreign_key_name: {@code fk_rails_} + SHA-256("<table>_<column>_fk")[0, 10]. */
    static String fkHash(String table, String column) {
        return "fk_rails_" + sha256(table + "_" + column + "_fk").substring(0, 10);
    }

    /** Active Record's check_constraint_name: {@code chk_rails_} + SHA-256("<table>_<expression>_chk")[0, 10]. */
    static String checkName(String table, String expression) {
        return "chk_rails_" + sha256(table + "_" + expression + "_chk").substring(0, 10);
    }

    private ConstraintDef check(TableRef t, String expr, Hash o, Scope scope) {
        String n = name(get(o, "name"), scope);
        ConstraintDef ck = ConstraintDef.check(n != null ? n : checkName(t.name(), expr), expr);
        return get(o, "validate") instanceof Lit l && Boolean.FALSE.equals(l.value()) ? ck.withNotValid(true) : ck;
    }

    private String action(Node n, Scope scope) {
        String a = name(n, scope);
        if (a == null) return null;
        return switch (a) {
            case "cascade" -> "CASCADE";
            case "nullify" -> "SET NULL";
            case "restrict" -> "RESTRICT";
            case "no_action" -> "NO ACTION";
            case "set_default" -> "SET DEFAULT";
            default -> a.toUpperCase(Locale.ROOT);
        };
    }

    // ---- SQL and model code ---------------------------------------------------------------------------

    private static final Pattern INTERP = Pattern.compile("#\\{\\s*([A-Za-z_][A-Za-z0-9_]*(?:::[A-Z]\\w*)*)\\s*\\}");

    private void execute(Call c, Scope scope) {
        if (c.args().isEmpty()) throw new GiveUp("execute without SQL");
        Node arg = c.args().get(0);
        boolean transformed = false;
        while (arg instanceof Call k && k.receiver() != null && Set.of("squish", "strip", "strip_heredoc", "chomp", "freeze", "dup").contains(k.name())) {
            transformed |= !k.name().equals("freeze") && !k.name().equals("dup");
            arg = k.receiver();
        }
        Node resolved = resolve(arg, scope);
        if (!(resolved instanceof Str s)) {
            throw new GiveUp("SQL built at run time: " + shorten(text(arg)));
        }
        String sql = s.value();
        boolean exact = !transformed && !s.interpolated() && resolved == arg;
        if (s.interpolated()) {
            Matcher m = INTERP.matcher(sql);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String v = name(new Call(0, 0, null, m.group(1), List.of(), null), scope);
                if (v == null && Character.isUpperCase(m.group(1).charAt(0))) v = name(new Const(0, 0, m.group(1)), scope);
                if (v == null) throw new GiveUp("SQL built at run time (#{" + m.group(1) + "})");
                m.appendReplacement(sb, Matcher.quoteReplacement(v));
            }
            m.appendTail(sb);
            sql = sb.toString();
            if (sql.contains("#{")) throw new GiveUp("SQL built at run time: " + shorten(text(arg)));
        }
        if (transformed) sql = sql.strip().replaceAll("\\s+", " ");
        CodeSink.SqlOrigin origin = null;
        if (exact && s.contentStart() >= 0) {
            origin = s.heredoc() ? new CodeSink.SqlOrigin(s.contentStart(), s.indent(), s.indent()) : sink.literalOrigin(sql, s.contentStart());
        }
        sink.sql(sql, origin, c.start(), c.end());
    }

    /** {@code User.update_all(...)}, {@code User.where(...).update_all}, {@code delete_all}; other model code is opaque. */
    private void model(Call c, Scope scope) {
        List<Call> chain = new ArrayList<>();
        Node n = c;
        while (n instanceof Call k && k.receiver() != null) {
            chain.add(0, k);
            n = k.receiver();
        }
        String cls = ((Const) n).path();
        TableRef t = table(Inflector.tableize(cls));
        boolean where = false;
        for (Call k : chain) {
            String m = k.name();
            if (m.equals("reset_column_information") || m.equals("connection") && chain.size() == 1) return;
            if (Set.of("where", "where_not", "not", "find_by", "rewhere", "joins", "merge").contains(m) || m.startsWith("find_by_")) where = true;
            switch (m) {
                case "update_all" -> {
                    Hash h = hashOf(k.args().isEmpty() ? null : k.args().get(0));
                    List<String> set = h == null ? List.of() : h.pairs().stream().map(Pair::key).filter(Objects::nonNull).toList();
                    sink.orm(c.start(), c.end(), List.of(new Operation.DataChange(Operation.DataKind.UPDATE, t, where, set)));
                    return;
                }
                case "delete_all", "destroy_all" -> {
                    sink.orm(c.start(), c.end(), List.of(new Operation.DataChange(Operation.DataKind.DELETE, t, where, List.of())));
                    return;
                }
                case "insert_all", "insert_all!", "upsert_all", "create", "create!", "insert", "upsert" -> {
                    sink.orm(c.start(), c.end(), List.of(new Operation.DataChange(Operation.DataKind.INSERT, t, false, List.of())));
                    return;
                }
                default -> { }
            }
        }
        sink.orm(c.start(), c.end(), List.of(new Operation.OpaqueCode("ruby", "model code on " + cls + ": " + shorten(text(c)), false, List.of())));
    }

    // ---- values ---------------------------------------------------------------------------------------

    private static List<Node> positional(Call c) {
        List<Node> out = new ArrayList<>();
        for (Node a : c.args()) {
            if (!(a instanceof Hash h && isOptions(h)) && !(a instanceof Unary u && u.op().equals("&"))) out.add(a);
        }
        return out;
    }

    private static boolean isOptions(Hash h) {
        return h.pairs().stream().allMatch(p -> p.key() != null);
    }

    private static Hash options(Call c) {
        if (!c.args().isEmpty() && c.args().get(c.args().size() - 1) instanceof Hash h && isOptions(h)) return h;
        return null;
    }

    private static Hash hashOf(Node n) {
        return n instanceof Hash h ? h : null;
    }

    private static Node get(Hash h, String key) {
        return h == null ? null : h.get(key);
    }

    private static boolean has(Hash h, String key) {
        return h != null && h.pairs().stream().anyMatch(p -> key.equals(p.key()));
    }

    private boolean flag(Hash h, String key, Scope scope) {
        Node v = get(h, key);
        if (v == null) return false;
        Boolean b = bool(v, scope);
        return b == null || b;
    }

    private String req(List<Node> a, int k, Call c, Scope scope) {
        if (k >= a.size()) throw new GiveUp(c.name() + ": missing argument " + (k + 1));
        return nameOrFail(a.get(k), c, scope);
    }

    private String nameOrFail(Node n, Call c, Scope scope) {
        String s = name(n, scope);
        if (s == null) throw new GiveUp(c.name() + ": " + shorten(text(n)) + " is computed at run time");
        return s;
    }

    private Node resolve(Node n, Scope scope) {
        for (int k = 0; k < 8; k++) {
            if (n instanceof Call c && c.receiver() == null && c.args().isEmpty() && c.block() == null && scope.lookup(c.name()) instanceof Node v) {
                n = v;
            } else if (n instanceof Const c && scope.lookup(c.path()) instanceof Node v) {
                n = v;
            } else {
                return n;
            }
        }
        return n;
    }

    /** A symbol, string, number or constant-valued name; null when computed at run time. */
    String name(Node n, Scope scope) {
        if (n == null) return null;
        Node e = resolve(n, scope);
        if (e instanceof Sym s) return s.name();
        if (e instanceof Str s && !s.interpolated()) return s.value();
        if (e instanceof Lit l && l.value() instanceof String s) return s;
        if (e instanceof Call c && c.receiver() != null && Set.of("to_s", "to_sym", "freeze").contains(c.name())) return name(c.receiver(), scope);
        return null;
    }

    private List<String> names(Node n, Scope scope, Call c) {
        if (n == null) throw new GiveUp(c.name() + ": missing list");
        Node e = resolve(n, scope);
        List<String> out = new ArrayList<>();
        if (e instanceof Arr a) {
            for (Node x : a.items()) out.add(nameOrFail(x, c, scope));
        } else {
            out.add(nameOrFail(e, c, scope));
        }
        return out;
    }

    private Integer num(Node n, Scope scope) {
        Node e = n == null ? null : resolve(n, scope);
        if (e instanceof Lit l && l.value() instanceof String s && s.matches("\\d+")) return Integer.parseInt(s);
        return null;
    }

    private Boolean bool(Node n, Scope scope) {
        Node e = n == null ? null : resolve(n, scope);
        if (e instanceof Lit l && l.value() instanceof Boolean b) return b;
        if (e instanceof Lit l && l.value() == null) return false;
        return null;
    }

    private boolean isStatic(Node n, Scope scope) {
        Node e = resolve(n, scope);
        return e instanceof Lit || e instanceof Sym || e instanceof Str s && !s.interpolated()
                || e instanceof Arr a && a.items().stream().allMatch(x -> isStatic(x, scope));
    }

    /** A default as Rails writes it: strings and symbols quoted, numbers, booleans, nil; a lambda's string as SQL. */
    private String defaultSql(Node n, Scope scope) {
        Node e = resolve(n, scope);
        if (e instanceof Lit l) {
            if (l.value() == null) return "NULL";
            return String.valueOf(l.value());
        }
        if (e instanceof Sym s) return quote(s.name());
        if (e instanceof Str s && !s.interpolated()) return quote(s.value());
        if (e instanceof Block b && b.body().size() == 1 && b.body().get(0) instanceof Str s) return s.value();
        if (e instanceof Arr || e instanceof Hash) {
            String lit = literal(e, scope, e instanceof Arr);
            return lit == null ? text(n) : quote(lit);
        }
        return text(n);
    }

    /** A static array as a PostgreSQL array literal ({@code {a,b}}) / a static hash as JSON; null when not static. */
    private String literal(Node n, Scope scope, boolean pgArray) {
        Node e = resolve(n, scope);
        if (e instanceof Arr a) {
            List<String> parts = new ArrayList<>();
            for (Node x : a.items()) {
                String v = literal(x, scope, pgArray);
                if (v == null) return null;
                parts.add(v);
            }
            return pgArray ? "{" + String.join(",", parts) + "}" : "[" + String.join(",", parts) + "]";
        }
        if (e instanceof Hash h) {
            List<String> parts = new ArrayList<>();
            for (Pair p : h.pairs()) {
                String v = literal(p.value(), scope, false);
                if (p.key() == null || v == null) return null;
                parts.add("\"" + p.key() + "\":" + v);
            }
            return "{" + String.join(",", parts) + "}";
        }
        if (e instanceof Lit l) return l.value() == null ? "null" : String.valueOf(l.value());
        String s = name(e, scope);
        if (s == null) return null;
        return pgArray ? s : "\"" + s.replace("\"", "\\\"") + "\"";
    }

    private static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    private TableRef table(String name) {
        int dot = name.indexOf('.');
        if (dot > 0 && dot < name.length() - 1) return new TableRef(name.substring(0, dot), name.substring(dot + 1));
        return TableRef.of(name);
    }

    private static String lower(String s) {
        return s == null ? null : s.toLowerCase(Locale.ROOT);
    }

    private static String orElse(String a, String b) {
        return a != null ? a : b;
    }

    private String text(Node n) {
        return sink.text().substring(Math.max(0, n.start()), Math.min(n.end(), sink.text().length()));
    }

    private static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ").trim();
        return one.length() > 80 ? one.substring(0, 77) + "..." : one;
    }

    /** Whether a node visibly runs migration methods or uses a table block variable. */
    private boolean mentionsMigration(Node n, Scope scope) {
        String src = text(n);
        for (RbToken t : RbLexer.tokenize(src).tokens()) {
            if (t.kind() == RbToken.Kind.IDENT && (MIGRATION_METHODS.contains(t.text()) || scope.lookup(t.text()) instanceof TableVar)) return true;
        }
        return false;
    }

    static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

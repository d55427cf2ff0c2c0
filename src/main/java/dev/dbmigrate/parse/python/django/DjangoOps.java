package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Django's built-in migration operations: how each one changes the project state
 * ({@code state_forwards}) and what it runs on the database between two states
 * ({@code database_forwards}, and {@code database_backwards} by passing the states the other way
 * round). The DDL is derived from the difference between the two states of the model the
 * operation touches, so forwards and backwards share one implementation.
 */
final class DjangoOps {

    /** Something the migration says that db-migrate cannot read (not a literal, unknown class, unknown model). */
    static final class NotReadable extends RuntimeException {
        private static final long serialVersionUID = 1L;

        NotReadable(String message) {
            super(message, null, false, false);
        }
    }

    /** Positional parameter names of each operation class. */
    private static final Map<String, List<String>> SIG = Map.ofEntries(
            Map.entry("CreateModel", List.of("name", "fields", "options", "bases", "managers")),
            Map.entry("DeleteModel", List.of("name")),
            Map.entry("RenameModel", List.of("old_name", "new_name")),
            Map.entry("AlterModelTable", List.of("name", "table")),
            Map.entry("AlterModelTableComment", List.of("name", "table_comment")),
            Map.entry("AlterUniqueTogether", List.of("name", "unique_together")),
            Map.entry("AlterIndexTogether", List.of("name", "index_together")),
            Map.entry("AlterModelOptions", List.of("name", "options")),
            Map.entry("AlterModelManagers", List.of("name", "managers")),
            Map.entry("AlterOrderWithRespectTo", List.of("name", "order_with_respect_to")),
            Map.entry("AddField", List.of("model_name", "name", "field", "preserve_default")),
            Map.entry("RemoveField", List.of("model_name", "name")),
            Map.entry("AlterField", List.of("model_name", "name", "field", "preserve_default")),
            Map.entry("RenameField", List.of("model_name", "old_name", "new_name")),
            Map.entry("AddIndex", List.of("model_name", "index")),
            Map.entry("AddIndexConcurrently", List.of("model_name", "index")),
            Map.entry("RemoveIndex", List.of("model_name", "name")),
            Map.entry("RemoveIndexConcurrently", List.of("model_name", "name")),
            Map.entry("RenameIndex", List.of("model_name", "new_name", "old_name", "old_fields")),
            Map.entry("AddConstraint", List.of("model_name", "constraint")),
            Map.entry("AddConstraintNotValid", List.of("model_name", "constraint")),
            Map.entry("RemoveConstraint", List.of("model_name", "name")),
            Map.entry("ValidateConstraint", List.of("model_name", "name")),
            Map.entry("RunSQL", List.of("sql", "reverse_sql", "state_operations", "hints", "elidable")),
            Map.entry("RunPython", List.of("code", "reverse_code", "atomic", "hints", "elidable")),
            Map.entry("SeparateDatabaseAndState", List.of("database_operations", "state_operations")),
            Map.entry("CreateExtension", List.of("name")),
            Map.entry("CreateCollation", List.of("name", "locale", "provider", "deterministic")),
            Map.entry("RemoveCollation", List.of("name", "locale", "provider", "deterministic")));

    /** django.contrib.postgres.operations shortcuts. */
    private static final Map<String, String> EXTENSIONS = Map.of("BtreeGinExtension", "btree_gin", "BtreeGistExtension", "btree_gist",
            "CITextExtension", "citext", "CryptoExtension", "pgcrypto", "HStoreExtension", "hstore", "TrigramExtension", "pg_trgm",
            "UnaccentExtension", "unaccent", "BloomExtension", "bloom");

    static final Set<String> RELATIONS = Set.of("ForeignKey", "OneToOneField", "ManyToManyField");

    /** One operation call with its arguments bound to parameter names. */
    record Op(String kind, PyNode.Call call, Map<String, PyNode> args) {
        Optional<PyNode> arg(String name) {
            return Optional.ofNullable(args.get(name));
        }

        String str(String name) {
            PyNode n = args.get(name);
            if (n == null) throw new NotReadable(kind + ": " + name + " is missing");
            return PyNodes.str(n).orElseThrow(() -> new NotReadable(kind + ": " + name + " is not a literal string"));
        }
    }

    static boolean known(String kind) {
        return SIG.containsKey(kind) || EXTENSIONS.containsKey(kind);
    }

    static Op op(PyNode.Call call) {
        String kind = call.funcName();
        List<String> params = SIG.getOrDefault(kind, List.of());
        Map<String, PyNode> args = new HashMap<>();
        for (int i = 0; i < call.args().size() && i < params.size(); i++) args.put(params.get(i), call.args().get(i));
        args.putAll(call.kwargs());
        return new Op(kind, call, args);
    }

    private final String app;
    private final DjangoSettings settings;
    private final DjangoSchema schema;
    private final Dialect dialect;
    private final PyModule module;

    DjangoOps(String app, DjangoSettings settings, Dialect dialect, PyModule module) {
        this.app = app;
        this.settings = settings;
        this.dialect = dialect;
        this.module = module;
        this.schema = new DjangoSchema(dialect, settings, module);
    }

    DjangoSchema schema() {
        return schema;
    }

    // ---- state -------------------------------------------------------------------------------

    String modelKey(String name) {
        return (app + "." + name).toLowerCase(Locale.ROOT);
    }

    private DjangoState.Model model(DjangoState st, String key, Op op) {
        return st.model(key).orElseThrow(() -> new NotReadable(op.kind() + ": model " + key + " is not defined by earlier migrations"));
    }

    /** Django's {@code state_forwards}. */
    DjangoState forwards(Op op, DjangoState st) {
        switch (op.kind()) {
            case "CreateModel": {
                String name = op.str("name");
                String key = modelKey(name);
                Map<String, DjangoState.Field> fields = new LinkedHashMap<>();
                for (PyNode item : op.arg("fields").map(PyNodes::items).orElse(List.of())) {
                    if (!(item instanceof PyNode.Seq pair) || pair.items().size() != 2) throw new NotReadable("CreateModel: a field entry is not a (name, field) tuple");
                    String fname = PyNodes.str(pair.items().get(0)).orElseThrow(() -> new NotReadable("CreateModel: a field name is not a literal"));
                    fields.put(fname, field(fname, pair.items().get(1), key, false));
                }
                DjangoState.Options options = options(op.arg("options").orElse(null), DjangoState.Options.DEFAULT);
                return st.with(new DjangoState.Model(app, name, fields, options));
            }
            case "DeleteModel":
                return st.without(modelKey(op.str("name")));
            case "RenameModel": {
                String oldKey = modelKey(op.str("old_name"));
                String newKey = modelKey(op.str("new_name"));
                DjangoState.Model m = model(st, oldKey, op);
                return st.without(oldKey).with(m.withName(op.str("new_name"))).retarget(oldKey, newKey);
            }
            case "AlterModelTable": {
                DjangoState.Model m = model(st, modelKey(op.str("name")), op);
                String table = op.arg("table").flatMap(PyNodes::str).orElse(null);
                return st.with(m.withOptions(m.options().withDbTable(table)));
            }
            case "AlterModelTableComment": {
                DjangoState.Model m = model(st, modelKey(op.str("name")), op);
                return st.with(m.withOptions(m.options().withDbTableComment(op.arg("table_comment").flatMap(PyNodes::str).orElse(null))));
            }
            case "AlterUniqueTogether", "AlterIndexTogether": {
                DjangoState.Model m = model(st, modelKey(op.str("name")), op);
                boolean unique = op.kind().equals("AlterUniqueTogether");
                List<List<String>> sets = together(op.arg(unique ? "unique_together" : "index_together").orElse(null));
                return st.with(m.withOptions(unique ? m.options().withUniqueTogether(sets) : m.options().withIndexTogether(sets)));
            }
            case "AlterModelOptions": {
                DjangoState.Model m = model(st, modelKey(op.str("name")), op);
                Optional<Boolean> managed = op.arg("options").flatMap(o -> PyNodes.dictGet(o, "managed")).flatMap(PyNodes::bool);
                return st.with(m.withOptions(m.options().withManaged(managed.orElse(true))));
            }
            case "AlterOrderWithRespectTo": {
                DjangoState.Model m = model(st, modelKey(op.str("name")), op);
                return st.with(m.withOptions(m.options().withOrderWithRespectTo(op.arg("order_with_respect_to").flatMap(PyNodes::str).orElse(null))));
            }
            case "AddField", "AlterField": {
                String key = modelKey(op.str("model_name"));
                DjangoState.Model m = model(st, key, op);
                String name = op.str("name");
                boolean dropDefault = !op.arg("preserve_default").flatMap(PyNodes::bool).orElse(true);
                PyNode fieldNode = op.arg("field").orElseThrow(() -> new NotReadable(op.kind() + ": field is missing"));
                return st.with(m.withField(field(name, fieldNode, key, dropDefault)));
            }
            case "RemoveField": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                return st.with(m.withoutField(op.str("name")));
            }
            case "RenameField": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                String oldName = op.str("old_name");
                if (m.field(oldName).isEmpty()) throw new NotReadable("RenameField: " + m.key() + " has no field " + oldName);
                return st.with(m.withFieldRenamed(oldName, op.str("new_name")));
            }
            case "AddIndex", "AddIndexConcurrently": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                PyNode.Call idx = call(op.arg("index"), op.kind() + ": index");
                String name = literalName(idx, op.kind() + ": the index");
                List<DjangoState.IndexSpec> list = new ArrayList<>(m.options().indexes());
                list.add(new DjangoState.IndexSpec(name, idx));
                return st.with(m.withOptions(m.options().withIndexes(list)));
            }
            case "RemoveIndex", "RemoveIndexConcurrently": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                String name = op.str("name");
                return st.with(m.withOptions(m.options().withIndexes(m.options().indexes().stream().filter(i -> !i.name().equals(name)).toList())));
            }
            case "RenameIndex": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                String newName = op.str("new_name");
                Optional<String> oldName = op.arg("old_name").flatMap(PyNodes::str);
                List<DjangoState.IndexSpec> list = new ArrayList<>();
                DjangoState.Options o = m.options();
                if (oldName.isPresent()) {
                    for (DjangoState.IndexSpec i : o.indexes()) list.add(i.name().equals(oldName.get()) ? new DjangoState.IndexSpec(newName, i.call()) : i);
                } else {
                    List<String> fields = op.arg("old_fields").flatMap(PyNodes::strings).orElseThrow(() -> new NotReadable("RenameIndex: old_fields is not a literal"));
                    list.addAll(o.indexes());
                    list.add(new DjangoState.IndexSpec(newName, syntheticIndex(op.call(), fields)));
                    o = o.withIndexTogether(o.indexTogether().stream().filter(s -> !s.equals(fields)).toList());
                }
                return st.with(m.withOptions(o.withIndexes(list)));
            }
            case "AddConstraint", "AddConstraintNotValid": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                PyNode.Call c = call(op.arg("constraint"), op.kind() + ": constraint");
                String name = literalName(c, op.kind() + ": the constraint");
                List<DjangoState.ConstraintSpec> list = new ArrayList<>(m.options().constraints());
                list.add(new DjangoState.ConstraintSpec(name, c, op.kind().equals("AddConstraintNotValid")));
                return st.with(m.withOptions(m.options().withConstraints(list)));
            }
            case "RemoveConstraint": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                String name = op.str("name");
                return st.with(m.withOptions(m.options().withConstraints(m.options().constraints().stream().filter(c -> !c.name().equals(name)).toList())));
            }
            case "ValidateConstraint": {
                DjangoState.Model m = model(st, modelKey(op.str("model_name")), op);
                String name = op.str("name");
                return st.with(m.withOptions(m.options().withConstraints(m.options().constraints().stream()
                        .map(c -> c.name().equals(name) ? new DjangoState.ConstraintSpec(c.name(), c.call(), false) : c).toList())));
            }
            case "RunSQL", "SeparateDatabaseAndState":
                return applyAll(op.arg("state_operations").orElse(null), st);
            case "RunPython", "AlterModelManagers", "CreateExtension", "CreateCollation", "RemoveCollation":
                return st;
            default:
                if (EXTENSIONS.containsKey(op.kind())) return st;
                throw new NotReadable(op.kind() + " is not a Django built-in operation");
        }
    }

    /** Applies a list of operations' state changes (state_operations). */
    DjangoState applyAll(PyNode list, DjangoState st) {
        DjangoState s = st;
        if (list == null) return s;
        for (PyNode n : PyNodes.items(list)) {
            if (n instanceof PyNode.Call c) s = forwards(op(c), s);
            else throw new NotReadable("an operation is not a call: " + module.text(n));
        }
        return s;
    }

    private static PyNode.Call call(Optional<PyNode> n, String what) {
        if (n.isPresent() && n.get() instanceof PyNode.Call c) return c;
        throw new NotReadable(what + " is not a literal call");
    }

    private static String literalName(PyNode.Call c, String what) {
        return c.kw("name").flatMap(PyNodes::str).orElseThrow(() -> new NotReadable(what + " has no literal name"));
    }

    /** An Index(fields=[...]) standing for an unnamed index_together entry renamed by RenameIndex. */
    private static PyNode.Call syntheticIndex(PyNode.Call at, List<String> fields) {
        List<PyNode> items = fields.stream().map(f -> (PyNode) new PyNode.Str(f, false, false, at.span())).toList();
        Map<String, PyNode> kw = new LinkedHashMap<>();
        kw.put("fields", new PyNode.Seq(PyNode.SeqKind.LIST, items, at.span()));
        return new PyNode.Call(new PyNode.Name("Index", at.span()), List.of(), kw, List.of(), List.of(), at.span());
    }

    /** A field from its {@code models.XField(...)} call. */
    DjangoState.Field field(String name, PyNode node, String selfKey, boolean dropDefault) {
        if (!(node instanceof PyNode.Call c) || c.funcName() == null) throw new NotReadable("field " + name + " is not a literal models.XField(...) call");
        String cls = c.funcName();
        String to = null;
        String through = null;
        if (RELATIONS.contains(cls)) {
            PyNode target = c.kw("to").orElseGet(() -> c.args().isEmpty() ? null : c.args().get(0));
            if (target == null) throw new NotReadable("field " + name + ": the related model is missing");
            to = modelRef(target, selfKey);
            if (cls.equals("ManyToManyField")) through = c.kw("through").map(t -> modelRef(t, selfKey)).orElse(null);
        }
        DjangoState.Field base = null;
        if (cls.equals("ArrayField")) {
            Optional<PyNode> bf = c.kw("base_field").or(() -> c.arg(0));
            if (bf.isPresent() && bf.get() instanceof PyNode.Call) base = field(name, bf.get(), selfKey, false);
        }
        return new DjangoState.Field(name, cls, c, to, through, dropDefault, base);
    }

    /** "app.Model" / "Model" / "self" / settings.AUTH_USER_MODEL -> "app.model". */
    String modelRef(PyNode n, String selfKey) {
        String d = PyNodes.dotted(n);
        if (d != null && d.startsWith("settings.")) {
            if (d.equals("settings.AUTH_USER_MODEL")) return settings.authUserModel().toLowerCase(Locale.ROOT);
            throw new NotReadable("related model " + d + " is not a setting db-migrate reads");
        }
        String s = PyNodes.str(n).orElseThrow(() -> new NotReadable("related model " + module.text(n) + " is not a literal"));
        if (s.equals("self")) return selfKey;
        return (s.contains(".") ? s : app + "." + s).toLowerCase(Locale.ROOT);
    }

    private DjangoState.Options options(PyNode dict, DjangoState.Options base) {
        if (dict == null) return base;
        DjangoState.Options o = base;
        Optional<PyNode> table = PyNodes.dictGet(dict, "db_table");
        if (table.isPresent()) o = o.withDbTable(PyNodes.str(table.get()).orElseThrow(() -> new NotReadable("db_table is not a literal")));
        o = o.withManaged(PyNodes.dictGet(dict, "managed").flatMap(PyNodes::bool).orElse(true));
        boolean proxy = PyNodes.dictGet(dict, "proxy").flatMap(PyNodes::bool).orElse(false);
        o = new DjangoState.Options(o.dbTable(), o.managed(), proxy, together(PyNodes.dictGet(dict, "unique_together").orElse(null)),
                together(PyNodes.dictGet(dict, "index_together").orElse(null)), o.indexes(), o.constraints(),
                PyNodes.dictGet(dict, "db_table_comment").flatMap(PyNodes::str).orElse(null),
                PyNodes.dictGet(dict, "order_with_respect_to").flatMap(PyNodes::str).orElse(null));
        List<DjangoState.IndexSpec> indexes = new ArrayList<>();
        for (PyNode i : PyNodes.dictGet(dict, "indexes").map(PyNodes::items).orElse(List.of())) {
            PyNode.Call c = call(Optional.of(i), "Meta.indexes entry");
            indexes.add(new DjangoState.IndexSpec(literalName(c, "an index"), c));
        }
        List<DjangoState.ConstraintSpec> constraints = new ArrayList<>();
        for (PyNode i : PyNodes.dictGet(dict, "constraints").map(PyNodes::items).orElse(List.of())) {
            PyNode.Call c = call(Optional.of(i), "Meta.constraints entry");
            constraints.add(new DjangoState.ConstraintSpec(literalName(c, "a constraint"), c, false));
        }
        return o.withIndexes(indexes).withConstraints(constraints);
    }

    /** Django's {@code normalize_together}: None -> none, ("a", "b") -> one set, {("a", "b"), ...} -> sets. */
    private static List<List<String>> together(PyNode n) {
        if (n == null || PyNodes.isNone(n)) return List.of();
        List<PyNode> items = PyNodes.items(n);
        if (items.isEmpty()) return List.of();
        if (items.stream().allMatch(i -> i instanceof PyNode.Str)) {
            return List.of(PyNodes.strings(n).orElseThrow());
        }
        List<List<String>> out = new ArrayList<>();
        for (PyNode i : items) out.add(PyNodes.strings(i).orElseThrow(() -> new NotReadable("a together entry is not a literal tuple")));
        return out;
    }

    // ---- database ------------------------------------------------------------------------

    /**
     * What the operation runs on the database to go from state {@code a} to state {@code b}:
     * forwards (a = before, b = after) or backwards (a = after, b = before).
     */
    List<Operation> ddl(Op op, DjangoState a, DjangoState b, boolean forwards) {
        switch (op.kind()) {
            case "CreateModel", "DeleteModel": {
                String key = modelKey(op.str("name"));
                DjangoState.Model ma = a.model(key).orElse(null);
                DjangoState.Model mb = b.model(key).orElse(null);
                if (ma == null && mb != null) return mb.migrates() ? schema.createModel(mb, b) : List.of();
                if (ma != null && mb == null) return ma.migrates() ? schema.deleteModel(ma, a) : List.of();
                return List.of();
            }
            case "RenameModel": {
                String oldKey = modelKey(op.str("old_name"));
                String newKey = modelKey(op.str("new_name"));
                DjangoState.Model ma = model(a, forwards ? oldKey : newKey, op);
                DjangoState.Model mb = model(b, forwards ? newKey : oldKey, op);
                return ma.migrates() && mb.migrates() ? schema.renameModel(ma, mb, b, true) : List.of();
            }
            case "AlterModelTable": {
                Pair p = pair(op, "name", a, b);
                return p.migrates() ? schema.renameModel(p.a, p.b, b, false) : List.of();
            }
            case "AlterModelTableComment": {
                Pair p = pair(op, "name", a, b);
                if (!p.migrates() || dialect == Dialect.SQLITE) return List.of();
                return List.of(new Operation.SetComment(schema.ref(p.b), null, p.b.options().dbTableComment()));
            }
            case "AlterUniqueTogether", "AlterIndexTogether": {
                Pair p = pair(op, "name", a, b);
                return p.migrates() ? schema.alterTogether(p.a, p.b, op.kind().equals("AlterUniqueTogether")) : List.of();
            }
            case "AlterOrderWithRespectTo": {
                Pair p = pair(op, "name", a, b);
                if (!p.migrates()) return List.of();
                boolean had = p.a.options().orderWithRespectTo() != null;
                boolean has = p.b.options().orderWithRespectTo() != null;
                DjangoState.Field order = orderField(op.call());
                if (!had && has) return schema.addField(p.b, order, b);
                if (had && !has) return schema.removeField(p.a, order, a);
                return List.of();
            }
            case "AddField", "RemoveField", "AlterField": {
                Pair p = pair(op, "model_name", a, b);
                if (!p.migrates()) return List.of();
                String name = op.str("name");
                DjangoState.Field fa = p.a.field(name).orElse(null);
                DjangoState.Field fb = p.b.field(name).orElse(null);
                if (fa == null && fb != null) return schema.addField(p.b, fb, b);
                if (fa != null && fb == null) return schema.removeField(p.a, fa, a);
                if (fa != null) return schema.alterField(p.a, fa, a, p.b, fb, b);
                return List.of();
            }
            case "RenameField": {
                Pair p = pair(op, "model_name", a, b);
                if (!p.migrates()) return List.of();
                String from = forwards ? op.str("old_name") : op.str("new_name");
                String to = forwards ? op.str("new_name") : op.str("old_name");
                DjangoState.Field fa = p.a.field(from).orElseThrow(() -> new NotReadable("RenameField: no field " + from));
                DjangoState.Field fb = p.b.field(to).orElseThrow(() -> new NotReadable("RenameField: no field " + to));
                return schema.alterField(p.a, fa, a, p.b, fb, b);
            }
            case "AddIndex", "AddIndexConcurrently", "RemoveIndex", "RemoveIndexConcurrently": {
                Pair p = pair(op, "model_name", a, b);
                if (!p.migrates()) return List.of();
                boolean concurrently = op.kind().endsWith("Concurrently");
                List<Operation> ops = new ArrayList<>();
                for (DjangoState.IndexSpec i : p.a.options().indexes()) {
                    if (p.b.options().indexes().stream().noneMatch(x -> x.name().equals(i.name()))) ops.add(schema.removeIndex(p.a, i.name(), concurrently));
                }
                for (DjangoState.IndexSpec i : p.b.options().indexes()) {
                    if (p.a.options().indexes().stream().noneMatch(x -> x.name().equals(i.name()))) ops.add(schema.createIndex(p.b, i, concurrently));
                }
                return ops;
            }
            case "RenameIndex": {
                Pair p = pair(op, "model_name", a, b);
                if (!p.migrates()) return List.of();
                String newName = op.str("new_name");
                String oldName = op.arg("old_name").flatMap(PyNodes::str).orElseGet(() -> {
                    List<String> fields = op.arg("old_fields").flatMap(PyNodes::strings).orElse(List.of());
                    String table = schema.table(forwards ? p.a : p.b);
                    return schema.indexName(table, fields.stream().map(f -> schema.expr().column(f, forwards ? p.a : p.b)).toList(), "_idx");
                });
                return List.of(new Operation.RenameIndex(forwards ? oldName : newName, forwards ? newName : oldName, schema.ref(p.b)));
            }
            case "AddConstraint", "AddConstraintNotValid", "RemoveConstraint": {
                Pair p = pair(op, "model_name", a, b);
                if (!p.migrates()) return List.of();
                List<Operation> ops = new ArrayList<>();
                for (DjangoState.ConstraintSpec c : p.a.options().constraints()) {
                    if (p.b.options().constraints().stream().noneMatch(x -> x.name().equals(c.name()))) ops.add(schema.removeConstraint(p.a, c));
                }
                for (DjangoState.ConstraintSpec c : p.b.options().constraints()) {
                    if (p.a.options().constraints().stream().noneMatch(x -> x.name().equals(c.name()))) ops.add(schema.addConstraint(p.b, c));
                }
                return ops;
            }
            case "ValidateConstraint": {
                Pair p = pair(op, "model_name", a, b);
                if (!forwards || !p.migrates()) return List.of();
                return List.of(new Operation.ValidateConstraint(schema.ref(p.b), op.str("name")));
            }
            case "CreateExtension", "CreateCollation", "RemoveCollation": {
                if (dialect != null && dialect != Dialect.POSTGRESQL) return List.of();
                String kind = op.kind().equals("CreateExtension") ? "EXTENSION" : "COLLATION";
                boolean create = op.kind().startsWith("Create") == forwards;
                return List.of(new Operation.OtherDdl(create ? "CREATE" : "DROP", kind, op.str("name"), null, kind.equals("EXTENSION"), false));
            }
            case "AlterModelOptions", "AlterModelManagers":
                return List.of();
            default:
                if (EXTENSIONS.containsKey(op.kind())) {
                    if (dialect != null && dialect != Dialect.POSTGRESQL) return List.of();
                    return List.of(new Operation.OtherDdl(forwards ? "CREATE" : "DROP", "EXTENSION", EXTENSIONS.get(op.kind()), null, true, false));
                }
                throw new NotReadable(op.kind() + " is not a Django built-in operation");
        }
    }

    /** The {@code _order} column that order_with_respect_to adds. */
    private static DjangoState.Field orderField(PyNode.Call at) {
        Map<String, PyNode> kw = Map.of("default", new PyNode.Num("0", at.span()));
        PyNode.Call c = new PyNode.Call(new PyNode.Name("IntegerField", at.span()), List.of(), kw, List.of(), List.of(), at.span());
        return new DjangoState.Field("_order", "IntegerField", c, null, null, false, null);
    }

    /** The model an operation names, in both states. */
    private record Pair(DjangoState.Model a, DjangoState.Model b) {
        boolean migrates() {
            return a.migrates() && b.migrates();
        }
    }

    private Pair pair(Op op, String param, DjangoState a, DjangoState b) {
        String key = modelKey(op.str(param));
        return new Pair(model(a, key, op), model(b, key, op));
    }
}

package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Django's migration project state, as {@code django.db.migrations.state.ProjectState} keeps it:
 * the models that the migrations applied so far define (fields, table, options), keyed by
 * {@code "app_label.model_name"} in lower case. Immutable: each operation yields a new state.
 * Fields keep the {@code models.XField(...)} call they were declared with; the properties the
 * schema editor needs are read from it on demand.
 */
public final class DjangoState {

    public static final DjangoState EMPTY = new DjangoState(Map.of());

    private final Map<String, Model> models;

    private DjangoState(Map<String, Model> models) {
        this.models = models;
    }

    public Map<String, Model> models() {
        return models;
    }

    public Optional<Model> model(String key) {
        return Optional.ofNullable(models.get(key.toLowerCase(Locale.ROOT)));
    }

    public DjangoState with(Model m) {
        Map<String, Model> copy = new LinkedHashMap<>(models);
        copy.put(m.key(), m);
        return new DjangoState(Collections.unmodifiableMap(copy));
    }

    public DjangoState without(String key) {
        Map<String, Model> copy = new LinkedHashMap<>(models);
        copy.remove(key.toLowerCase(Locale.ROOT));
        return new DjangoState(Collections.unmodifiableMap(copy));
    }

    /** Replaces every relation to {@code oldKey} by one to {@code newKey} (RenameModel). */
    public DjangoState retarget(String oldKey, String newKey) {
        Map<String, Model> copy = new LinkedHashMap<>();
        for (Model m : models.values()) {
            Map<String, Field> fields = new LinkedHashMap<>();
            for (Field f : m.fields().values()) {
                Field g = f;
                if (oldKey.equals(f.to())) g = new Field(f.name(), f.cls(), f.call(), newKey, f.through(), f.dropDefault(), f.baseField());
                fields.put(g.name(), g);
            }
            copy.put(m.key(), m.withFields(fields));
        }
        return new DjangoState(Collections.unmodifiableMap(copy));
    }

    /**
     * A field.
     *
     * @param name        the field name
     * @param cls         the field class name ("CharField", "ForeignKey"...)
     * @param call        the {@code models.XField(...)} call (kwargs are read from it)
     * @param to          relations: the target model key ("shop.customer"), else null
     * @param through     many-to-many: the explicit through model key, or null for an auto-created join table
     * @param dropDefault AddField/AlterField with {@code preserve_default=False}: the default was one-off
     * @param baseField   ArrayField: the element field, else null
     */
    public record Field(String name, String cls, PyNode.Call call, String to, String through, boolean dropDefault, Field baseField) {

        public Optional<PyNode> kw(String key) {
            return call == null ? Optional.empty() : call.kw(key);
        }

        public boolean flag(String key, boolean dflt) {
            return kw(key).flatMap(PyNodes::bool).orElse(dflt);
        }

        public Optional<Integer> intKw(String key) {
            return kw(key).flatMap(PyNodes::integer).map(Long::intValue);
        }

        public Optional<String> strKw(String key) {
            return kw(key).flatMap(PyNodes::str);
        }

        public boolean isRelation() {
            return to != null;
        }

        public boolean isManyToMany() {
            return cls.equals("ManyToManyField");
        }

        public boolean isOneToOne() {
            return cls.equals("OneToOneField");
        }

        public boolean primaryKey() {
            return flag("primary_key", false);
        }

        /** null=True; primary keys are never null. */
        public boolean nullable() {
            return !primaryKey() && flag("null", false);
        }

        /** unique=True, primary keys and OneToOneFields. */
        public boolean unique() {
            return primaryKey() || isOneToOne() || flag("unique", false);
        }

        /** db_index: explicit, else true for ForeignKey and SlugField. */
        public boolean dbIndex() {
            boolean dflt = cls.equals("ForeignKey") || cls.equals("SlugField") || cls.equals("OneToOneField");
            return flag("db_index", dflt);
        }

        /** The default (a {@code default=} node), unless it was one-off ({@code preserve_default=False}). */
        public Optional<PyNode> stateDefault() {
            return dropDefault ? Optional.empty() : kw("default");
        }

        /** The {@code default=} as given to the operation (also a one-off default). */
        public Optional<PyNode> operationDefault() {
            return kw("default");
        }

        public Field renamed(String newName) {
            return new Field(newName, cls, call, to, through, dropDefault, baseField);
        }
    }

    /** Meta.indexes entry ({@code models.Index(...)}, {@code GinIndex(...)}...). */
    public record IndexSpec(String name, PyNode.Call call) {}

    /** Meta.constraints entry ({@code models.UniqueConstraint(...)}, {@code models.CheckConstraint(...)}...). */
    public record ConstraintSpec(String name, PyNode.Call call, boolean notValid) {}

    /**
     * Model options that reach the database.
     *
     * @param dbTable        db_table, or null for the default {@code <app>_<model>}
     * @param managed        managed (false: Django never creates or alters the table)
     * @param proxy          proxy model (no table of its own)
     * @param uniqueTogether unique_together sets (field names)
     * @param indexTogether  index_together sets (field names)
     */
    public record Options(String dbTable, boolean managed, boolean proxy, List<List<String>> uniqueTogether, List<List<String>> indexTogether,
                          List<IndexSpec> indexes, List<ConstraintSpec> constraints, String dbTableComment, String orderWithRespectTo) {

        public static final Options DEFAULT = new Options(null, true, false, List.of(), List.of(), List.of(), List.of(), null, null);

        public Options {
            uniqueTogether = List.copyOf(uniqueTogether);
            indexTogether = List.copyOf(indexTogether);
            indexes = List.copyOf(indexes);
            constraints = List.copyOf(constraints);
        }

        public Options withDbTable(String t) {
            return new Options(t, managed, proxy, uniqueTogether, indexTogether, indexes, constraints, dbTableComment, orderWithRespectTo);
        }

        public Options withManaged(boolean m) {
            return new Options(dbTable, m, proxy, uniqueTogether, indexTogether, indexes, constraints, dbTableComment, orderWithRespectTo);
        }

        public Options withUniqueTogether(List<List<String>> u) {
            return new Options(dbTable, managed, proxy, u, indexTogether, indexes, constraints, dbTableComment, orderWithRespectTo);
        }

        public Options withIndexTogether(List<List<String>> i) {
            return new Options(dbTable, managed, proxy, uniqueTogether, i, indexes, constraints, dbTableComment, orderWithRespectTo);
        }

        public Options withIndexes(List<IndexSpec> i) {
            return new Options(dbTable, managed, proxy, uniqueTogether, indexTogether, i, constraints, dbTableComment, orderWithRespectTo);
        }

        public Options withConstraints(List<ConstraintSpec> c) {
            return new Options(dbTable, managed, proxy, uniqueTogether, indexTogether, indexes, c, dbTableComment, orderWithRespectTo);
        }

        public Options withDbTableComment(String c) {
            return new Options(dbTable, managed, proxy, uniqueTogether, indexTogether, indexes, constraints, c, orderWithRespectTo);
        }

        public Options withOrderWithRespectTo(String o) {
            return new Options(dbTable, managed, proxy, uniqueTogether, indexTogether, indexes, constraints, dbTableComment, o);
        }
    }

    /** A model: app label, name as written, fields in declaration order, options. */
    public record Model(String app, String name, Map<String, Field> fields, Options options) {

        public Model {
            fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        public String key() {
            return (app + "." + name).toLowerCase(Locale.ROOT);
        }

        public String modelName() {
            return name.toLowerCase(Locale.ROOT);
        }

        /** Whether Django's schema editor touches its table (managed, not a proxy). */
        public boolean migrates() {
            return options.managed() && !options.proxy();
        }

        public Optional<Field> field(String fieldName) {
            return Optional.ofNullable(fields.get(fieldName));
        }

        public Optional<Field> primaryKey() {
            return fields.values().stream().filter(Field::primaryKey).findFirst();
        }

        public Model withFields(Map<String, Field> f) {
            return new Model(app, name, f, options);
        }

        public Model withField(Field f) {
            Map<String, Field> copy = new LinkedHashMap<>(fields);
            copy.put(f.name(), f);
            return new Model(app, name, copy, options);
        }

        public Model withoutField(String fieldName) {
            Map<String, Field> copy = new LinkedHashMap<>(fields);
            copy.remove(fieldName);
            return new Model(app, name, copy, options);
        }

        /** Renames a field in place (order kept) and in the together / index field lists. */
        public Model withFieldRenamed(String oldName, String newName) {
            Map<String, Field> copy = new LinkedHashMap<>();
            for (Field f : fields.values()) {
                Field g = f.name().equals(oldName) ? f.renamed(newName) : f;
                copy.put(g.name(), g);
            }
            Options o = options.withUniqueTogether(renameIn(options.uniqueTogether(), oldName, newName))
                    .withIndexTogether(renameIn(options.indexTogether(), oldName, newName));
            return new Model(app, name, copy, o);
        }

        public Model withOptions(Options o) {
            return new Model(app, name, fields, o);
        }

        public Model withName(String newName) {
            return new Model(app, newName, fields, options);
        }

        private static List<List<String>> renameIn(List<List<String>> sets, String oldName, String newName) {
            List<List<String>> out = new ArrayList<>();
            for (List<String> s : sets) out.add(s.stream().map(x -> x.equals(oldName) ? newName : x).toList());
            return out;
        }
    }
}

package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.python.PyModule;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * What Django's schema editor runs for a model change, as operations: column types per backend
 * ({@code data_types} of the PostgreSQL, MySQL and SQLite backends), NOT NULL unless
 * {@code null=True}, Python {@code default=} used only to fill existing rows when a column is
 * added and dropped right after (a database default only with Django 5's {@code db_default=}),
 * foreign keys as {@code <name>_id} columns with an index and a DEFERRABLE constraint named the
 * way Django names it ({@code <table>_<column>_<md5 digest>_fk_<table>_<column>}, computed with
 * Django's digest and truncation), {@code on_delete} not at the database level (Django emulates
 * it; the statement text keeps it), many-to-many join tables {@code <table>_<field>}, PostgreSQL
 * {@code _like} indexes for indexed varchar/text columns, unique_together {@code _uniq} and
 * index_together {@code _idx} names. Unique constraints added inline take the database's implicit
 * name ({@code <table>_<column>_key} on PostgreSQL); that name is what a later AlterField drops,
 * an approximation when the column was made unique some other way.
 */
final class DjangoSchema {

    private static final Set<String> AUTO_FIELDS = Set.of("AutoField", "BigAutoField", "SmallAutoField");
    private static final Set<String> EMPTY_STRINGS_ALLOWED = Set.of("CharField", "TextField", "SlugField", "EmailField", "URLField", "FileField",
            "ImageField", "FilePathField", "CommaSeparatedIntegerField", "GenericIPAddressField", "CICharField", "CITextField", "CIEmailField");
    private static final Map<String, String> INDEX_METHODS = Map.of("GinIndex", "gin", "GistIndex", "gist", "BrinIndex", "brin", "HashIndex", "hash",
            "SpGistIndex", "spgist", "BloomIndex", "bloom", "BTreeIndex", "btree");

    private final Dialect d;
    private final DjangoSettings settings;
    private final PyModule module;
    private final DjangoExpr expr;

    DjangoSchema(Dialect dialect, DjangoSettings settings, PyModule module) {
        this.d = dialect == null ? Dialect.POSTGRESQL : dialect;
        this.settings = settings;
        this.module = module;
        this.expr = new DjangoExpr(module, this.d);
    }

    DjangoExpr expr() {
        return expr;
    }

    // ---- names -----------------------------------------------------------------------------

    String table(DjangoState.Model m) {
        if (m.options().dbTable() != null) return m.options().dbTable();
        return truncate(m.app() + "_" + m.modelName());
    }

    TableRef ref(DjangoState.Model m) {
        return TableRef.of(table(m));
    }

    /** The column: db_column, else the name ({@code <name>_id} for ForeignKey / OneToOneField). */
    static String column(DjangoState.Field f) {
        Optional<String> dbColumn = f.strKw("db_column");
        if (dbColumn.isPresent()) return dbColumn.get();
        return f.isRelation() && !f.isManyToMany() ? f.name() + "_id" : f.name();
    }

    private int maxNameLength() {
        return switch (d) {
            case POSTGRESQL -> 63;
            case MYSQL, MARIADB -> 64;
            case MSSQL -> 128;
            case SQLITE -> 200;
        };
    }

    /** Django's {@code truncate_name}: names longer than the backend allows end in a 4-character digest. */
    private String truncate(String name) {
        int max = maxNameLength();
        if (name.length() <= max) return name;
        return name.substring(0, max - 4) + digest(4, name);
    }

    /** Django's {@code names_digest}: the md5 of the concatenated names, first {@code length} hex digits. */
    static String digest(int length, String... names) {
        try {
            MessageDigest md5 = MessageDigest.getInstance("MD5");
            for (String n : names) md5.update(n.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(md5.digest()).substring(0, length);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Django's {@code BaseDatabaseSchemaEditor._create_index_name}. */
    String indexName(String table, List<String> columns, String suffix) {
        String[] parts = new String[columns.size() + 1];
        parts[0] = table;
        for (int i = 0; i < columns.size(); i++) parts[i + 1] = columns.get(i);
        String hashSuffix = digest(8, parts) + suffix;
        int max = maxNameLength();
        String joined = String.join("_", columns);
        String name = table + "_" + joined + "_" + hashSuffix;
        if (name.length() <= max) return name;
        if (hashSuffix.length() > max / 3) hashSuffix = hashSuffix.substring(0, max / 3);
        int other = (max - hashSuffix.length()) / 2 - 1;
        name = table.substring(0, Math.min(other, table.length())) + "_" + joined.substring(0, Math.min(other, joined.length())) + "_" + hashSuffix;
        if (name.charAt(0) == '_' || Character.isDigit(name.charAt(0))) name = "D" + name.substring(0, name.length() - 1);
        return name;
    }

    private String fkName(String table, String column, Target t) {
        return indexName(table, List.of(column), "_fk_" + t.table().name() + "_" + t.column());
    }

    /** The name the database gives an inline UNIQUE column constraint. */
    private String uniqueName(String table, String column) {
        return switch (d) {
            case POSTGRESQL -> table + "_" + column + "_key";
            case MYSQL, MARIADB -> column;
            default -> null;
        };
    }

    // ---- types -----------------------------------------------------------------------------

    /** A column's type and what comes with it. */
    record Col(SqlType type, String check, boolean autoIncrement, ColumnDef.Generated generated) {}

    /** The referenced table, column and the column type a relation to it takes. */
    record Target(TableRef table, String column, SqlType type) {}

    /** The column type of a field, or null when it has no column (ManyToManyField). */
    Col dbType(DjangoState.Field f, DjangoState st) {
        if (f.isManyToMany()) return null;
        String column = column(f);
        if (f.isRelation()) return new Col(target(f, st).type(), null, false, null);
        boolean pg = d == Dialect.POSTGRESQL;
        boolean my = d.isMysqlFamily();
        boolean lite = d == Dialect.SQLITE;
        String check = null;
        SqlType t;
        switch (f.cls()) {
            case "AutoField", "BigAutoField", "SmallAutoField": {
                String base = lite ? "integer" : f.cls().equals("BigAutoField") ? "bigint" : f.cls().equals("SmallAutoField") ? "smallint" : "integer";
                return new Col(type(base), null, !pg, pg ? new ColumnDef.Generated(true, false, null, false) : null);
            }
            case "CharField", "CommaSeparatedIntegerField":
                t = varchar(f.intKw("max_length").orElse(null));
                break;
            case "SlugField":
                t = varchar(f.intKw("max_length").orElse(50));
                break;
            case "EmailField", "CIEmailField":
                t = varchar(f.intKw("max_length").orElse(254));
                break;
            case "URLField":
                t = varchar(f.intKw("max_length").orElse(200));
                break;
            case "FileField", "ImageField", "FilePathField":
                t = varchar(f.intKw("max_length").orElse(100));
                break;
            case "TextField":
                t = type(my ? "longtext" : "text");
                break;
            case "IntegerField":
                t = type("integer");
                break;
            case "BigIntegerField":
                t = type("bigint");
                break;
            case "SmallIntegerField":
                t = type("smallint");
                break;
            case "PositiveIntegerField", "PositiveSmallIntegerField", "PositiveBigIntegerField": {
                String base = f.cls().equals("PositiveIntegerField") ? "integer" : f.cls().equals("PositiveSmallIntegerField") ? "smallint" : "bigint";
                t = pg ? type(base) : new SqlType(base, List.of(), false, base + " unsigned");
                check = column + " >= 0";
                break;
            }
            case "BooleanField", "NullBooleanField":
                t = type("boolean");
                break;
            case "DateField":
                t = type("date");
                break;
            case "DateTimeField":
                t = pg ? type("timestamptz") : my ? new SqlType("datetime", List.of("6"), false, null) : type("datetime");
                break;
            case "TimeField":
                t = my ? new SqlType("time", List.of("6"), false, null) : type("time");
                break;
            case "DurationField":
                t = type(pg ? "interval" : "bigint");
                break;
            case "DecimalField": {
                List<String> args = new ArrayList<>();
                if (!lite) {
                    f.intKw("max_digits").ifPresent(v -> args.add(String.valueOf(v)));
                    f.intKw("decimal_places").ifPresent(v -> args.add(String.valueOf(v)));
                }
                t = new SqlType("numeric", args, false, null);
                break;
            }
            case "FloatField":
                t = type(lite ? "real" : "double precision");
                break;
            case "BinaryField":
                t = type(pg ? "bytea" : my ? "longblob" : "blob");
                break;
            case "UUIDField":
                t = pg ? type("uuid") : new SqlType("char", List.of("32"), false, null);
                break;
            case "JSONField":
                t = type(pg ? "jsonb" : my ? "json" : "text");
                break;
            case "GenericIPAddressField":
                t = pg ? type("inet") : new SqlType("char", List.of("39"), false, null);
                break;
            case "IPAddressField":
                t = pg ? type("inet") : new SqlType("char", List.of("15"), false, null);
                break;
            case "CICharField", "CITextField":
                t = type("citext");
                break;
            case "HStoreField":
                t = type("hstore");
                break;
            case "SearchVectorField":
                t = type("tsvector");
                break;
            case "ArrayField": {
                Col base = f.baseField() == null ? null : dbType(f.baseField(), st);
                SqlType bt = base == null ? type("text") : base.type();
                t = new SqlType(bt.name(), bt.args(), true, null);
                break;
            }
            case "DateRangeField", "DateTimeRangeField", "IntegerRangeField", "BigIntegerRangeField", "DecimalRangeField": {
                t = type(switch (f.cls()) {
                    case "DateRangeField" -> "daterange";
                    case "DateTimeRangeField" -> "tstzrange";
                    case "IntegerRangeField" -> "int4range";
                    case "BigIntegerRangeField" -> "int8range";
                    default -> "numrange";
                });
                break;
            }
            default:
                t = f.intKw("max_length").map(this::varchar).orElse(type(f.cls().replaceFirst("Field$", "").toLowerCase(Locale.ROOT)));
        }
        ColumnDef.Generated generated = null;
        if (f.cls().equals("GeneratedField")) {
            String expression = f.kw("expression").map(e -> expr.expression(e, null)).orElse(null);
            Optional<PyNode> out = f.kw("output_field");
            if (out.isPresent() && out.get() instanceof PyNode.Call oc) {
                t = dbType(new DjangoState.Field(f.name(), oc.funcName(), oc, null, null, false, null), st).type();
            }
            generated = new ColumnDef.Generated(false, false, expression, f.flag("db_persist", true));
        }
        return new Col(t, check, false, generated);
    }

    private SqlType varchar(Integer len) {
        return new SqlType("varchar", len == null ? List.of() : List.of(String.valueOf(len)), false, null);
    }

    private static SqlType type(String name) {
        return new SqlType(name, List.of(), false, null);
    }

    /** Django's {@code rel_db_type}: auto fields become their plain integer type. */
    SqlType relDbType(DjangoState.Field target, DjangoState st) {
        if (AUTO_FIELDS.contains(target.cls())) {
            return type(target.cls().equals("BigAutoField") ? "bigint" : target.cls().equals("SmallAutoField") ? "smallint" : "integer");
        }
        Col c = dbType(target, st);
        return c == null ? type("integer") : c.type();
    }

    /**
     * The target of a relation: the model's table and primary key (or {@code to_field}) from the
     * project state; for models outside the project (django.contrib.auth, third-party apps) the
     * default table name and an integer key (contrib apps use AutoField) or the project's
     * DEFAULT_AUTO_FIELD, an approximation.
     */
    Target target(DjangoState.Field f, DjangoState st) {
        Optional<DjangoState.Model> m = st.model(f.to());
        String toField = f.strKw("to_field").orElse(null);
        if (m.isPresent()) {
            Optional<DjangoState.Field> tf = toField != null ? m.get().field(toField) : m.get().primaryKey();
            if (tf.isPresent()) return new Target(ref(m.get()), column(tf.get()), relDbType(tf.get(), st));
            return new Target(ref(m.get()), toField != null ? toField : "id", type("bigint"));
        }
        String app = f.to().substring(0, f.to().indexOf('.'));
        String model = f.to().substring(f.to().indexOf('.') + 1);
        boolean contrib = Set.of("auth", "contenttypes", "sites", "admin", "sessions", "flatpages", "redirects").contains(app);
        String pkType = contrib || settings.defaultAutoField().equals("AutoField") ? "integer" : "bigint";
        return new Target(TableRef.of(truncate(app + "_" + model)), toField != null ? toField : "id", type(pkType));
    }

    // ---- defaults --------------------------------------------------------------------------

    /**
     * Django's {@code effective_default}: the value the schema editor fills existing rows with when
     * it adds (or makes NOT NULL) a column: the default (a callable is called once, at migrate
     * time), else '' for a blank non-null text field, else now for auto_now(_add), else none.
     */
    String effectiveDefault(DjangoState.Field f) {
        Optional<PyNode> dflt = f.operationDefault();
        if (dflt.isPresent() && !PyNodes.isNone(dflt.get())) return defaultSql(dflt.get(), f);
        if (!f.nullable() && f.flag("blank", false) && EMPTY_STRINGS_ALLOWED.contains(f.cls())) return "''";
        if (f.flag("auto_now", false) || f.flag("auto_now_add", false)) {
            return f.cls().equals("DateField") ? "CURRENT_DATE" : f.cls().equals("TimeField") ? "CURRENT_TIME" : "CURRENT_TIMESTAMP";
        }
        return null;
    }

    /** Django 5's {@code db_default=}: a real database default. */
    String dbDefault(DjangoState.Field f) {
        return f.kw("db_default").map(v -> defaultSql(v, f)).orElse(null);
    }

    private String defaultSql(PyNode v, DjangoState.Field f) {
        Optional<String> lit = expr.literal(v);
        if (lit.isPresent()) {
            if (f.cls().equals("JSONField") && v instanceof PyNode.Str s) return DjangoExpr.quote("\"" + s.value() + "\"");
            return lit.get();
        }
        if (v instanceof PyNode.Call c) {
            String fn = c.funcName();
            if ("Now".equals(fn)) return "CURRENT_TIMESTAMP";
            if ("Value".equals(fn)) return c.arg(0).map(a -> defaultSql(a, f)).orElse("NULL");
            return DjangoExpr.quote(module.text(v));
        }
        String name = PyNodes.dotted(v);
        if (name != null) {
            if (name.endsWith("timezone.now") || name.endsWith("datetime.now") || name.endsWith("datetime.utcnow")) return "CURRENT_TIMESTAMP";
            if (name.endsWith("date.today")) return "CURRENT_DATE";
            if (name.equals("dict")) return "'{}'";
            if (name.equals("list")) return "'[]'";
            return DjangoExpr.quote("<value of " + name + "() at migrate time>");
        }
        if (v instanceof PyNode.Dict || v instanceof PyNode.Seq) return DjangoExpr.quote(module.text(v));
        return DjangoExpr.quote(module.text(v));
    }

    // ---- columns ---------------------------------------------------------------------------

    private ColumnDef columnDef(DjangoState.Field f, Col c, String dflt, ColumnDef.ForeignKeyRef inlineRef) {
        String comment = d.isMysqlFamily() ? f.strKw("db_comment").orElse(null) : null;
        return new ColumnDef(column(f), c.type(), !f.nullable(), dflt, f.primaryKey(), f.unique() && !f.primaryKey(), inlineRef, c.generated(),
                c.check(), c.autoIncrement(), f.strKw("db_collation").orElse(null), comment);
    }

    private Operation fkConstraint(String table, DjangoState.Field f, DjangoState st) {
        Target t = target(f, st);
        String col = column(f);
        ConstraintDef fk = new ConstraintDef(fkName(table, col, t), ConstraintDef.Kind.FOREIGN_KEY, List.of(col), t.table(), List.of(t.column()),
                null, null, null, false, null, !d.isMysqlFamily());
        return new Operation.AddConstraint(TableRef.of(table), fk);
    }

    private boolean hasFkConstraint(DjangoState.Field f) {
        return f.isRelation() && !f.isManyToMany() && f.flag("db_constraint", true);
    }

    private boolean indexed(DjangoState.Field f) {
        return f.dbIndex() && !f.unique();
    }

    /** The field's own indexes: {@code db_index} (not when unique), plus PostgreSQL's {@code _like} pattern-ops index. */
    private List<Operation> fieldIndexes(String table, DjangoState.Field f, SqlType type) {
        List<Operation> ops = new ArrayList<>();
        String col = column(f);
        if (indexed(f)) ops.add(index(indexName(table, List.of(col), ""), table, List.of(col), false));
        if (d == Dialect.POSTGRESQL && (f.dbIndex() || f.unique()) && type != null && !type.array()
                && (type.name().equals("varchar") || type.name().equals("text"))) {
            String opclass = type.name().equals("varchar") ? "varchar_pattern_ops" : "text_pattern_ops";
            ops.add(index(indexName(table, List.of(col), "_like"), table, List.of(col + " " + opclass), false));
        }
        return ops;
    }

    private static Operation index(String name, String table, List<String> cols, boolean unique) {
        return new Operation.CreateIndex(new IndexDef(name, TableRef.of(table), cols, unique, null, null, List.of()), false, false);
    }

    private Operation dropIndex(String name, String table, boolean concurrently) {
        return new Operation.DropIndex(name, d.isMysqlFamily() ? TableRef.of(table) : null, concurrently && d == Dialect.POSTGRESQL, false, false);
    }

    private Operation comment(String table, String column, String text) {
        return new Operation.SetComment(TableRef.of(table), column, text);
    }

    // ---- models ----------------------------------------------------------------------------

    List<Operation> createModel(DjangoState.Model m, DjangoState st) {
        String table = table(m);
        List<ColumnDef> cols = new ArrayList<>();
        List<ConstraintDef> cons = new ArrayList<>();
        List<Operation> after = new ArrayList<>();
        for (DjangoState.Field f : m.fields().values()) {
            if (f.isManyToMany()) {
                if (f.through() == null) after.addAll(createJoinTable(m, f, st));
                continue;
            }
            Col c = dbType(f, st);
            ColumnDef.ForeignKeyRef inline = null;
            if (hasFkConstraint(f)) {
                if (d == Dialect.SQLITE) {
                    Target t = target(f, st);
                    inline = new ColumnDef.ForeignKeyRef(t.table(), t.column(), null, null);
                } else {
                    after.add(fkConstraint(table, f, st));
                }
            }
            cols.add(columnDef(f, c, dbDefault(f), inline));
            after.addAll(fieldIndexes(table, f, c.type()));
            f.strKw("db_comment").filter(x -> d == Dialect.POSTGRESQL).ifPresent(x -> after.add(comment(table, column(f), x)));
        }
        for (List<String> u : m.options().uniqueTogether()) {
            List<String> c = columns(m, u);
            cons.add(ConstraintDef.unique(indexName(table, c, "_uniq"), c));
        }
        for (List<String> i : m.options().indexTogether()) {
            List<String> c = columns(m, i);
            after.add(index(indexName(table, c, "_idx"), table, c, false));
        }
        for (DjangoState.IndexSpec i : m.options().indexes()) after.add(createIndex(m, i, false));
        for (DjangoState.ConstraintSpec c : m.options().constraints()) {
            Operation op = addConstraint(m, c);
            if (op instanceof Operation.AddConstraint ac) cons.add(ac.constraint());
            else after.add(op);
        }
        if (m.options().dbTableComment() != null && d != Dialect.SQLITE) after.add(comment(table, null, m.options().dbTableComment()));
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.CreateTable(TableRef.of(table), cols, cons, false, false, false, null));
        ops.addAll(after);
        return ops;
    }

    List<Operation> deleteModel(DjangoState.Model m, DjangoState st) {
        List<Operation> ops = new ArrayList<>();
        for (DjangoState.Field f : m.fields().values()) {
            if (f.isManyToMany() && f.through() == null) ops.add(new Operation.DropTable(TableRef.of(joinTable(m, f)), false, d != Dialect.SQLITE));
        }
        ops.add(new Operation.DropTable(ref(m), false, d != Dialect.SQLITE));
        return ops;
    }

    private List<String> columns(DjangoState.Model m, List<String> fieldNames) {
        return fieldNames.stream().map(n -> expr.column(n, m)).toList();
    }

    /** The auto-created many-to-many table: {@code db_table}, else {@code <model table>_<field>}. */
    String joinTable(DjangoState.Model m, DjangoState.Field f) {
        return f.strKw("db_table").orElseGet(() -> truncate(table(m) + "_" + f.name()));
    }

    private String[] joinColumns(DjangoState.Model m, DjangoState.Field f) {
        String to = f.to().substring(f.to().indexOf('.') + 1);
        if (f.to().equals(m.key())) return new String[] {"from_" + m.modelName() + "_id", "to_" + to + "_id"};
        return new String[] {m.modelName() + "_id", to + "_id"};
    }

    private List<Operation> createJoinTable(DjangoState.Model m, DjangoState.Field f, DjangoState st) {
        String join = joinTable(m, f);
        String[] jc = joinColumns(m, f);
        DjangoState.Field id = new DjangoState.Field("id", settings.defaultAutoField(), null, null, null, false, null);
        Col idCol = dbType(id, st);
        DjangoState.Field fromPk = m.primaryKey().orElse(id);
        Target from = new Target(ref(m), column(fromPk), relDbType(fromPk, st));
        Target to = target(f, st);
        List<ColumnDef> cols = new ArrayList<>();
        cols.add(new ColumnDef("id", idCol.type(), true, null, true, false, null, idCol.generated(), null, idCol.autoIncrement(), null, null));
        ColumnDef.ForeignKeyRef fromRef = d == Dialect.SQLITE ? new ColumnDef.ForeignKeyRef(from.table(), from.column(), null, null) : null;
        ColumnDef.ForeignKeyRef toRef = d == Dialect.SQLITE ? new ColumnDef.ForeignKeyRef(to.table(), to.column(), null, null) : null;
        cols.add(new ColumnDef(jc[0], from.type(), true, null, false, false, fromRef, null, null, false, null, null));
        cols.add(new ColumnDef(jc[1], to.type(), true, null, false, false, toRef, null, null, false, null, null));
        List<Operation> ops = new ArrayList<>();
        ops.add(new Operation.CreateTable(TableRef.of(join), cols,
                List.of(ConstraintDef.unique(indexName(join, List.of(jc[0], jc[1]), "_uniq"), List.of(jc[0], jc[1]))), false, false, false, null));
        if (d != Dialect.SQLITE) {
            for (int k = 0; k < 2; k++) {
                Target t = k == 0 ? from : to;
                ops.add(new Operation.AddConstraint(TableRef.of(join), new ConstraintDef(fkName(join, jc[k], t), ConstraintDef.Kind.FOREIGN_KEY,
                        List.of(jc[k]), t.table(), List.of(t.column()), null, null, null, false, null, !d.isMysqlFamily())));
            }
        }
        ops.add(index(indexName(join, List.of(jc[0]), ""), join, List.of(jc[0]), false));
        ops.add(index(indexName(join, List.of(jc[1]), ""), join, List.of(jc[1]), false));
        return ops;
    }

    // ---- fields ----------------------------------------------------------------------------

    /**
     * AddField: ADD COLUMN with the effective default (filling existing rows), then DROP DEFAULT
     * unless it is a {@code db_default}; then the foreign key, the indexes. SQLite: Django rebuilds
     * the table for a primary key, unique, NOT NULL or defaulted column.
     */
    List<Operation> addField(DjangoState.Model m, DjangoState.Field f, DjangoState st) {
        if (f.isManyToMany()) return f.through() == null ? createJoinTable(m, f, st) : List.of();
        String table = table(m);
        Col c = dbType(f, st);
        String dbDefault = dbDefault(f);
        String dflt = dbDefault != null ? dbDefault : effectiveDefault(f);
        List<Operation> ops = new ArrayList<>();
        boolean rebuild = d == Dialect.SQLITE && (f.primaryKey() || f.unique() || !f.nullable() || dflt != null);
        if (rebuild) ops.add(new Operation.TableRebuild(TableRef.of(table), "django schema editor (SQLite table remake)"));
        ops.add(new Operation.AddColumn(TableRef.of(table), columnDef(f, c, dflt, null), false));
        if (dbDefault == null && dflt != null) ops.add(new Operation.AlterColumnDefault(TableRef.of(table), column(f), null));
        if (hasFkConstraint(f)) ops.add(fkConstraint(table, f, st));
        ops.addAll(fieldIndexes(table, f, c.type()));
        f.strKw("db_comment").filter(x -> d == Dialect.POSTGRESQL).ifPresent(x -> ops.add(comment(table, column(f), x)));
        return ops;
    }

    List<Operation> removeField(DjangoState.Model m, DjangoState.Field f, DjangoState st) {
        if (f.isManyToMany()) return f.through() == null ? List.of(new Operation.DropTable(TableRef.of(joinTable(m, f)), false, d != Dialect.SQLITE)) : List.of();
        String table = table(m);
        List<Operation> ops = new ArrayList<>();
        if (d == Dialect.SQLITE && (f.primaryKey() || f.unique() || f.dbIndex() || hasFkConstraint(f))) {
            ops.add(new Operation.TableRebuild(TableRef.of(table), "django schema editor (SQLite table remake)"));
        }
        if (hasFkConstraint(f) && d != Dialect.SQLITE) {
            ops.add(new Operation.DropConstraint(TableRef.of(table), fkName(table, column(f), target(f, st)), ConstraintDef.Kind.FOREIGN_KEY, false, false));
        }
        ops.add(new Operation.DropColumn(TableRef.of(table), column(f), false, false));
        return ops;
    }

    /**
     * AlterField / RenameField: Django's {@code _alter_field} as single-purpose operations, in its
     * order: drop the foreign key and unique / index that no longer hold, rename, change the type
     * (and the type of foreign keys pointing at a changed primary key), nullability (NULL to NOT
     * NULL with a default: set default, UPDATE the NULL rows, SET NOT NULL, drop default), database
     * default, add unique / index / foreign key. No operation when only Python-side attributes
     * change (choices, help_text, validators, on_delete...). SQLite: a table remake unless only the
     * column name changes.
     */
    List<Operation> alterField(DjangoState.Model ma, DjangoState.Field fa, DjangoState sa, DjangoState.Model mb, DjangoState.Field fb, DjangoState sb) {
        String table = table(mb);
        TableRef t = TableRef.of(table);
        if (fa.isManyToMany() || fb.isManyToMany()) {
            if (fa.isManyToMany() && fb.isManyToMany() && fa.through() == null && fb.through() == null && !joinTable(ma, fa).equals(joinTable(mb, fb))) {
                return List.of(new Operation.RenameTable(TableRef.of(joinTable(ma, fa)), joinTable(mb, fb)));
            }
            return List.of();
        }
        Col ca = dbType(fa, sa);
        Col cb = dbType(fb, sb);
        String colA = column(fa);
        String colB = column(fb);
        boolean typeChanged = !sameType(ca.type(), cb.type());
        Target ta = hasFkConstraint(fa) ? target(fa, sa) : null;
        Target tb = hasFkConstraint(fb) ? target(fb, sb) : null;
        boolean fkChanged = ta != null && (tb == null || !ta.table().equals(tb.table()) || !ta.column().equals(tb.column()) || typeChanged);
        List<Operation> ops = new ArrayList<>();
        if (fkChanged && d != Dialect.SQLITE) ops.add(new Operation.DropConstraint(t, fkName(table(ma), colA, ta), ConstraintDef.Kind.FOREIGN_KEY, false, false));
        boolean uniqueA = fa.unique() && !fa.primaryKey();
        boolean uniqueB = fb.unique() && !fb.primaryKey();
        if (uniqueA && !uniqueB) ops.add(new Operation.DropConstraint(t, uniqueName(table(ma), colA), ConstraintDef.Kind.UNIQUE, false, false));
        if (indexed(fa) && !indexed(fb)) ops.add(dropIndex(indexName(table(ma), List.of(colA), ""), table, false));
        if (!colA.equals(colB)) ops.add(new Operation.RenameColumn(t, colA, colB));
        if (typeChanged) {
            ops.add(new Operation.AlterColumnType(t, colB, cb.type(), d == Dialect.POSTGRESQL ? colB + "::" + cb.type() : null));
            if (fb.primaryKey() || fb.unique()) ops.addAll(retypeIncomingRelations(mb, fb, cb.type(), sb));
        }
        if (fa.nullable() != fb.nullable()) {
            if (!fb.nullable()) {
                String newDefault = effectiveDefault(fb);
                if (newDefault != null && dbDefault(fb) == null && !Objects.equals(newDefault, effectiveDefault(fa))) {
                    ops.add(new Operation.AlterColumnDefault(t, colB, newDefault));
                    ops.add(new Operation.DataChange(Operation.DataKind.UPDATE, t, true, List.of(colB)));
                    ops.add(new Operation.AlterColumnNullability(t, colB, true));
                    ops.add(new Operation.AlterColumnDefault(t, colB, null));
                } else {
                    ops.add(new Operation.AlterColumnNullability(t, colB, true));
                }
            } else {
                ops.add(new Operation.AlterColumnNullability(t, colB, false));
            }
        }
        if (!Objects.equals(dbDefault(fa), dbDefault(fb))) ops.add(new Operation.AlterColumnDefault(t, colB, dbDefault(fb)));
        if (!uniqueA && uniqueB) ops.add(new Operation.AddConstraint(t, ConstraintDef.unique(indexName(table, List.of(colB), "_uniq"), List.of(colB))));
        if (!indexed(fa) && indexed(fb)) ops.addAll(fieldIndexes(table, fb, cb.type()));
        if (tb != null && (ta == null || fkChanged) && d != Dialect.SQLITE) ops.add(fkConstraint(table, fb, sb));
        if (!Objects.equals(fa.strKw("db_comment").orElse(null), fb.strKw("db_comment").orElse(null)) && d == Dialect.POSTGRESQL) {
            ops.add(comment(table, colB, fb.strKw("db_comment").orElse(null)));
        }
        if (d == Dialect.SQLITE && ops.stream().anyMatch(o -> !(o instanceof Operation.RenameColumn))) {
            ops.add(0, new Operation.TableRebuild(t, "django schema editor (SQLite table remake)"));
        }
        return ops;
    }

    /** Foreign key columns elsewhere that follow a primary key's new type. */
    private List<Operation> retypeIncomingRelations(DjangoState.Model target, DjangoState.Field pk, SqlType newType, DjangoState st) {
        List<Operation> ops = new ArrayList<>();
        SqlType relType = relDbType(pk, st);
        for (DjangoState.Model m : st.models().values()) {
            for (DjangoState.Field f : m.fields().values()) {
                if (!target.key().equals(f.to()) || f.isManyToMany() || !m.migrates()) continue;
                String toField = f.strKw("to_field").orElse(null);
                if (toField != null && !toField.equals(pk.name())) continue;
                if (toField == null && !pk.primaryKey()) continue;
                ops.add(new Operation.AlterColumnType(ref(m), column(f), relType, null));
            }
        }
        return ops;
    }

    private static boolean sameType(SqlType a, SqlType b) {
        if (a == null || b == null) return a == b;
        return a.name().equals(b.name()) && a.args().equals(b.args()) && a.array() == b.array() && Objects.equals(a.raw(), b.raw());
    }

    // ---- tables ----------------------------------------------------------------------------

    /**
     * RenameModel / AlterModelTable: the table, the auto-created join tables named after it, and
     * (RenameModel) the {@code <model>_id} columns of join tables.
     */
    List<Operation> renameModel(DjangoState.Model ma, DjangoState.Model mb, DjangoState sb, boolean modelRenamed) {
        List<Operation> ops = new ArrayList<>();
        if (!table(ma).equals(table(mb))) ops.add(new Operation.RenameTable(ref(ma), table(mb)));
        for (DjangoState.Field f : ma.fields().values()) {
            if (!f.isManyToMany() || f.through() != null) continue;
            DjangoState.Field g = mb.field(f.name()).orElse(f);
            String oldJoin = joinTable(ma, f);
            String newJoin = joinTable(mb, g);
            if (!oldJoin.equals(newJoin)) ops.add(new Operation.RenameTable(TableRef.of(oldJoin), newJoin));
            if (modelRenamed && !f.to().equals(ma.key()) && !ma.modelName().equals(mb.modelName())) {
                ops.add(new Operation.RenameColumn(TableRef.of(newJoin), ma.modelName() + "_id", mb.modelName() + "_id"));
            }
        }
        if (modelRenamed && !ma.modelName().equals(mb.modelName())) {
            for (DjangoState.Model other : sb.models().values()) {
                if (other.key().equals(mb.key())) continue;
                for (DjangoState.Field f : other.fields().values()) {
                    if (f.isManyToMany() && f.through() == null && mb.key().equals(f.to())) {
                        ops.add(new Operation.RenameColumn(TableRef.of(joinTable(other, f)), ma.modelName() + "_id", mb.modelName() + "_id"));
                    }
                }
            }
        }
        return ops;
    }

    List<Operation> alterTogether(DjangoState.Model ma, DjangoState.Model mb, boolean unique) {
        String table = table(mb);
        List<List<String>> before = unique ? ma.options().uniqueTogether() : ma.options().indexTogether();
        List<List<String>> after = unique ? mb.options().uniqueTogether() : mb.options().indexTogether();
        List<Operation> ops = new ArrayList<>();
        for (List<String> s : new LinkedHashSet<>(before)) {
            if (after.contains(s)) continue;
            List<String> cols = columns(ma, s);
            if (unique) ops.add(new Operation.DropConstraint(TableRef.of(table), indexName(table(ma), cols, "_uniq"), ConstraintDef.Kind.UNIQUE, false, false));
            else ops.add(dropIndex(indexName(table(ma), cols, "_idx"), table, false));
        }
        for (List<String> s : new LinkedHashSet<>(after)) {
            if (before.contains(s)) continue;
            List<String> cols = columns(mb, s);
            if (unique) ops.add(new Operation.AddConstraint(TableRef.of(table), ConstraintDef.unique(indexName(table, cols, "_uniq"), cols)));
            else ops.add(index(indexName(table, cols, "_idx"), table, cols, false));
        }
        return ops;
    }

    // ---- indexes and constraints -------------------------------------------------------------

    Operation createIndex(DjangoState.Model m, DjangoState.IndexSpec spec, boolean concurrently) {
        PyNode.Call c = spec.call();
        String table = table(m);
        List<String> cols = new ArrayList<>();
        for (String f : c.kw("fields").flatMap(PyNodes::strings).orElse(List.of())) {
            cols.add(f.startsWith("-") ? expr.column(f.substring(1), m) + " DESC" : expr.column(f, m));
        }
        for (PyNode e : c.args()) cols.add(expr.expression(e, m));
        List<String> opclasses = c.kw("opclasses").flatMap(PyNodes::strings).orElse(List.of());
        for (int i = 0; i < opclasses.size() && i < cols.size(); i++) cols.set(i, cols.get(i) + " " + opclasses.get(i));
        String where = c.kw("condition").map(q -> expr.q(q, m)).orElse(null);
        List<String> include = c.kw("include").flatMap(PyNodes::strings).map(l -> columns(m, l)).orElse(List.of());
        String method = INDEX_METHODS.get(c.funcName());
        return new Operation.CreateIndex(new IndexDef(spec.name(), TableRef.of(table), cols, false, method, where, include),
                concurrently && d == Dialect.POSTGRESQL, false);
    }

    Operation removeIndex(DjangoState.Model m, String name, boolean concurrently) {
        return dropIndex(name, table(m), concurrently);
    }

    /** A Meta.constraints entry: an ADD CONSTRAINT, or a CREATE UNIQUE INDEX for conditional / expression unique constraints. */
    Operation addConstraint(DjangoState.Model m, DjangoState.ConstraintSpec spec) {
        PyNode.Call c = spec.call();
        TableRef t = ref(m);
        String fn = c.funcName() == null ? "" : c.funcName();
        switch (fn) {
            case "CheckConstraint": {
                PyNode cond = c.kw("condition").or(() -> c.kw("check")).orElse(null);
                return new Operation.AddConstraint(t, ConstraintDef.check(spec.name(), cond == null ? null : expr.q(cond, m)).withNotValid(spec.notValid()));
            }
            case "UniqueConstraint": {
                List<String> cols = c.kw("fields").flatMap(PyNodes::strings).map(l -> columns(m, l)).orElse(new ArrayList<>());
                if (uniqueAsIndex(c)) {
                    List<String> all = new ArrayList<>(cols);
                    for (PyNode e : c.args()) all.add(expr.expression(e, m));
                    String where = c.kw("condition").map(q -> expr.q(q, m)).orElse(null);
                    List<String> include = c.kw("include").flatMap(PyNodes::strings).map(l -> columns(m, l)).orElse(List.of());
                    return new Operation.CreateIndex(new IndexDef(spec.name(), t, all, true, null, where, include), false, false);
                }
                boolean deferrable = c.kw("deferrable").isPresent() && !PyNodes.isNone(c.kw("deferrable").get());
                ConstraintDef u = ConstraintDef.unique(spec.name(), cols);
                return new Operation.AddConstraint(t, new ConstraintDef(u.name(), u.kind(), u.columns(), null, null, null, null, null, spec.notValid(), null, deferrable));
            }
            case "ExclusionConstraint": {
                List<String> parts = new ArrayList<>();
                for (PyNode e : c.kw("expressions").map(PyNodes::items).orElse(List.of())) {
                    if (e instanceof PyNode.Seq s && s.items().size() == 2) {
                        PyNode left = s.items().get(0);
                        String l = PyNodes.str(left).map(x -> expr.column(x, m)).orElseGet(() -> expr.expression(left, m));
                        String op = PyNodes.str(s.items().get(1)).orElseGet(() -> rangeOperator(s.items().get(1)));
                        parts.add(l + " WITH " + op);
                    }
                }
                String using = c.kw("index_type").flatMap(PyNodes::str).orElse("GIST").toLowerCase(Locale.ROOT);
                String where = c.kw("condition").map(q -> expr.q(q, m)).orElse(null);
                String expression = "USING " + using + " (" + String.join(", ", parts) + ")" + (where == null ? "" : " WHERE (" + where + ")");
                return new Operation.AddConstraint(t, new ConstraintDef(spec.name(), ConstraintDef.Kind.EXCLUDE, null, null, null, null, null,
                        expression, false, null, false));
            }
            default:
                throw new DjangoOps.NotReadable("constraint " + module.text(c.func()) + " is not understood");
        }
    }

    private static String rangeOperator(PyNode n) {
        String name = PyNodes.lastName(n);
        if (name == null) return "?";
        return switch (name) {
            case "EQUAL" -> "=";
            case "OVERLAPS" -> "&&";
            case "CONTAINS" -> "@>";
            case "CONTAINED_BY" -> "<@";
            case "NOT_EQUAL" -> "<>";
            case "ADJACENT_TO" -> "-|-";
            default -> name;
        };
    }

    private static boolean uniqueAsIndex(PyNode.Call c) {
        return !c.args().isEmpty() || c.kw("condition").isPresent() || c.kw("include").isPresent() || c.kw("opclasses").isPresent();
    }

    Operation removeConstraint(DjangoState.Model m, DjangoState.ConstraintSpec spec) {
        PyNode.Call c = spec.call();
        if ("UniqueConstraint".equals(c.funcName()) && uniqueAsIndex(c)) return dropIndex(spec.name(), table(m), false);
        ConstraintDef.Kind kind = switch (c.funcName() == null ? "" : c.funcName()) {
            case "CheckConstraint" -> ConstraintDef.Kind.CHECK;
            case "UniqueConstraint" -> ConstraintDef.Kind.UNIQUE;
            case "ExclusionConstraint" -> ConstraintDef.Kind.EXCLUDE;
            default -> null;
        };
        return new Operation.DropConstraint(ref(m), spec.name(), kind, false, false);
    }
}

package dev.dbmigrate.parse.python.alembic;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.parse.python.PyNode;
import dev.dbmigrate.parse.python.PyNodes;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Maps SQLAlchemy column types ({@code sa.String(50)}, {@code postgresql.JSONB()},
 * {@code sa.DateTime(timezone=True)}, {@code sa.Enum("a", "b", name="status")}...) to
 * {@link SqlType} with the canonical names of SqlType's javadoc, as SQLAlchemy's DDL compiler
 * renders them for the dialect: {@code DateTime(timezone=True)} is timestamptz on PostgreSQL and
 * datetime on MySQL/SQLite, {@code Uuid} is uuid on PostgreSQL and char(32) elsewhere, a named
 * {@code Enum} is its own PostgreSQL type (created by {@link Mapped#createEnum()}), an inline
 * MySQL enum, and a varchar on SQLite. A class given without a call ({@code sa.Integer}) has no
 * arguments. Unknown (custom, TypeDecorator) types keep their class name lower-cased.
 */
public final class SqlAlchemyTypes {

    /** The mapped type and, for a named PostgreSQL enum that SQLAlchemy creates, the CREATE TYPE. */
    public record Mapped(SqlType type, Operation.CreateEnum createEnum) {}

    private SqlAlchemyTypes() {}

    public static Mapped map(PyNode node, Dialect dialect, UnaryOperator<PyNode> resolve) {
        PyNode n = resolve.apply(node);
        if (n instanceof PyNode.Call c && c.func() instanceof PyNode.Attr a && !isTypeName(a.name())) {
            if (a.name().equals("with_variant")) {
                Optional<String> variant = c.arg(1, "dialect_name").map(resolve).flatMap(PyNodes::str);
                if (variant.isPresent() && dialectMatches(variant.get(), dialect)) return map(c.args().get(0), dialect, resolve);
                return map(a.value(), dialect, resolve);
            }
            if (Character.isLowerCase(a.name().charAt(0))) return map(a.value(), dialect, resolve);
        }
        String name = PyNodes.lastName(n);
        if (name == null) return new Mapped(new SqlType("unknown", List.of(), false, null), null);
        PyNode.Call call = n instanceof PyNode.Call c ? c : null;
        Dialect d = dialect == null ? Dialect.POSTGRESQL : dialect;
        boolean pg = d == Dialect.POSTGRESQL;
        boolean my = d.isMysqlFamily();
        switch (name) {
            case "String", "VARCHAR", "Unicode", "NVARCHAR", "AutoString":
                return of("varchar", intArg(call, 0, "length"));
            case "CHAR", "NCHAR":
                return of("char", intArg(call, 0, "length"));
            case "Text", "TEXT", "UnicodeText", "CLOB":
                return of("text");
            case "TINYTEXT", "MEDIUMTEXT", "LONGTEXT":
                return of(my ? name.toLowerCase(Locale.ROOT) : "text");
            case "Integer", "INTEGER", "INT":
                return of("integer");
            case "BigInteger", "BIGINT":
                return of("bigint");
            case "SmallInteger", "SMALLINT":
                return of("smallint");
            case "TINYINT", "MEDIUMINT":
                return of(my ? name.toLowerCase(Locale.ROOT) : "smallint", my ? intArg(call, 0, "display_width") : List.of());
            case "Numeric", "NUMERIC", "DECIMAL":
                return of("numeric", args(intArg(call, 0, "precision"), intArg(call, 1, "scale")));
            case "Float", "FLOAT": {
                List<String> p = intArg(call, 0, "precision");
                boolean single = my || d == Dialect.SQLITE || (!p.isEmpty() && Integer.parseInt(p.get(0)) <= 24);
                return of(single ? "real" : "double precision");
            }
            case "Double", "DOUBLE", "DOUBLE_PRECISION":
                return of("double precision");
            case "REAL":
                return of("real");
            case "Boolean", "BOOLEAN", "BOOL":
                return of("boolean");
            case "DateTime", "DATETIME": {
                if (pg) return of(timezone(call) ? "timestamptz" : "timestamp", intArg(call, -1, "precision"));
                return of("datetime", intArg(call, -1, "fsp"));
            }
            case "TIMESTAMP":
                if (pg) return of(timezone(call) ? "timestamptz" : "timestamp", intArg(call, -1, "precision"));
                return of("timestamp", intArg(call, -1, "fsp"));
            case "Date", "DATE":
                return of("date");
            case "Time", "TIME":
                return of(pg && timezone(call) ? "timetz" : "time");
            case "Interval", "INTERVAL":
                return of(pg ? "interval" : "datetime");
            case "JSON":
                return of("json");
            case "JSONB":
                return of(pg ? "jsonb" : "json");
            case "Uuid", "UUID", "UUIDType", "GUID":
                return of(pg ? "uuid" : "char", pg ? List.of() : List.of("32"));
            case "LargeBinary", "BLOB", "BYTEA", "PickleType":
                return of(pg ? "bytea" : "blob");
            case "LONGBLOB", "MEDIUMBLOB", "TINYBLOB":
                return of(my ? name.toLowerCase(Locale.ROOT) : pg ? "bytea" : "blob");
            case "BINARY", "VARBINARY":
                return of(pg ? "bytea" : name.toLowerCase(Locale.ROOT), pg ? List.of() : intArg(call, 0, "length"));
            case "ARRAY": {
                if (call == null || call.args().isEmpty()) return new Mapped(new SqlType("text", List.of(), true, null), null);
                SqlType item = map(call.args().get(0), dialect, resolve).type();
                return new Mapped(new SqlType(item.name(), item.args(), true, null), null);
            }
            case "Enum", "ENUM":
                return enumType(call, d, resolve);
            default:
                return of(name.toLowerCase(Locale.ROOT), intArg(call, 0, "length"));
        }
    }

    private static Mapped enumType(PyNode.Call call, Dialect d, UnaryOperator<PyNode> resolve) {
        List<String> values = new ArrayList<>();
        boolean valuesKnown = call != null && call.starArgs().isEmpty();
        String pyEnumClass = null;
        if (call != null) {
            for (PyNode a : call.args()) {
                Optional<String> v = PyNodes.str(resolve.apply(a));
                if (v.isPresent()) values.add(v.get());
                else {
                    valuesKnown = false;
                    if (a instanceof PyNode.Name nm) pyEnumClass = nm.id();
                }
            }
        }
        String typeName = call == null ? null : call.kw("name").map(resolve).flatMap(PyNodes::str).orElse(null);
        if (typeName == null && pyEnumClass != null) typeName = pyEnumClass.toLowerCase(Locale.ROOT);
        boolean native_ = call == null || call.kw("native_enum").flatMap(PyNodes::bool).orElse(true);
        boolean createType = call == null || call.kw("create_type").flatMap(PyNodes::bool).orElse(true);
        if (d == Dialect.POSTGRESQL && native_) {
            String n = typeName == null ? "enum" : typeName;
            Operation.CreateEnum create = typeName != null && createType ? new Operation.CreateEnum(n, valuesKnown ? values : List.of()) : null;
            return new Mapped(new SqlType(n, List.of(), false, null), create);
        }
        if (d.isMysqlFamily() && native_) {
            return new Mapped(new SqlType("enum", valuesKnown ? values.stream().map(SqlAlchemyExpr::quote).toList() : List.of(), false, null), null);
        }
        int len = values.stream().mapToInt(String::length).max().orElse(0);
        return of("varchar", valuesKnown && len > 0 ? List.of(String.valueOf(len)) : List.of());
    }

    private static boolean isTypeName(String s) {
        return !s.isEmpty() && Character.isUpperCase(s.charAt(0));
    }

    static boolean dialectMatches(String saName, Dialect d) {
        if (d == null) return false;
        String n = saName.toLowerCase(Locale.ROOT);
        return switch (d) {
            case POSTGRESQL -> n.equals("postgresql") || n.equals("postgres");
            case MYSQL -> n.equals("mysql");
            case MARIADB -> n.equals("mariadb") || n.equals("mysql");
            case SQLITE -> n.equals("sqlite");
            case MSSQL -> n.equals("mssql");
        };
    }

    private static boolean timezone(PyNode.Call call) {
        return call != null && call.arg(0, "timezone").flatMap(PyNodes::bool).orElse(false);
    }

    /** An integer argument (positional {@code idx}, or keyword) as a one-element list, or empty. */
    private static List<String> intArg(PyNode.Call call, int idx, String kw) {
        if (call == null) return List.of();
        Optional<PyNode> a = idx < 0 ? call.kw(kw) : call.arg(idx, kw);
        return a.flatMap(PyNodes::integer).map(v -> List.of(String.valueOf(v))).orElse(List.of());
    }

    private static List<String> args(List<String> a, List<String> b) {
        if (a.isEmpty()) return List.of();
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }

    private static Mapped of(String name) {
        return of(name, List.of());
    }

    private static Mapped of(String name, List<String> args) {
        return new Mapped(new SqlType(name, args, false, null), null);
    }
}

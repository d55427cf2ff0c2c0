package dev.dbmigrate.db.catalog;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.EnumType;
import dev.dbmigrate.schema.Expressions;
import dev.dbmigrate.schema.Schema;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** PostgreSQL catalog reader (pg_catalog). */
final class PostgresCatalog {

    private static final String TABLES = """
            SELECT c.oid, n.nspname, c.relname, obj_description(c.oid, 'pg_class') AS comment
              FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
             WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition AND n.nspname = ANY (?)
             ORDER BY array_position(?::text[], n.nspname::text), c.relname
            """;

    private static final String COLUMNS = """
            SELECT a.attrelid, a.attname, format_type(a.atttypid, a.atttypmod) AS type, a.attnotnull,
                   pg_get_expr(d.adbin, d.adrelid) AS dflt, a.attidentity, %s AS attgenerated,
                   col_description(a.attrelid, a.attnum) AS comment,
                   pg_get_serial_sequence(quote_ident(n.nspname) || '.' || quote_ident(c.relname), a.attname) AS serial_seq,
                   CASE WHEN a.attcollation <> t.typcollation AND a.attcollation <> 0 THEN co.collname END AS collation
              FROM pg_attribute a
              JOIN pg_class c ON c.oid = a.attrelid
              JOIN pg_namespace n ON n.oid = c.relnamespace
              JOIN pg_type t ON t.oid = a.atttypid
              LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
              LEFT JOIN pg_collation co ON co.oid = a.attcollation
             WHERE a.attrelid = ANY (?) AND a.attnum > 0 AND NOT a.attisdropped
             ORDER BY a.attrelid, a.attnum
            """;

    private static final String CONSTRAINTS = """
            SELECT k.conrelid, k.conname, k.contype, k.convalidated, k.condeferrable, k.confupdtype, k.confdeltype,
                   pg_get_constraintdef(k.oid, true) AS def, fn.nspname AS ref_schema, fc.relname AS ref_table,
                   ARRAY(SELECT a.attname::text FROM unnest(k.conkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = u.n ORDER BY u.o) AS cols,
                   ARRAY(SELECT a.attname::text FROM unnest(k.confkey) WITH ORDINALITY u(n, o)
                           JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = u.n ORDER BY u.o) AS refcols
              FROM pg_constraint k
              LEFT JOIN pg_class fc ON fc.oid = k.confrelid
              LEFT JOIN pg_namespace fn ON fn.oid = fc.relnamespace
             WHERE k.conrelid = ANY (?) AND k.contype IN ('p', 'u', 'f', 'c', 'x')
             ORDER BY k.conrelid, k.conname
            """;

    private static final String INDEXES = """
            SELECT i.indrelid, i.indexrelid, ic.relname AS name, i.indisunique, am.amname,
                   pg_get_expr(i.indpred, i.indrelid, true) AS pred, i.indnkeyatts, i.indoption::int2[] AS opts,
                   ARRAY(SELECT pg_get_indexdef(i.indexrelid, k, true) FROM generate_series(1, i.indnatts) k ORDER BY k) AS cols
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_am am ON am.oid = ic.relam
             WHERE i.indrelid = ANY (?)
               AND NOT EXISTS (SELECT 1 FROM pg_constraint k
                                WHERE k.conrelid = i.indrelid AND k.conindid = i.indexrelid AND k.contype IN ('p', 'u', 'x'))
             ORDER BY i.indrelid, ic.relname
            """;

    private static final String ENUMS = """
            SELECT n.nspname, t.typname, array_agg(e.enumlabel::text ORDER BY e.enumsortorder) AS labels
              FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid JOIN pg_namespace n ON n.oid = t.typnamespace
             WHERE n.nspname = ANY (?)
             GROUP BY n.nspname, t.typname
             ORDER BY n.nspname, t.typname
            """;

    private final Connection c;
    private final CatalogReader.Options options;
    private List<String> schemas;
    private String primary;
    private final Map<Long, TableRef> tables = new LinkedHashMap<>();

    PostgresCatalog(Connection c, CatalogReader.Options options) {
        this.c = c;
        this.options = options;
    }

    Schema read() throws SQLException {
        schemas = options.schemas().isEmpty() ? List.of(currentSchema()) : options.schemas();
        primary = schemas.get(0);
        Schema schema = new Schema(Dialect.POSTGRESQL);
        Map<Long, String> comments = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement(TABLES)) {
            ps.setArray(1, textArray(schemas));
            ps.setArray(2, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String name = rs.getString("relname");
                    if (options.excluded(name)) continue;
                    long oid = rs.getLong("oid");
                    tables.put(oid, ref(rs.getString("nspname"), name));
                    comments.put(oid, rs.getString("comment"));
                }
            }
        }
        if (!tables.isEmpty()) {
            Map<Long, List<ColumnDef>> columns = columns();
            for (Map.Entry<Long, TableRef> t : tables.entrySet()) {
                schema.putTable(t.getValue(), columns.getOrDefault(t.getKey(), List.of()), comments.get(t.getKey()));
            }
            constraints(schema);
            indexes(schema);
        }
        enums(schema);
        return schema;
    }

    private String currentSchema() throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT current_schema()")) {
            rs.next();
            String s = rs.getString(1);
            return s == null ? "public" : s;
        }
    }

    private TableRef ref(String schema, String name) {
        return new TableRef(schema.equals(primary) ? null : schema, name);
    }

    private Array textArray(List<String> values) throws SQLException {
        return c.createArrayOf("text", values.toArray());
    }

    private Array oidArray() throws SQLException {
        return c.createArrayOf("oid", tables.keySet().toArray());
    }

    private Map<Long, List<ColumnDef>> columns() throws SQLException {
        boolean hasGenerated = c.getMetaData().getDatabaseMajorVersion() >= 12;
        Map<Long, List<ColumnDef>> out = new TreeMap<>();
        try (PreparedStatement ps = c.prepareStatement(String.format(COLUMNS, hasGenerated ? "a.attgenerated" : "''"))) {
            ps.setArray(1, oidArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.computeIfAbsent(rs.getLong("attrelid"), k -> new ArrayList<>()).add(column(rs));
                }
            }
        }
        return out;
    }

    private ColumnDef column(ResultSet rs) throws SQLException {
        SqlType type = CatalogTypes.postgres(rs.getString("type"), primary);
        String dflt = simplify(rs.getString("dflt"));
        String identity = rs.getString("attidentity");
        String generatedKind = rs.getString("attgenerated");
        ColumnDef.Generated generated = null;
        if (identity != null && !identity.isBlank()) {
            generated = new ColumnDef.Generated(true, identity.equals("a"), null, false);
        } else if (generatedKind != null && generatedKind.equals("s")) {
            generated = new ColumnDef.Generated(false, true, unwrap(dflt), true);
            dflt = null;
        } else if (rs.getString("serial_seq") != null && dflt != null && dflt.startsWith("nextval(")) {
            // a serial column: the sequence it owns is what "serial" means
            String serial = switch (type.name()) {
                case "smallint" -> "smallserial";
                case "bigint" -> "bigserial";
                default -> "serial";
            };
            type = new SqlType(serial, List.of(), false, serial);
            dflt = null;
        }
        return new ColumnDef(rs.getString("attname"), type, rs.getBoolean("attnotnull"), dflt, false, false, null, generated, null,
                false, rs.getString("collation"), rs.getString("comment"));
    }

    private void constraints(Schema schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(CONSTRAINTS)) {
            ps.setArray(1, oidArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableRef t = tables.get(rs.getLong("conrelid"));
                    List<String> cols = strings(rs.getArray("cols"));
                    String def = rs.getString("def");
                    String name = rs.getString("conname");
                    boolean notValid = !rs.getBoolean("convalidated");
                    boolean deferrable = rs.getBoolean("condeferrable");
                    ConstraintDef cd = switch (rs.getString("contype")) {
                        case "p" -> new ConstraintDef(name, ConstraintDef.Kind.PRIMARY_KEY, cols, null, null, null, null, null, false, null, deferrable);
                        case "u" -> new ConstraintDef(name, ConstraintDef.Kind.UNIQUE, cols, null, null, null, null, null, false, null, deferrable);
                        case "f" -> new ConstraintDef(name, ConstraintDef.Kind.FOREIGN_KEY, cols, ref(rs.getString("ref_schema"), rs.getString("ref_table")),
                                strings(rs.getArray("refcols")), action(rs.getString("confdeltype")), action(rs.getString("confupdtype")), null, notValid, null, deferrable);
                        case "c" -> new ConstraintDef(name, ConstraintDef.Kind.CHECK, cols, null, null, null, null, checkExpression(def), notValid, null, false);
                        default -> new ConstraintDef(name, ConstraintDef.Kind.EXCLUDE, cols, null, null, null, null, def.replaceFirst("^EXCLUDE\\s+", ""), false, null, deferrable);
                    };
                    schema.putConstraint(t, cd);
                }
            }
        }
    }

    /** "CHECK ((price > 0)) NOT VALID" -> "price > 0". */
    static String checkExpression(String def) {
        String s = def.trim();
        if (s.startsWith("CHECK ")) s = s.substring(6).trim();
        s = s.replaceFirst("\\s+NOT VALID$", "").replaceFirst("\\s+NO INHERIT$", "");
        return unwrap(simplify(s));
    }

    /** PostgreSQL's deparsed expression without the casts it adds and with IN for = ANY (ARRAY[...]): {@link Expressions#withoutCasts}. */
    static String simplify(String expr) {
        return Expressions.withoutCasts(expr);
    }

    /** Drops one pair of parentheses around a whole expression. */
    static String unwrap(String expr) {
        if (expr == null) return null;
        String s = expr.trim();
        if (s.startsWith("(") && s.endsWith(")") && SqlText.parenthesised(s, 0).length() == s.length() - 2) {
            return s.substring(1, s.length() - 1).trim();
        }
        return s;
    }

    /** pg_constraint action codes; NO ACTION (the default) is null, as when a migration does not say. */
    private static String action(String code) {
        if (code == null) return null;
        return switch (code) {
            case "r" -> "RESTRICT";
            case "c" -> "CASCADE";
            case "n" -> "SET NULL";
            case "d" -> "SET DEFAULT";
            default -> null;
        };
    }

    private void indexes(Schema schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(INDEXES)) {
            ps.setArray(1, oidArray());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    TableRef t = tables.get(rs.getLong("indrelid"));
                    List<String> all = strings(rs.getArray("cols"));
                    int keys = rs.getInt("indnkeyatts");
                    Object[] optsRaw = rs.getArray("opts") == null ? new Object[0] : (Object[]) rs.getArray("opts").getArray();
                    List<String> cols = new ArrayList<>();
                    all = all.stream().map(PostgresCatalog::simplify).toList();
                    for (int k = 0; k < Math.min(keys, all.size()); k++) {
                        int opt = k < optsRaw.length && optsRaw[k] != null ? ((Number) optsRaw[k]).intValue() : 0;
                        boolean desc = (opt & 1) != 0;
                        boolean nullsFirst = (opt & 2) != 0;
                        String col = all.get(k) + (desc ? " DESC" : "");
                        if (desc && !nullsFirst) col += " NULLS LAST";
                        if (!desc && nullsFirst) col += " NULLS FIRST";
                        cols.add(col);
                    }
                    List<String> include = all.size() > keys ? all.subList(keys, all.size()) : List.of();
                    String method = rs.getString("amname");
                    schema.putIndex(new IndexDef(rs.getString("name"), t, cols, rs.getBoolean("indisunique"),
                            "btree".equals(method) ? null : method, simplify(rs.getString("pred")), include));
                }
            }
        }
    }

    private void enums(Schema schema) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(ENUMS)) {
            ps.setArray(1, textArray(schemas));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String ns = rs.getString("nspname");
                    String name = ns.equals(primary) ? rs.getString("typname") : ns + "." + rs.getString("typname");
                    schema.putEnum(new EnumType(name, strings(rs.getArray("labels"))));
                }
            }
        }
    }

    private static List<String> strings(Array a) throws SQLException {
        if (a == null) return List.of();
        Object[] values = (Object[]) a.getArray();
        return Arrays.stream(values).map(String::valueOf).toList();
    }
}

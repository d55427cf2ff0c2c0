package dev.dbmigrate.db.catalog;

import dev.dbmigrate.db.Row;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * MySQL / MariaDB catalog reader (information_schema of the current database). Unique keys are
 * read as unique indexes (MySQL does not tell a UNIQUE constraint from a unique index); RESTRICT
 * and NO ACTION, identical in InnoDB, both read as the default (null). MariaDB's JSON columns are
 * LONGTEXT with a {@code json_valid} check: they read back as {@code json}.
 */
final class MysqlCatalog {

    private static final Set<String> NUMERIC = Set.of("tinyint", "smallint", "mediumint", "int", "integer", "bigint", "decimal", "numeric",
            "float", "double", "real", "bit", "boolean", "bool", "year");
    private static final Pattern JSON_VALID = Pattern.compile("(?i)^\\s*json_valid\\s*\\(\\s*`?([^`)]+)`?\\s*\\)\\s*$");

    private final Connection c;
    private final Dialect dialect;
    private final CatalogReader.Options options;
    private String database;
    private boolean mariadb;
    private final Map<String, TableRef> tables = new LinkedHashMap<>();

    MysqlCatalog(Connection c, Dialect dialect, CatalogReader.Options options) {
        this.c = c;
        this.dialect = dialect;
        this.options = options;
    }

    Schema read() throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery("SELECT DATABASE(), VERSION()")) {
            rs.next();
            database = rs.getString(1);
            mariadb = rs.getString(2).toLowerCase(Locale.ROOT).contains("mariadb");
        }
        if (database == null) throw new SQLException("no database selected: add the database name to the URL");
        Schema schema = new Schema(mariadb ? Dialect.MARIADB : dialect);
        Map<String, String> comments = new LinkedHashMap<>();
        for (Row r : rows("SELECT TABLE_NAME, TABLE_COMMENT FROM information_schema.TABLES WHERE TABLE_SCHEMA = ? AND TABLE_TYPE = 'BASE TABLE' ORDER BY TABLE_NAME")) {
            String name = r.str("table_name");
            if (options.excluded(name)) continue;
            tables.put(key(name), TableRef.of(name));
            String comment = r.str("table_comment");
            comments.put(key(name), comment == null || comment.isEmpty() ? null : comment);
        }
        Map<String, List<String[]>> checks = checks();
        Map<String, List<ColumnDef>> columns = columns(checks);
        for (Map.Entry<String, TableRef> t : tables.entrySet()) {
            schema.putTable(t.getValue(), columns.getOrDefault(t.getKey(), List.of()), comments.get(t.getKey()));
        }
        keys(schema, checks);
        indexes(schema);
        return schema;
    }

    private String key(String table) {
        return table.toLowerCase(Locale.ROOT);
    }

    private List<Row> rows(String sql) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, database);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Row(rs));
            }
        }
        return out;
    }

    /** table key -> [name, clause] of its CHECK constraints. */
    private Map<String, List<String[]>> checks() throws SQLException {
        Map<String, String> tableOf = new HashMap<>();
        for (Row r : rows("SELECT TABLE_NAME, CONSTRAINT_NAME FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? AND CONSTRAINT_TYPE = 'CHECK'")) {
            tableOf.putIfAbsent(r.str("constraint_name"), r.str("table_name"));
        }
        Map<String, List<String[]>> out = new HashMap<>();
        List<Row> clauses;
        try {
            clauses = rows("SELECT * FROM information_schema.CHECK_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?");
        } catch (SQLException e) {
            return out; // MySQL before 8.0.16 has no CHECK constraints
        }
        for (Row r : clauses) {
            String table = r.has("table_name") ? r.str("table_name") : tableOf.get(r.str("constraint_name"));
            if (table == null || !tables.containsKey(key(table))) continue;
            out.computeIfAbsent(key(table), k -> new ArrayList<>()).add(new String[] {r.str("constraint_name"), r.str("check_clause")});
        }
        return out;
    }

    private Map<String, List<ColumnDef>> columns(Map<String, List<String[]>> checks) throws SQLException {
        Map<String, List<ColumnDef>> out = new HashMap<>();
        for (Row r : rows("SELECT * FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, ORDINAL_POSITION")) {
            String table = key(r.str("table_name"));
            if (!tables.containsKey(table)) continue;
            String name = r.str("column_name");
            SqlType type = CatalogTypes.mysql(r.str("column_type"));
            if (mariadb && type.name().equals("longtext") && removeJsonCheck(checks.get(table), name)) {
                type = new SqlType("json", List.of(), false, "json");
            }
            String extra = r.str("extra") == null ? "" : r.str("extra").toLowerCase(Locale.ROOT);
            String generation = r.str("generation_expression");
            ColumnDef.Generated generated = null;
            String dflt = defaultOf(r, extra);
            if (generation != null && !generation.isBlank() && extra.contains("generated")) {
                generated = new ColumnDef.Generated(false, true, generation, extra.contains("stored") || extra.contains("persistent"));
                dflt = null;
            }
            String comment = r.str("column_comment");
            out.computeIfAbsent(table, k -> new ArrayList<>()).add(new ColumnDef(name, type, "NO".equals(r.str("is_nullable")), dflt,
                    false, false, null, generated, null, extra.contains("auto_increment"), null, comment == null || comment.isEmpty() ? null : comment));
        }
        return out;
    }

    private static boolean removeJsonCheck(List<String[]> checks, String column) {
        if (checks == null) return false;
        for (String[] ch : checks) {
            Matcher m = JSON_VALID.matcher(ch[1] == null ? "" : ch[1]);
            if (m.matches() && m.group(1).equalsIgnoreCase(column)) {
                checks.remove(ch);
                return true;
            }
        }
        return false;
    }

    /**
     * COLUMN_DEFAULT as SQL: MariaDB already writes literals quoted and NULL as "NULL"; MySQL writes
     * string literals bare (DEFAULT_GENERATED marks expressions).
     */
    private String defaultOf(Row r, String extra) throws SQLException {
        String d = r.str("column_default");
        if (d == null) return null;
        if (mariadb) return d.equalsIgnoreCase("null") ? null : d;
        if (extra.contains("default_generated") || NUMERIC.contains(String.valueOf(r.str("data_type")).toLowerCase(Locale.ROOT))) return d;
        return "'" + d.replace("'", "''") + "'";
    }

    private void keys(Schema schema, Map<String, List<String[]>> checks) throws SQLException {
        Map<String, String[]> rules = new HashMap<>();
        for (Row r : rows("SELECT CONSTRAINT_NAME, TABLE_NAME, UPDATE_RULE, DELETE_RULE FROM information_schema.REFERENTIAL_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ?")) {
            rules.put(key(r.str("table_name")) + "." + r.str("constraint_name"), new String[] {r.str("update_rule"), r.str("delete_rule")});
        }
        // constraint -> columns (and referenced table / columns), in order
        Map<String, List<Row>> usage = new LinkedHashMap<>();
        for (Row r : rows("SELECT * FROM information_schema.KEY_COLUMN_USAGE WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME, ORDINAL_POSITION")) {
            usage.computeIfAbsent(key(r.str("table_name")) + "." + r.str("constraint_name"), k -> new ArrayList<>()).add(r);
        }
        for (Row r : rows("SELECT TABLE_NAME, CONSTRAINT_NAME, CONSTRAINT_TYPE FROM information_schema.TABLE_CONSTRAINTS WHERE CONSTRAINT_SCHEMA = ? ORDER BY TABLE_NAME, CONSTRAINT_NAME")) {
            String table = key(r.str("table_name"));
            if (!tables.containsKey(table)) continue;
            String name = r.str("constraint_name");
            List<Row> cols = usage.getOrDefault(table + "." + name, List.of());
            List<String> columns = new ArrayList<>();
            for (Row u : cols) columns.add(u.str("column_name"));
            switch (r.str("constraint_type")) {
                case "PRIMARY KEY" -> schema.putConstraint(tables.get(table), ConstraintDef.primaryKey("PRIMARY", columns));
                case "FOREIGN KEY" -> {
                    Row first = cols.isEmpty() ? null : cols.get(0);
                    String refSchema = first == null ? null : first.str("referenced_table_schema");
                    TableRef refTable = first == null ? null
                            : new TableRef(refSchema == null || refSchema.equalsIgnoreCase(database) ? null : refSchema, first.str("referenced_table_name"));
                    List<String> refCols = new ArrayList<>();
                    for (Row u : cols) refCols.add(u.str("referenced_column_name"));
                    String[] rule = rules.getOrDefault(table + "." + name, new String[] {null, null});
                    schema.putConstraint(tables.get(table), ConstraintDef.foreignKey(name, columns, refTable, refCols, action(rule[1]), action(rule[0])));
                }
                default -> { } // UNIQUE comes with the indexes; CHECK below
            }
        }
        for (Map.Entry<String, List<String[]>> e : checks.entrySet()) {
            for (String[] ch : e.getValue()) {
                schema.putConstraint(tables.get(e.getKey()), ConstraintDef.check(ch[0], ch[1]));
            }
        }
    }

    /** InnoDB treats RESTRICT and NO ACTION alike: both read as the default. */
    static String action(String rule) {
        if (rule == null) return null;
        String r = rule.trim().toUpperCase(Locale.ROOT);
        return r.equals("RESTRICT") || r.equals("NO ACTION") ? null : r;
    }

    private void indexes(Schema schema) throws SQLException {
        Map<String, List<Row>> byIndex = new LinkedHashMap<>();
        for (Row r : rows("SELECT * FROM information_schema.STATISTICS WHERE TABLE_SCHEMA = ? ORDER BY TABLE_NAME, INDEX_NAME, SEQ_IN_INDEX")) {
            String table = key(r.str("table_name"));
            if (!tables.containsKey(table) || "PRIMARY".equals(r.str("index_name"))) continue;
            byIndex.computeIfAbsent(table + "\u0000" + r.str("index_name"), k -> new ArrayList<>()).add(r);
        }
        Set<String> seen = new HashSet<>();
        for (Map.Entry<String, List<Row>> e : byIndex.entrySet()) {
            Row first = e.getValue().get(0);
            String table = key(first.str("table_name"));
            if (!seen.add(e.getKey())) continue;
            List<String> cols = new ArrayList<>();
            for (Row r : e.getValue()) {
                String col = r.str("column_name");
                if (col == null && r.has("expression")) col = r.str("expression");
                if (r.str("sub_part") != null) col += "(" + r.str("sub_part") + ")";
                if ("D".equals(r.str("collation"))) col += " DESC";
                cols.add(col);
            }
            String type = first.str("index_type") == null ? "BTREE" : first.str("index_type").toUpperCase(Locale.ROOT);
            String method = type.equals("BTREE") ? null : type.toLowerCase(Locale.ROOT);
            schema.putIndex(new IndexDef(first.str("index_name"), tables.get(table), cols, "0".equals(first.str("non_unique")), method, null, List.of()));
        }
    }
}

package dev.dbmigrate.db.catalog;

import dev.dbmigrate.db.Row;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import dev.dbmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * SQLite catalog reader: sqlite_master plus the table-valued PRAGMAs (table_xinfo, index_list,
 * index_xinfo, foreign_key_list). SQLite keeps no names for most constraints and exposes CHECKs and
 * generated-column expressions only in the table's CREATE statement, which is scanned for them.
 * Unnamed constraints get the names the replayed schema gives them.
 */
final class SqliteCatalog {

    private static final Pattern CONSTRAINT_NAME = Pattern.compile("(?is)^\\s*CONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\[[^]]+]|\\S+)\\s+(.*)$");

    private final Connection c;
    private final CatalogReader.Options options;

    SqliteCatalog(Connection c, CatalogReader.Options options) {
        this.c = c;
        this.options = options;
    }

    Schema read() throws SQLException {
        Schema schema = new Schema(Dialect.SQLITE);
        Map<String, String> tables = new LinkedHashMap<>();
        try (var st = c.createStatement(); var rs = st.executeQuery(
                "SELECT name, sql FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' ORDER BY name")) {
            while (rs.next()) {
                if (!options.excluded(rs.getString(1))) tables.put(rs.getString(1), rs.getString(2));
            }
        }
        for (Map.Entry<String, String> t : tables.entrySet()) readTable(schema, t.getKey(), t.getValue());
        return schema;
    }

    private List<Row> pragma(String function, String arg) throws SQLException {
        List<Row> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + function + "(?)")) {
            ps.setString(1, arg);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(new Row(rs));
            }
        }
        return out;
    }

    private void readTable(Schema schema, String table, String sql) throws SQLException {
        TableRef ref = TableRef.of(table);
        List<String> elements = SqlText.elements(sql);
        List<ColumnDef> columns = new ArrayList<>();
        TreeMap<Long, String> pk = new TreeMap<>();
        for (Row r : pragma("pragma_table_xinfo", table)) {
            long hidden = r.lng("hidden") == null ? 0 : r.lng("hidden");
            if (hidden == 1) continue;
            String name = r.str("name");
            long pkPos = r.lng("pk") == null ? 0 : r.lng("pk");
            if (pkPos > 0) pk.put(pkPos, name);
            ColumnDef.Generated generated = null;
            if (hidden == 2 || hidden == 3) generated = new ColumnDef.Generated(false, true, generatedExpression(elements, name), hidden == 3);
            boolean autoIncrement = pkPos > 0 && sql != null && sql.toUpperCase(Locale.ROOT).contains("AUTOINCREMENT");
            columns.add(new ColumnDef(name, CatalogTypes.sqlite(r.str("type")), Boolean.TRUE.equals(r.bool("notnull")) || pkPos > 0,
                    r.str("dflt_value"), false, false, null, generated, null, autoIncrement, null, null));
        }
        schema.putTable(ref, columns, null);
        if (!pk.isEmpty()) schema.putConstraint(ref, ConstraintDef.primaryKey(null, List.copyOf(pk.values())));
        checks(schema, ref, elements);
        foreignKeys(schema, ref, table);
        indexes(schema, ref, table);
    }

    private static String generatedExpression(List<String> elements, String column) {
        for (String e : elements) {
            List<String> words = SqlText.words(e);
            if (words.isEmpty() || !Identifiers.normalize(Dialect.SQLITE, words.get(0)).equalsIgnoreCase(column)) continue;
            Matcher m = Pattern.compile("(?is)\\bAS\\s*\\(").matcher(SqlText.mask(e));
            if (m.find()) return SqlText.parenthesised(e, m.end() - 1);
        }
        return null;
    }

    /** CHECK constraints from the CREATE TABLE text: table-level ones, and column-level ones tied to their column. */
    private static void checks(Schema schema, TableRef ref, List<String> elements) {
        for (String e : elements) {
            String name = null;
            String body = e;
            Matcher cn = CONSTRAINT_NAME.matcher(e);
            if (cn.matches()) {
                name = Identifiers.normalize(Dialect.SQLITE, cn.group(1));
                body = cn.group(2);
            }
            String masked = SqlText.mask(body);
            String upper = masked.trim().toUpperCase(Locale.ROOT);
            boolean tableLevel = cn.matches() || upper.startsWith("CHECK") || upper.startsWith("PRIMARY") || upper.startsWith("UNIQUE") || upper.startsWith("FOREIGN");
            String column = tableLevel ? null : Identifiers.normalize(Dialect.SQLITE, SqlText.words(e).get(0));
            Matcher m = Pattern.compile("(?i)\\bCHECK\\s*\\(").matcher(masked);
            while (m.find()) {
                String expr = SqlText.parenthesised(body, m.end() - 1);
                // a column-level check may carry its own CONSTRAINT name just before it
                String n = name;
                if (!tableLevel) {
                    Matcher own = Pattern.compile("(?i)\\bCONSTRAINT\\s+(\"[^\"]+\"|`[^`]+`|\\S+)\\s+$").matcher(body.substring(0, m.start()));
                    n = own.find() ? Identifiers.normalize(Dialect.SQLITE, own.group(1)) : null;
                }
                schema.putConstraint(ref, new ConstraintDef(n, ConstraintDef.Kind.CHECK, column == null ? List.of() : List.of(column),
                        null, null, null, null, expr, false, null, false));
            }
        }
    }

    private void foreignKeys(Schema schema, TableRef ref, String table) throws SQLException {
        Map<Long, List<Row>> byId = new TreeMap<>();
        for (Row r : pragma("pragma_foreign_key_list", table)) byId.computeIfAbsent(r.lng("id"), k -> new ArrayList<>()).add(r);
        for (List<Row> fk : byId.values()) {
            fk.sort((a, b) -> Long.compare(a.lng("seq"), b.lng("seq")));
            List<String> from = new ArrayList<>();
            List<String> to = new ArrayList<>();
            for (Row r : fk) {
                from.add(r.str("from"));
                if (r.str("to") != null) to.add(r.str("to"));
            }
            Row first = fk.get(0);
            schema.putConstraint(ref, ConstraintDef.foreignKey(null, from, TableRef.of(first.str("table")), to,
                    action(first.str("on_delete")), action(first.str("on_update"))));
        }
    }

    private static String action(String a) {
        return a == null || a.equalsIgnoreCase("NO ACTION") ? null : a.toUpperCase(Locale.ROOT);
    }

    private void indexes(Schema schema, TableRef ref, String table) throws SQLException {
        for (Row idx : pragma("pragma_index_list", table)) {
            String name = idx.str("name");
            String origin = idx.str("origin");
            if ("pk".equals(origin)) continue;
            List<Row> info = pragma("pragma_index_xinfo", name);
            info.removeIf(r -> !Boolean.TRUE.equals(r.bool("key")));
            info.sort((a, b) -> Long.compare(a.lng("seqno"), b.lng("seqno")));
            if ("u".equals(origin)) {
                schema.putConstraint(ref, ConstraintDef.unique(null, info.stream().map(r -> r.str("name")).toList()));
                continue;
            }
            String sql = indexSql(name);
            List<String> fromSql = sql == null ? List.of() : SqlText.indexColumns(sql);
            List<String> cols = new ArrayList<>();
            boolean expressions = info.stream().anyMatch(r -> r.str("name") == null);
            for (int i = 0; i < info.size(); i++) {
                Row r = info.get(i);
                if (expressions && i < fromSql.size()) cols.add(fromSql.get(i));
                else cols.add(r.str("name") + (Boolean.TRUE.equals(r.bool("desc")) ? " DESC" : ""));
            }
            String where = Boolean.TRUE.equals(idx.bool("partial")) && sql != null ? SqlText.indexWhere(sql) : null;
            schema.putIndex(new IndexDef(name, ref, cols, Boolean.TRUE.equals(idx.bool("unique")), null, where, List.of()));
        }
    }

    private String indexSql(String index) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT sql FROM sqlite_master WHERE type = 'index' AND name = ?")) {
            ps.setString(1, index);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }
}

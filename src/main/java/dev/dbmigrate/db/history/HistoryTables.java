package dev.dbmigrate.db.history;

import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.Tool;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The history table of each tool, and the entry point that finds and reads it. */
public final class HistoryTables {

    /** One line per tool. */
    private static final List<HistoryTable> ALL = List.of(
            new AlembicHistory(),
            new DbmateHistory(),
            new DieselHistory(),
            new DjangoHistory(),
            new DrizzleHistory(),
            new FlywayHistory(),
            new GolangMigrateHistory(),
            new GooseHistory(),
            new KnexHistory(),
            new LiquibaseHistory(),
            new PrismaHistory(),
            new RailsHistory(),
            new SequelizeHistory(),
            new SqlxHistory(),
            new TypeormHistory());

    private static final Map<Tool, HistoryTable> BY_TOOL = new EnumMap<>(Tool.class);

    static {
        for (HistoryTable t : ALL) BY_TOOL.put(t.tool(), t);
    }

    private HistoryTables() {}

    /** The tool's history table, or empty for tools without one (raw SQL folders). */
    public static Optional<HistoryTable> forTool(Tool tool) {
        return Optional.ofNullable(BY_TOOL.get(tool));
    }

    /**
     * Where to look: a schema and table names overriding the tool's defaults, as the project's own
     * configuration sets them (Flyway {@code table}/{@code defaultSchema}, Knex {@code tableName},
     * dbmate {@code DBMATE_MIGRATIONS_TABLE}...). Every part may be null (the tool's default).
     *
     * @param schema    the schema holding the history table
     * @param table     the history table
     * @param lockTable the tool's lock table when it is renamed too (Knex, Liquibase)
     * @param source    where the setting was read ("flyway.conf: flyway.table"), for messages
     */
    public record Location(String schema, String table, String lockTable, String source) {
        public static final Location DEFAULT = new Location(null, null, null, null);

        public Location(String schema, String table) {
            this(schema, table, null, null);
        }
    }

    /** The tables the tool keeps (left out of drift): its defaults and the names configured instead. */
    public static List<String> ownTables(HistoryTable table, Location where) {
        List<String> out = new ArrayList<>(table.ownTables());
        if (where.table() != null && !out.contains(where.table())) out.add(where.table());
        if (where.lockTable() != null && !out.contains(where.lockTable())) out.add(where.lockTable());
        return out;
    }

    /**
     * Finds and reads the tool's history table: in the configured schema, else the tool's default
     * schema, else the current schema, else the one other schema that has a table of that name.
     */
    public static AppliedState read(ReadOnlySession session, HistoryTable table, Location where) throws SQLException {
        String name = where.table() != null ? where.table() : table.defaultTable();
        String schema = where.schema() != null ? where.schema() : table.defaultSchema(session.dialect());
        if (schema == null) schema = session.url().schema();
        Optional<FoundTable> found = session.findTable(schema, name, true);
        if (found.isEmpty() && schema != null && where.schema() == null) found = session.findTable(null, name, true);
        if (found.isEmpty()) {
            String looked = schema != null ? schema + "." + name : name;
            return AppliedState.notFound(table.tool(), looked, table.semantics(),
                    "no " + looked + " table: nothing has been applied to this database by " + table.tool().id()
                            + (where.source() != null ? " (table set by " + where.source() + ")" : " (or it is configured to use another table or schema)"));
        }
        return table.read(session, found.get());
    }
}

package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.db.catalog.CatalogReader;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The scratch database's schema from its catalog ({@link CatalogReader}): on PostgreSQL every user schema, the current one first. */
public final class CatalogSnapshot implements SchemaSnapshot {

    private static final String SCHEMAS = """
            SELECT nspname FROM pg_namespace
             WHERE nspname NOT IN ('information_schema', 'pg_catalog', 'pg_toast') AND nspname NOT LIKE 'pg_temp%' AND nspname NOT LIKE 'pg_toast%'
             ORDER BY nspname <> current_schema(), nspname
            """;

    @Override
    public Schema read(Connection connection, Dialect dialect) throws SQLException {
        List<String> schemas = new ArrayList<>();
        if (dialect == Dialect.POSTGRESQL) {
            try (java.sql.Statement s = connection.createStatement(); ResultSet rs = s.executeQuery(SCHEMAS)) {
                while (rs.next()) schemas.add(rs.getString(1));
            }
        }
        return CatalogReader.read(connection, dialect, new CatalogReader.Options(schemas, Set.of()));
    }
}

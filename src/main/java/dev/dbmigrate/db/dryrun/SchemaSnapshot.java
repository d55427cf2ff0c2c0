package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.schema.Schema;
import java.sql.Connection;
import java.sql.SQLException;

/** Reads the schema of a scratch database (tables, columns, indexes, constraints, enums, comments). */
@FunctionalInterface
public interface SchemaSnapshot {

    Schema read(Connection connection, Dialect dialect) throws SQLException;
}

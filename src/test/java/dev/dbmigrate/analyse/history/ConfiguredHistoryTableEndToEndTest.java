package dev.dbmigrate.analyse.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import dev.dbmigrate.testing.TestDatabases;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Projects whose tool config renames the history table (and puts it in another schema): history and
 * drift read that table, on a real PostgreSQL, from what detection found in flyway.conf / knexfile.js.
 */
class ConfiguredHistoryTableEndToEndTest {

    @TempDir
    Path dir;

    /** A copy of a fixture of projects/detect/history-tables (so that nothing else is scanned around it). */
    Path project(String name) throws Exception {
        URL url = getClass().getResource("/projects/detect/history-tables/" + name);
        Path src = Path.of(url.toURI());
        Path out = dir.resolve(name);
        try (Stream<Path> files = Files.walk(src)) {
            for (Path p : files.toList()) {
                Path to = out.resolve(src.relativize(p).toString());
                if (Files.isDirectory(p)) Files.createDirectories(to);
                else Files.copy(p, to);
            }
        }
        return out;
    }

    static void exec(ScratchDb db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    @Test
    void flywayTableAndSchemaFromFlywayConf() throws Exception {
        Path p = project("flyway-conf");
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            // what real Flyway does with this project's flyway.conf (schemas=ledger,audit, table=ledger_schema_history)
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).schemas("ledger", "audit").table("ledger_schema_history")
                    .locations("filesystem:" + p.resolve("sql")).load().migrate();
            String url = db.jdbcUrl() + (db.jdbcUrl().contains("?") ? "&" : "?") + "currentSchema=ledger";

            HistoryResult h = new DbMigrateService().history(p, List.of("db=" + url), List.of());
            assertThat(h.environments()).singleElement().satisfies(e -> assertThat(e.error()).isNull());
            assertThat(h.migrations()).singleElement().satisfies(m -> assertThat(m.states()).extracting(HistoryResult.State::status)
                    .containsExactly(MigrationStatus.APPLIED));

            DriftResult d = new DbMigrateService().drift(p, url, null, List.of());
            assertThat(d.excludedTables()).contains("ledger_schema_history");
            assertThat(d.differences()).isEmpty();
            assertThat(d.notReplayed()).isEmpty();
        }
    }

    @Test
    void knexTableAndSchemaFromTheKnexfile() throws Exception {
        Path p = project("knex");
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            // knex's own tables under the configured names (migrations.tableName / schemaName)
            exec(db, """
                    CREATE SCHEMA ops;
                    CREATE TABLE ops.app_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);
                    CREATE TABLE ops.app_migrations_lock ("index" serial PRIMARY KEY, is_locked integer);
                    INSERT INTO ops.app_migrations (name, batch, migration_time) VALUES ('20240101000000_orders.js', 1, now());
                    """);
            HistoryResult h = new DbMigrateService().history(p, List.of("db=" + db.jdbcUrl()), List.of());
            assertThat(h.environments()).singleElement().satisfies(e -> assertThat(e.error()).isNull());
            assertThat(h.migrations()).singleElement().satisfies(m -> assertThat(m.states()).extracting(HistoryResult.State::status)
                    .containsExactly(MigrationStatus.APPLIED));
        }
    }

    @Test
    void theDefaultTableIsNotReadWhenTheConfigNamesAnother() throws Exception {
        Path p = project("knex");
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            exec(db, "CREATE TABLE knex_migrations (id serial PRIMARY KEY, name varchar(255), batch integer, migration_time timestamptz);"
                    + "INSERT INTO knex_migrations (name, batch, migration_time) VALUES ('20240101000000_orders.js', 1, now());");
            HistoryResult h = new DbMigrateService().history(p, List.of("db=" + db.jdbcUrl()), List.of());
            assertThat(h.migrations()).singleElement().satisfies(m -> assertThat(m.states()).extracting(HistoryResult.State::status)
                    .containsExactly(MigrationStatus.PENDING));
            assertThat(String.join("\n", h.notes()) + h.environments()).contains("ops.app_migrations", "knexfile.js: migrations.tableName=app_migrations");
        }
    }
}

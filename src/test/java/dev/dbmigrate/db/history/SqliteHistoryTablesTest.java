package dev.dbmigrate.db.history;

import static dev.dbmigrate.analyse.history.MigrationStatus.APPLIED;
import static dev.dbmigrate.analyse.history.MigrationStatus.FAILED;
import static dev.dbmigrate.analyse.history.MigrationStatus.MODIFIED;
import static dev.dbmigrate.analyse.history.MigrationStatus.PENDING;
import static dev.dbmigrate.db.history.HistoryDbFixture.merge;
import static dev.dbmigrate.db.history.HistoryDbFixture.read;
import static dev.dbmigrate.db.history.HistoryDbFixture.statuses;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.history.HistoryAnalyzer;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History tables as the tools create them in SQLite files (types and date formats differ from PostgreSQL). */
class SqliteHistoryTablesTest {

    @TempDir
    Path dir;

    private String sqlite(String name, String... sql) throws Exception {
        Path file = dir.resolve(name);
        HistoryDbFixture.exec("jdbc:sqlite:" + file, null, null, sql);
        return "sqlite:" + file;
    }

    @Test
    void gooseOnSqlite() throws Exception {
        String url = sqlite("goose.db",
                "CREATE TABLE goose_db_version (id INTEGER PRIMARY KEY AUTOINCREMENT, version_id INTEGER NOT NULL, is_applied INTEGER NOT NULL, tstamp TIMESTAMP DEFAULT (datetime('now')))",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, 1, '2024-04-01 10:00:00')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (20240401100000, 1, '2024-04-01 10:00:01')");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.GOOSE, "20240401100000", "20240401100000", TestMigrations.write(dir.resolve("m/20240401100000_users.sql"), "-- +goose Up\n")),
                TestMigrations.of(Tool.GOOSE, "20240402100000", "20240402100000", TestMigrations.write(dir.resolve("m/20240402100000_posts.sql"), "-- +goose Up\n")));
        HistoryAnalyzer.Merge r = merge(read(url, Tool.GOOSE), files);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-04-01 10:00:01");
    }

    @Test
    void knexOnSqliteStoresEpochMillis() throws Exception {
        String url = sqlite("knex.db",
                "create table `knex_migrations` (`id` integer not null primary key autoincrement, `name` varchar(255), `batch` integer, `migration_time` datetime)",
                "create table `knex_migrations_lock` (`index` integer not null primary key autoincrement, `is_locked` integer)",
                "insert into knex_migrations_lock (is_locked) values (0)",
                "insert into knex_migrations (name, batch, migration_time) values ('20240301_init.js', 1, 1709287200000)");
        AppliedState state = read(url, Tool.KNEX);
        assertThat(state.notes()).isEmpty();
        HistoryAnalyzer.Merge r = merge(state, List.of(TestMigrations.of(Tool.KNEX, "20240301_init.js", null, TestMigrations.write(dir.resolve("migrations/20240301_init.js"), "x"))));
        assertThat(statuses(r)).containsExactly(APPLIED);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-03-01T10:00:00Z");
    }

    @Test
    void sqlxBlobChecksumAndPrismaDatetimeOnSqlite() throws Exception {
        Path a = TestMigrations.write(dir.resolve("migrations/1_init.sql"), "CREATE TABLE t (id integer primary key);\n");
        Path b = TestMigrations.write(dir.resolve("migrations/2_more.sql"), "CREATE TABLE u (id integer primary key);\n");
        String url = sqlite("sqlx.db",
                "CREATE TABLE IF NOT EXISTS _sqlx_migrations (version BIGINT PRIMARY KEY, description TEXT NOT NULL, installed_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP, success BOOLEAN NOT NULL, checksum BLOB NOT NULL, execution_time BIGINT NOT NULL)",
                "INSERT INTO _sqlx_migrations VALUES (1, 'init', '2024-05-01 12:00:00', 1, X'" + Checksums.sha384Hex(Files.readAllBytes(a)) + "', 1000)",
                "INSERT INTO _sqlx_migrations VALUES (2, 'more', '2024-05-02 12:00:00', 0, X'" + Checksums.sha384Hex(Files.readAllBytes(b)) + "', 1000)");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.SQLX),
                List.of(TestMigrations.of(Tool.SQLX, "1", "1", a), TestMigrations.of(Tool.SQLX, "2", "2", b)));
        assertThat(statuses(r)).containsExactly(APPLIED, FAILED);

        Path p = TestMigrations.write(dir.resolve("prisma/migrations/20240501_init/migration.sql"), "CREATE TABLE \"A\" (\"id\" INTEGER);\n");
        String url2 = sqlite("prisma.db",
                "CREATE TABLE \"_prisma_migrations\" (\"id\" TEXT PRIMARY KEY NOT NULL, \"checksum\" TEXT NOT NULL, \"finished_at\" DATETIME, \"migration_name\" TEXT NOT NULL, \"logs\" TEXT, \"rolled_back_at\" DATETIME, \"started_at\" DATETIME NOT NULL DEFAULT current_timestamp, \"applied_steps_count\" INTEGER UNSIGNED NOT NULL DEFAULT 0)",
                "INSERT INTO _prisma_migrations VALUES ('9f1c', '" + Checksums.sha256Hex("something else".getBytes()) + "', 1714557600000, '20240501_init', NULL, NULL, 1714557599000, 1)");
        HistoryAnalyzer.Merge pr = merge(read(url2, Tool.PRISMA), List.of(TestMigrations.of(Tool.PRISMA, "20240501_init", null, p)));
        assertThat(statuses(pr)).containsExactly(MODIFIED);
        assertThat(pr.states().get(0).appliedAt()).isEqualTo("2024-05-01T10:00:00Z");
    }

    @Test
    void djangoAndDrizzleOnSqlite() throws Exception {
        String url = sqlite("django.db",
                "CREATE TABLE \"django_migrations\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT NULL, \"applied\" datetime NOT NULL)",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('polls', '0001_initial', '2024-06-01 09:30:00.123456')");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.DJANGO),
                List.of(TestMigrations.of(Tool.DJANGO, "0001_initial", null, TestMigrations.write(dir.resolve("polls/migrations/0001_initial.py"), "x"))));
        assertThat(statuses(r)).containsExactly(APPLIED);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-06-01 09:30:00.123456");

        Path d = TestMigrations.write(dir.resolve("drizzle/0000_init.sql"), "CREATE TABLE `users` (`id` integer PRIMARY KEY NOT NULL);\n");
        String url2 = sqlite("drizzle.db",
                "CREATE TABLE IF NOT EXISTS `__drizzle_migrations` (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at numeric)",
                "INSERT INTO __drizzle_migrations (hash, created_at) VALUES ('" + Checksums.sha256Hex(Files.readAllBytes(d)) + "', 1717000000000)");
        AppliedState ds = read(url2, Tool.DRIZZLE);
        assertThat(ds.table()).isEqualTo("__drizzle_migrations");
        assertThat(statuses(merge(ds, List.of(
                TestMigrations.of(Tool.DRIZZLE, "0000_init", null, d, List.of(), Map.of("when", 1717000000000L)),
                TestMigrations.of(Tool.DRIZZLE, "0001_next", null, TestMigrations.write(dir.resolve("drizzle/0001_next.sql"), "SELECT 1;"), List.of(), Map.of("when", 1717000000001L))))))
                .containsExactly(APPLIED, PENDING);
    }
}

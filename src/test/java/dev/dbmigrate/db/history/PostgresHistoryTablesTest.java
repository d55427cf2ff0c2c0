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
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Each tool's history table created with the DDL the tool itself issues on PostgreSQL, filled with
 * realistic rows, read back read-only and merged with hand-built migration lists.
 */
class PostgresHistoryTablesTest {

    @TempDir
    Path dir;

    private static ScratchDb db;

    @BeforeAll
    static void start() {
        db = TestDatabases.embeddedPostgres();
    }

    @AfterAll
    static void stop() {
        db.close();
    }

    /** A fresh schema per test keeps the tools' same-named tables (schema_migrations) apart. */
    private String schema(String name, String... ddl) throws SQLException {
        String[] all = new String[ddl.length + 2];
        all[0] = "DROP SCHEMA IF EXISTS " + name + " CASCADE";
        all[1] = "CREATE SCHEMA " + name;
        System.arraycopy(ddl, 0, all, 2, ddl.length);
        String url = db.jdbcUrl() + "&currentSchema=" + name;
        HistoryDbFixture.exec(url, db.user(), db.password(), all);
        return url;
    }

    private static String kinds(List<Problem> problems) {
        return String.join(",", problems.stream().map(Problem::kind).sorted().toList());
    }

    @Test
    void prisma() throws Exception {
        Path m = dir.resolve("prisma/migrations");
        Path init = TestMigrations.write(m.resolve("20240101000000_init/migration.sql"), "-- CreateTable\nCREATE TABLE \"User\" (\"id\" SERIAL NOT NULL);\n");
        Path orders = TestMigrations.write(m.resolve("20240102000000_add_orders/migration.sql"), "CREATE TABLE \"Order\" (\"id\" SERIAL NOT NULL);\n");
        Path idx = TestMigrations.write(m.resolve("20240103000000_add_index/migration.sql"), "CREATE INDEX \"Order_id_idx\" ON \"Order\"(\"id\");\n");
        Path edited = TestMigrations.write(m.resolve("20240104000000_add_status/migration.sql"), "ALTER TABLE \"Order\" ADD COLUMN \"status\" TEXT;\n");
        Path rolled = TestMigrations.write(m.resolve("20240105000000_bad_enum/migration.sql"), "CREATE TYPE \"Role\" AS ENUM ('USER');\n");
        Path fresh = TestMigrations.write(m.resolve("20240106000000_add_email/migration.sql"), "ALTER TABLE \"User\" ADD COLUMN \"email\" TEXT;\n");
        String initSum = Checksums.sha256Hex(Files.readAllBytes(init));
        // recorded on a Windows checkout: the file had CRLF line endings then; Prisma still matches it
        String ordersCrlf = Checksums.sha256Hex(Files.readString(orders).replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8));
        String url = schema("prisma_t",
                """
                CREATE TABLE "_prisma_migrations" (
                    "id" VARCHAR(36) NOT NULL,
                    "checksum" VARCHAR(64) NOT NULL,
                    "finished_at" TIMESTAMPTZ,
                    "migration_name" VARCHAR(255) NOT NULL,
                    "logs" TEXT,
                    "rolled_back_at" TIMESTAMPTZ,
                    "started_at" TIMESTAMPTZ NOT NULL DEFAULT now(),
                    "applied_steps_count" INTEGER NOT NULL DEFAULT 0,
                    CONSTRAINT "_prisma_migrations_pkey" PRIMARY KEY ("id")
                )""",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000001', '" + initSum
                        + "', '2024-01-01 10:00:01+00', '20240101000000_init', NULL, NULL, '2024-01-01 10:00:00+00', 1)",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000002', '" + ordersCrlf
                        + "', '2024-01-02 10:00:01+00', '20240102000000_add_orders', NULL, NULL, '2024-01-02 10:00:00+00', 1)",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000003', '" + Checksums.sha256Hex(Files.readAllBytes(idx))
                        + "', NULL, '20240103000000_add_index', 'Database error code: 42P07\n\nrelation \"Order_id_idx\" already exists', NULL, '2024-01-03 10:00:00+00', 0)",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000004', '" + "0".repeat(64)
                        + "', '2024-01-04 10:00:01+00', '20240104000000_add_status', NULL, NULL, '2024-01-04 10:00:00+00', 1)",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000005', '" + Checksums.sha256Hex(Files.readAllBytes(rolled))
                        + "', NULL, '20240105000000_bad_enum', 'error', '2024-01-05 11:00:00+00', '2024-01-05 10:00:00+00', 0)",
                "INSERT INTO _prisma_migrations VALUES ('0c5d7a3e-0000-4000-8000-000000000006', '" + "a".repeat(64)
                        + "', '2023-12-31 10:00:01+00', '20231231000000_hotfix_on_prod', NULL, NULL, '2023-12-31 10:00:00+00', 1)");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.PRISMA, "20240101000000_init", "20240101000000", init),
                TestMigrations.of(Tool.PRISMA, "20240102000000_add_orders", "20240102000000", orders),
                TestMigrations.of(Tool.PRISMA, "20240103000000_add_index", "20240103000000", idx),
                TestMigrations.of(Tool.PRISMA, "20240104000000_add_status", "20240104000000", edited),
                TestMigrations.of(Tool.PRISMA, "20240105000000_bad_enum", "20240105000000", rolled),
                TestMigrations.of(Tool.PRISMA, "20240106000000_add_email", "20240106000000", fresh));
        AppliedState state = read(url, Tool.PRISMA);
        assertThat(state.table()).isEqualTo("prisma_t._prisma_migrations");
        HistoryAnalyzer.Merge r = merge(state, files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, FAILED, MODIFIED, PENDING, PENDING);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-01-01T10:00:01Z");
        assertThat(r.states().get(2).note()).contains("Database error code: 42P07");
        assertThat(r.states().get(4).note()).isEqualTo("rolled back at 2024-01-05T11:00:00Z");
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("20231231000000_hotfix_on_prod");
        assertThat(kinds(r.problems())).isEqualTo("failed,missing,modified");
        assertThat(r.lastAppliedAt()).isEqualTo("2024-01-04T10:00:01Z");
    }

    @Test
    void flywayBaselineFailedRowAndCustomTableInOtherSchema() throws Exception {
        Path sql = dir.resolve("flyway");
        Path v1 = TestMigrations.write(sql.resolve("V1__init.sql"), "CREATE TABLE legacy (id int);\n");
        Path v2 = TestMigrations.write(sql.resolve("V2__more_legacy.sql"), "CREATE TABLE legacy2 (id int);\n");
        Path v3 = TestMigrations.write(sql.resolve("V3__accounts.sql"), "CREATE TABLE accounts (id int);\n");
        Path v4 = TestMigrations.write(sql.resolve("V4__broken.sql"), "CREATE TABLE broken (id int);\n");
        String url = schema("fw_app", "CREATE TABLE legacy (id int)");
        // real Flyway: baseline an existing schema at version 2, then migrate, into a custom table
        Flyway.configure().dataSource(url, db.user(), db.password())
                .schemas("fw_app").table("schema_history").baselineOnMigrate(true).baselineVersion("2")
                .locations("filesystem:" + sql).target("3").load().migrate();
        // what MySQL-family databases keep after a failed migration (no transactional DDL)
        HistoryDbFixture.exec(url, db.user(), db.password(),
                "INSERT INTO fw_app.schema_history VALUES (3, '4', 'broken', 'SQL', 'V4__broken.sql', "
                        + Checksums.flyway(Files.readAllBytes(v4)) + ", 'deploy', now(), 12, false)");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.FLYWAY, "1", "1", v1), TestMigrations.of(Tool.FLYWAY, "2", "2", v2),
                TestMigrations.of(Tool.FLYWAY, "3", "3", v3), TestMigrations.of(Tool.FLYWAY, "4", "4", v4));
        // the default table does not exist; the configured one is found in its schema from another search_path
        assertThat(read(db.jdbcUrl(), Tool.FLYWAY).tableFound()).isFalse();
        AppliedState state = read(db.jdbcUrl(), Tool.FLYWAY, new HistoryTables.Location(null, "schema_history"));
        assertThat(state.table()).isEqualTo("fw_app.schema_history");
        assertThat(state.baseline()).isEqualTo("2");
        HistoryAnalyzer.Merge r = merge(state, files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, APPLIED, FAILED);
        assertThat(r.states().get(0).note()).contains("baseline");
        assertThat(r.states().get(1).note()).contains("without running");
        assertThat(r.missing()).isEmpty();
        assertThat(kinds(r.problems())).isEqualTo("failed");
    }

    @Test
    void golangMigrateCurrentVersionAndDirtyFlag() throws Exception {
        Path m = dir.resolve("migrations");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.GOLANG_MIGRATE, "1", "1", TestMigrations.write(m.resolve("000001_create_users.up.sql"), "CREATE TABLE users (id int);")),
                TestMigrations.of(Tool.GOLANG_MIGRATE, "2", "2", TestMigrations.write(m.resolve("000002_add_email.up.sql"), "ALTER TABLE users ADD email text;")),
                TestMigrations.of(Tool.GOLANG_MIGRATE, "3", "3", TestMigrations.write(m.resolve("000003_add_index.up.sql"), "CREATE INDEX ON users(email);")),
                TestMigrations.of(Tool.GOLANG_MIGRATE, "10", "10", TestMigrations.write(m.resolve("000010_orders.up.sql"), "CREATE TABLE orders (id int);")));
        String url = schema("gm_t", "CREATE TABLE IF NOT EXISTS \"schema_migrations\" (version bigint not null primary key, dirty boolean not null)",
                "INSERT INTO schema_migrations VALUES (3, true)");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.GOLANG_MIGRATE), files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, FAILED, PENDING);
        assertThat(r.current()).isEqualTo("3");
        assertThat(read(url, Tool.GOLANG_MIGRATE).notes()).singleElement().asString().contains("migrate force");

        HistoryDbFixture.exec(url, db.user(), db.password(), "UPDATE schema_migrations SET version = 12, dirty = false");
        r = merge(read(url, Tool.GOLANG_MIGRATE), files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, APPLIED, APPLIED);
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("12");

        HistoryDbFixture.exec(url, db.user(), db.password(), "DELETE FROM schema_migrations");
        assertThat(statuses(merge(read(url, Tool.GOLANG_MIGRATE), files))).containsOnly(PENDING);
    }

    @Test
    void gooseLatestRowWinsAndOutOfOrder() throws Exception {
        Path m = dir.resolve("db/migrations");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.GOOSE, "1", "1", TestMigrations.write(m.resolve("00001_users.sql"), "-- +goose Up\nCREATE TABLE users (id int);")),
                TestMigrations.of(Tool.GOOSE, "2", "2", TestMigrations.write(m.resolve("00002_posts.sql"), "-- +goose Up\nCREATE TABLE posts (id int);")),
                TestMigrations.of(Tool.GOOSE, "3", "3", TestMigrations.write(m.resolve("00003_tags.sql"), "-- +goose Up\nCREATE TABLE tags (id int);")),
                TestMigrations.of(Tool.GOOSE, "4", "4", TestMigrations.write(m.resolve("00004_likes.sql"), "-- +goose Up\nCREATE TABLE likes (id int);")));
        String url = schema("goose_t",
                "CREATE TABLE goose_db_version (id integer PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, version_id bigint NOT NULL, is_applied boolean NOT NULL, tstamp timestamp NOT NULL DEFAULT now())",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (0, true, '2024-03-01 09:00:00')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (1, true, '2024-03-01 09:00:01')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (2, true, '2024-03-02 09:00:00')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (2, false, '2024-03-02 10:00:00')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (4, true, '2024-03-04 09:00:00')",
                "INSERT INTO goose_db_version (version_id, is_applied, tstamp) VALUES (7, true, '2024-03-05 09:00:00')");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.GOOSE), files);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING, PENDING, APPLIED);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-03-01T09:00:01");
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("7");
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("out-of-order")).extracting(Problem::migrations)
                .containsExactly(List.of("2"), List.of("3"));
        assertThat(r.problems()).filteredOn(p -> p.kind().equals("out-of-order")).first().extracting(Problem::message).asString()
                .contains("--allow-missing");
    }

    @Test
    void dbmateAndRails() throws Exception {
        Path m = dir.resolve("db/migrate");
        List<Migration> rails = List.of(
                TestMigrations.of(Tool.RAILS, "20240110120000", "20240110120000", TestMigrations.write(m.resolve("20240110120000_create_products.rb"), "class CreateProducts < ActiveRecord::Migration[7.1]; end")),
                TestMigrations.of(Tool.RAILS, "20240111120000", "20240111120000", TestMigrations.write(m.resolve("20240111120000_add_sku.rb"), "class AddSku < ActiveRecord::Migration[7.1]; end")),
                TestMigrations.of(Tool.RAILS, "20240112120000", "20240112120000", TestMigrations.write(m.resolve("20240112120000_add_price.rb"), "class AddPrice < ActiveRecord::Migration[7.1]; end")));
        String url = schema("rails_t",
                "CREATE TABLE \"schema_migrations\" (\"version\" character varying NOT NULL PRIMARY KEY)",
                "CREATE TABLE \"ar_internal_metadata\" (\"key\" character varying NOT NULL PRIMARY KEY, \"value\" character varying, \"created_at\" timestamp(6) NOT NULL, \"updated_at\" timestamp(6) NOT NULL)",
                "INSERT INTO ar_internal_metadata VALUES ('environment', 'production', now(), now())",
                "INSERT INTO schema_migrations VALUES ('20240110120000'), ('20240112120000')");
        AppliedState state = read(url, Tool.RAILS);
        assertThat(state.notes()).containsExactly("ar_internal_metadata: environment = production");
        HistoryAnalyzer.Merge r = merge(state, rails);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING, APPLIED);
        assertThat(kinds(r.problems())).isEqualTo("out-of-order");

        // dbmate: same table name, its own DDL; the version is the file's digits as text
        List<Migration> dbmate = List.of(
                TestMigrations.of(Tool.DBMATE, "20240201093000", null, TestMigrations.write(dir.resolve("db/migrations/20240201093000_create_users.sql"), "-- migrate:up\n")),
                TestMigrations.of(Tool.DBMATE, "20240202093000", null, TestMigrations.write(dir.resolve("db/migrations/20240202093000_add_email.sql"), "-- migrate:up\n")));
        String url2 = schema("dbmate_t", "create table if not exists \"dbmate_t\".\"schema_migrations\" (version varchar(128) primary key)",
                "insert into schema_migrations (version) values ('20240201093000')");
        assertThat(statuses(merge(read(url2, Tool.DBMATE), dbmate))).containsExactly(APPLIED, PENDING);
    }

    @Test
    void sqlxChecksumsAndFailure() throws Exception {
        Path m = dir.resolve("migrations");
        Path a = TestMigrations.write(m.resolve("20240101000000_users.sql"), "CREATE TABLE users (id bigserial primary key);\n");
        Path b = TestMigrations.write(m.resolve("20240102000000_posts.up.sql"), "CREATE TABLE posts (id bigserial primary key);\n");
        Path c = TestMigrations.write(m.resolve("20240103000000_tags.sql"), "CREATE TABLE tags (id bigserial primary key);\n");
        Path d = TestMigrations.write(m.resolve("20240104000000_likes.sql"), "CREATE TABLE likes (id bigserial primary key);\n");
        String url = schema("sqlx_t",
                """
                CREATE TABLE IF NOT EXISTS _sqlx_migrations (
                    version BIGINT PRIMARY KEY,
                    description TEXT NOT NULL,
                    installed_on TIMESTAMPTZ NOT NULL DEFAULT now(),
                    success BOOLEAN NOT NULL,
                    checksum BYTEA NOT NULL,
                    execution_time BIGINT NOT NULL
                )""",
                "INSERT INTO _sqlx_migrations VALUES (20240101000000, 'users', '2024-01-01 00:00:05+00', true, decode('" + Checksums.sha384Hex(Files.readAllBytes(a)) + "', 'hex'), 3100000)",
                "INSERT INTO _sqlx_migrations VALUES (20240102000000, 'posts', '2024-01-02 00:00:05+00', true, decode('" + Checksums.sha384Hex("CREATE TABLE posts (id serial primary key);\n".getBytes(StandardCharsets.UTF_8)) + "', 'hex'), 2500000)",
                "INSERT INTO _sqlx_migrations VALUES (20240103000000, 'tags', '2024-01-03 00:00:05+00', false, decode('" + Checksums.sha384Hex(Files.readAllBytes(c)) + "', 'hex'), 900000)");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.SQLX, "20240101000000", "20240101000000", a), TestMigrations.of(Tool.SQLX, "20240102000000", "20240102000000", b),
                TestMigrations.of(Tool.SQLX, "20240103000000", "20240103000000", c), TestMigrations.of(Tool.SQLX, "20240104000000", "20240104000000", d));
        AppliedState state = read(url, Tool.SQLX);
        assertThat(state.rows().get(0).checksum()).isEqualTo(Checksums.sha384Hex(Files.readAllBytes(a)));
        HistoryAnalyzer.Merge r = merge(state, files);
        assertThat(statuses(r)).containsExactly(APPLIED, MODIFIED, FAILED, PENDING);
        assertThat(state.rows().get(0).details()).containsEntry("executionTimeMs", 3L);
    }

    @Test
    void alembicHeadsAndAncestors() throws Exception {
        Path v = dir.resolve("alembic/versions");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.ALEMBIC, "1a2b3c4d5e6f", null, TestMigrations.write(v.resolve("1a2b3c4d5e6f_create_users.py"), "revision = '1a2b3c4d5e6f'\n"), List.of(), Map.of()),
                TestMigrations.of(Tool.ALEMBIC, "2b3c4d5e6f70", null, TestMigrations.write(v.resolve("2b3c4d5e6f70_add_orders.py"), "x"), List.of("1a2b3c4d5e6f"), Map.of()),
                TestMigrations.of(Tool.ALEMBIC, "3c4d5e6f7081", null, TestMigrations.write(v.resolve("3c4d5e6f7081_add_index.py"), "x"), List.of("2b3c4d5e6f70"), Map.of()),
                TestMigrations.of(Tool.ALEMBIC, "4d5e6f708192", null, TestMigrations.write(v.resolve("4d5e6f708192_feature_branch.py"), "x"), List.of("2b3c4d5e6f70"), Map.of()));
        String url = schema("alembic_t",
                "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('3c4d5e6f7081')");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.ALEMBIC), files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, APPLIED, PENDING);
        assertThat(r.current()).isEqualTo("3c4d5e6f7081");

        // two heads, one of them unknown to the files (deployed from another branch)
        HistoryDbFixture.exec(url, db.user(), db.password(), "INSERT INTO alembic_version VALUES ('ffff00001111')");
        r = merge(read(url, Tool.ALEMBIC), files);
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("ffff00001111");
        assertThat(kinds(r.problems())).isEqualTo("missing");
    }

    @Test
    void djangoAppsAndSquashedMigrations() throws Exception {
        Path p = dir.resolve("shop/migrations");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.DJANGO, "contenttypes.0001_initial", null, TestMigrations.write(dir.resolve("contenttypes/migrations/0001_initial.py"), "x")),
                TestMigrations.of(Tool.DJANGO, "shop.0001_squashed_0002_product_price", null, TestMigrations.write(p.resolve("0001_squashed_0002_product_price.py"), "x"),
                        List.of(), Map.of("replaces", List.of(List.of("shop", "0001_initial"), List.of("shop", "0002_product_price")))),
                TestMigrations.of(Tool.DJANGO, "shop.0003_product_sku", null, TestMigrations.write(p.resolve("0003_product_sku.py"), "x")));
        String url = schema("django_t",
                "CREATE TABLE \"django_migrations\" (\"id\" bigint NOT NULL PRIMARY KEY GENERATED BY DEFAULT AS IDENTITY, \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT NULL, \"applied\" timestamp with time zone NOT NULL)",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('contenttypes', '0001_initial', '2024-02-01 08:00:00+01')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0001_initial', '2024-02-01 08:00:01+01')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0002_product_price', '2024-02-02 08:00:00+01')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('blog', '0001_initial', '2024-02-03 08:00:00+01')");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.DJANGO), files);
        assertThat(statuses(r)).containsExactly(APPLIED, APPLIED, PENDING);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-02-01T07:00:00Z");
        assertThat(r.states().get(1).note()).contains("the 2 migrations it replaces");
        // the replaced rows are not "missing"; blog's is
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("blog.0001_initial");

        HistoryDbFixture.exec(url, db.user(), db.password(), "DELETE FROM django_migrations WHERE name = '0002_product_price'");
        r = merge(read(url, Tool.DJANGO), files);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING, PENDING);
        assertThat(kinds(r.problems())).contains("partially-applied-squash");
    }

    @Test
    void knexSequelizeTypeorm() throws Exception {
        Path k = dir.resolve("knex");
        List<Migration> knex = List.of(
                TestMigrations.of(Tool.KNEX, "20240301090000_users.js", null, TestMigrations.write(k.resolve("20240301090000_users.js"), "exports.up = k => k;")),
                TestMigrations.of(Tool.KNEX, "20240302090000_posts.js", null, TestMigrations.write(k.resolve("20240302090000_posts.js"), "exports.up = k => k;")));
        String url = schema("knex_t",
                "create table \"knex_migrations\" (\"id\" serial primary key, \"name\" varchar(255), \"batch\" integer, \"migration_time\" timestamptz)",
                "create table \"knex_migrations_lock\" (\"index\" serial primary key, \"is_locked\" integer)",
                "insert into knex_migrations_lock (is_locked) values (1)",
                "insert into knex_migrations (name, batch, migration_time) values ('20240301090000_users.js', 1, '2024-03-01 09:00:00+00')",
                "insert into knex_migrations (name, batch, migration_time) values ('20240215000000_legacy.ts', 1, '2024-03-01 09:00:00+00')");
        AppliedState ks = read(url, Tool.KNEX);
        assertThat(ks.notes()).singleElement().asString().contains("knex migrate:unlock");
        HistoryAnalyzer.Merge r = merge(ks, knex);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING);
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("20240215000000_legacy.ts");

        Path s = dir.resolve("sequelize");
        List<Migration> seq = List.of(
                TestMigrations.of(Tool.SEQUELIZE, "20240101000000-create-user.js", null, TestMigrations.write(s.resolve("20240101000000-create-user.js"), "module.exports = {}")),
                TestMigrations.of(Tool.SEQUELIZE, "20240102000000-add-role.js", null, TestMigrations.write(s.resolve("20240102000000-add-role.js"), "module.exports = {}")));
        String url2 = schema("seq_t", "CREATE TABLE IF NOT EXISTS \"SequelizeMeta\" (\"name\" VARCHAR(255) NOT NULL UNIQUE , PRIMARY KEY (\"name\"))",
                "INSERT INTO \"SequelizeMeta\" VALUES ('20240101000000-create-user.js')");
        AppliedState ss = read(url2, Tool.SEQUELIZE);
        assertThat(ss.table()).isEqualTo("seq_t.SequelizeMeta");
        assertThat(statuses(merge(ss, seq))).containsExactly(APPLIED, PENDING);

        Path t = dir.resolve("src/migrations");
        List<Migration> typeorm = List.of(
                TestMigrations.of(Tool.TYPEORM, "1700000000000-CreateUsers.ts", "1700000000000", TestMigrations.write(t.resolve("1700000000000-CreateUsers.ts"), "export class CreateUsers1700000000000 {}")),
                TestMigrations.of(Tool.TYPEORM, "1700000500000-add-orders.ts", "1700000500000", TestMigrations.write(t.resolve("1700000500000-add-orders.ts"), "export class AddOrders1700000500000 {}")),
                TestMigrations.of(Tool.TYPEORM, "1700000900000-Seed.ts", "1700000900000", TestMigrations.write(t.resolve("1700000900000-Seed.ts"), "export class SeedData1700000900000 {}"),
                        List.of(), Map.of("className", "SeedData1700000900000")));
        String url3 = schema("typeorm_t",
                "CREATE TABLE \"migrations\" (\"id\" SERIAL NOT NULL, \"timestamp\" bigint NOT NULL, \"name\" character varying NOT NULL, CONSTRAINT \"PK_8c82d7f526340ab734260ea46be\" PRIMARY KEY (\"id\"))",
                "INSERT INTO migrations (timestamp, name) VALUES (1700000000000, 'CreateUsers1700000000000')",
                "INSERT INTO migrations (timestamp, name) VALUES (1700000500000, 'AddOrders1700000500000')",
                "INSERT INTO migrations (timestamp, name) VALUES (1690000000000, 'DropLegacy1690000000000')");
        HistoryAnalyzer.Merge tr = merge(read(url3, Tool.TYPEORM), typeorm);
        assertThat(statuses(tr)).containsExactly(APPLIED, APPLIED, PENDING);
        assertThat(tr.missing()).extracting(x -> x.row().key()).containsExactly("DropLegacy1690000000000");
    }

    @Test
    void drizzleWatermarkAndHashes() throws Exception {
        Path d = dir.resolve("drizzle");
        Path a = TestMigrations.write(d.resolve("0000_brave_hulk.sql"), "CREATE TABLE \"users\" (\"id\" serial PRIMARY KEY NOT NULL);\n");
        Path b = TestMigrations.write(d.resolve("0001_quiet_storm.sql"), "ALTER TABLE \"users\" ADD COLUMN \"email\" text;--> statement-breakpoint\nCREATE INDEX \"users_email_idx\" ON \"users\" (\"email\");\n");
        Path late = TestMigrations.write(d.resolve("0002_merged_late.sql"), "ALTER TABLE \"users\" ADD COLUMN \"nick\" text;\n");
        Path c = TestMigrations.write(d.resolve("0003_new_table.sql"), "CREATE TABLE \"posts\" (\"id\" serial PRIMARY KEY NOT NULL);\n");
        String url = schema("drz_t",
                "CREATE SCHEMA IF NOT EXISTS \"drizzle\"",
                "DROP TABLE IF EXISTS \"drizzle\".\"__drizzle_migrations\"",
                "CREATE TABLE IF NOT EXISTS \"drizzle\".\"__drizzle_migrations\" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint)",
                "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('" + Checksums.sha256Hex(Files.readAllBytes(a)) + "', 1714000000000)",
                "INSERT INTO drizzle.__drizzle_migrations (hash, created_at) VALUES ('" + "b".repeat(64) + "', 1714100000000)");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.DRIZZLE, "0000_brave_hulk", null, a, List.of(), Map.of("when", 1714000000000L)),
                TestMigrations.of(Tool.DRIZZLE, "0001_quiet_storm", null, b, List.of(), Map.of("when", 1714100000000L)),
                // a branch merged late: its journal time is older than the newest applied migration
                TestMigrations.of(Tool.DRIZZLE, "0002_merged_late", null, late, List.of(), Map.of("when", 1714050000000L)),
                TestMigrations.of(Tool.DRIZZLE, "0003_new_table", null, c, List.of(), Map.of("when", 1714200000000L)));
        AppliedState state = read(url, Tool.DRIZZLE);
        assertThat(state.table()).isEqualTo("drizzle.__drizzle_migrations");
        HistoryAnalyzer.Merge r = merge(state, files);
        assertThat(statuses(r)).containsExactly(APPLIED, MODIFIED, PENDING, PENDING);
        assertThat(kinds(r.problems())).isEqualTo("modified,skipped-by-tool");
        assertThat(r.missing()).isEmpty();
    }

    @Test
    void dieselVersionsWithoutDashes() throws Exception {
        Path m = dir.resolve("migrations");
        List<Migration> files = List.of(
                TestMigrations.of(Tool.DIESEL, "2024-01-15-093000_create_users", "2024-01-15-093000", TestMigrations.write(m.resolve("2024-01-15-093000_create_users/up.sql"), "CREATE TABLE users (id serial);")),
                TestMigrations.of(Tool.DIESEL, "2024-01-16-093000_create_posts", "2024-01-16-093000", TestMigrations.write(m.resolve("2024-01-16-093000_create_posts/up.sql"), "CREATE TABLE posts (id serial);")));
        String url = schema("diesel_t",
                "CREATE TABLE IF NOT EXISTS __diesel_schema_migrations (version VARCHAR(50) PRIMARY KEY NOT NULL, run_on TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP)",
                "INSERT INTO __diesel_schema_migrations VALUES ('20240115093000', '2024-01-15 10:00:00')",
                "INSERT INTO __diesel_schema_migrations VALUES ('00000000000000', '2024-01-15 09:59:00')");
        HistoryAnalyzer.Merge r = merge(read(url, Tool.DIESEL), files);
        assertThat(statuses(r)).containsExactly(APPLIED, PENDING);
        assertThat(r.states().get(0).appliedAt()).isEqualTo("2024-01-15T10:00:00");
        assertThat(r.missing()).extracting(x -> x.row().key()).containsExactly("00000000000000");
    }

    @Test
    void absentTableMeansNothingApplied() throws Exception {
        String url = schema("empty_t");
        AppliedState state = read(url, Tool.SQLX);
        assertThat(state.tableFound()).isFalse();
        assertThat(state.notes()).singleElement().asString().contains("nothing has been applied");
        Migration one = TestMigrations.of(Tool.SQLX, "1", "1", TestMigrations.write(dir.resolve("m/1_init.sql"), "SELECT 1;"));
        assertThat(statuses(merge(state, List.of(one)))).containsExactly(PENDING);
    }
}

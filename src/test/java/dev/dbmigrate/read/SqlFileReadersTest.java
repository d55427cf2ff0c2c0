package dev.dbmigrate.read;

import static dev.dbmigrate.read.ReadFixtures.byId;
import static dev.dbmigrate.read.ReadFixtures.ids;
import static dev.dbmigrate.read.ReadFixtures.kinds;
import static dev.dbmigrate.read.ReadFixtures.problem;
import static dev.dbmigrate.read.ReadFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import java.nio.file.Files;
import org.junit.jupiter.api.Test;

/** Readers of tools whose migrations are SQL files: Prisma, golang-migrate, goose, dbmate, sqlx, Diesel, raw SQL. */
class SqlFileReadersTest {

    @Test
    void prismaFoldersInNameOrderWithChecksumInput() {
        ReadResult r = read(Tool.PRISMA, "prisma");
        assertThat(ids(r)).containsExactly("20240101120000_init", "20240115093000_add_orders", "20240201100000_user_role");
        Migration init = r.migrations().get(0);
        assertThat(init.version()).isEqualTo("20240101120000_init");
        assertThat(init.name()).isEqualTo("init");
        assertThat(init.downKind()).isEqualTo(DownKind.UNSUPPORTED);
        assertThat(init.down()).isNull();
        assertThat(init.transactional()).isTrue();
        assertThat(init.up().language()).isEqualTo(Script.Language.SQL);
        assertThat(init.up().text()).startsWith("-- CreateTable\nCREATE TABLE \"User\"");
        assertThat(init.attributes()).containsEntry("checksumInput", init.file().toString()).containsEntry("checksumAlgorithm", "sha256");
        assertThat(init.file().getFileName().toString()).isEqualTo("migration.sql");
        assertThat(problem(r, "ignored-file", "hotfix.sql").message()).contains("Prisma only runs migration.sql");
        assertThat(problem(r, "invalid-file", "20240301000000_wip").message()).contains("without migration.sql");
        assertThat(r.problems()).hasSize(2);
    }

    @Test
    void golangMigrateOrdersUnpaddedVersionsNumerically() {
        ReadResult r = read(Tool.GOLANG_MIGRATE, "golang-migrate");
        assertThat(ids(r)).containsExactly("1", "2", "9", "10", "75");
        Migration m10 = byId(r, "10");
        assertThat(m10.name()).isEqualTo("create_orders");
        assertThat(m10.version()).isEqualTo("10");
        assertThat(m10.up().text()).startsWith("CREATE TABLE orders");
        assertThat(m10.down().text()).isEqualTo("DROP TABLE orders;\n");
        assertThat(m10.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(m10.transactional()).isFalse();
        assertThat(byId(r, "9").downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void golangMigrateIntegrityProblems() {
        ReadResult r = read(Tool.GOLANG_MIGRATE, "golang-migrate-broken");
        assertThat(ids(r)).containsExactly("1", "2", "5", "6", "30");
        assertThat(problem(r, "duplicate-version", "001_init_again.up.sql").migrations()).contains("1_init.up.sql");
        assertThat(problem(r, "missing-down", "2").message()).contains("2_no_down.up.sql");
        assertThat(problem(r, "suspicious-name", "30_x.up..sql").message()).contains("extension '.sql'");
        assertThat(problem(r, "ignored-file", "4_plain.sql")).isNotNull();
        assertThat(problem(r, "missing-up", "5")).isNotNull();
        assertThat(problem(r, "unreadable", "6_binary.up.sql").message()).contains("6_binary.up.sql").contains("not valid UTF-8");
        Migration six = byId(r, "6");
        assertThat(six.up()).isNull();
        assertThat(six.down().text()).isEqualTo("DROP TABLE g;\n");
    }

    @Test
    void gooseSplitsSectionsWithRealLinesAndOrdersByNumber() {
        ReadResult r = read(Tool.GOOSE, "goose");
        assertThat(ids(r)).containsExactly("1", "2", "3", "10", "20240301120000");
        Migration users = byId(r, "1");
        assertThat(users.up().startLine()).isEqualTo(3);
        assertThat(users.up().text()).startsWith("-- +goose StatementBegin\nCREATE TABLE users (");
        assertThat(users.up().part()).isEqualTo("up");
        assertThat(users.down().startLine()).isEqualTo(18);
        assertThat(users.down().text()).contains("DROP TABLE users;").doesNotContain("CREATE TABLE");
        assertThat(users.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(users.transactional()).isTrue();

        Migration index = byId(r, "2");
        assertThat(index.transactional()).isFalse();
        assertThat(index.up().startLine()).isEqualTo(3);
        assertThat(index.up().text().strip()).isEqualTo("CREATE UNIQUE INDEX CONCURRENTLY users_email_key ON users (email);");

        Migration go = byId(r, "3");
        assertThat(go.up()).isNull();
        assertThat(go.downKind()).isEqualTo(DownKind.MISSING);
        assertThat(go.attributes()).containsKey("note");

        assertThat(byId(r, "10").downKind()).isEqualTo(DownKind.MISSING);
        Migration orders = byId(r, "20240301120000");
        assertThat(orders.downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(orders.attributes()).containsEntry("versionStyle", "timestamp");
        assertThat(kinds(r)).containsExactly("mixed-versioning");
        assertThat(r.problems().get(0).migrations()).contains("00010_add_name.sql");
    }

    @Test
    void gooseRefusesFilesWithoutUpAnnotationOrVersion() {
        ReadResult r = read(Tool.GOOSE, "goose-broken");
        assertThat(problem(r, "invalid-file", "00002_forgot_annotation.sql").message()).contains("-- +goose Up");
        assertThat(problem(r, "invalid-file", "init_schema.sql")).isNotNull();
        assertThat(problem(r, "duplicate-version", "2_dup.sql").migrations()).contains("00002_forgot_annotation.sql");
        assertThat(byId(r, "2").up().text()).isEqualTo("CREATE TABLE b (id int);\n");
    }

    @Test
    void dbmateBlocksOptionsAndMissingDown() {
        ReadResult r = read(Tool.DBMATE, "dbmate");
        assertThat(ids(r)).containsExactly("20240101120000", "20240105090000", "20240110080000");
        Migration users = byId(r, "20240101120000");
        assertThat(users.up().startLine()).isEqualTo(4);
        assertThat(users.up().text()).startsWith("create table users (");
        assertThat(users.down().startLine()).isEqualTo(10);
        assertThat(users.down().text()).isEqualTo("drop table users;\n");
        Migration enumValue = byId(r, "20240105090000");
        assertThat(enumValue.transactional()).isFalse();
        assertThat(enumValue.downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(byId(r, "20240110080000").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(kinds(r)).containsExactly("missing-down");
    }

    @Test
    void dbmateRefusedFilesAndFileNameOrder() {
        ReadResult r = read(Tool.DBMATE, "dbmate-broken");
        assertThat(ids(r)).containsExactly("10", "11", "1", "2");
        assertThat(problem(r, "invalid-file", "2_no_up.sql")).isNotNull();
        assertThat(problem(r, "invalid-file", "10_statements_first.sql").message()).contains("statements before");
        assertThat(problem(r, "invalid-file", "11_down_first.sql").message()).contains("comes before");
        assertThat(kinds(r)).contains("out-of-order");
    }

    @Test
    void sqlxReversibleModeAndNoTransaction() {
        ReadResult r = read(Tool.SQLX, "sqlx");
        assertThat(ids(r)).containsExactly("20240101120000", "20240102120000", "20240103120000");
        Migration users = byId(r, "20240101120000");
        assertThat(users.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(users.attributes()).containsEntry("description", "create users").containsEntry("mode", "reversible")
                .containsEntry("checksumAlgorithm", "sha384");
        assertThat(byId(r, "20240102120000").transactional()).isFalse();
        assertThat(byId(r, "20240103120000").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(problem(r, "missing-down", "20240103120000")).isNotNull();
        assertThat(problem(r, "ignored-file", "not-a-migration.sql")).isNotNull();
    }

    @Test
    void sqlxSimpleModeHasNoDownAndNeedsNoTransactionOnTheFirstLine() {
        ReadResult r = read(Tool.SQLX, "sqlx-simple");
        assertThat(ids(r)).containsExactly("1", "2", "10");
        assertThat(r.migrations()).allSatisfy(m -> assertThat(m.downKind()).isEqualTo(DownKind.UNSUPPORTED));
        // sqlx only honours "-- no-transaction" at the very start of the file
        assertThat(byId(r, "2").transactional()).isTrue();
        assertThat(problem(r, "invalid-file", "v3_bad.sql").message()).contains("not an integer version");
    }

    @Test
    void dieselFoldersVersionsAndMetadata() {
        ReadResult r = read(Tool.DIESEL, "diesel");
        assertThat(ids(r)).containsExactly("00000000000000_diesel_initial_setup", "2024-01-15-093000_create_posts",
                "2024-02-01-120000_posts_title_index", "2024-03-01-000000_add_published");
        Migration posts = byId(r, "2024-01-15-093000_create_posts");
        assertThat(posts.version()).isEqualTo("20240115093000");
        assertThat(posts.name()).isEqualTo("create_posts");
        assertThat(posts.downKind()).isEqualTo(DownKind.PRESENT);
        Migration index = byId(r, "2024-02-01-120000_posts_title_index");
        assertThat(index.transactional()).isFalse();
        assertThat(index.downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(byId(r, "2024-03-01-000000_add_published").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(problem(r, "missing-down", "2024-03-01-000000_add_published")).isNotNull();
        assertThat(problem(r, "ignored-file", "drafts")).isNotNull();
        assertThat(problem(r, "ignored-file", "stray.sql")).isNotNull();
    }

    @Test
    void rawSqlNaturalOrderAndDownConventions() throws Exception {
        ReadResult r = read(Tool.RAW_SQL, "raw-sql");
        assertThat(ids(r)).containsExactly("1_init", "2_add_email_index", "10_orders", "11_seed_plans", "12_latin1");
        Migration idx = byId(r, "2_add_email_index");
        assertThat(idx.version()).isEqualTo("2");
        assertThat(idx.down().text()).isEqualTo("DROP INDEX users_email_idx;\n");
        assertThat(idx.file().getFileName().toString()).isEqualTo("2_add_email_index.up.sql");
        Migration orders = byId(r, "10_orders");
        assertThat(orders.up().startLine()).isEqualTo(2);
        assertThat(orders.up().text()).startsWith("BEGIN;\nCREATE TABLE orders").doesNotContain("DROP TABLE");
        assertThat(orders.down().startLine()).isEqualTo(10);
        assertThat(orders.down().text()).startsWith("BEGIN;\nDROP TABLE IF EXISTS orders;");
        assertThat(orders.transactional()).isFalse();
        assertThat(byId(r, "11_seed_plans").down().file().getParent().getFileName().toString()).isEqualTo("rollback");
        assertThat(problem(r, "missing-down", "1_init")).isNotNull();
        assertThat(problem(r, "unreadable", "12_latin1.sql").message()).contains("12_latin1.sql");
        assertThat(byId(r, "12_latin1").up()).isNull();
        assertThat(Files.exists(byId(r, "12_latin1").file())).isTrue();
    }
}

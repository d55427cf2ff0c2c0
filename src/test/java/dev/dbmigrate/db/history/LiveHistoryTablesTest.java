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
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.List;
import java.util.Map;
import liquibase.Contexts;
import liquibase.LabelExpression;
import liquibase.Liquibase;
import liquibase.database.Database;
import liquibase.database.DatabaseFactory;
import liquibase.database.jvm.JdbcConnection;
import liquibase.resource.DirectoryResourceAccessor;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** History tables on the live MariaDB and PostgreSQL servers (mvn verify -Plive-db). */
@Tag("live-db")
class LiveHistoryTablesTest {

    @TempDir
    Path dir;

    @Test
    void mariaDbFlywayPrismaGolangMigrate() throws Exception {
        try (ScratchDb db = TestDatabases.liveMariaDb()) {
            Path v1 = TestMigrations.write(dir.resolve("sql/V1__init.sql"), "CREATE TABLE a (id int);\n");
            Path v2 = TestMigrations.write(dir.resolve("sql/V2__fails.sql"), "CREATE TABLE b (id int);\nALTER TABLE nope ADD c int;\n");
            Path p1 = TestMigrations.write(dir.resolve("prisma/migrations/20240101_init/migration.sql"), "CREATE TABLE `A` (`id` INTEGER NOT NULL);\n");
            HistoryDbFixture.exec(db.jdbcUrl(), db.user(), db.password(),
                    """
                    CREATE TABLE `flyway_schema_history` (
                        `installed_rank` INT NOT NULL, `version` VARCHAR(50), `description` VARCHAR(200) NOT NULL,
                        `type` VARCHAR(20) NOT NULL, `script` VARCHAR(1000) NOT NULL, `checksum` INT,
                        `installed_by` VARCHAR(100) NOT NULL, `installed_on` TIMESTAMP NOT NULL DEFAULT CURRENT_TIMESTAMP,
                        `execution_time` INT NOT NULL, `success` BOOL NOT NULL,
                        CONSTRAINT `flyway_schema_history_pk` PRIMARY KEY (`installed_rank`)
                    ) ENGINE=InnoDB""",
                    "INSERT INTO flyway_schema_history VALUES (1, '1', 'init', 'SQL', 'V1__init.sql', " + Checksums.flyway(Files.readAllBytes(v1)) + ", 'root', '2024-01-01 10:00:00', 5, 1)",
                    "INSERT INTO flyway_schema_history VALUES (2, '2', 'fails', 'SQL', 'V2__fails.sql', " + Checksums.flyway(Files.readAllBytes(v2)) + ", 'root', '2024-01-01 10:00:01', 5, 0)",
                    "CREATE TABLE IF NOT EXISTS `schema_migrations` (version bigint not null primary key, dirty boolean not null)",
                    "INSERT INTO schema_migrations VALUES (1, 0)",
                    "CREATE TABLE _prisma_migrations (id VARCHAR(36) PRIMARY KEY NOT NULL, checksum VARCHAR(64) NOT NULL, finished_at DATETIME(3), migration_name VARCHAR(255) NOT NULL,"
                            + " logs TEXT, rolled_back_at DATETIME(3), started_at DATETIME(3) NOT NULL DEFAULT CURRENT_TIMESTAMP(3), applied_steps_count INTEGER UNSIGNED NOT NULL DEFAULT 0) DEFAULT CHARACTER SET utf8mb4",
                    "INSERT INTO _prisma_migrations VALUES ('a1', '" + Checksums.sha256Hex(Files.readAllBytes(p1)) + "', '2024-01-01 10:00:00.123', '20240101_init', NULL, NULL, '2024-01-01 10:00:00', 1)");
            String url = "mariadb://root@127.0.0.1:3306/" + db.name();
            AppliedState fw = read(url, Tool.FLYWAY);
            assertThat(fw.table()).isEqualTo(db.name() + ".flyway_schema_history");
            assertThat(statuses(merge(fw, List.of(TestMigrations.of(Tool.FLYWAY, "1", "1", v1), TestMigrations.of(Tool.FLYWAY, "2", "2", v2)))))
                    .containsExactly(APPLIED, FAILED);
            assertThat(statuses(merge(read(url, Tool.GOLANG_MIGRATE), List.of(
                    TestMigrations.of(Tool.GOLANG_MIGRATE, "1", "1", v1), TestMigrations.of(Tool.GOLANG_MIGRATE, "2", "2", v2)))))
                    .containsExactly(APPLIED, PENDING);
            HistoryAnalyzer.Merge pr = merge(read("mysql://root@127.0.0.1/" + db.name(), Tool.PRISMA), List.of(TestMigrations.of(Tool.PRISMA, "20240101_init", null, p1)));
            assertThat(statuses(pr)).containsExactly(APPLIED);
            assertThat(pr.states().get(0).appliedAt()).isEqualTo("2024-01-01T10:00:00.123");
        }
    }

    @Test
    void mariaDbRealLiquibaseUpperCaseTable() throws Exception {
        String cs = "CREATE TABLE customers (id BIGINT AUTO_INCREMENT PRIMARY KEY, email VARCHAR(255) NOT NULL);\n--rollback DROP TABLE customers;\n";
        Path changelog = TestMigrations.write(dir.resolve("db/changelog.sql"), "--liquibase formatted sql\n\n--changeset ops:create-customers\n" + cs);
        try (ScratchDb db = TestDatabases.liveMariaDb()) {
            try (Connection c = db.connect()) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                try (Liquibase lb = new Liquibase("changelog.sql", new DirectoryResourceAccessor(dir.resolve("db")), database)) {
                    lb.update(new Contexts(), new LabelExpression());
                }
            }
            AppliedState state = read("mariadb://root@127.0.0.1/" + db.name(), Tool.LIQUIBASE);
            assertThat(state.table()).isEqualTo(db.name() + ".DATABASECHANGELOG");
            List<Migration> files = List.of(TestMigrations.withText(Tool.LIQUIBASE, "create-customers::ops", changelog, cs, Map.of()));
            assertThat(statuses(merge(state, files))).containsExactly(APPLIED);
            List<Migration> edited = List.of(TestMigrations.withText(Tool.LIQUIBASE, "create-customers::ops", changelog, cs.replace("255", "320"), Map.of()));
            assertThat(statuses(merge(state, edited))).containsExactly(MODIFIED);
        }
    }

    @Test
    void livePostgresThroughAPlainUrl() throws Exception {
        try (ScratchDb db = TestDatabases.livePostgres()) {
            HistoryDbFixture.exec(db.jdbcUrl(), db.user(), db.password(),
                    "create table \"knex_migrations\" (\"id\" serial primary key, \"name\" varchar(255), \"batch\" integer, \"migration_time\" timestamptz)",
                    "insert into knex_migrations (name, batch, migration_time) values ('20240101_init.js', 1, '2024-01-01 12:00:00+00')");
            HistoryAnalyzer.Merge r = merge(read("postgresql://postgres@127.0.0.1:5432/" + db.name(), Tool.KNEX), List.of(
                    TestMigrations.of(Tool.KNEX, "20240101_init.js", null, TestMigrations.write(dir.resolve("m/20240101_init.js"), "x")),
                    TestMigrations.of(Tool.KNEX, "20240102_next.js", null, TestMigrations.write(dir.resolve("m/20240102_next.js"), "x"))));
            assertThat(statuses(r)).containsExactly(APPLIED, PENDING);
            assertThat(r.lastAppliedAt()).isEqualTo("2024-01-01T12:00:00Z");
        }
    }
}

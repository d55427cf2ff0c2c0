package dev.dbmigrate.detect;

import static dev.dbmigrate.detect.DetectFixtures.only;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Less common layouts, built in a temporary directory: each a few files. */
class DetectVariantsTest {

    @TempDir
    Path dir;

    private void write(String rel, String text) throws IOException {
        Path p = dir.resolve(rel);
        Files.createDirectories(p.getParent());
        Files.writeString(p, text);
    }

    private Detection detectOne() {
        return only(new ProjectScanner().scan(dir));
    }

    @Test
    void flaskMigrateKeepsAlembicIniInMigrationsAndUsesFlaskDb() throws IOException {
        write("requirements.txt", "Flask==3.0.2\nFlask-Migrate==4.0.5\npsycopg2-binary==2.9.9\n");
        write("migrations/alembic.ini", "[alembic]\n# template used to generate migration files\n\n[loggers]\nkeys = root\n");
        write("migrations/env.py", "from flask import current_app\ntarget_metadata = current_app.extensions['migrate'].db.metadata\n");
        write("migrations/versions/1f2e3d4c5b6a_users.py", "revision = '1f2e3d4c5b6a'\ndown_revision = None\n");
        Detection d = detectOne();
        assertThat(d.tool()).isEqualTo(Tool.ALEMBIC);
        assertThat(d.root()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(d.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(d.migrationsPath()).isEqualTo(dir.toAbsolutePath().normalize().resolve("migrations/versions"));
        assertThat(d.commands()).isEqualTo(new Detection.Commands("flask db migrate -m \"<message>\"", "flask db upgrade",
                "flask db downgrade  # reverts one revision", "flask db current"));
    }

    @Test
    void springFlywayVendorPlaceholderPicksTheVendorFolder() throws IOException {
        write("build.gradle", "plugins { id 'org.springframework.boot' version '3.2.2' }\n"
                + "dependencies {\n  implementation 'org.flywaydb:flyway-core'\n  runtimeOnly 'org.mariadb.jdbc:mariadb-java-client'\n}\n");
        write("src/main/resources/application.yml", "spring:\n  flyway:\n    locations: classpath:db/migration/{vendor}\n");
        write("src/main/resources/db/migration/mysql/V1__init.sql", "CREATE TABLE t (id INT);\n");
        write("src/main/resources/db/migration/mysql/V2__more.sql", "ALTER TABLE t ADD c INT;\n");
        Detection d = detectOne();
        assertThat(d.tool()).isEqualTo(Tool.FLYWAY);
        assertThat(d.dialect()).isEqualTo(Dialect.MARIADB);
        assertThat(d.migrationsPath()).isEqualTo(dir.toAbsolutePath().normalize().resolve("src/main/resources/db/migration/mysql"));
        assertThat(d.commands().create()).contains("V3__<description>.sql");
    }

    @Test
    void legacyOrmconfigJsonGivesTypeormZeroTwoCommands() throws IOException {
        write("package.json", "{\"dependencies\": {\"typeorm\": \"^0.2.45\", \"pg\": \"^8.7.0\"}}");
        write("ormconfig.json", "{\"type\": \"postgres\", \"migrations\": [\"dist/migration/*.js\"], \"cli\": {\"migrationsDir\": \"src/migration\"}}");
        write("src/migration/1650000000000-Init.ts", "export class Init1650000000000 {}\n");
        Detection d = detectOne();
        assertThat(d.tool()).isEqualTo(Tool.TYPEORM);
        assertThat(d.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(d.migrationsPath()).isEqualTo(dir.toAbsolutePath().normalize().resolve("src/migration"));
        assertThat(d.evidence()).contains("dist/migration: compiled output; sources in src/migration");
        assertThat(d.commands().apply()).isEqualTo("npx typeorm migration:run");
    }

    @Test
    void dbmateWithAConfiguredFolderAndNoDatabaseUrlHasNoDialect() throws IOException {
        write(".env", "DBMATE_MIGRATIONS_DIR=./database/changes\n");
        write("database/changes/20240101000000_init.sql", "-- migrate:up\ncreate table t (id int);\n-- migrate:down\ndrop table t;\n");
        Detection d = detectOne();
        assertThat(d.tool()).isEqualTo(Tool.DBMATE);
        assertThat(d.dialect()).isNull();
        assertThat(d.evidence()).contains(".env: DBMATE_MIGRATIONS_DIR=./database/changes");
        assertThat(d.commands().apply()).isEqualTo("dbmate up");
    }

    @Test
    void knexEnvironmentsThatDisagreeReportProductionAndShowBoth() throws IOException {
        write("package.json", "{\"dependencies\": {\"knex\": \"^3.1.0\", \"pg\": \"^8.11.0\", \"sqlite3\": \"^5.1.0\"}}");
        write("knexfile.ts", """
                import type { Knex } from "knex";
                const config: { [key: string]: Knex.Config } = {
                  development: { client: "sqlite3", connection: { filename: "./dev.sqlite3" }, useNullAsDefault: true },
                  production: { client: "postgresql", connection: process.env.DATABASE_URL, migrations: { tableName: "knex_migrations" } },
                };
                export default config;
                """);
        Detection d = detectOne();
        assertThat(d.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(d.evidence()).contains("knexfile.ts: client 'sqlite3' (development), 'postgresql' (production)");
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.migrationsPath()).isNull();
    }
}

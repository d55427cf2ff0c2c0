package dev.dbmigrate.detect;

import static dev.dbmigrate.detect.DetectFixtures.only;
import static dev.dbmigrate.detect.DetectFixtures.rel;
import static dev.dbmigrate.detect.DetectFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** One realistic project per tool (and dialect variants): tool, dialect, migrations folder, evidence, commands. */
class ToolDetectionTest {

    @ParameterizedTest(name = "{0} -> {1} ({2})")
    @CsvSource(nullValues = "null", value = {
            "prisma-postgres,       prisma,         postgresql, prisma/migrations",
            "prisma-sqlite,         prisma,         sqlite,     db/migrations",
            "prisma-multifile,      prisma,         mysql,      prisma/schema/migrations",
            "drizzle-postgres,      drizzle,        postgresql, drizzle",
            "drizzle-mysql-legacy,  drizzle,        mysql,      migrations",
            "typeorm-mysql,         typeorm,        mysql,      src/migrations",
            "sequelize-postgres,    sequelize,      postgresql, db/migrations",
            "knex-mysql,            knex,           mysql,      db/migrations",
            "knex-no-dialect,       knex,           null,       migrations",
            "django-postgres,       django,         postgresql, .",
            "django-sqlite,         django,         sqlite,     shop/migrations",
            "django-dburl,          django,         mysql,      polls/migrations",
            "alembic-mysql,         alembic,        mysql,      alembic/versions",
            "rails-mysql2,          rails,          mysql,      db/migrate",
            "rails-trilogy,         rails,          mysql,      db/migrate",
            "golang-migrate,        golang-migrate, postgresql, db/migrations",
            "goose,                 goose,          sqlite,     sql/schema",
            "flyway-maven,          flyway,         postgresql, src/main/resources/db/migration",
            "flyway-conf,           flyway,         mariadb,    sql/migrations",
            "liquibase-yaml,        liquibase,      postgresql, src/main/resources/db/changelog/db.changelog-master.yaml",
            "liquibase-cli,         liquibase,      mysql,      changelog/root.changelog.xml",
            "diesel,                diesel,         postgresql, migrations",
            "dbmate,                dbmate,         postgresql, db/migrations",
            "sqlx-sqlite,           sqlx,           sqlite,     migrations",
            "sqlx-reversible,       sqlx,           postgresql, migrations",
            "raw-sql,               raw-sql,        postgresql, db/migrations",
    })
    void detectsTheToolDialectAndMigrationsOfEachProject(String fixture, String tool, String dialect, String migrations) {
        DetectResult r = scan(fixture);
        Detection d = only(r);
        assertThat(d.tool()).isEqualTo(Tool.fromId(tool).orElseThrow());
        assertThat(d.dialect()).isEqualTo(dialect == null ? null : Dialect.fromId(dialect).orElseThrow());
        assertThat(d.root()).isEqualTo(r.projectPath());
        assertThat(d.migrationsPath()).isNotNull();
        assertThat(rel(r, d.migrationsPath())).isEqualTo(migrations);
        assertThat(d.confidence()).isEqualTo("high");
        assertThat(d.commands().create()).isNotBlank();
        assertThat(d.commands().apply()).isNotBlank();
        assertThat(d.commands().rollback()).isNotBlank();
        assertThat(d.commands().status()).isNotBlank();
        assertThat(r.message()).isNull();
    }

    @Test
    void prismaReadsTheProviderFromTheSchemaAndTheMigrationLock() {
        Detection d = only(scan("prisma-postgres"));
        assertThat(d.evidence()).contains(
                "package.json: devDependency prisma ^5.10.0",
                "prisma/schema.prisma: provider = \"postgresql\"",
                "prisma/migrations: 3 migrations (<timestamp>_<name>/migration.sql)",
                "prisma/migrations/migration_lock.toml: provider = \"postgresql\"");
        assertThat(d.configFiles()).extracting(p -> p.getFileName().toString()).contains("schema.prisma", "package.json");
        assertThat(d.commands().create()).isEqualTo("npx prisma migrate dev --name <name>");
        assertThat(d.commands().apply()).isEqualTo("npx prisma migrate deploy");
        assertThat(d.commands().rollback()).startsWith("npx prisma migrate resolve --rolled-back <migration>").contains("no down migrations");
        assertThat(d.commands().status()).isEqualTo("npx prisma migrate status");
    }

    @Test
    void prismaFollowsThePackageJsonSchemaLocation() {
        Detection d = only(scan("prisma-sqlite"));
        assertThat(d.evidence()).contains("package.json: \"prisma\": {\"schema\": \"db/schema.prisma\"}", "db/schema.prisma: provider = \"sqlite\"");
        // the db/ folder holding schema.prisma is not reported as a second project
        assertThat(d.evidence()).noneMatch(e -> e.startsWith("schema.prisma"));
    }

    @Test
    void drizzleLegacyDriverConfigGetsTheOldPerDialectCommands() {
        Detection d = only(scan("drizzle-mysql-legacy"));
        assertThat(d.evidence()).contains("drizzle.config.json: driver: \"mysql2\" (legacy)");
        assertThat(d.commands().create()).startsWith("npx drizzle-kit generate:mysql");
        assertThat(d.commands().apply()).startsWith("(none: drizzle-kit < 0.21 has no migrate command");
        Detection modern = only(scan("drizzle-postgres"));
        assertThat(modern.commands().apply()).isEqualTo("npx drizzle-kit migrate");
        assertThat(modern.commands().rollback()).startsWith("(none: drizzle-kit has no down migrations");
    }

    @Test
    void typeormSkipsEntityColumnTypesAndUsesTheDataSourceFile() {
        Detection d = only(scan("typeorm-mysql"));
        assertThat(d.evidence()).contains("src/data-source.ts: DataSource type: \"mysql\", migrations: src/migrations/*.ts",
                "src/migrations: 2 migrations (<timestamp>-<Name>.ts)");
        assertThat(d.commands().apply()).isEqualTo("npx typeorm-ts-node-commonjs migration:run -d src/data-source.ts");
        assertThat(d.commands().rollback()).startsWith("npx typeorm-ts-node-commonjs migration:revert -d src/data-source.ts");
        assertThat(d.commands().status()).isEqualTo("npx typeorm-ts-node-commonjs migration:show -d src/data-source.ts");
    }

    @Test
    void sequelizeFollowsSequelizercPaths() {
        Detection d = only(scan("sequelize-postgres"));
        assertThat(d.evidence()).contains(".sequelizerc: migrations-path db/migrations", "config/database.json: dialect 'postgres'");
        assertThat(d.commands().apply()).isEqualTo("npx sequelize-cli db:migrate");
        assertThat(d.commands().rollback()).startsWith("npx sequelize-cli db:migrate:undo");
    }

    @Test
    void knexReadsClientAndMigrationsDirectoryFromTheKnexfile() {
        Detection d = only(scan("knex-mysql"));
        assertThat(d.evidence()).contains("knexfile.js: client 'mysql2', migrations.directory db/migrations");
        assertThat(d.commands().apply()).isEqualTo("npx knex migrate:latest");
        assertThat(d.commands().rollback()).startsWith("npx knex migrate:rollback");
    }

    @Test
    void aDialectTheProjectDoesNotConfigureIsNull() {
        Detection d = only(scan("knex-no-dialect"));
        assertThat(d.dialect()).isNull();
        assertThat(d.evidence()).contains("knexfile.js: no literal client, migrations.directory migrations");
    }

    @Test
    void djangoReportsTheManagePyRootAndEveryAppFolder() {
        Detection multi = only(scan("django-postgres"));
        assertThat(multi.evidence()).contains("mysite/settings.py: ENGINE django.db.backends.postgresql",
                "3 migrations in 2 apps: accounts/migrations (2), blog/migrations (1)");
        assertThat(multi.commands().create()).isEqualTo("python manage.py makemigrations <app>");
        assertThat(multi.commands().status()).isEqualTo("python manage.py showmigrations");

        Detection single = only(scan("django-sqlite"));
        assertThat(single.evidence()).contains("config/settings/base.py: ENGINE django.db.backends.sqlite3");
        assertThat(single.commands().create()).isEqualTo("python manage.py makemigrations shop");
        assertThat(single.commands().apply()).isEqualTo("python manage.py migrate");
        assertThat(single.commands().rollback()).startsWith("python manage.py migrate shop 0002_product_sku");
    }

    @Test
    void djangoReadsTheDjDatabaseUrlDefaultWithoutLeakingThePassword() {
        Detection d = only(scan("django-dburl"));
        assertThat(d.evidence()).contains("core/settings.py: database URL default mysql://polls:***@localhost:3306/polls");
        assertThat(d.commands().rollback()).startsWith("python manage.py migrate polls zero");
    }

    @Test
    void alembicReadsScriptLocationAndUrlFromTheIni() {
        Detection d = only(scan("alembic-mysql"));
        assertThat(d.evidence()).contains("alembic.ini: script_location = %(here)s/alembic",
                "alembic.ini: sqlalchemy.url = mysql+pymysql://shop:***@db.internal:3306/shop", "alembic/versions: 2 revisions");
        assertThat(d.commands().create()).isEqualTo("alembic revision --autogenerate -m \"<message>\"");
        assertThat(d.commands().apply()).isEqualTo("alembic upgrade head");
        assertThat(d.commands().rollback()).isEqualTo("alembic downgrade -1");
        assertThat(d.commands().status()).isEqualTo("alembic current");
    }

    @Test
    void railsReadsAdaptersThroughErbAndYamlMergeKeys() {
        Detection mysql2 = only(scan("rails-mysql2"));
        assertThat(mysql2.evidence()).contains("config/database.yml: adapter 'mysql2'", "db/migrate: 3 migrations (<timestamp>_<name>.rb)");
        assertThat(mysql2.commands().apply()).isEqualTo("bin/rails db:migrate");
        assertThat(mysql2.commands().rollback()).isEqualTo("bin/rails db:rollback STEP=1");

        Detection trilogy = only(scan("rails-trilogy"));
        assertThat(trilogy.evidence()).contains("config/database.yml: adapter 'trilogy'", "database animals: migrations in db/animals_migrate");
        // sqlite3 is a test-group gem: it does not make the drivers ambiguous
        assertThat(trilogy.evidence()).contains("Gemfile: driver trilogy");
        assertThat(trilogy.commands().apply()).isEqualTo("bundle exec rails db:migrate");
    }

    @Test
    void golangMigrateCommandsCarryPathAndDatabase() {
        Detection d = only(scan("golang-migrate"));
        assertThat(d.evidence()).contains("db/migrations: 3 migrations ({version}_{title}.up.sql / .down.sql)",
                "Makefile: -database postgres://ledger:***@localhost:5432/ledger?sslmode=disable");
        assertThat(d.commands().create()).isEqualTo("migrate create -ext sql -dir db/migrations -seq <name>");
        assertThat(d.commands().apply()).isEqualTo("migrate -path db/migrations -database \"$DATABASE_URL\" up");
        assertThat(d.commands().rollback()).isEqualTo("migrate -path db/migrations -database \"$DATABASE_URL\" down 1");
        assertThat(d.commands().status()).isEqualTo("migrate -path db/migrations -database \"$DATABASE_URL\" version");
    }

    @Test
    void gooseUsesTheDriverAndFolderFromDotEnv() {
        Detection d = only(scan("goose"));
        assertThat(d.evidence()).contains(".env: GOOSE_MIGRATION_DIR=./sql/schema", ".env: GOOSE_DRIVER=sqlite3",
                "sql/schema: 3 migrations with goose annotations");
        assertThat(d.commands().apply()).isEqualTo("goose -dir sql/schema sqlite3 \"$GOOSE_DBSTRING\" up");
        assertThat(d.commands().rollback()).isEqualTo("goose -dir sql/schema sqlite3 \"$GOOSE_DBSTRING\" down");
        assertThat(d.commands().create()).isEqualTo("goose -dir sql/schema create <name> sql");
    }

    @Test
    void flywayGetsTheDialectFromTheJdbcDriverAndIgnoresTestScopedH2() {
        Detection d = only(scan("flyway-maven"));
        assertThat(d.evidence()).contains("pom.xml: dependency org.flywaydb:flyway-core",
                "src/main/resources/db/migration: 3 versioned migrations (V<version>__<description>.sql), 1 repeatable (R__)");
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("pom.xml: driver") && e.contains("org.postgresql:postgresql") && !e.contains("h2"));
        assertThat(d.commands().create()).isEqualTo("(none: Flyway has no create command; add src/main/resources/db/migration/V4__<description>.sql)");
        assertThat(d.commands().apply()).startsWith("flyway -locations=filesystem:src/main/resources/db/migration migrate");
        assertThat(d.commands().rollback()).contains("undo").contains("Teams");
        assertThat(d.commands().status()).startsWith("flyway -locations=filesystem:src/main/resources/db/migration info");
    }

    @Test
    void flywayConfSuppliesLocationsAndUrl() {
        Detection d = only(scan("flyway-conf"));
        assertThat(d.evidence()).contains("flyway.conf: flyway.locations=filesystem:sql/migrations",
                "sql/migrations: 2 versioned migrations (V<version>__<description>.sql), 1 undo (U<version>__)");
        assertThat(d.commands().apply()).isEqualTo("flyway migrate");
        assertThat(d.commands().create()).contains("sql/migrations/V2__<description>.sql");
    }

    @Test
    void liquibaseFindsTheYamlChangelogThroughSpringAndCountsIncludes() {
        Detection d = only(scan("liquibase-yaml"));
        assertThat(d.evidence()).contains(
                "src/main/resources/application.yml: spring.liquibase.change-log=classpath:db/changelog/db.changelog-master.yaml",
                "src/main/resources/db/changelog/db.changelog-master.yaml: changelog with 3 includes");
        assertThat(d.commands().apply())
                .isEqualTo("liquibase update --search-path=src/main/resources --changelog-file=db/changelog/db.changelog-master.yaml");
        assertThat(d.commands().rollback()).startsWith("liquibase rollback-count --count=1");

        Detection cli = only(scan("liquibase-cli"));
        assertThat(cli.evidence()).contains("changelog/root.changelog.xml: changelog with 2 changeSets");
        assertThat(cli.commands().apply()).isEqualTo("liquibase update");
        assertThat(cli.commands().status()).isEqualTo("liquibase status --verbose");
    }

    @Test
    void dieselReadsDieselTomlAndCargoFeatures() {
        Detection d = only(scan("diesel"));
        assertThat(d.evidence()).contains("diesel.toml: [migrations_directory] dir = \"migrations\", [print_schema] file = \"src/schema.rs\"",
                "migrations: 3 migrations (<timestamp>_<name>/up.sql + down.sql)");
        assertThat(d.evidence()).anyMatch(e -> e.startsWith("Cargo.toml: dependency diesel 2.1.0") && e.contains("postgres"));
        assertThat(d.commands()).isEqualTo(new Detection.Commands("diesel migration generate <name>", "diesel migration run",
                "diesel migration revert", "diesel migration list"));
    }

    @Test
    void dbmateReadsDatabaseUrlFromDotEnvAndRedactsThePassword() {
        Detection d = only(scan("dbmate"));
        assertThat(d.evidence()).contains(".env: DATABASE_URL=postgres://app:***@127.0.0.1:5432/app_dev?sslmode=disable");
        assertThat(d.commands()).isEqualTo(new Detection.Commands("dbmate new <name>", "dbmate up", "dbmate rollback", "dbmate status"));
    }

    @Test
    void sqlxTellsSimpleFromReversibleMigrations() {
        Detection simple = only(scan("sqlx-sqlite"));
        assertThat(simple.evidence()).contains("src/main.rs: sqlx::migrate!(\"./migrations\")", "migrations: 2 migrations (<version>_<name>.sql)");
        assertThat(simple.commands().create()).isEqualTo("sqlx migrate add <name>");
        assertThat(simple.commands().rollback()).startsWith("(none: these are simple (up-only) migrations");

        Detection reversible = only(scan("sqlx-reversible"));
        assertThat(reversible.commands().create()).isEqualTo("sqlx migrate add -r <name>");
        assertThat(reversible.commands().rollback()).isEqualTo("sqlx migrate revert");
        assertThat(reversible.commands().status()).isEqualTo("sqlx migrate info");
    }

    @Test
    void rawSqlIgnoresSeedsAndInfersTheDialectFromDockerCompose() {
        Detection d = only(scan("raw-sql"));
        assertThat(d.evidence()).contains(
                "db/migrations: 3 ordered .sql files (001_create_users.sql ... 003_backfill_order_totals.sql), no migration tool",
                "docker-compose.yml: image postgres:16-alpine (dialect inferred from the database service)");
        assertThat(d.commands().create()).isEqualTo("(none: no migration tool; add db/migrations/004_<name>.sql)");
        assertThat(d.commands().apply()).startsWith("psql \"$DATABASE_URL\" -v ON_ERROR_STOP=1 -1 -f db/migrations/<file>.sql");
    }

    @Test
    void passwordsNeverReachEvidence() {
        for (String fixture : List.of("alembic-mysql", "dbmate", "golang-migrate", "flyway-conf", "django-dburl", "monorepo", "liquibase-cli")) {
            DetectResult r = scan(fixture);
            for (Detection d : r.detections()) {
                assertThat(d.evidence()).as(fixture).noneMatch(e -> e.contains("s3cr3t-pw") || e.contains("pa55word") || e.contains("ledger-secret")
                        || e.contains("topsecret") || e.contains("hunter2") || e.contains("billing:billing@") || e.contains("library-pw"));
            }
        }
        assertThat(only(scan("flyway-conf")).evidence()).contains(
                "flyway.conf: flyway.url=jdbc:mariadb://db.example.com:3306/crm?user=crm&password=***");
    }
}

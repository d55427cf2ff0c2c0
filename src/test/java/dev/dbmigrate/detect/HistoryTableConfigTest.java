package dev.dbmigrate.detect;

import static dev.dbmigrate.detect.DetectFixtures.only;
import static dev.dbmigrate.detect.DetectFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.history.HistoryTables;
import dev.dbmigrate.model.Tool;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** History table names and schemas read where each tool keeps them (fixtures under projects/detect/history-tables). */
class HistoryTableConfigTest {

    @ParameterizedTest(name = "{0}: {2}.{3}")
    @CsvSource(nullValues = "null", value = {
            "flyway-conf,      flyway,         ledger,  ledger_schema_history, null,               'flyway.conf: flyway.table=ledger_schema_history, flyway.schemas=ledger,audit'",
            "flyway-toml,      flyway,         shop,    shop_history,          null,               'flyway.toml: table=shop_history, schemas=shop'",
            "flyway-spring,    flyway,         billing, billing_history,       null,               'src/main/resources/application.yml: spring.flyway.table=billing_history, spring.flyway.default-schema=billing'",
            "liquibase-props,  liquibase,      tooling, crm_changelog,         crm_changelog_lock, 'liquibase.properties: databaseChangeLogTableName=crm_changelog, databaseChangeLogLockTableName=crm_changelog_lock, liquibaseSchemaName=tooling'",
            "liquibase-spring, liquibase,      tooling, crm_changelog,         null,               'src/main/resources/application.properties: spring.liquibase.database-change-log-table=crm_changelog, spring.liquibase.liquibase-schema=tooling'",
            "knex,             knex,           ops,     app_migrations,        app_migrations_lock,'knexfile.js: migrations.tableName=app_migrations, migrations.schemaName=ops'",
            "sequelize,        sequelize,      meta,    blog_meta,             null,               'config/config.json: production.migrationStorageTableName=blog_meta, production.migrationStorageTableSchema=meta'",
            "typeorm,          typeorm,        null,    typeorm_history,       null,               'src/data-source.ts: migrationsTableName=typeorm_history'",
            "alembic,          alembic,        meta,    inventory_version,     null,               'alembic/env.py: version_table=inventory_version, version_table_schema=meta'",
            "goose,            goose,          ops,     goose_history,         null,               '.env: GOOSE_TABLE=ops.goose_history'",
            "golang-migrate,   golang-migrate, null,    ledger_versions,       null,               'Makefile: x-migrations-table=ledger_versions'",
            "dbmate,           dbmate,         null,    dbmate_history,        null,               '.env: DBMATE_MIGRATIONS_TABLE=dbmate_history'",
            "drizzle,          drizzle,        public,  drizzle_history,       null,               'drizzle.config.ts: migrations.table=drizzle_history, migrations.schema=public'",
    })
    void readsTheHistoryTableFromTheToolsOwnConfig(String fixture, String tool, String schema, String table, String lock, String source) {
        Detection d = only(scan("history-tables/" + fixture));
        assertThat(d.tool()).isEqualTo(Tool.fromId(tool).orElseThrow());
        assertThat(d.historyTable()).isEqualTo(new HistoryTables.Location(schema, table, lock, source));
        assertThat(d.evidence()).contains(source);
    }

    @Test
    void projectsThatKeepTheDefaultsHaveNone() {
        // flyway.schemas alone moves the table into the first schema, under its default name
        assertThat(only(scan("flyway-conf")).historyTable()).isEqualTo(new HistoryTables.Location("crm", null, null, "flyway.conf: flyway.schemas=crm"));
        assertThat(only(scan("knex-no-dialect")).historyTable()).isNull();
        assertThat(only(scan("dbmate")).historyTable()).isNull();
        assertThat(only(scan("prisma-postgres")).historyTable()).isNull();
    }
}

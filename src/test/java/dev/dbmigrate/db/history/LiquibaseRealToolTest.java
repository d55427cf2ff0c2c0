package dev.dbmigrate.db.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.history.HistoryAnalyzer;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real Liquibase (liquibase-core 4.33, test scope) on a formatted SQL changelog against the
 * embedded PostgreSQL, then checks that our MD5SUM of each changeSet equals the one Liquibase
 * recorded, and that the history merge reads DATABASECHANGELOG as Liquibase means it.
 */
class LiquibaseRealToolTest {

    @TempDir
    Path dir;

    private static final String CS1 = """
            CREATE TABLE customers (
                id    BIGSERIAL PRIMARY KEY,
                email TEXT NOT NULL
            );
            --rollback DROP TABLE customers;
            """;
    private static final String CS2 = """
            -- invoices keep the total with two decimals
            CREATE TABLE invoices (id bigserial primary key,\ttotal numeric(12,2));\r
            CREATE INDEX invoices_total_idx ON invoices (total);

            --rollback DROP TABLE invoices;
            """;
    private static final String CS3 = """
            --comment: customer e-mail view
            CREATE OR REPLACE VIEW v_customers AS SELECT id, email FROM customers;
            """;

    @Test
    void md5sumOfFormattedSqlChangeSetsEqualsLiquibases() throws Exception {
        Path changelog = TestMigrations.write(dir.resolve("changelog.sql"), "--liquibase formatted sql\n\n"
                + "--changeset alice:1\n" + CS1 + "\n"
                + "--changeset bob:2 labels:billing\n" + CS2 + "\n"
                + "--changeset carol:3 runOnChange:true\n" + CS3);
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            try (Connection c = db.connect()) {
                Database database = DatabaseFactory.getInstance().findCorrectDatabaseImplementation(new JdbcConnection(c));
                try (Liquibase lb = new Liquibase("changelog.sql", new DirectoryResourceAccessor(dir), database)) {
                    lb.update(new Contexts(), new LabelExpression());
                }
            }
            List<Migration> files = List.of(
                    TestMigrations.withText(Tool.LIQUIBASE, "1::alice", changelog, CS1, Map.of()),
                    TestMigrations.withText(Tool.LIQUIBASE, "2::bob", changelog, CS2, Map.of()),
                    TestMigrations.withText(Tool.LIQUIBASE, "3::carol", changelog, CS3, Map.of("runOnChange", true)));
            AppliedState state = HistoryDbFixture.read(db.jdbcUrl(), Tool.LIQUIBASE);
            assertThat(state.table()).isEqualTo("public.databasechangelog");
            HistoryTable table = HistoryTables.forTool(Tool.LIQUIBASE).orElseThrow();
            for (int i = 0; i < files.size(); i++) {
                String key = table.keyOf(files.get(i));
                AppliedMigration row = state.rows().stream().filter(r -> r.key().equals(key)).findFirst().orElseThrow();
                assertThat(row.checksum()).startsWith("9:");
                assertThat(table.checksumOf(files.get(i))).as("MD5SUM of %s", key).isEqualTo(row.checksum());
            }
            HistoryAnalyzer.Merge merge = HistoryAnalyzer.merge("db", "", files, table, state);
            assertThat(merge.states()).extracting(s -> s.status()).containsOnly(MigrationStatus.APPLIED);

            // edits: a changed table definition is modified; whitespace-only edits are not (Liquibase ignores them);
            // a runOnChange changeSet that changed is simply run again
            List<Migration> edited = List.of(
                    TestMigrations.withText(Tool.LIQUIBASE, "1::alice", changelog, CS1.replace("email TEXT NOT NULL", "email TEXT"), Map.of()),
                    TestMigrations.withText(Tool.LIQUIBASE, "2::bob", changelog, CS2.replace("\t", "    ").replace("\r", ""), Map.of()),
                    TestMigrations.withText(Tool.LIQUIBASE, "3::carol", changelog, CS3.replace("id, email", "id, email, 1 AS v"), Map.of("runOnChange", true)),
                    TestMigrations.withText(Tool.LIQUIBASE, "4::dave", changelog, "ALTER TABLE customers ADD COLUMN name text;\n", Map.of()));
            merge = HistoryAnalyzer.merge("db", "", edited, table, state);
            assertThat(merge.states()).extracting(s -> s.status()).containsExactly(
                    MigrationStatus.MODIFIED, MigrationStatus.APPLIED, MigrationStatus.PENDING, MigrationStatus.PENDING);
            assertThat(merge.states().get(2).note()).contains("runs it again");

            // a checksum written by Liquibase 3.x/4.x before checksum version 9 cannot be compared: said, not guessed
            List<AppliedMigration> v8 = state.rows().stream().map(r -> new AppliedMigration(r.key(), r.version(), r.name(), r.appliedAt(),
                    "8:" + r.checksum().substring(2), r.state(), r.order(), r.details())).toList();
            merge = HistoryAnalyzer.merge("db", "", files, table, new AppliedState(state.tool(), state.table(), true, state.semantics(), v8, null, List.of()));
            assertThat(merge.states()).extracting(s -> s.status()).containsOnly(MigrationStatus.APPLIED);
            assertThat(merge.states().get(0).note()).contains("not verified");
        }
    }
}

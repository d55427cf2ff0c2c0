package dev.dbmigrate.db.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.history.HistoryAnalyzer;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Runs real Flyway (flyway-core + flyway-database-postgresql) against the embedded PostgreSQL and
 * checks that our CRC32 equals the checksum Flyway recorded, for files with a BOM, CRLF and CR
 * line endings, trailing blanks, no final newline and non-ASCII text; then that the history merge
 * sees applied / modified / pending / missing / repeatable-changed exactly.
 */
class FlywayRealToolTest {

    @TempDir
    Path dir;

    @Test
    void checksumsEqualFlywaysAndStatusesFollow() throws Exception {
        Path sql = dir.resolve("db/migration");
        Path v1 = TestMigrations.write(sql.resolve("V1__create_customers.sql"),
                "CREATE TABLE customers (\n  id bigserial PRIMARY KEY,\n  email text NOT NULL\n);\n");
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = "-- Kundenadressen: Straße, café, 東京\r\nCREATE TABLE addresses (id bigserial PRIMARY KEY, line1 text);\r\n".getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, withBom, 0, bom.length);
        System.arraycopy(body, 0, withBom, bom.length, body.length);
        Path v1_1 = TestMigrations.write(sql.resolve("V1_1__addresses_bom_crlf.sql"), withBom);
        Path v1_10 = TestMigrations.write(sql.resolve("V1_10__trailing_blanks.sql"),
                "ALTER TABLE customers ADD COLUMN name text;   \n\t\n\nCREATE INDEX customers_email_idx ON customers (email);\t ");
        Path v2 = TestMigrations.write(sql.resolve("V2__old_mac_line_endings.sql"), "ALTER TABLE customers ADD COLUMN note text;\rSELECT 1;\r");
        Path r = TestMigrations.write(sql.resolve("R__customer_view.sql"), "CREATE OR REPLACE VIEW customer_emails AS SELECT id, email FROM customers;\n");

        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password())
                    .locations("filesystem:" + sql).load().migrate();

            Map<String, Integer> recorded = new LinkedHashMap<>();
            try (Connection c = db.connect(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT script, checksum FROM flyway_schema_history WHERE checksum IS NOT NULL")) {
                while (rs.next()) recorded.put(rs.getString(1), rs.getInt(2));
            }
            assertThat(recorded).hasSize(5);
            for (Path f : List.of(v1, v1_1, v1_10, v2, r)) {
                assertThat(Checksums.flyway(Files.readAllBytes(f)))
                        .as("checksum of %s", f.getFileName())
                        .isEqualTo(recorded.get(f.getFileName().toString()));
            }

            // now the project moves on: V1_1 is edited, the view changes, V3 is new, V1_10 is deleted
            TestMigrations.write(v1_1, "CREATE TABLE addresses (id bigserial PRIMARY KEY, line1 text, city text);\n");
            TestMigrations.write(r, "CREATE OR REPLACE VIEW customer_emails AS SELECT id, email, name FROM customers;\n");
            Path v3 = TestMigrations.write(sql.resolve("V3__orders.sql"), "CREATE TABLE orders (id bigserial PRIMARY KEY);\n");
            Files.delete(v1_10);
            List<Migration> files = new ArrayList<>();
            files.add(TestMigrations.of(Tool.FLYWAY, "1", "1", v1));
            files.add(TestMigrations.of(Tool.FLYWAY, "1.1", "1.1", v1_1));
            files.add(TestMigrations.of(Tool.FLYWAY, "2", "2", v2));
            files.add(TestMigrations.of(Tool.FLYWAY, "3", "3", v3));
            files.add(TestMigrations.of(Tool.FLYWAY, "customer view", null, r));

            HistoryTable table = HistoryTables.forTool(Tool.FLYWAY).orElseThrow();
            AppliedState state;
            try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse(db.jdbcUrl()))) {
                state = HistoryTables.read(s, table, HistoryTables.Location.DEFAULT);
            }
            assertThat(state.tableFound()).isTrue();
            assertThat(state.table()).isEqualTo("public.flyway_schema_history");
            HistoryAnalyzer.Merge merge = HistoryAnalyzer.merge("db", "", files, table, state);
            assertThat(merge.states()).extracting(x -> x.status()).containsExactly(
                    MigrationStatus.APPLIED, MigrationStatus.MODIFIED, MigrationStatus.APPLIED, MigrationStatus.PENDING, MigrationStatus.PENDING);
            assertThat(merge.states().get(0).appliedAt()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d.*");
            assertThat(merge.states().get(4).note()).contains("runs it again");
            assertThat(merge.missing()).extracting(x -> x.row().version()).containsExactly("1.10");
            assertThat(merge.problems()).extracting(p -> p.kind()).containsExactlyInAnyOrder("modified", "missing");
            assertThat(merge.current()).isEqualTo("2");
        }
    }
}

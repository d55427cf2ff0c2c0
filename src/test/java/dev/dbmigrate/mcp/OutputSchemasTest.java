package dev.dbmigrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import dev.dbmigrate.testing.TestDatabases;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every MCP tool, called once through the server's own call path on one Flyway project and a real
 * (embedded) PostgreSQL, returns structuredContent that its declared output schema accepts, and
 * writes tool, dialect, severity and status ids in lower case.
 */
class OutputSchemasTest {

    @TempDir
    Path dir;

    @Test
    void everyToolsStructuredContentConformsToItsOutputSchema() throws Exception {
        Path sql = Files.createDirectories(dir.resolve("sql"));
        Files.writeString(dir.resolve("flyway.conf"), "flyway.url=jdbc:postgresql://localhost:5432/shop\nflyway.locations=filesystem:sql\n");
        Files.writeString(sql.resolve("V1__customers.sql"), "CREATE TABLE customers (id bigint PRIMARY KEY, email text NOT NULL, nickname text);\n");
        Files.writeString(sql.resolve("V2__orders.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers (id));\n");
        Files.writeString(sql.resolve("V3__drop_nickname.sql"), "ALTER TABLE customers DROP COLUMN nickname;\nALTER TABLE customers ADD COLUMN status text NOT NULL;\n");
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            Flyway.configure().dataSource(db.jdbcUrl(), db.user(), db.password()).locations("filesystem:" + sql).target("2").load().migrate();
            try (Connection c = db.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE INDEX customers_email_idx ON customers (email)"); // a hotfix: drift
            }
            Map<String, Map<String, Object>> calls = new LinkedHashMap<>();
            calls.put("detect_orm", Map.of("projectPath", dir.toString()));
            calls.put("validate_migration", Map.of("path", sql.resolve("V3__drop_nickname.sql").toString()));
            calls.put("plan_rollback", Map.of("projectPath", dir.toString()));
            calls.put("migration_history", Map.of("projectPath", dir.toString(), "databaseUrl", db.jdbcUrl()));
            calls.put("check_drift", Map.of("projectPath", dir.toString(), "databaseUrl", db.jdbcUrl()));
            calls.put("dry_run_migration", Map.of("projectPath", dir.toString()));

            Map<String, Object> results = new LinkedHashMap<>();
            List<ToolDefinition> tools = DbMigrateTools.all(new DbMigrateService());
            assertThat(tools).extracting(ToolDefinition::name).containsExactlyInAnyOrderElementsOf(calls.keySet());
            JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
            for (ToolDefinition def : tools) {
                McpSchema.CallToolResult r = McpServerFactory.call(def, null, new McpSchema.CallToolRequest(def.name(), calls.get(def.name())), dir);
                assertThat(r.isError()).as(def.name() + ": " + r.content()).isFalse();
                Map<String, Object> schema = new ObjectMapper().readValue(McpServerFactory.schema(def.name(), "output"), new TypeReference<>() {});
                JsonSchemaValidator.ValidationResponse v = validator.validate(schema, r.structuredContent());
                assertThat(v.valid()).as(def.name() + ": " + v.errorMessage()).isTrue();
                List<String> ids = new ArrayList<>();
                collect(r.structuredContent(), ids);
                assertThat(ids).as(def.name()).isNotEmpty().allMatch(id -> id.matches("[a-z][a-z-]*"));
                results.put(def.name(), r.structuredContent());
            }
            // the run covered the interesting cases: findings, applied and pending migrations, drift, a rollback step
            String json = dev.dbmigrate.render.Json.pretty(results);
            assertThat(json).contains("\"severity\" : \"error\"", "\"status\" : \"applied\"", "\"status\" : \"pending\"",
                    "\"drift\" : true", "\"kind\" : \"extra\"", "\"source\" : \"generated\"", "\"risk\" : \"HIGH\"",
                    "\"verdict\"");
        }
    }

    /** The values of the enum-valued fields, wherever they are nested (not the tool's shell commands). */
    private static void collect(Object node, List<String> out) {
        if (node instanceof Map<?, ?> m) {
            m.forEach((k, v) -> {
                if (k.equals("commands")) return;
                if (v instanceof String s && List.of("tool", "dialect", "severity", "status", "category", "confidence", "kind", "object", "source").contains(k)) {
                    out.add(s);
                }
                collect(v, out);
            });
        } else if (node instanceof List<?> l) {
            l.forEach(x -> collect(x, out));
        }
    }
}

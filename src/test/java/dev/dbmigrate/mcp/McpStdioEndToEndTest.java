package dev.dbmigrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real server process over stdio with the SDK client. */
class McpStdioEndToEndTest {

    static McpTestClient mcp;

    @BeforeAll
    static void start() {
        mcp = McpTestClient.start();
    }

    @AfterAll
    static void stop() {
        mcp.close();
    }

    @Test
    void listsTheMissionToolsWithSchemasAndAnnotations() {
        List<McpSchema.Tool> tools = mcp.tools();
        assertThat(tools).extracting(McpSchema.Tool::name)
                .contains("detect_orm", "validate_migration", "plan_rollback", "migration_history", "check_drift");
        for (McpSchema.Tool t : tools) {
            assertThat(t.description()).as(t.name()).hasSizeGreaterThan(80);
            assertThat(t.inputSchema()).as(t.name()).isNotNull();
            assertThat(t.outputSchema()).as(t.name()).isNotNull();
            assertThat(t.annotations()).as(t.name()).isNotNull();
            assertThat(t.annotations().readOnlyHint()).as(t.name()).isNotNull();
            assertThat(t.annotations().destructiveHint()).as(t.name()).isNotNull();
            assertThat(t.annotations().idempotentHint()).as(t.name()).isNotNull();
            assertThat(t.annotations().openWorldHint()).as(t.name()).isNotNull();
        }
    }

    @Test
    void detectOnAnEmptyProjectReturnsAMessageNotAnError(@TempDir Path dir) {
        McpSchema.CallToolResult r = mcp.call("detect_orm", Map.of("projectPath", dir.toString()));
        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
        assertThat(sc.get("detections")).isEqualTo(List.of());
        assertThat((String) sc.get("message")).contains("no migration tool");
    }

    @Test
    void detectOnAMonorepoReturnsOneDetectionPerProjectRootAsStructuredContent() throws Exception {
        Path monorepo = Path.of(getClass().getResource("/projects/detect/monorepo").toURI());
        McpSchema.CallToolResult r = mcp.call("detect_orm", Map.of("projectPath", monorepo.toString()));
        assertThat(r.isError()).isFalse();
        @SuppressWarnings("unchecked")
        Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
        assertThat(sc.get("projectPath")).isEqualTo(monorepo.toString());
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> detections = (List<Map<String, Object>>) sc.get("detections");
        assertThat(detections).extracting(d -> d.get("tool")).containsExactly("prisma", "drizzle", "alembic", "goose");
        assertThat(detections).extracting(d -> d.get("dialect")).containsExactly("postgresql", "sqlite", "postgresql", "postgresql");
        assertThat(detections).extracting(d -> d.get("root"))
                .containsExactly(monorepo.resolve("apps/api").toString(), monorepo.resolve("apps/web").toString(),
                        monorepo.resolve("services/billing").toString(), monorepo.resolve("services/events").toString());
        Map<String, Object> prisma = detections.get(0);
        assertThat(prisma.get("confidence")).isEqualTo("high");
        assertThat(prisma.get("migrationsPath")).isEqualTo(monorepo.resolve("apps/api/prisma/migrations").toString());
        assertThat(prisma.get("commands")).isEqualTo(Map.of(
                "create", "npx prisma migrate dev --name <name>",
                "apply", "npx prisma migrate deploy",
                "rollback", ((Map<?, ?>) prisma.get("commands")).get("rollback"),
                "status", "npx prisma migrate status"));
        assertThat(prisma.get("evidence")).asInstanceOf(InstanceOfAssertFactories.LIST).contains("prisma/schema.prisma: provider = \"postgresql\"");
        assertThat(McpTestClient.text(r)).contains("Found 4 migration setups in 4 project roots");
    }

    @Test
    void aPathThatDoesNotExistIsAnErrorResultAndTheServerKeepsServing(@TempDir Path dir) {
        McpSchema.CallToolResult bad = mcp.call("detect_orm", Map.of("projectPath", dir.resolve("nope").toString()));
        assertThat(bad.isError()).isTrue();
        assertThat(McpTestClient.text(bad)).contains("nope").contains("does not exist");
        McpSchema.CallToolResult good = mcp.call("detect_orm", Map.of("projectPath", dir.toString()));
        assertThat(good.isError()).isFalse();
    }
}

package dev.dbmigrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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
    void aPathThatDoesNotExistIsAnErrorResultAndTheServerKeepsServing(@TempDir Path dir) {
        McpSchema.CallToolResult bad = mcp.call("detect_orm", Map.of("projectPath", dir.resolve("nope").toString()));
        assertThat(bad.isError()).isTrue();
        assertThat(McpTestClient.text(bad)).contains("nope").contains("does not exist");
        McpSchema.CallToolResult good = mcp.call("detect_orm", Map.of("projectPath", dir.toString()));
        assertThat(good.isError()).isFalse();
    }
}

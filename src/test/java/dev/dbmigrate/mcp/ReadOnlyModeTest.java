package dev.dbmigrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.WriteGuard;
import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Read-only audit mode: --read-only or DB_MIGRATE_READ_ONLY serve only read-only tools and refuse every write. */
class ReadOnlyModeTest {

    private static final ToolDefinition WRITER = new ToolDefinition("write_something", "Writes", "Writes a file.",
            false, true, false, false, (args, progress) -> "written");

    @Test
    void theFlagServesExactlyTheReadOnlyToolsAndTheAuditPromptsAndTheAuditStillWorks(@TempDir Path project) throws Exception {
        Set<String> readOnlyInNormalMode;
        try (McpTestClient normal = McpTestClient.start()) {
            readOnlyInNormalMode = normal.tools().stream()
                    .filter(t -> Boolean.TRUE.equals(t.annotations().readOnlyHint()))
                    .map(McpSchema.Tool::name).collect(Collectors.toSet());
        }
        Files.createDirectories(project.resolve("prisma/migrations/20240101000000_init"));
        Files.writeString(project.resolve("prisma/schema.prisma"), "datasource db {\n  provider = \"postgresql\"\n  url = env(\"DATABASE_URL\")\n}\n");
        Files.writeString(project.resolve("prisma/migrations/20240101000000_init/migration.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\n");
        try (McpTestClient audit = McpTestClient.start("--read-only")) {
            List<McpSchema.Tool> tools = audit.tools();
            assertThat(tools).isNotEmpty().allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).as(t.name()).isTrue());
            assertThat(tools).extracting(McpSchema.Tool::name).containsExactlyInAnyOrderElementsOf(readOnlyInNormalMode);
            assertThat(audit.client().getServerInstructions()).contains("read-only audit mode");
            assertThat(audit.client().listPrompts().prompts()).extracting(McpSchema.Prompt::name)
                    .containsExactlyInAnyOrder("validate", "plan", "history");
            McpSchema.CallToolResult detected = audit.call("detect_orm", Map.of("projectPath", project.toString()));
            assertThat(detected.isError()).isFalse();
            assertThat(McpTestClient.text(detected)).startsWith("db-migrate | ");
        }
    }

    @Test
    void theEnvironmentVariableTurnsItOnToo() {
        try (McpTestClient audit = McpTestClient.start(Map.of(WriteGuard.ENV, "true"))) {
            assertThat(audit.client().getServerInstructions()).contains("read-only audit mode");
            assertThat(audit.tools()).allSatisfy(t -> assertThat(t.annotations().readOnlyHint()).isTrue());
        }
    }

    @Test
    void aToolWithoutReadOnlyHintIsNotOfferedInReadOnlyMode() {
        ToolDefinition reader = new ToolDefinition("read_something", "Reads", "Reads.", true, false, true, false, (a, p) -> "read");
        assertThat(McpServerFactory.offered(List.of(reader, WRITER), true)).containsExactly(reader);
        assertThat(McpServerFactory.offered(List.of(reader, WRITER), false)).containsExactly(reader, WRITER);
    }

    @Test
    void theGuardRefusesWritesEvenForAToolThatForgotItsAnnotation() {
        DbMigrateService service = new DbMigrateService(WriteGuard.READ_ONLY);
        ToolDefinition careless = new ToolDefinition("careless", "Careless", "Claims to read.", true, false, true, false,
                (args, progress) -> {
                    service.writeGuard().requireWritable("dry run on scratch database postgresql://localhost/scratch");
                    return "done";
                });
        McpSchema.CallToolResult r = McpServerFactory.call(careless, null,
                new McpSchema.CallToolRequest("careless", Map.of()), Path.of("").toAbsolutePath());
        assertThat(r.isError()).isTrue();
        assertThat(McpTestClient.text(r))
                .contains("refused in read-only audit mode")
                .contains("dry run on scratch database postgresql://localhost/scratch");
    }

    @Test
    void theGuardAllowsWritesOutsideReadOnlyMode() {
        WriteGuard.WRITABLE.requireWritable("write prisma/migrations/x/migration.sql");
        assertThat(new DbMigrateService().writeGuard().readOnly()).isFalse();
        assertThatThrownBy(() -> WriteGuard.READ_ONLY.requireWritable("write prisma/migrations/x/migration.sql"))
                .isInstanceOf(InputException.class).hasMessageContaining("--read-only").hasMessageContaining(WriteGuard.ENV);
    }

    @Test
    void theEnvironmentValuesThatMeanYes() {
        for (String yes : List.of("1", "true", "TRUE", " yes ", "on")) {
            assertThat(WriteGuard.requestedBy(Map.of(WriteGuard.ENV, yes))).as(yes).isTrue();
        }
        for (String no : List.of("", "0", "false", "no", "off", "maybe")) {
            assertThat(WriteGuard.requestedBy(Map.of(WriteGuard.ENV, no))).as(no).isFalse();
        }
        assertThat(WriteGuard.requestedBy(Map.of())).isFalse();
    }
}

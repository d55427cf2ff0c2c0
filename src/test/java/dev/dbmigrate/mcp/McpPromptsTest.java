package dev.dbmigrate.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The six /db-migrate actions as MCP prompts, over stdio with the SDK client (one server for the class). */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class McpPromptsTest {

    private final McpTestClient mcp = McpTestClient.start();

    @AfterAll
    void stop() {
        mcp.close();
    }

    @Test
    void theServerAdvertisesPromptsAndListsTheSixActionsWithArguments() {
        assertThat(mcp.client().getServerCapabilities().prompts()).isNotNull();
        List<McpSchema.Prompt> prompts = mcp.client().listPrompts().prompts();
        assertThat(prompts).extracting(McpSchema.Prompt::name)
                .containsExactlyInAnyOrder("setup", "generate", "validate", "plan", "history", "rollback");
        for (McpSchema.Prompt p : prompts) {
            assertThat(p.description()).as(p.name()).isNotBlank();
            assertThat(p.title()).as(p.name()).isNotBlank();
            assertThat(p.arguments()).as(p.name()).isNotEmpty().allSatisfy(a -> assertThat(a.description()).isNotBlank());
        }
        McpSchema.Prompt generate = prompts.stream().filter(p -> p.name().equals("generate")).findFirst().orElseThrow();
        assertThat(generate.arguments()).filteredOn(McpSchema.PromptArgument::required).extracting(McpSchema.PromptArgument::name)
                .containsExactly("description");
    }

    @Test
    void getReturnsTheCommandTextWithPlainToolNamesAndTheArgumentsFilledIn() {
        McpSchema.GetPromptResult r = mcp.client().getPrompt(new McpSchema.GetPromptRequest("validate",
                Map.of("path", "db/migrations/0042_add_index.sql", "databaseUrl", "postgresql://localhost/app")));
        assertThat(r.messages()).hasSize(1);
        assertThat(r.messages().get(0).role()).isEqualTo(McpSchema.Role.USER);
        String text = ((McpSchema.TextContent) r.messages().get(0).content()).text();
        assertThat(text)
                .startsWith("# db-migrate validate")
                .contains("Arguments: path=db/migrations/0042_add_index.sql databaseUrl=postgresql://localhost/app")
                .contains("`validate_migration`")
                .doesNotContain("mcp__plugin_")
                .doesNotContain("$ARGUMENTS")
                .doesNotContain("allowed-tools");
        assertThat(r.description()).isEqualTo(Prompts.Command.load("validate").description());
    }

    @Test
    void withoutArgumentsThePromptSaysSo() {
        McpSchema.GetPromptResult r = mcp.client().getPrompt(new McpSchema.GetPromptRequest("history", Map.of()));
        assertThat(((McpSchema.TextContent) r.messages().get(0).content()).text()).contains("Arguments: (none given)");
    }

    @Test
    void anUnknownPromptIsAnError() {
        assertThatThrownBy(() -> mcp.client().getPrompt(new McpSchema.GetPromptRequest("deploy", Map.of())))
                .isInstanceOf(io.modelcontextprotocol.spec.McpError.class).hasMessageContaining("Invalid prompt name");
    }

    @Test
    void aCommandFileWithoutFrontmatterOrDescriptionIsRejectedWithItsName() {
        assertThatThrownBy(() -> Prompts.Command.parse("x.md", "# no frontmatter\n")).hasMessageContaining("x.md");
        assertThatThrownBy(() -> Prompts.Command.parse("y.md", "---\nargument-hint: a\n---\nbody\n")).hasMessageContaining("y.md: no description");
        assertThat(Prompts.Command.parse("z.md", "---\ndescription: d\n---\n\nbody $ARGUMENTS\n").body()).isEqualTo("body $ARGUMENTS\n");
    }
}

package dev.dbmigrate.db.dryrun;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.cli.Cli;
import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The dry run through the real MCP server (stdio) and through the CLI. */
class DryRunFacesTest {

    static final String BILLING = Path.of("src/test/resources/projects/rollback/pg-billing").toAbsolutePath().toString();

    @Test
    @SuppressWarnings("unchecked")
    void theMcpToolIsAnnotatedAsWritingAndReturnsStructuredContent() {
        try (McpTestClient client = McpTestClient.start()) {
            McpSchema.Tool tool = client.tools().stream().filter(t -> t.name().equals("dry_run_migration")).findFirst().orElseThrow();
            assertThat(tool.annotations().readOnlyHint()).isFalse();
            assertThat(tool.annotations().destructiveHint()).isTrue();
            assertThat(tool.annotations().idempotentHint()).isFalse();
            assertThat(tool.annotations().openWorldHint()).isTrue();
            assertThat((Map<String, Object>) tool.inputSchema().get("properties")).containsKeys("projectPath", "migration", "databaseUrl", "scratch", "dialect", "rollback");

            McpSchema.CallToolResult r = client.call("dry_run_migration", Map.of("projectPath", BILLING, "migration", "3", "rollback", "down"));
            assertThat(r.isError()).isFalse();
            assertThat(McpTestClient.text(r)).startsWith("db-migrate | Dry run")
                    .contains("[FAIL] round trip", "column accounts.seats is left behind", "lock: ACCESS EXCLUSIVE on accounts (blocks reads and writes)");
            @SuppressWarnings("unchecked")
            Map<String, Object> structured = (Map<String, Object>) r.structuredContent();
            assertThat(structured).containsEntry("passed", false).containsEntry("rollbackSource", "down").containsEntry("migration", "3");

            McpSchema.CallToolResult refused = client.call("dry_run_migration",
                    Map.of("projectPath", BILLING, "databaseUrl", "postgresql://app:s3cret@db.example.com/prod"));
            assertThat(refused.isError()).isTrue();
            assertThat(McpTestClient.text(refused)).contains("refusing to run a dry run on postgresql://app:***@db.example.com/prod").doesNotContain("s3cret");
        }
    }

    @Test
    void theCliExitsWithOneWhenTheRoundTripFailsAndZeroWhenItPasses() {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        assertThat(Cli.run(new PrintWriter(out), new PrintWriter(err), "dry-run", BILLING, "--migration", "3", "--rollback", "down")).isEqualTo(Cli.PROBLEMS);
        assertThat(out.toString()).contains("Verdict: FAIL: the down rollback of 3 does not restore the schema (3 difference(s))");

        out.getBuffer().setLength(0);
        assertThat(Cli.run(new PrintWriter(out), new PrintWriter(err), "dry-run", BILLING, "--migration", "3", "--format", "json")).isEqualTo(Cli.OK);
        assertThat(out.toString()).contains("\"passed\" : true", "\"rollbackSource\" : \"generated\"");

        err.getBuffer().setLength(0);
        assertThat(Cli.run(new PrintWriter(out), new PrintWriter(err), "dry-run", BILLING, "--database-url", "postgresql://localhost/prod")).isEqualTo(Cli.USAGE);
        assertThat(err.toString()).contains("db-migrate: refusing to run a dry run on postgresql://localhost/prod").contains("--scratch");
    }
}

package dev.dbmigrate.read.alembic;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.cli.Cli;
import dev.dbmigrate.detect.ProjectScanner;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Alembic and Django readers and parsers behind the real faces: the {@code validate} CLI
 * command and the {@code validate_migration} MCP tool over stdio. The fixture projects are copied
 * with a {@code .db-migrate.yml} naming the tool, so that these tests do not depend on the
 * detectors; {@link #walkingUpFromAPythonMigrationFindsTheProject} covers detection when present.
 */
class PythonMigrationsEndToEndTest {

    private static final Path PROJECTS = Path.of("src/test/resources/projects/python").toAbsolutePath();
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    static Path tmp;
    static Path alembic;
    static Path django;
    static McpTestClient mcp;

    @BeforeAll
    static void setUp() throws IOException {
        alembic = copy("alembic-shop", "alembic-shop", "tool: alembic\n");
        django = copy("django-shop", "django-shop", "tool: django\n");
        mcp = McpTestClient.start();
    }

    @AfterAll
    static void tearDown() {
        if (mcp != null) mcp.close();
    }

    /** Copies a fixture project to {@code name} under the temp folder, with {@code config} as .db-migrate.yml (none when null). */
    private static Path copy(String project, String name, String config) throws IOException {
        Path src = PROJECTS.resolve(project);
        Path dst = tmp.resolve(name);
        try (Stream<Path> s = Files.walk(src)) {
            s.forEach(p -> {
                try {
                    Path t = dst.resolve(src.relativize(p).toString());
                    if (Files.isDirectory(p)) Files.createDirectories(t);
                    else Files.copy(p, t);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
        if (config != null) Files.writeString(dst.resolve(".db-migrate.yml"), config);
        return dst;
    }

    private record Run(int code, String out, String err) {}

    private static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void cliValidatesTheAlembicProjectInDownRevisionOrder() throws IOException {
        Run r = cli("validate", alembic.toString(), "--project", alembic.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("tool").asText()).isEqualTo("alembic");
        assertThat(j.path("files")).extracting(JsonNode::asText).containsExactly(
                "alembic/versions/1a2b3c4d5e6f_create_customers_and_orders.py",
                "alembic/versions/2b3c4d5e6f70_add_customer_tenant.py",
                "alembic/versions/3c4d5e6f7081_narrow_customer_name.py",
                "alembic/versions/4d5e6f708192_index_orders_created_at.py",
                "alembic/versions/5e6f708192a3_merge_heads.py",
                "alembic/versions/6f708192a3b4_backfill_order_status.py",
                "alembic/versions/708192a3b4c5_add_order_priority.py");
        assertThat(j.path("unparsed")).isEmpty();
        JsonNode index = finding(j, "require-concurrent-index-creation");
        assertThat(index.path("file").asText()).isEqualTo("alembic/versions/3c4d5e6f7081_narrow_customer_name.py");
        assertThat(index.path("line").asInt()).isEqualTo(26);
        assertThat(index.path("column").asInt()).isEqualTo(5);
        assertThat(index.path("statement").asText()).isEqualTo("op.create_index(\"ix_customers_name\", \"customers\", [\"name\"])");
        assertThat(j.path("findings")).noneMatch(f -> f.path("file").asText().contains("4d5e6f708192"));
        assertThat(at(j, "adding-required-field")).isEqualTo("alembic/versions/2b3c4d5e6f70_add_customer_tenant.py:21");
        assertThat(at(j, "narrowing-column-type")).isEqualTo("alembic/versions/3c4d5e6f7081_narrow_customer_name.py:19");
        assertThat(at(j, "update-without-where")).isEqualTo("alembic/versions/6f708192a3b4_backfill_order_status.py:18");
    }

    @Test
    void cliValidatesTheWholeDjangoProject() throws IOException {
        Run r = cli("validate", django.toString(), "--project", django.toString(), "--format", "json");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("files")).extracting(JsonNode::asText).containsExactly(
                "accounts/migrations/0001_initial.py",
                "shop/migrations/0001_squashed_0003_order_total.py",
                "shop/migrations/0004_rename_note_order_comment_alter_customer_name.py",
                "shop/migrations/0005_order_status_index.py",
                "shop/migrations/0006_backfill_and_constraints.py",
                "billing/migrations/0001_initial.py",
                "billing/migrations/0002_invoice_products_invoice_paid.py");
        assertThat(at(j, "renaming-column")).isEqualTo("shop/migrations/0004_rename_note_order_comment_alter_customer_name.py:13");
        assertThat(at(j, "narrowing-column-type")).isEqualTo("shop/migrations/0004_rename_note_order_comment_alter_customer_name.py:18");
        assertThat(at(j, "ban-drop-column")).isEqualTo("billing/migrations/0002_invoice_products_invoice_paid.py:26");
        assertThat(j.path("findings")).as("AddField with default=: Django fills existing rows")
                .noneMatch(f -> f.path("rule").asText().equals("adding-required-field"));
        assertThat(j.path("unparsed")).isEmpty();
    }

    @Test
    void cliValidatesOneDjangoMigrationAgainstTheStateOfTheEarlierOnes() throws IOException {
        Path file = django.resolve("shop/migrations/0006_backfill_and_constraints.py");
        Run r = cli("validate", file.toString(), "--project", django.toString(), "--format", "json");
        assertThat(r.err()).isEmpty();
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("tool").asText()).isEqualTo("django");
        assertThat(j.path("migrationsReplayed").asInt()).as("accounts.0001, the squash, shop.0004, shop.0005").isEqualTo(4);
        JsonNode index = finding(j, "require-concurrent-index-creation");
        assertThat(index.path("line").asInt()).as("the RunSQL call").isEqualTo(18);
        assertThat(index.path("statement").asText()).startsWith("CREATE INDEX shop_orders_paid_idx ON shop_orders");
    }

    @Test
    void unreadableDjangoOperationsAreReportedByTheCli() throws IOException {
        Path file = django.resolve("shop/migrations/0007_custom_operation.py");
        Files.writeString(file, """
                from django.db import migrations


                class Migration(migrations.Migration):
                    dependencies = [("shop", "0006_backfill_and_constraints")]
                    operations = [
                        migrations.RemoveField(model_name="order", name="comment"),
                        partitioning.AddPartition("shop_orders", "2024_q2"),
                    ]
                """);
        try {
            Run r = cli("validate", file.toString(), "--project", django.toString(), "--format", "json");
            JsonNode j = JSON.readTree(r.out());
            assertThat(j.path("unparsed")).singleElement().satisfies(u -> {
                assertThat(u.path("line").asInt()).isEqualTo(8);
                assertThat(u.toString()).contains("not a Django built-in");
            });
        } finally {
            Files.delete(file);
        }
    }

    @Test
    void mcpValidateMigrationOnAnAlembicRevisionAndADjangoMigration() {
        McpSchema.CallToolResult a = mcp.call("validate_migration", Map.of(
                "path", alembic.resolve("alembic/versions/3c4d5e6f7081_narrow_customer_name.py").toString(),
                "projectPath", alembic.toString()));
        assertThat(a.isError()).isFalse();
        Map<String, Object> sa = structured(a);
        assertThat(sa.get("tool")).isEqualTo("alembic");
        assertThat(findings(sa)).anySatisfy(f -> {
            assertThat(f.get("rule")).isEqualTo("require-concurrent-index-creation");
            assertThat(f.get("line")).isEqualTo(26);
        });
        McpSchema.CallToolResult d = mcp.call("validate_migration", Map.of(
                "path", django.resolve("shop/migrations/0005_order_status_index.py").toString(),
                "projectPath", django.toString()));
        assertThat(d.isError()).isFalse();
        Map<String, Object> sd = structured(d);
        assertThat(sd.get("tool")).isEqualTo("django");
        assertThat(findings(sd)).as("AddIndexConcurrently in an atomic = False migration").isEmpty();
        assertThat((List<?>) sd.get("unparsed")).isEmpty();
    }

    @Test
    void walkingUpFromAPythonMigrationFindsTheProject() throws IOException {
        Path plain = tmp.resolve("plain-alembic");
        if (!Files.exists(plain)) copy("alembic-shop", "plain-alembic", null);
        assumeTrue(new ProjectScanner().scan(plain).detections().stream().anyMatch(x -> x.tool() == Tool.ALEMBIC),
                "the Alembic detector is not in this build yet");
        Run r = cli("validate", plain.resolve("alembic/versions/3c4d5e6f7081_narrow_customer_name.py").toString(), "--format", "json");
        JsonNode j = JSON.readTree(r.out());
        assertThat(j.path("tool").asText()).isEqualTo("alembic");
        assertThat(finding(j, "require-concurrent-index-creation").path("line").asInt()).isEqualTo(26);
    }

    /** "file:line" of the first finding of {@code rule}. */
    private static String at(JsonNode result, String rule) {
        JsonNode f = finding(result, rule);
        return f.path("file").asText() + ":" + f.path("line").asInt();
    }

    private static JsonNode finding(JsonNode result, String rule) {
        for (JsonNode f : result.path("findings")) {
            if (f.path("rule").asText().equals(rule)) return f;
        }
        throw new AssertionError("no " + rule + " finding in " + result.path("findings"));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> structured(McpSchema.CallToolResult r) {
        return (Map<String, Object>) r.structuredContent();
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> findings(Map<String, Object> sc) {
        return (List<Map<String, Object>>) sc.get("findings");
    }
}

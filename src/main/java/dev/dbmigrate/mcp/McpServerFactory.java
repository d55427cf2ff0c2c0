package dev.dbmigrate.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.InputException;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures.SyncToolSpecification;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ProgressNotification;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Builds the MCP server: registers each {@link ToolDefinition} and adapts calls to results. */
public final class McpServerFactory {

    private static final Logger LOG = LoggerFactory.getLogger(McpServerFactory.class);

    public static final String SERVER_NAME = "db-migrate";

    static final String INSTRUCTIONS = """
            db-migrate makes database schema migrations safe. Typical workflow:
            1. detect_orm on the project root: which migration tool, dialect and migrations folder.
            2. validate_migration on a new or changed migration file (or the whole folder) before it ships:
               it replays the earlier migrations, then reports data loss, locking, failing-on-existing-rows and
               backward-compatibility hazards with safe multi-step fixes.
            3. plan_rollback for the way back (generated from the schema, or the tool's own down, checked).
            4. migration_history for order, integrity problems and, with a databaseUrl, what is applied where.
            Every tool is read-only unless its annotations say otherwise. Paths may be absolute or relative to
            the server's working directory. The prompts (setup, generate, validate, plan, history, rollback) walk
            through each workflow.""";

    static final String READ_ONLY_INSTRUCTIONS = """

            This server runs in read-only audit mode: it offers only read-only tools and refuses every write
            (files, databases). Report findings; do not change migrations.""";

    private McpServerFactory() {}

    /**
     * The server. In read-only audit mode (the service's {@link dev.dbmigrate.service.WriteGuard} is read-only) it
     * offers only the tools annotated readOnlyHint=true and only the prompts whose workflow does not write.
     */
    public static McpSyncServer build(McpServerTransportProvider transport, DbMigrateService service, Path workingDir, String version) {
        boolean readOnly = service.writeGuard().readOnly();
        McpJsonMapper mapper = new JacksonMcpJsonMapper(new ObjectMapper());
        List<SyncToolSpecification> specs = new ArrayList<>();
        for (ToolDefinition def : offered(DbMigrateTools.all(service), readOnly)) {
            specs.add(toSpec(def, mapper, workingDir));
        }
        return McpServer.sync(transport)
                .serverInfo(SERVER_NAME, version)
                .instructions(INSTRUCTIONS + (readOnly ? READ_ONLY_INSTRUCTIONS : ""))
                .capabilities(McpSchema.ServerCapabilities.builder().tools(false).prompts(false).logging().build())
                .tools(specs)
                .prompts(Prompts.specifications(readOnly))
                .build();
    }

    /** The tools a server in the given mode offers. */
    static List<ToolDefinition> offered(List<ToolDefinition> all, boolean readOnly) {
        return all.stream().filter(def -> !readOnly || def.readOnly()).toList();
    }

    static SyncToolSpecification toSpec(ToolDefinition def, McpJsonMapper mapper, Path workingDir) {
        McpSchema.Tool tool = McpSchema.Tool.builder()
                .name(def.name())
                .title(def.title())
                .description(def.description())
                .inputSchema(mapper, schema(def.name(), "input"))
                .outputSchema(mapper, schema(def.name(), "output"))
                .annotations(McpSchema.ToolAnnotations.builder()
                        .title(def.title())
                        .readOnlyHint(def.readOnly())
                        .destructiveHint(def.destructive())
                        .idempotentHint(def.idempotent())
                        .openWorldHint(def.openWorld())
                        .build())
                .build();
        return SyncToolSpecification.builder()
                .tool(tool)
                .callHandler((exchange, request) -> call(def, exchange, request, workingDir))
                .build();
    }

    static CallToolResult call(ToolDefinition def, McpSyncServerExchange exchange, McpSchema.CallToolRequest request, Path workingDir) {
        try {
            Object result = def.handler().call(new ToolArgs(request.arguments(), workingDir), progress(exchange, request));
            return CallToolResult.builder()
                    .addTextContent(TextRenderer.render(result))
                    .structuredContent(Json.toMap(result))
                    .isError(false)
                    .build();
        } catch (InputException e) {
            return CallToolResult.builder().addTextContent(e.getMessage()).isError(true).build();
        } catch (RuntimeException e) {
            LOG.error("{} failed", def.name(), e);
            return CallToolResult.builder()
                    .addTextContent(def.name() + " failed unexpectedly: " + e.getClass().getSimpleName()
                            + (e.getMessage() == null ? "" : ": " + e.getMessage()))
                    .isError(true)
                    .build();
        }
    }

    private static Progress progress(McpSyncServerExchange exchange, McpSchema.CallToolRequest request) {
        Object token = request.meta() == null ? null : request.meta().get("progressToken");
        if (token == null || exchange == null) return Progress.NONE;
        return (done, total, message) -> {
            try {
                ProgressNotification.Builder b = ProgressNotification.builder(token, (double) done).message(message);
                if (total >= 0) b.total((double) total);
                exchange.progressNotification(b.build());
            } catch (RuntimeException e) {
                LOG.debug("progress notification dropped", e);
            }
        };
    }

    static String schema(String tool, String kind) {
        String path = "/mcp/schemas/" + tool + "." + kind + ".json";
        try (InputStream in = McpServerFactory.class.getResourceAsStream(path)) {
            if (in == null) throw new IllegalStateException("missing schema resource " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * Warm MCP latency: starts the real server over stdio (the MCP SDK client), then calls
 * validate_migration on one migration of a project N times and prints the latency of each call
 * as the client sees it (JSON-RPC round trip included): the first (cold) call, then the median,
 * p90 and max of the warm calls.
 *
 * Usage: java -cp target/db-migrate.jar:BUILD McpWarmBench JAR MIGRATION_FILE [CALLS]
 */
public class McpWarmBench {
    public static void main(String[] args) {
        String jar = args[0];
        String file = args[1];
        int calls = args.length > 2 ? Integer.parseInt(args[2]) : 50;
        ServerParameters params = ServerParameters.builder("java").args("-jar", jar).build();
        StdioClientTransport transport = new StdioClientTransport(params, new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(line -> { });
        McpSyncClient client = McpClient.sync(transport).requestTimeout(Duration.ofSeconds(120)).build();
        client.initialize();
        List<Double> warm = new ArrayList<>();
        double first = 0;
        String risk = null;
        for (int i = 0; i <= calls; i++) {
            long t0 = System.nanoTime();
            McpSchema.CallToolResult r = client.callTool(new McpSchema.CallToolRequest("validate_migration", Map.of("path", file)));
            double ms = (System.nanoTime() - t0) / 1e6;
            if (Boolean.TRUE.equals(r.isError())) throw new IllegalStateException("validate_migration failed: " + r.content());
            @SuppressWarnings("unchecked")
            Map<String, Object> sc = (Map<String, Object>) r.structuredContent();
            risk = sc.get("risk") + ", " + sc.get("migrationsReplayed") + " migrations replayed, " + ((List<?>) sc.get("findings")).size() + " findings";
            if (i == 0) first = ms;
            else warm.add(ms);
        }
        client.closeGracefully();
        Collections.sort(warm);
        System.out.printf("validate_migration %s (%s)%n", file, risk);
        System.out.printf("first call: %.1f ms; warm calls (%d): median %.1f ms, p90 %.1f ms, max %.1f ms%n",
                first, warm.size(), warm.get(warm.size() / 2), warm.get((int) (warm.size() * 0.9)), warm.get(warm.size() - 1));
    }
}

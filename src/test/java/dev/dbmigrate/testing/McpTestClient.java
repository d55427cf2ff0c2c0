package dev.dbmigrate.testing;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpSchema;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Starts the real server ({@code java -cp <test classpath> dev.dbmigrate.Main}) as a child process
 * and talks to it over stdio with the MCP SDK's own client.
 */
public final class McpTestClient implements AutoCloseable {

    private final McpSyncClient client;

    private McpTestClient(McpSyncClient client) {
        this.client = client;
    }

    public static McpTestClient start(String... serverArgs) {
        return start(Map.of(), serverArgs);
    }

    public static McpTestClient start(Map<String, String> env, String... serverArgs) {
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> args = new ArrayList<>(List.of("-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1", "-cp", cp, "dev.dbmigrate.Main"));
        args.addAll(List.of(serverArgs));
        ServerParameters.Builder params = ServerParameters.builder(java).args(args);
        env.forEach(params::addEnvVar);
        var transport = new StdioClientTransport(params.build(), new JacksonMcpJsonMapper(new ObjectMapper()));
        transport.setStdErrorHandler(line -> System.err.println("[server] " + line));
        McpSyncClient client = McpClient.sync(transport)
                .requestTimeout(Duration.ofSeconds(120))
                .initializationTimeout(Duration.ofSeconds(60))
                .build();
        client.initialize();
        return new McpTestClient(client);
    }

    public McpSyncClient client() {
        return client;
    }

    public List<McpSchema.Tool> tools() {
        return client.listTools().tools();
    }

    public McpSchema.CallToolResult call(String tool, Map<String, Object> args) {
        return client.callTool(new McpSchema.CallToolRequest(tool, args));
    }

    /** The text of the first text content block. */
    public static String text(McpSchema.CallToolResult r) {
        return r.content().stream()
                .filter(c -> c instanceof McpSchema.TextContent)
                .map(c -> ((McpSchema.TextContent) c).text())
                .findFirst().orElse("");
    }

    @Override
    public void close() {
        client.closeGracefully();
    }

}

package dev.dbmigrate.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.Version;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.WriteGuard;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;

/** Runs the stdio MCP server. stdout carries JSON-RPC only. */
public final class ServerMain {

    /** Environment variable that turns on read-only audit mode (for the plugin config). */
    public static final String READ_ONLY_ENV = WriteGuard.ENV;

    private ServerMain() {}

    public static boolean readOnlyFromEnvironment() {
        return WriteGuard.requestedBy(System.getenv());
    }

    public static void run(boolean readOnly) {
        // The protocol owns the real stdout; anything else that prints goes to stderr.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        var transport = new StdioServerTransportProvider(new JacksonMcpJsonMapper(new ObjectMapper()), System.in, protocolOut);
        McpServerFactory.build(transport, new DbMigrateService(WriteGuard.of(readOnly)), Path.of("").toAbsolutePath(), Version.VERSION);
        // The transport's stdin reader is a non-daemon thread: the JVM exits when stdin closes.
    }

}

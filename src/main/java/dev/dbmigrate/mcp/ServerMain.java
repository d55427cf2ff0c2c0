package dev.dbmigrate.mcp;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.Version;
import dev.dbmigrate.service.DbMigrateService;
import io.modelcontextprotocol.json.jackson2.JacksonMcpJsonMapper;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import java.io.FileOutputStream;
import java.io.FileDescriptor;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Set;

/** Runs the stdio MCP server. stdout carries JSON-RPC only. */
public final class ServerMain {

    /** Environment variable that turns on read-only audit mode (for the plugin config). */
    public static final String READ_ONLY_ENV = "DB_MIGRATE_READ_ONLY";

    private ServerMain() {}

    public static boolean readOnlyFromEnvironment() {
        String v = System.getenv(READ_ONLY_ENV);
        return v != null && Set.of("1", "true", "yes", "on").contains(v.trim().toLowerCase(Locale.ROOT));
    }

    public static void run(boolean readOnly) {
        // The protocol owns the real stdout; anything else that prints goes to stderr.
        OutputStream protocolOut = new FileOutputStream(FileDescriptor.out);
        System.setOut(new PrintStream(new FileOutputStream(FileDescriptor.err), true));
        var transport = new StdioServerTransportProvider(new JacksonMcpJsonMapper(new ObjectMapper()), System.in, protocolOut);
        McpServerFactory.build(transport, new DbMigrateService(), Path.of("").toAbsolutePath(), readOnly, Version.VERSION);
        // The transport's stdin reader is a non-daemon thread: the JVM exits when stdin closes.
    }

}

package dev.dbmigrate;

import dev.dbmigrate.cli.Cli;
import dev.dbmigrate.mcp.ServerMain;
import java.util.Arrays;
import java.util.Set;

/**
 * One jar, two faces: with no command (or {@code serve}) it is a stdio MCP server; with a command
 * ({@code detect}, {@code validate}, ...) it is a CLI.
 */
public final class Main {

    private static final Set<String> SERVER_FLAGS = Set.of("--read-only");

    private Main() {}

    public static void main(String[] args) {
        if (isServerMode(args)) {
            boolean readOnly = Arrays.asList(args).contains("--read-only") || ServerMain.readOnlyFromEnvironment();
            ServerMain.run(readOnly);
            return;
        }
        int code = Cli.run(args);
        if (code != Cli.SERVING) System.exit(code);
    }

    static boolean isServerMode(String[] args) {
        if (args.length == 0) return true;
        return Arrays.stream(args).allMatch(SERVER_FLAGS::contains);
    }
}

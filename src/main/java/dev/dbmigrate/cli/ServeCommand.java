package dev.dbmigrate.cli;

import dev.dbmigrate.mcp.ServerMain;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true,
        description = "Run the stdio MCP server (the default when no command is given).")
final class ServeCommand implements java.util.concurrent.Callable<Integer> {

    @Option(names = "--read-only", description = "Audit mode: offer only read-only tools and refuse every write. Also: DB_MIGRATE_READ_ONLY=1.")
    boolean readOnly;

    @Override
    public Integer call() {
        ServerMain.run(readOnly || ServerMain.readOnlyFromEnvironment());
        return Cli.SERVING;
    }
}

package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.Version;
import dev.dbmigrate.service.DbMigrateService;
import java.io.PrintWriter;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The command line. Exit codes: 0 success, 1 problems found (validate: findings at or above
 * --fail-on), 2 bad usage or unreadable input (one line on stderr).
 */
@Command(
        name = "db-migrate",
        mixinStandardHelpOptions = true,
        versionProvider = Cli.VersionProvider.class,
        description = {
            "Safe database schema migrations: detect the migration tool, validate migrations, plan rollbacks, history, drift.",
            "Without a command (or with 'serve') it runs as a stdio MCP server."
        },
        subcommands = {DetectCommand.class, ValidateCommand.class, RollbackCommand.class, DryRunCommand.class, HistoryCommand.class, DriftCommand.class, RulesCommand.class, ServeCommand.class, CommandLine.HelpCommand.class})
public final class Cli implements Runnable {

    public static final int OK = 0;
    public static final int PROBLEMS = 1;
    public static final int USAGE = 2;
    /** Returned by {@code serve}: the server runs on its own threads; the caller must not exit. */
    public static final int SERVING = -1;

    private static final Logger LOG = LoggerFactory.getLogger(Cli.class);

    /** Shared by all subcommands of one invocation. */
    static final DbMigrateService SERVICE = new DbMigrateService(dev.dbmigrate.service.WriteGuard.of(dev.dbmigrate.service.WriteGuard.requestedBy(System.getenv())));

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getErr());
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
    }

    public static int run(String... args) {
        return run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args);
    }

    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine cl = new CommandLine(new Cli());
        cl.setOut(out);
        cl.setErr(err);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        cl.setExitCodeExceptionMapper(e -> USAGE);
        cl.setParameterExceptionHandler((ex, a) -> {
            ex.getCommandLine().getErr().println("db-migrate: " + ex.getMessage());
            ex.getCommandLine().getErr().println("Try '" + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help' for more information.");
            return USAGE;
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parseResult) -> {
            if (ex instanceof InputException) {
                commandLine.getErr().println("db-migrate: " + oneLine(ex.getMessage()));
                return USAGE;
            }
            LOG.debug("command failed", ex);
            commandLine.getErr().println("db-migrate: internal error: " + ex.getClass().getSimpleName()
                    + (ex.getMessage() == null ? "" : ": " + oneLine(ex.getMessage())));
            return USAGE;
        });
        int code = cl.execute(args);
        out.flush();
        err.flush();
        return code;
    }

    static String oneLine(String s) {
        return s == null ? "" : s.replaceAll("\\s*\\R\\s*", " ").trim();
    }

    static final class VersionProvider implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return new String[] {"db-migrate " + Version.VERSION};
        }
    }
}

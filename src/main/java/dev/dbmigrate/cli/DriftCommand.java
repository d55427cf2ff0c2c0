package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "drift", mixinStandardHelpOptions = true,
        description = {
            "Compare the schema the applied migrations build with the live database (read-only).",
            "Reports tables, columns, indexes, constraints and enums that are missing, extra or different, with the SQL that reconciles them.",
            "Exit code 1 when there is drift."
        })
final class DriftCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Project root or migrations folder (default: current directory).")
    Path path;

    @Option(names = "--database-url", paramLabel = "URL", description = "The database (postgresql://, mysql://, mariadb://, sqlite:path, jdbc:...).")
    String databaseUrl;

    @Option(names = "--env", paramLabel = "NAME", description = "An environment from .db-migrate.yml instead of --database-url.")
    String environment;

    @Option(names = "--ignore-table", paramLabel = "TABLE", description = "A table to leave out (repeatable); the tool's own history tables always are.")
    List<String> ignoreTables = new ArrayList<>();

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or sql (only the reconciliation SQL). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Set.of("text", "json", "sql").contains(format)) throw new InputException("unknown --format '" + format + "' (text, json, sql)");
        if ((databaseUrl == null) == (environment == null)) throw new InputException("give either --database-url or --env");
        DriftResult r = Cli.SERVICE.drift(path, databaseUrl, environment, ignoreTables);
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(Json.pretty(r));
            case "sql" -> out.print(r.sql());
            default -> out.print(TextRenderer.render(r));
        }
        out.flush();
        return r.drift() ? Cli.PROBLEMS : Cli.OK;
    }
}

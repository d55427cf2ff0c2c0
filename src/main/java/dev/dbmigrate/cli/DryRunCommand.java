package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.db.dryrun.DryRunRequest;
import dev.dbmigrate.db.dryrun.DryRunResult;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "dry-run", mixinStandardHelpOptions = true,
        description = {
            "Try a migration and its rollback on a scratch database and check the rollback restores the schema.",
            "Applies the earlier migrations, the migration (default: the latest) and its rollback, with each statement's time and locks.",
            "Default database: a temporary one on an embedded PostgreSQL (SQLite projects: a temporary file).",
            "Exit code: 0 PASS, 1 FAIL (a statement fails or the rollback does not restore the schema), 2 bad usage."
        })
final class DryRunCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Project root or migrations folder (default: current directory).")
    Path path;

    @Option(names = "--migration", paramLabel = "ID", description = "Migration id or version prefix to try (default: the latest).")
    String migration;

    @Option(names = "--database-url", paramLabel = "URL", description = "An empty scratch database to run on (needs --scratch).")
    String databaseUrl;

    @Option(names = "--scratch", description = "Confirm that --database-url is a scratch database that may be written to.")
    boolean scratch;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql, mysql, mariadb or sqlite (default: from the project).")
    String dialect;

    @Option(names = "--rollback", defaultValue = "plan", paramLabel = "SOURCE",
            description = "plan (what the rollback command gives), generated (the generated inverse) or down (the tool's own down). Default: ${DEFAULT-VALUE}.")
    String rollback;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text or json. Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!java.util.Set.of("text", "json").contains(format)) throw new InputException("unknown --format '" + format + "' (text, json)");
        Dialect d = dialect == null ? null : Dialect.fromId(dialect).orElseThrow(() -> new InputException("unknown dialect '" + dialect + "'"));
        DryRunResult r = Cli.SERVICE.dryRun(new DryRunRequest(path, migration, databaseUrl, scratch, d, DryRunRequest.Rollback.fromId(rollback)),
                ProgressPrinter.forStderr(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        if (format.equals("json")) out.println(Json.pretty(r));
        else out.print(TextRenderer.render(r));
        out.flush();
        return r.passed() ? Cli.OK : Cli.PROBLEMS;
    }
}

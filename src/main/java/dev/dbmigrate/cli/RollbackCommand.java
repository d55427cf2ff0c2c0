package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rollback.RollbackRequest;
import dev.dbmigrate.analyse.rollback.RollbackResult;
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

@Command(name = "rollback", mixinStandardHelpOptions = true,
        description = {
            "Plan the rollback of a migration (default: the latest) or of every migration after --target.",
            "Prints the rollback SQL, what data cannot come back, the point of no return, the tool's own command and a backup command.",
            "It never runs anything."
        })
final class RollbackCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Project root or migrations folder (default: current directory).")
    Path path;

    @Option(names = "--migration", paramLabel = "ID", description = "Migration id or version prefix to roll back (default: the latest).")
    String migration;

    @Option(names = "--target", paramLabel = "ID", description = "Roll back every migration after this one, newest first.")
    String target;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql, mysql, mariadb or sqlite (default: from the project).")
    String dialect;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or sql (only the rollback script). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!java.util.Set.of("text", "json", "sql").contains(format)) throw new InputException("unknown --format '" + format + "' (text, json, sql)");
        Dialect d = dialect == null ? null : Dialect.fromId(dialect).orElseThrow(() -> new InputException("unknown dialect '" + dialect + "'"));
        RollbackResult r = Cli.SERVICE.planRollback(new RollbackRequest(path, migration, target, d));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(Json.pretty(r));
            case "sql" -> out.print(r.sql());
            default -> out.print(TextRenderer.render(r));
        }
        out.flush();
        return Cli.OK;
    }
}

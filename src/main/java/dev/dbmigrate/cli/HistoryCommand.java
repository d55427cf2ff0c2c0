package dev.dbmigrate.cli;

import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.history.MigrationStatus;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "history", mixinStandardHelpOptions = true,
        description = {
            "List the migrations in the order the tool applies them, with integrity problems.",
            "With --database-url (repeatable) or --env, read each database's history table (read-only) and show",
            "applied / pending / failed / modified / missing per migration, one column per database.",
            "Exit code 1 when a database could not be read or holds failed, modified or missing migrations."
        })
final class HistoryCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Project root or migrations folder (default: current directory).")
    Path path;

    @Option(names = "--database-url", paramLabel = "URL",
            description = "Database to read (postgresql://, mysql://, mariadb://, sqlite:path, jdbc:...). Repeatable; NAME=URL labels it.")
    List<String> databaseUrls = new ArrayList<>();

    @Option(names = "--env", paramLabel = "NAME", description = "Environment from .db-migrate.yml (repeatable; 'all' for every one).")
    List<String> environments = new ArrayList<>();

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        HistoryResult r = Cli.SERVICE.history(path, databaseUrls, environments);
        format.print(spec.commandLine().getOut(), r);
        boolean unreadable = r.environments().stream().anyMatch(e -> !e.reachable());
        boolean bad = r.migrations().stream().flatMap(m -> m.states().stream())
                .anyMatch(s -> s.status() == MigrationStatus.FAILED || s.status() == MigrationStatus.MODIFIED || s.status() == MigrationStatus.MISSING);
        return unreadable || bad ? Cli.PROBLEMS : Cli.OK;
    }
}

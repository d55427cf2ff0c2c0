package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.detect.DetectResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

@Command(name = "detect", mixinStandardHelpOptions = true,
        description = "Detect the migration tool(s), dialect and migrations folder of a project (monorepos: one entry per project root).")
final class DetectCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", defaultValue = ".", paramLabel = "PATH", description = "Project directory (default: current directory).")
    Path path;

    @Mixin
    FormatOption format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        if (!Files.exists(path)) throw new InputException(path + ": no such directory");
        DetectResult result = Cli.SERVICE.detect(path);
        format.print(spec.commandLine().getOut(), result);
        return Cli.OK;
    }
}

package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.render.RulesDoc;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "rules", mixinStandardHelpOptions = true,
        description = "List every rule: id, category, default severity, dialects and what it catches.")
final class RulesCommand implements Callable<Integer> {

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT", description = "text, json or markdown. Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        String out = switch (format) {
            case "text" -> RulesDoc.text();
            case "json" -> RulesDoc.json();
            case "markdown" -> RulesDoc.markdown();
            default -> throw new InputException("unknown --format '" + format + "' (text, json, markdown)");
        };
        spec.commandLine().getOut().print(out);
        spec.commandLine().getOut().flush();
        return Cli.OK;
    }
}

package dev.dbmigrate.cli;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.render.GithubAnnotations;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.Sarif;
import dev.dbmigrate.render.TextRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "validate", mixinStandardHelpOptions = true,
        description = {
            "Check migrations for data loss, locks, failures on existing rows and breaking changes.",
            "PATH is a migration file or a folder; earlier migrations of the project are replayed first.",
            "Exit code: 0 clean, 1 findings at or above --fail-on, 2 bad usage or unreadable input."
        })
final class ValidateCommand implements Callable<Integer> {

    @Parameters(index = "0", arity = "0..1", paramLabel = "PATH", description = "Migration file or folder (omit with --sql).")
    Path path;

    @Option(names = "--sql", paramLabel = "SQL", description = "Check this SQL text instead of a file.")
    String sql;

    @Option(names = "--project", paramLabel = "DIR", description = "Project root, when it cannot be found from PATH.")
    Path project;

    @Option(names = "--dialect", paramLabel = "DIALECT", description = "postgresql, mysql, mariadb or sqlite (default: from the project).")
    String dialect;

    @Option(names = "--pg-version", paramLabel = "N", description = "PostgreSQL major version (default: .db-migrate.yml, else 15).")
    Integer pgVersion;

    @Option(names = "--database-url", paramLabel = "URL", description = "Live database for data-aware evidence (read-only queries).")
    String databaseUrl;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "error, warning or info (default: .db-migrate.yml failOn, else error).")
    String failOn;

    @Option(names = "--format", defaultValue = "text", paramLabel = "FORMAT",
            description = "text, json, sarif (SARIF 2.1.0) or github (workflow annotations). Default: ${DEFAULT-VALUE}.")
    String format;

    @Spec
    CommandSpec spec;

    /**
     * Code scanning and workflow annotations resolve paths from the repository root, where CI runs the
     * command; the report's paths are relative to the project root, which may be a subfolder.
     */
    static ValidateResult pathsFromWorkingDirectory(ValidateResult r) {
        if (r.projectPath() == null) return r;
        Path cwd = Path.of("").toAbsolutePath().normalize();
        Path root = Path.of(r.projectPath());
        if (!root.startsWith(cwd) || root.equals(cwd)) return r;
        java.util.List<dev.dbmigrate.analyse.rules.Finding> moved = new java.util.ArrayList<>();
        for (dev.dbmigrate.analyse.rules.Finding f : r.findings()) {
            String file = f.file() == null ? null : cwd.relativize(root.resolve(f.file()).normalize()).toString();
            moved.add(new dev.dbmigrate.analyse.rules.Finding(f.rule(), f.severity(), f.category(), file, f.line(), f.column(), f.statement(),
                    f.message(), f.lock(), f.fix(), f.evidence(), f.failsOnData()));
        }
        return new ValidateResult(r.risk(), r.target(), cwd.toString(), r.tool(), r.dialect(), r.pgVersion(), r.files(), r.migrationsReplayed(),
                r.statements(), r.summary(), moved, r.unparsed(), r.notes());
    }

    @Override
    public Integer call() {
        if (path == null && sql == null) throw new InputException("give a migration file or folder, or --sql");
        Dialect d = dialect == null ? null : Dialect.fromId(dialect)
                .orElseThrow(() -> new InputException("unknown dialect '" + dialect + "' (postgresql, mysql, mariadb, sqlite)"));
        if (!java.util.Set.of("text", "json", "sarif", "github").contains(format)) {
            throw new InputException("unknown --format '" + format + "' (text, json, sarif, github)");
        }
        Severity threshold = null;
        if (failOn != null) {
            threshold = Severity.fromId(failOn).orElseThrow(() -> new InputException("--fail-on must be error, warning or info"));
        }
        ValidateResult r = Cli.SERVICE.validate(new ValidateRequest(path, sql, project, d, pgVersion, databaseUrl),
                ProgressPrinter.forStderr(spec.commandLine().getErr()));
        PrintWriter out = spec.commandLine().getOut();
        switch (format) {
            case "json" -> out.println(Json.pretty(r));
            case "sarif" -> out.println(Sarif.render(pathsFromWorkingDirectory(r)));
            case "github" -> out.print(GithubAnnotations.render(pathsFromWorkingDirectory(r)));
            default -> out.print(TextRenderer.render(r));
        }
        out.flush();
        if (threshold == null) threshold = Cli.SERVICE.failOnFor(r).orElse(Severity.ERROR);
        final Severity t = threshold;
        boolean fail = r.findings().stream().anyMatch(f -> Severity.fromId(f.severity()).orElse(Severity.INFO).atLeast(t));
        return fail ? Cli.PROBLEMS : Cli.OK;
    }
}

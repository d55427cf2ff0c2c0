package dev.dbmigrate.service;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.analyse.rules.Rules;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.parse.ParseCache;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.schema.Schema;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * validate_migration / validate: detect -> read -> parse -> replay the earlier migrations ->
 * check the target migrations with the rules.
 */
public final class ValidateService {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ValidateService.class);

    private final ProjectResolver resolver;
    private final ParseCache cache;
    private final Function<String, OpenProbe> probes;

    /** A data probe on an open read-only session, closed when the validation ends. */
    public record OpenProbe(DataProbe probe, AutoCloseable session, String description) {}

    private final ProjectMigrations.ReadCache reads;
    private final ReplayCache replays = new ReplayCache();

    public ValidateService(ProjectResolver resolver, ParseCache cache, ProjectMigrations.ReadCache reads, Function<String, OpenProbe> probes) {
        this.reads = reads;
        this.resolver = resolver;
        this.cache = cache;
        this.probes = probes;
    }

    public ValidateResult validate(ValidateRequest req, Progress progress) {
        if ((req.path() == null) == (req.sql() == null)) {
            throw new InputException("give either a path (migration file or folder) or inline sql, not both and not neither");
        }
        OpenProbe open = req.databaseUrl() == null ? null : probes.apply(req.databaseUrl());
        DataProbe probe = open == null ? DataProbe.NONE : open.probe();
        try {
            ValidateResult r = req.sql() != null ? validateInline(req, probe) : validatePath(req, progress, probe);
            if (open == null) return r;
            List<String> notes = new ArrayList<>(r.notes());
            notes.add("data-aware: evidence read from " + open.description() + " (read-only session)");
            return new ValidateResult(r.risk(), r.target(), r.projectPath(), r.tool(), r.dialect(), r.pgVersion(), r.files(),
                    r.migrationsReplayed(), r.statements(), r.summary(), r.findings(), r.unparsed(), notes);
        } finally {
            if (open != null) {
                try {
                    open.session().close();
                } catch (Exception e) {
                    LOG.debug("closing the data-aware session failed", e);
                }
            }
        }
    }

    // ---- inline SQL ----

    private ValidateResult validateInline(ValidateRequest req, DataProbe probe) {
        List<String> notes = new ArrayList<>();
        Project project = null;
        Dialect dialect = req.dialect();
        Schema schema;
        List<Migration> history = List.of();
        if (req.projectPath() != null) {
            project = resolver.resolve(req.projectPath(), req.projectPath(), req.dialect(), null);
            dialect = project.dialect();
            notes.addAll(project.notes());
            history = read(project, notes).migrations();
        }
        if (dialect == null) {
            dialect = Dialect.POSTGRESQL;
            notes.add("dialect not given: assuming postgresql");
        }
        schema = new Schema(dialect);
        int replayed = replay(history, dialect, schema, notes);
        if (replayed > 0) notes.add("checked against the schema built by the project's " + replayed + " migrations");
        AnalysisSettings settings = settings(project, dialect, req.pgVersion());
        ParsedScript parsed = cache.parse(new Script(null, req.sql(), 1, Script.Language.SQL, null), dialect);
        List<Finding> findings = new RuleEngine(settings).check(parsed, null, schema, probe);
        Acc acc = new Acc();
        acc.add(parsed, findings, null);
        return acc.result("inline SQL", project, dialect, settings, List.of(), replayed, notes);
    }

    // ---- files and folders ----

    private ValidateResult validatePath(ValidateRequest req, Progress progress, DataProbe probe) {
        long t0 = System.nanoTime();
        Path target = req.path().toAbsolutePath().normalize();
        if (!Files.exists(target)) throw new InputException(target + ": no such file or directory");
        if (Files.isRegularFile(target)) checkReadableText(target);
        Project project = resolver.resolve(target, req.projectPath(), req.dialect(), null);
        List<String> notes = new ArrayList<>(project.notes());
        Dialect dialect = project.dialect();
        AnalysisSettings settings = settings(project, dialect, req.pgVersion());
        long t1 = System.nanoTime();
        ReadResult read = read(project, notes);
        List<Migration> all = read.migrations();
        long t2 = System.nanoTime();

        // which migrations to check
        Set<Integer> toCheck = new LinkedHashSet<>();
        for (int i = 0; i < all.size(); i++) {
            if (covers(all.get(i), target)) toCheck.add(i);
        }
        List<Migration> sequence = new ArrayList<>(all);
        if (toCheck.isEmpty() && Files.isRegularFile(target)) {
            // a file that is not one of the tool's migrations: check it on its own after the whole history
            notes.add(rel(project, target) + " is not one of the project's " + project.tool().id() + " migrations: checked on its own against the schema the migrations build");
            sequence.add(standalone(project, target));
            toCheck.add(sequence.size() - 1);
        }
        if (toCheck.isEmpty()) {
            throw new InputException(target + ": no " + project.tool().id() + " migrations found there");
        }
        int last = toCheck.stream().mapToInt(Integer::intValue).max().orElse(-1);

        // parse everything needed, in parallel; the cache makes repeated calls cheap
        Map<Integer, String> failures = new ConcurrentHashMap<>();
        Map<Integer, ParsedScript> parsed = ProjectMigrations.parseUps(sequence, last, dialect, cache, failures);
        long t3 = System.nanoTime();

        // the history before the first checked migration: replayed once and cached for the next call
        int first = toCheck.stream().mapToInt(Integer::intValue).min().orElse(0);
        List<ParsedScript> history = new ArrayList<>();
        int start = 0;
        for (; start < first && parsed.get(start) != null; start++) history.add(parsed.get(start));
        Schema schema = replays.replay(history, dialect);
        Acc acc = new Acc();
        List<String> files = new ArrayList<>();
        int replayed = start;
        int checked = 0;
        RuleEngine engine = new RuleEngine(settings);
        for (int i = start; i <= last; i++) {
            Migration m = sequence.get(i);
            ParsedScript ps = parsed.get(i);
            boolean check = toCheck.contains(i) && !project.config().excluded(project.root(), m.file());
            if (ps == null) {
                String why = failures.getOrDefault(i, "the migration's up part could not be read");
                if (check) acc.unparsed.add(new ValidateResult.Unparsed(rel(project, m.file()), 1, null, why));
                else notes.add("could not replay " + m.id() + ": " + why);
                continue;
            }
            if (!check) {
                schema.apply(ps);
                replayed++;
                continue;
            }
            List<Finding> f = engine.check(ps, m, schema, probe);
            acc.add(ps, f, project);
            files.add(rel(project, m.file()));
            checked++;
            progress.report(checked, toCheck.size(), "checked " + m.id());
        }
        for (ReadResult.Problem p : read.problems()) notes.add(p.kind() + ": " + p.message());
        if (LOG.isDebugEnabled()) {
            LOG.debug("validate {}: resolve {} ms, read {} ms ({} migrations), parse {} ms, check {} ms", target, (t1 - t0) / 1_000_000,
                    (t2 - t1) / 1_000_000, all.size(), (t3 - t2) / 1_000_000, (System.nanoTime() - t3) / 1_000_000);
        }
        return acc.result(rel(project, target), project, dialect, settings, files, replayed, notes);
    }

    private static boolean covers(Migration m, Path target) {
        if (Files.isDirectory(target)) {
            return (m.file() != null && m.file().startsWith(target)) || (m.up() != null && m.up().file() != null && m.up().file().startsWith(target));
        }
        return target.equals(m.file()) || (m.up() != null && target.equals(m.up().file()));
    }

    private Migration standalone(Project project, Path file) {
        String text = readText(file);
        Script.Language lang = file.toString().endsWith(".sql") ? Script.Language.SQL : null;
        if (lang == null) throw new InputException(file + ": not a migration of this project and not a .sql file");
        return new Migration(project.tool(), file.getFileName().toString(), file.getFileName().toString(), null, file,
                new Script(file, text, 1, lang, null), null, dev.dbmigrate.model.DownKind.MISSING, false, List.of(), Map.of());
    }

    private ReadResult read(Project project, List<String> notes) {
        return reads.read(project, notes);
    }

    private int replay(List<Migration> history, Dialect dialect, Schema schema, List<String> notes) {
        List<ParsedScript> parsed = history.parallelStream()
                .map(m -> m.up() == null ? null : cache.parse(m.up(), dialect))
                .toList();
        int n = 0;
        for (int i = 0; i < parsed.size(); i++) {
            if (parsed.get(i) == null) {
                notes.add("could not replay " + history.get(i).id());
                continue;
            }
            schema.apply(parsed.get(i));
            n++;
        }
        return n;
    }

    private AnalysisSettings settings(Project project, Dialect dialect, Integer pgVersion) {
        int pg = pgVersion != null ? pgVersion
                : project != null && project.config().pgVersion() != null ? project.config().pgVersion()
                : AnalysisSettings.DEFAULT_PG_VERSION;
        if (pg < 9 || pg > 30) throw new InputException("pgVersion " + pg + " is not a PostgreSQL major version");
        Set<String> disabled = new HashSet<>();
        Map<String, Severity> overrides = Map.of();
        if (project != null) {
            Set<String> known = new HashSet<>();
            Rules.catalog().forEach(r -> known.add(r.id()));
            for (String id : project.config().rules().keySet()) {
                if (!known.isEmpty() && !known.contains(id)) {
                    throw new InputException(project.config().file() + ": unknown rule id '" + id + "' in rules");
                }
            }
            disabled.addAll(project.config().disabledRules());
            overrides = project.config().severityOverrides();
        }
        return new AnalysisSettings(dialect, pg, disabled, overrides);
    }

    static String rel(Project project, Path p) {
        if (p == null) return null;
        if (project != null && p.startsWith(project.root())) {
            String r = project.root().relativize(p).toString();
            return r.isEmpty() ? "." : r;
        }
        return p.toString();
    }

    static void checkReadableText(Path file) {
        readText(file);
    }

    static String readText(Path file) {
        try {
            byte[] bytes = Files.readAllBytes(file);
            for (int i = 0; i < Math.min(bytes.length, 8192); i++) {
                if (bytes[i] == 0) throw new InputException(file + ": not a text file");
            }
            return StandardCharsets.UTF_8.newDecoder().decode(java.nio.ByteBuffer.wrap(bytes)).toString();
        } catch (MalformedInputException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (java.nio.charset.CharacterCodingException e) {
            throw new InputException(file + ": not valid UTF-8 text");
        } catch (IOException e) {
            throw new InputException(file + ": cannot be read (" + e.getMessage() + ")");
        }
    }

    /** Accumulates findings and statement counts across checked migrations. */
    private static final class Acc {
        final List<Finding> findings = new ArrayList<>();
        final List<ValidateResult.Unparsed> unparsed = new ArrayList<>();
        int statements;

        void add(ParsedScript ps, List<Finding> f, Project project) {
            statements += ps.statements().size();
            for (Finding x : f) {
                String file = x.file() == null ? null : project == null ? x.file() : rel(project, Path.of(x.file()));
                findings.add(Objects.equals(file, x.file()) ? x : new Finding(x.rule(), x.severity(), x.category(), file, x.line(), x.column(),
                        x.statement(), x.message(), x.lock(), x.fix(), x.evidence(), x.failsOnData()));
            }
            for (Statement st : ps.statements()) {
                if (st.status() == Statement.ParseStatus.UNPARSED) {
                    String reason = st.operations().stream().filter(o -> o instanceof Operation.Unparsed)
                            .map(o -> ((Operation.Unparsed) o).reason()).findFirst().orElse("not understood");
                    String file = st.file() == null ? null : project == null ? st.file() : rel(project, Path.of(st.file()));
                    unparsed.add(new ValidateResult.Unparsed(file, st.line(), st.text(), reason));
                }
            }
        }

        ValidateResult result(String target, Project project, Dialect dialect, AnalysisSettings settings, List<String> files, int replayed, List<String> notes) {
            int e = 0, w = 0, n = 0;
            for (Finding f : findings) {
                switch (f.severity()) {
                    case "error" -> e++;
                    case "warning" -> w++;
                    default -> n++;
                }
            }
            String risk = e > 0 ? "HIGH" : w > 0 ? "MEDIUM" : "LOW";
            return new ValidateResult(risk, target, project == null ? null : project.root().toString(),
                    project == null ? null : project.tool().id(), dialect.id(),
                    dialect == Dialect.POSTGRESQL ? settings.pgVersion() : null, files, replayed, statements,
                    new ValidateResult.Summary(e, w, n), findings, unparsed, notes);
        }
    }
}

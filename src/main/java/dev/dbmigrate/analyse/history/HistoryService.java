package dev.dbmigrate.analyse.history;

import dev.dbmigrate.InputException;
import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.history.AppliedState;
import dev.dbmigrate.db.history.HistoryTable;
import dev.dbmigrate.db.history.HistoryTables;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * migration_history: reads the project's migrations, then each requested database's history table
 * (read-only, in parallel), and merges them. A database that cannot be read is an error of that
 * environment only; the file history is always returned.
 */
public final class HistoryService {

    /** "staging=postgresql://..." names a --database-url. */
    private static final Pattern NAMED = Pattern.compile("^([A-Za-z][A-Za-z0-9_.\\-]*)=(.+)$", Pattern.DOTALL);

    private final MigrationSource source;
    private final ReadOnlySession.Timeouts timeouts;

    public HistoryService(MigrationSource source) {
        this(source, ReadOnlySession.Timeouts.DEFAULT);
    }

    public HistoryService(MigrationSource source, ReadOnlySession.Timeouts timeouts) {
        this.source = source;
        this.timeouts = timeouts;
    }

    /** A database to read. {@code url} is null when {@code error} says why it cannot be. */
    record Target(String name, DatabaseUrl url, String shownUrl, HistoryTables.Location location, String error) {}

    /**
     * @param projectPath      the project root or migrations folder
     * @param databaseUrls     URLs to read, each optionally "name=URL"
     * @param environmentNames names from {@code .db-migrate.yml} ("all" = every one)
     */
    public HistoryResult history(Path projectPath, List<String> databaseUrls, List<String> environmentNames) {
        MigrationSource.Project p = source.load(projectPath);
        List<Target> targets = targets(p, databaseUrls, environmentNames);
        Optional<HistoryTable> table = HistoryTables.forTool(p.tool());
        List<HistoryAssembler.EnvironmentRead> reads = readAll(targets, table.orElse(null), p);
        String message = null;
        if (targets.isEmpty()) {
            message = "Applied state not read: give a database URL (--database-url / databaseUrl) or environments from .db-migrate.yml.";
        } else if (table.isEmpty()) {
            message = p.tool().id() + " keeps no history table in the database, so only the files are listed.";
        }
        return HistoryAssembler.assemble(p.root(), p.tool(), p.dialect(), p.read(), table.orElse(null), reads, message, p.notes());
    }

    List<Target> targets(MigrationSource.Project p, List<String> databaseUrls, List<String> environmentNames) {
        List<Target> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String raw : databaseUrls == null ? List.<String>of() : databaseUrls) {
            String name = null;
            String text = raw.trim();
            Matcher m = NAMED.matcher(text);
            if (m.matches() && !m.group(1).contains(".") && !m.group(2).startsWith("/")) {
                name = m.group(1);
                text = m.group(2);
            }
            DatabaseUrl url = DatabaseUrl.parse(text, p.root());
            out.add(new Target(unique(name != null ? name : url.label(), seen), url, url.redacted(), HistoryTables.Location.DEFAULT, null));
        }
        List<String> names = environmentNames == null ? List.of() : environmentNames;
        if (names.isEmpty()) return out;
        Map<String, String> defined = p.environments();
        if (defined.isEmpty()) {
            throw new InputException("environments " + names + " requested, but " + p.root() + " has no .db-migrate.yml with environments");
        }
        List<String> chosen = new ArrayList<>();
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("all")) {
            chosen.addAll(defined.keySet());
        } else {
            for (String n : names) {
                if (!defined.containsKey(n)) {
                    throw new InputException("no environment '" + n + "' in .db-migrate.yml (defined: " + String.join(", ", defined.keySet()) + ")");
                }
                chosen.add(n);
            }
        }
        for (String n : chosen) {
            String raw = defined.get(n);
            try {
                if (raw == null || raw.isBlank()) {
                    throw new InputException("environment '" + n + "' has an empty url in .db-migrate.yml (an unset ${VARIABLE}?)");
                }
                DatabaseUrl url = DatabaseUrl.parse(raw, p.root());
                out.add(new Target(unique(n, seen), url, url.redacted(), HistoryTables.Location.DEFAULT, null));
            } catch (InputException ex) {
                out.add(new Target(unique(n, seen), null, null, HistoryTables.Location.DEFAULT, ex.getMessage()));
            }
        }
        return out;
    }

    private static String unique(String name, Map<String, Integer> seen) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }

    private List<HistoryAssembler.EnvironmentRead> readAll(List<Target> targets, HistoryTable table, MigrationSource.Project p) {
        if (targets.isEmpty()) return List.of();
        if (targets.size() == 1) return List.of(read(targets.get(0), table, p));
        ExecutorService pool = Executors.newFixedThreadPool(Math.min(targets.size(), 4), r -> {
            Thread t = new Thread(r, "history-read");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<HistoryAssembler.EnvironmentRead>> futures = new ArrayList<>();
            for (Target t : targets) futures.add(pool.submit(() -> read(t, table, p)));
            List<HistoryAssembler.EnvironmentRead> out = new ArrayList<>();
            for (int i = 0; i < targets.size(); i++) {
                try {
                    out.add(futures.get(i).get());
                } catch (Exception e) {
                    Target t = targets.get(i);
                    out.add(new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, "could not be read: " + e.getClass().getSimpleName()));
                }
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private HistoryAssembler.EnvironmentRead read(Target t, HistoryTable table, MigrationSource.Project p) {
        if (t.error() != null) return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, t.error());
        if (table == null) {
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, p.tool().id() + " keeps no history table: nothing to read");
        }
        try (ReadOnlySession s = ReadOnlySession.open(t.url(), timeouts)) {
            AppliedState state = HistoryTables.read(s, table, t.location());
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), state, null);
        } catch (InputException e) {
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, e.getMessage());
        } catch (SQLException e) {
            String msg = t.url().scrub(String.valueOf(e.getMessage())).replaceAll("\\s*\\R\\s*", " ");
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, "cannot read the " + table.tool().id() + " history table: " + msg);
        }
    }
}

package dev.dbmigrate.analyse.history;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.history.DatabaseTargets.Target;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.history.AppliedState;
import dev.dbmigrate.db.history.HistoryTable;
import dev.dbmigrate.db.history.HistoryTables;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * migration_history: reads the project's migrations, then each requested database's history table
 * (read-only, in parallel), and merges them. A database that cannot be read is an error of that
 * environment only; the file history is always returned.
 */
public final class HistoryService {


    private final MigrationSource source;
    private final ReadOnlySession.Timeouts timeouts;

    public HistoryService(MigrationSource source) {
        this(source, ReadOnlySession.Timeouts.DEFAULT);
    }

    public HistoryService(MigrationSource source, ReadOnlySession.Timeouts timeouts) {
        this.source = source;
        this.timeouts = timeouts;
    }

    /**
     * @param projectPath      the project root or migrations folder
     * @param databaseUrls     URLs to read, each optionally "name=URL"
     * @param environmentNames names from {@code .db-migrate.yml} ("all" = every one)
     */
    public HistoryResult history(Path projectPath, List<String> databaseUrls, List<String> environmentNames) {
        MigrationSource.Project p = source.load(projectPath);
        List<Target> targets = DatabaseTargets.resolve(p, databaseUrls, environmentNames);
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
            AppliedState state = HistoryTables.read(s, table, p.historyTable());
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), state, null);
        } catch (InputException e) {
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, e.getMessage());
        } catch (SQLException e) {
            String msg = t.url().scrub(String.valueOf(e.getMessage())).replaceAll("\\s*\\R\\s*", " ");
            return new HistoryAssembler.EnvironmentRead(t.name(), t.shownUrl(), null, "cannot read the " + table.tool().id() + " history table: " + msg);
        }
    }
}

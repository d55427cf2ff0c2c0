package dev.dbmigrate.analyse.drift;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.history.DatabaseTargets;
import dev.dbmigrate.analyse.history.HistoryAnalyzer;
import dev.dbmigrate.analyse.history.MigrationSource;
import dev.dbmigrate.analyse.history.MigrationStatus;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.catalog.CatalogReader;
import dev.dbmigrate.db.history.AppliedState;
import dev.dbmigrate.db.history.HistoryTable;
import dev.dbmigrate.db.history.HistoryTables;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * check_drift: replays the migrations the database has applied (per the tool's own history table)
 * and compares the result with the database's live catalog, read in a read-only session.
 */
public final class DriftService {

    /** Replays migrations into a schema (the service uses the parse cache and the schema stage). */
    @FunctionalInterface
    public interface Replayer {
        /** @param notes receives what could not be replayed */
        Schema replay(List<Migration> migrations, Dialect dialect, List<String> notes);
    }

    private final MigrationSource source;
    private final Replayer replayer;
    private final ReadOnlySession.Timeouts timeouts;

    public DriftService(MigrationSource source, Replayer replayer) {
        this(source, replayer, ReadOnlySession.Timeouts.DEFAULT);
    }

    public DriftService(MigrationSource source, Replayer replayer, ReadOnlySession.Timeouts timeouts) {
        this.source = source;
        this.replayer = replayer;
        this.timeouts = timeouts;
    }

    /**
     * @param projectPath  the project root or migrations folder
     * @param databaseUrl  the database, or null when {@code environment} names it
     * @param environment  an environment of .db-migrate.yml, or null
     * @param ignoreTables more tables to leave out (the tool's own tables always are)
     * @throws InputException when no single database is named or it cannot be reached
     */
    public DriftResult drift(Path projectPath, String databaseUrl, String environment, List<String> ignoreTables) {
        MigrationSource.Project p = source.load(projectPath);
        List<DatabaseTargets.Target> targets = DatabaseTargets.resolve(p,
                databaseUrl == null ? List.of() : List.of(databaseUrl), environment == null ? List.of() : List.of(environment));
        if (targets.size() != 1) {
            throw new InputException("drift compares the migrations with one database: give a database URL or one environment");
        }
        DatabaseTargets.Target t = targets.get(0);
        if (t.error() != null) throw new InputException(t.name() + ": " + t.error());
        try (ReadOnlySession s = ReadOnlySession.open(t.url(), timeouts)) {
            return compare(p, s, ignoreTables == null ? List.of() : ignoreTables);
        } catch (SQLException e) {
            throw new InputException("cannot read " + t.shownUrl() + ": " + t.url().scrub(String.valueOf(e.getMessage())).replaceAll("\\s*\\R\\s*", " "));
        }
    }

    private DriftResult compare(MigrationSource.Project p, ReadOnlySession s, List<String> ignoreTables) throws SQLException {
        List<String> notes = new ArrayList<>(p.notes());
        Dialect dialect = s.isMariaDb() ? Dialect.MARIADB : s.dialect();
        List<Migration> files = p.read().migrations();
        List<Migration> applied = new ArrayList<>(files);
        List<String> notReplayed = new ArrayList<>();
        Set<String> excluded = new LinkedHashSet<>(ignoreTables);
        Optional<HistoryTable> table = HistoryTables.forTool(p.tool());
        if (table.isPresent()) {
            excluded.addAll(HistoryTables.ownTables(table.get(), p.historyTable()));
            AppliedState state = HistoryTables.read(s, table.get(), p.historyTable());
            HistoryAnalyzer.Merge merge = HistoryAnalyzer.merge("db", "", files, table.get(), state);
            applied.clear();
            for (int i = 0; i < files.size(); i++) {
                MigrationStatus st = merge.states().get(i).status();
                if (st == MigrationStatus.APPLIED || st == MigrationStatus.MODIFIED) applied.add(files.get(i));
                else notReplayed.add(files.get(i).id());
                if (st == MigrationStatus.FAILED) notes.add(files.get(i).id() + " failed in this database and was not replayed; what it did before failing shows as drift");
                if (st == MigrationStatus.MODIFIED) notes.add(files.get(i).id() + " changed after it was applied: the current file was replayed");
            }
            if (!merge.missing().isEmpty()) {
                notes.add(merge.missing().size() + " migration(s) recorded in " + state.table() + " have no file; what they did shows as drift");
            }
            if (!state.tableFound()) notes.add(state.notes().isEmpty() ? "no history table" : state.notes().get(0));
        } else {
            notes.add(p.tool().id() + " keeps no history table: every migration was replayed");
        }
        if (p.tool() == Tool.DJANGO) notes.add("tables of Django's own apps (auth, admin, contenttypes, sessions) come from migrations outside the project and show as extra");
        notes.add("compared: tables, columns, indexes, constraints, enums and comments; views, functions, triggers, sequences and grants are not");
        Schema expected = replayer.replay(applied, dialect, notes);
        List<String> schemas = s.url().schema() == null ? List.of() : List.of(s.url().schema());
        Schema live = CatalogReader.read(s, new CatalogReader.Options(schemas, excluded));
        List<DriftResult.Item> items = DriftAnalyzer.compare(expected, live);
        return new DriftResult(p.root(), p.tool(), dialect, s.url().redacted(), !items.isEmpty(), items, DriftAnalyzer.script(items),
                applied.size(), notReplayed, List.copyOf(excluded), notes);
    }
}

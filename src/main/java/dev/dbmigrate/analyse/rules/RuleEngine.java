package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs the rules over one migration: walks its statements in order, keeps the schema, transaction,
 * lock_timeout and new-table state, asks every applicable rule about every operation, applies the
 * operation to the schema, then lets rules finish. Applies ignore directives, disabled rules,
 * severity overrides and data-aware severity adjustment, and reports ignore directives that
 * silenced nothing.
 */
public final class RuleEngine {

    /** Rule id of the finding for an ignore comment that silenced nothing. */
    public static final String UNUSED_IGNORE = "unused-ignore";

    static final int SMALL_TABLE_ROWS = 1_000;
    static final long LARGE_TABLE_ROWS = 1_000_000;
    private static final int MAX_STATEMENT_CHARS = 400;

    private final AnalysisSettings settings;
    private final List<Supplier<Rule>> rules;

    public RuleEngine(AnalysisSettings settings) {
        this(settings, Rules.all());
    }

    public RuleEngine(AnalysisSettings settings, List<Supplier<Rule>> rules) {
        this.settings = settings;
        this.rules = rules;
    }

    public AnalysisSettings settings() {
        return settings;
    }

    /**
     * Checks one migration.
     *
     * @param script    the parsed up script
     * @param migration the migration (runner and tool info), or null for inline SQL
     * @param schema    the schema before the migration; it is advanced to the state after it
     * @param data      evidence from a live database, or {@link DataProbe#NONE}
     * @return the findings in statement order
     */
    public List<Finding> check(ParsedScript script, Migration migration, Schema schema, DataProbe data) {
        Run run = new Run(script, migration, schema, data == null ? DataProbe.NONE : data);
        return run.execute();
    }

    /** Replays a migration without checking it. */
    public static void replay(ParsedScript script, Schema schema) {
        schema.apply(script);
    }

    private final class Run implements OperationContext, MigrationContext {
        final ParsedScript script;
        final Migration migration;
        final Schema schema;
        private Schema before;
        final DataProbe data;
        final List<Rule> active = new ArrayList<>();
        final List<Finding> findings = new ArrayList<>();
        final Set<String> newTables = new HashSet<>();
        final Set<String> lockedTables = new HashSet<>();
        final Set<String> notValidAdded = new HashSet<>();
        final Map<Statement.IgnoreDirective, Boolean> usedIgnores = new IdentityHashMap<>();
        final boolean runnerWraps;
        boolean explicitOpen;
        int openLine;
        boolean lockTimeout;
        boolean fileIgnoreUsed;
        Statement current;
        Operation currentOp;

        Run(ParsedScript script, Migration migration, Schema schema, DataProbe data) {
            this.script = script;
            this.migration = migration;
            this.schema = schema;
            schema.beginJournal(); // "the schema before this migration", built only if a rule asks
            this.data = data;
            this.runnerWraps = migration != null && Boolean.TRUE.equals(migration.transactional()) && !script.noTransaction();
            for (Supplier<Rule> s : rules) {
                Rule r = s.get();
                if (r.appliesTo(settings.dialect()) && !settings.disabledRules().contains(r.id())) active.add(r);
            }
        }

        List<Finding> execute() {
            for (Statement st : script.statements()) {
                current = st;
                if (st.ignore() != null) usedIgnores.putIfAbsent(st.ignore(), false);
                for (Operation op : st.operations()) visit(op);
            }
            current = null;
            currentOp = null;
            for (Rule r : active) r.finish(this);
            schema.endJournal();
            reportUnusedIgnores();
            findings.sort((a, b) -> a.line() != b.line() ? Integer.compare(a.line(), b.line()) : Integer.compare(a.column(), b.column()));
            return findings;
        }

        /**
         * Checks one operation and advances the state. The operations read out of procedural code
         * (a DO block's statements) are checked after the block itself, at the block's statement,
         * and advance the state one by one.
         */
        private void visit(Operation op) {
            currentOp = op;
            for (Rule r : active) r.check(this, op);
            if (op instanceof Operation.OpaqueCode oc && !oc.inner().isEmpty()) {
                for (Operation inner : oc.inner()) visit(inner);
                return;
            }
            advance(op);
        }

        /** Updates the run's state after an operation was checked. */
        private void advance(Operation op) {
            boolean inTx = inTransaction();
            if (op instanceof Operation.TransactionControl tc) {
                switch (tc.kind()) {
                    case BEGIN -> {
                        if (!explicitOpen) {
                            explicitOpen = true;
                            openLine = current.line();
                        }
                    }
                    case COMMIT, ROLLBACK -> {
                        explicitOpen = false;
                        openLine = 0;
                        if (!runnerWraps) {
                            lockedTables.clear();
                            notValidAdded.clear();
                        }
                    }
                    default -> { }
                }
            } else if (op instanceof Operation.SessionSetting ss && ss.name() != null && ss.name().toLowerCase(Locale.ROOT).equals("lock_timeout")) {
                String v = ss.value() == null ? "" : ss.value().replace("'", "").replace("\"", "").trim().toLowerCase(Locale.ROOT);
                lockTimeout = !(v.isEmpty() || v.equals("0") || v.equals("default") || v.equals("0s") || v.equals("0ms"));
            }
            if (inTx && isDdl(op) && op.table() != null && !(op instanceof Operation.CreateTable)) {
                lockedTables.add(tableKey(op.table()));
            }
            if (op instanceof Operation.CreateTable ct) {
                newTables.add(tableKey(ct.table()));
            } else if (op instanceof Operation.DropTable dt) {
                newTables.remove(tableKey(dt.table()));
            } else if (op instanceof Operation.RenameTable rt && newTables.remove(tableKey(rt.table()))) {
                newTables.add(tableKey(new TableRef(rt.table().schema(), rt.newName())));
            }
            schema.apply(op);
            if (op instanceof Operation.AddConstraint ac && ac.constraint().notValid() && inTx) {
                // after apply: an unnamed constraint now has the name the database gives it
                String name = ac.constraint().name() != null ? ac.constraint().name()
                        : schema.table(ac.table()).map(t -> t.constraints().isEmpty() ? null : t.constraints().get(t.constraints().size() - 1).name()).orElse(null);
                if (name != null) notValidAdded.add(tableKey(ac.table()) + "|" + name);
            }
        }

        private boolean isDdl(Operation op) {
            return !(op instanceof Operation.DataChange || op instanceof Operation.TransactionControl
                    || op instanceof Operation.SessionSetting || op instanceof Operation.Unparsed);
        }

        // ---- reporting ----

        private void add(Rule rule, Statement at, String message, String lock, String fix, String evidence, TableRef table) {
            add(rule, at, message, lock, fix, evidence, table, false);
        }

        private void add(Rule rule, Statement at, String message, String lock, String fix, String evidence, TableRef table, boolean provenFailure) {
            if (at == null) return;
            if (table != null && newTables.contains(tableKey(table)) && (rule.category() == Category.LOCKING || rule.category() == Category.DATA)) {
                return;
            }
            if (script.ignoreFile()) {
                fileIgnoreUsed = true;
                return;
            }
            if (at.ignore() != null && at.ignore().covers(rule.id())) {
                usedIgnores.put(at.ignore(), true);
                return;
            }
            Severity severity = settings.severityOverrides().getOrDefault(rule.id(), rule.defaultSeverity());
            if (provenFailure) {
                severity = Severity.ERROR;
            } else if (rule.category() == Category.LOCKING && table != null) {
                OptionalLong rows = data.rowEstimate(table);
                if (rows.isPresent()) {
                    long n = rows.getAsLong();
                    if (n < SMALL_TABLE_ROWS && severity != Severity.INFO) severity = Severity.values()[severity.ordinal() - 1];
                    else if (n >= LARGE_TABLE_ROWS && severity != Severity.ERROR) severity = Severity.values()[severity.ordinal() + 1];
                    String rowsText = table + ": ~" + String.format(Locale.ROOT, "%,d", n) + " rows";
                    evidence = evidence == null ? rowsText : rowsText + "; " + evidence;
                }
            }
            findings.add(new Finding(rule.id(), severity.id(), rule.category().id(), at.file(), at.line(), at.column(),
                    shorten(at.text()), message, lock, fix, evidence, provenFailure));
        }

        private void reportUnusedIgnores() {
            for (Map.Entry<Statement.IgnoreDirective, Boolean> e : usedIgnores.entrySet()) {
                if (e.getValue()) continue;
                Statement.IgnoreDirective d = e.getKey();
                String what = d.rules().isEmpty() ? "every rule" : String.join(", ", d.rules());
                findings.add(new Finding(UNUSED_IGNORE, Severity.WARNING.id(), Category.VISIBILITY.id(), script.script().file() == null ? null : script.script().file().toString(),
                        d.line(), 1, null, "db-migrate-ignore for " + what + " silences nothing on the next statement: remove it or fix the rule id",
                        null, null, null));
            }
            if (script.ignoreFile() && !fileIgnoreUsed) {
                findings.add(new Finding(UNUSED_IGNORE, Severity.WARNING.id(), Category.VISIBILITY.id(), script.script().file() == null ? null : script.script().file().toString(),
                        script.ignoreFileLine(), 1, null, "db-migrate-ignore-file silences nothing in this file: remove it", null, null, null));
            }
        }

        private String shorten(String s) {
            if (s == null || s.length() <= MAX_STATEMENT_CHARS) return s;
            return s.substring(0, MAX_STATEMENT_CHARS) + " ...";
        }

        // ---- OperationContext ----

        @Override
        public dev.dbmigrate.model.Dialect dialect() {
            return settings.dialect();
        }

        @Override
        public int pgVersion() {
            return settings.pgVersion();
        }

        @Override
        public Migration migration() {
            return migration;
        }

        @Override
        public Statement statement() {
            return current;
        }

        @Override
        public Schema schema() {
            return schema;
        }

        @Override
        public java.util.Optional<dev.dbmigrate.schema.Table> tableBeforeMigration(TableRef table) {
            return before != null ? before.table(table) : schema.journaledTable(table);
        }

        @Override
        public Schema schemaBeforeMigration() {
            if (before == null) before = schema.journalSnapshot();
            return before;
        }

        @Override
        public boolean isNewTable(TableRef table) {
            return table != null && newTables.contains(tableKey(table));
        }

        @Override
        public boolean inTransaction() {
            return explicitOpen || runnerWraps;
        }

        @Override
        public boolean explicitTransactionOpen() {
            return explicitOpen;
        }

        @Override
        public boolean runnerWraps() {
            return runnerWraps;
        }

        @Override
        public boolean lockTimeoutSet() {
            return lockTimeout;
        }

        @Override
        public Set<String> tablesLockedInTransaction() {
            return Set.copyOf(lockedTables);
        }

        @Override
        public String tableKey(TableRef table) {
            return schema.key(table);
        }

        @Override
        public boolean addedNotValidInThisTransaction(TableRef table, String constraint) {
            return notValidAdded.contains(tableKey(table) + "|" + constraint);
        }

        @Override
        public DataProbe data() {
            return data;
        }

        @Override
        public void report(Rule rule, String message, String lock, String fix) {
            add(rule, current, message, lock, fix, null, currentOp == null ? null : currentOp.table());
        }

        @Override
        public void report(Rule rule, String message, String lock, String fix, String evidence) {
            add(rule, current, message, lock, fix, evidence, currentOp == null ? null : currentOp.table());
        }

        @Override
        public void reportFailing(Rule rule, String message, String lock, String fix, String evidence) {
            add(rule, current, message, lock, fix, evidence, currentOp == null ? null : currentOp.table(), true);
        }

        // ---- MigrationContext ----

        @Override
        public ParsedScript script() {
            return script;
        }

        @Override
        public Schema schemaBefore() {
            return schemaBeforeMigration();
        }

        @Override
        public Schema schemaAfter() {
            return schema;
        }

        @Override
        public int openTransactionLine() {
            return openLine;
        }

        @Override
        public void report(Rule rule, Statement at, String message, String lock, String fix) {
            add(rule, at, message, lock, fix, null, null);
        }

        @Override
        public void report(Rule rule, Statement at, String message, String lock, String fix, String evidence) {
            add(rule, at, message, lock, fix, evidence, null);
        }
    }
}

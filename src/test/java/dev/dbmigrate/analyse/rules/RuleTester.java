package dev.dbmigrate.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs one rule over SQL, the way the engine does, for rule tests:
 * <pre>
 * RuleTester.of(BanDropTable::new).history("CREATE TABLE t (id int);").assertFires("DROP TABLE t;");
 * </pre>
 */
public final class RuleTester {

    private final Supplier<Rule> rule;
    private final String ruleId;
    private Dialect dialect;
    private int pgVersion = AnalysisSettings.DEFAULT_PG_VERSION;
    private final List<String> history = new ArrayList<>();
    private boolean runnerWraps;
    private DataProbe data = DataProbe.NONE;

    private RuleTester(Supplier<Rule> rule) {
        this.rule = rule;
        Rule r = rule.get();
        this.ruleId = r.id();
        this.dialect = r.dialects().contains(Dialect.POSTGRESQL) ? Dialect.POSTGRESQL : r.dialects().iterator().next();
    }

    public static RuleTester of(Supplier<Rule> rule) {
        return new RuleTester(rule);
    }

    public RuleTester dialect(Dialect d) {
        this.dialect = d;
        return this;
    }

    public RuleTester pgVersion(int v) {
        this.pgVersion = v;
        return this;
    }

    /** Earlier migrations (each string one migration), replayed before the checked SQL. */
    public RuleTester history(String... migrations) {
        history.addAll(List.of(migrations));
        return this;
    }

    /** The checked migration runs inside the runner's transaction (Prisma, Flyway, Alembic...). */
    public RuleTester runnerWrapsInTransaction() {
        this.runnerWraps = true;
        return this;
    }

    public RuleTester data(DataProbe probe) {
        this.data = probe;
        return this;
    }

    public List<Finding> findings(String sql) {
        Schema schema = new Schema(dialect);
        for (String h : history) schema.apply(parse(h, "history.sql"));
        ParsedScript ps = parse(sql, "migration.sql");
        Migration m = new Migration(runnerWraps ? Tool.PRISMA : Tool.GOLANG_MIGRATE, "test", "test", "1", Path.of("/project/migration.sql"),
                ps.script(), null, DownKind.UNSUPPORTED, runnerWraps, List.of(), Map.of());
        AnalysisSettings settings = new AnalysisSettings(dialect, pgVersion, Set.of(), Map.of());
        return new RuleEngine(settings, List.of(rule)).check(ps, m, schema, data).stream()
                .filter(f -> f.rule().equals(ruleId) || f.rule().equals(RuleEngine.UNUSED_IGNORE))
                .toList();
    }

    private ParsedScript parse(String sql, String name) {
        return Parsers.parse(new Script(Path.of("/project/" + name), sql, 1, Script.Language.SQL, null), dialect);
    }

    /** Asserts the rule fires exactly {@code times} times and returns the findings. */
    public List<Finding> assertFires(int times, String sql) {
        List<Finding> f = findings(sql).stream().filter(x -> x.rule().equals(ruleId)).toList();
        assertThat(f).as(ruleId + " on:\n" + sql).hasSize(times);
        for (Finding x : f) {
            assertThat(x.message()).as("message").isNotBlank();
            assertThat(x.line()).as("line").isPositive();
        }
        return f;
    }

    public Finding assertFires(String sql) {
        return assertFires(1, sql).get(0);
    }

    public void assertClean(String sql) {
        assertThat(findings(sql).stream().filter(x -> x.rule().equals(ruleId)).toList()).as(ruleId + " must not fire on:\n" + sql).isEmpty();
    }
}

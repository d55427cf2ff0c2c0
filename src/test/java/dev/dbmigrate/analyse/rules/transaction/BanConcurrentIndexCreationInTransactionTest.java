package dev.dbmigrate.analyse.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BanConcurrentIndexCreationInTransactionTest {

    final RuleTester t = RuleTester.of(BanConcurrentIndexCreationInTransaction::new)
            .history("CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nCREATE INDEX orders_status_idx ON orders (status);");

    @Test
    void bad_insideAnExplicitBegin() {
        Finding f = t.assertFires("""
                BEGIN;
                CREATE INDEX CONCURRENTLY orders_status2_idx ON orders (status);
                COMMIT;""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.severity()).isEqualTo("error");
        assertThat(f.message()).contains("CREATE INDEX CONCURRENTLY cannot run inside a transaction block", "the BEGIN on line 1");
    }

    @Test
    void bad_insideTheRunnersTransactionNamesTheRunner() {
        List<Finding> f = t.runnerWrapsInTransaction().assertFires(3, """
                DROP INDEX CONCURRENTLY orders_status_idx;
                REINDEX TABLE CONCURRENTLY orders;
                CREATE UNIQUE INDEX CONCURRENTLY orders_id_status_idx ON orders (id, status);""");
        assertThat(f.get(0).message()).startsWith("DROP INDEX CONCURRENTLY cannot run").contains("Prisma runs each migration in a transaction", "one batch");
        assertThat(f.get(1).message()).startsWith("REINDEX ... CONCURRENTLY");
        assertThat(f.get(0).fix()).contains("prisma migrate resolve --applied");
    }

    @Test
    void bad_otherRunnersFireOnALoneStatementToo() {
        Finding f = run(Tool.GOOSE, true, "CREATE INDEX CONCURRENTLY orders_status2_idx ON orders (status);").get(0);
        assertThat(f.message()).endsWith("goose runs each migration in a transaction");
        assertThat(f.fix()).contains("-- +goose NO TRANSACTION");
    }

    @Test
    void flywayRunsAMigrationOfOnlyConcurrentIndexesWithoutATransactionButRefusesAMix() {
        assertThat(run(Tool.FLYWAY, true, "CREATE INDEX CONCURRENTLY a_idx ON orders (status);\nDROP INDEX CONCURRENTLY orders_status_idx;")).isEmpty();
        List<Finding> mixed = run(Tool.FLYWAY, true, "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY a_idx ON orders (status);");
        assertThat(mixed).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(2);
            assertThat(x.message()).contains("Flyway", "mixes them");
        });
    }

    @Test
    void good_prismaMigrationOfOneStatementIsNotABatch() {
        t.runnerWrapsInTransaction().assertClean("-- CreateIndex\nCREATE INDEX CONCURRENTLY orders_status2_idx ON orders (status);");
    }

    /** One migration of {@code tool} on top of the orders table. */
    static List<Finding> run(Tool tool, boolean transactional, String sql) {
        Schema schema = new Schema(Dialect.POSTGRESQL);
        schema.apply(Parsers.parse(Script.sql(Path.of("/p/0.sql"), "CREATE TABLE orders (id bigint PRIMARY KEY, status text);\nCREATE INDEX orders_status_idx ON orders (status);"), Dialect.POSTGRESQL));
        ParsedScript ps = Parsers.parse(Script.sql(Path.of("/p/1.sql"), sql), Dialect.POSTGRESQL);
        Migration m = new Migration(tool, "1", "x", "1", Path.of("/p/1.sql"), ps.script(), null, DownKind.UNSUPPORTED, transactional, List.of(), Map.of());
        return new RuleEngine(AnalysisSettings.defaults(Dialect.POSTGRESQL), List.of(BanConcurrentIndexCreationInTransaction::new)).check(ps, m, schema, null);
    }

    @Test
    void bad_golangMigrateSendsAMultiStatementFileAsOneImplicitTransaction() {
        Finding f = t.assertFires("ALTER TABLE orders ADD COLUMN note text;\nCREATE INDEX CONCURRENTLY orders_note_idx ON orders (note);");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("golang-migrate sends the whole file as one query", "implicit transaction");
        assertThat(f.fix()).contains("x-multi-statement=true");
    }

    @Test
    void good_aloneInItsFileOrAfterCommit() {
        t.assertClean("CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_status2_idx ON orders (status);");
        t.assertClean("-- a comment is not a statement\nDROP INDEX CONCURRENTLY orders_status_idx;");
        t.runnerWrapsInTransaction().assertClean("CREATE INDEX orders_status2_idx ON orders (status);\nALTER TABLE orders ADD COLUMN note text;");
    }
}

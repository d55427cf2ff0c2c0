package dev.dbmigrate.analyse.rules.style;

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

class PreferRobustStmtsTest {

    /** A plain SQL migration (no runner transaction) on top of the users table. */
    static List<Finding> rawSql(String sql) {
        Schema schema = new Schema(Dialect.POSTGRESQL);
        schema.apply(Parsers.parse(Script.sql(Path.of("/p/1.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);"), Dialect.POSTGRESQL));
        ParsedScript ps = Parsers.parse(Script.sql(Path.of("/p/2.sql"), sql), Dialect.POSTGRESQL);
        Migration m = new Migration(Tool.RAW_SQL, "2", "x", "2", Path.of("/p/2.sql"), ps.script(), null, DownKind.UNSUPPORTED, false, List.of(), Map.of());
        return new RuleEngine(AnalysisSettings.defaults(Dialect.POSTGRESQL), List.of(PreferRobustStmts::new)).check(ps, m, schema, null);
    }

    @Test
    void bad_eachFormGetsItsRobustVersion() {
        List<Finding> f = rawSql("""
                CREATE TABLE audit (id bigint);
                ALTER TABLE users ADD COLUMN note text, ADD COLUMN tag text;
                DROP INDEX CONCURRENTLY users_email_idx;
                ALTER TABLE users DROP COLUMN email;
                CREATE UNIQUE INDEX users_email_key ON users (email);
                ALTER TABLE users ADD CONSTRAINT users_email_check CHECK (email <> '') NOT VALID;""");
        assertThat(f).extracting(Finding::line).containsExactly(1, 2, 3, 4, 5, 6);
        assertThat(f).extracting(Finding::fix).startsWith(
                "CREATE TABLE IF NOT EXISTS audit (id bigint);",
                "ALTER TABLE users ADD COLUMN IF NOT EXISTS note text, ADD COLUMN IF NOT EXISTS tag text;",
                "DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;",
                "ALTER TABLE users DROP COLUMN IF EXISTS email;",
                "CREATE UNIQUE INDEX IF NOT EXISTS users_email_key ON users (email);");
        assertThat(f.get(0).message()).contains("has no IF NOT EXISTS", "if a later statement fails");
        assertThat(f.get(5).message()).contains("no IF NOT EXISTS for it");
        assertThat(f.get(5).fix()).contains("DROP CONSTRAINT IF EXISTS users_email_check;");
    }

    @Test
    void bad_aConcurrentIndexAloneCanStillLeaveAnInvalidIndex() {
        Finding f = rawSql("CREATE INDEX CONCURRENTLY users_email_idx ON users (email);").get(0);
        assertThat(f.message()).contains("INVALID index users_email_idx", "the name is taken");
        assertThat(f.fix()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\nCREATE INDEX CONCURRENTLY users_email_idx ON users (email);");
    }

    @Test
    void good_robustAlreadyOrASingleStatement() {
        assertThat(rawSql("CREATE TABLE IF NOT EXISTS audit (id bigint);\nDROP INDEX CONCURRENTLY IF EXISTS users_email_idx;\n"
                + "ALTER TABLE users ADD COLUMN IF NOT EXISTS note text;")).isEmpty();
        assertThat(rawSql("ALTER TABLE users ADD COLUMN note text;")).isEmpty();
    }

    @Test
    void good_insideATransactionTheWholeMigrationRollsBack() {
        RuleTester t = RuleTester.of(PreferRobustStmts::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);");
        t.runnerWrapsInTransaction().assertClean("CREATE TABLE audit (id bigint);\nALTER TABLE users ADD COLUMN note text;");
        assertThat(rawSql("BEGIN;\nCREATE TABLE audit (id bigint);\nALTER TABLE users ADD COLUMN note text;\nCOMMIT;")).isEmpty();
    }

    @Test
    void good_golangMigrateMultiStatementFileIsOneImplicitTransaction() {
        // RuleTester runs migrations the runner does not wrap as golang-migrate ones
        RuleTester.of(PreferRobustStmts::new).history("CREATE TABLE users (id bigint PRIMARY KEY, email text);")
                .assertClean("CREATE TABLE audit (id bigint);\nALTER TABLE users ADD COLUMN note text;");
    }
}

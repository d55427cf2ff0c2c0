package dev.dbmigrate.analyse.rules.locking;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ChangingColumnTypeTest {

    final RuleTester t = RuleTester.of(ChangingColumnType::new).history("""
            CREATE TABLE orders (id serial PRIMARY KEY, total integer, note varchar(200), code varchar(20), placed_at timestamp, meta json);""");

    @Test
    void bad_integerToBigintRewrites() {
        Finding f = t.assertFires("ALTER TABLE orders ALTER COLUMN total TYPE bigint;");
        assertThat(f.lock()).isEqualTo("ACCESS EXCLUSIVE on orders (blocks reads and writes)");
        assertThat(f.message()).contains("orders.total from integer to bigint", "rewrites the whole table");
        assertThat(f.fix()).contains(
                "ALTER TABLE orders ADD COLUMN total_new bigint;",
                "UPDATE orders SET total_new = total::bigint\nWHERE id IN (SELECT id FROM orders WHERE total_new IS NULL AND total IS NOT NULL LIMIT 10000);",
                "ALTER TABLE orders RENAME COLUMN total TO total_old;",
                "ALTER TABLE orders RENAME COLUMN total_new TO total;",
                "ALTER TABLE orders DROP COLUMN total_old;");
    }

    @Test
    void bad_usingExpressionIsUsedForTheBackfillAndJsonRewrites() {
        assertThat(t.assertFires("ALTER TABLE orders ALTER COLUMN code TYPE integer USING code::integer;").fix()).contains("SET code_new = code::integer");
        assertThat(t.assertFires("ALTER TABLE orders ALTER COLUMN meta TYPE jsonb;").message()).contains("json -> jsonb");
        assertThat(t.assertFires("ALTER TABLE orders ALTER COLUMN note TYPE varchar(100);").message()).contains("varchar(200) -> varchar(100)");
    }

    @Test
    void bad_timestampToTimestamptzLeadsWithTheUtcShortcut() {
        Finding f = t.assertFires("ALTER TABLE orders ALTER COLUMN placed_at TYPE timestamp with time zone;");
        assertThat(f.fix()).startsWith("-- PostgreSQL 12+ skips the rewrite when the session time zone is UTC").contains("SET timezone = 'UTC';");
    }

    @Test
    void bad_unknownPreviousType() {
        Finding f = RuleTester.of(ChangingColumnType::new).assertFires("ALTER TABLE legacy ALTER COLUMN amount TYPE numeric(12,2);");
        assertThat(f.message()).contains("previous type is not known");
    }

    @Test
    void good_binaryCoercibleWideningsDoNotFire() {
        t.assertClean("ALTER TABLE orders ALTER COLUMN note TYPE text;");
        t.assertClean("ALTER TABLE orders ALTER COLUMN note TYPE varchar(500);");
        t.assertClean("ALTER TABLE orders ALTER COLUMN code TYPE character varying;");
        t.assertClean("CREATE TABLE tmp (a int);\nALTER TABLE tmp ALTER COLUMN a TYPE bigint;");
    }

    @Test
    void good_mysqlIsLeftToMysqlTableCopy() {
        RuleTester.of(ChangingColumnType::new).dialect(Dialect.MYSQL).history("CREATE TABLE orders (id int PRIMARY KEY, total int);")
                .assertClean("ALTER TABLE orders MODIFY COLUMN total bigint;");
    }

    /** SQLite has no ALTER COLUMN TYPE; Django's schema editor (AlterField) changes a type by remaking the table. */
    @Test
    void sqliteTypeChangeByATableRebuild() {
        Schema schema = new Schema(Dialect.SQLITE);
        schema.apply(new Operation.CreateTable(TableRef.of("orders"), List.of(ColumnDef.of("total", new SqlType("integer", null, false, "integer"), false, null)),
                List.of(), false, false, false, null));
        Operation.AlterColumnType change = new Operation.AlterColumnType(TableRef.of("orders"), "total", new SqlType("decimal", List.of("12", "2"), false, "decimal(12,2)"), null);
        Statement rebuilt = new Statement("/p/0002_alter.py", 12, 9, 12, 60, "migrations.AlterField('order', 'total', ...)",
                List.of(new Operation.TableRebuild(TableRef.of("orders"), "django schema editor (SQLite table remake)"), change), Statement.ParseStatus.ORM, null, null);
        Statement raw = new Statement("/p/0002_alter.py", 20, 1, 20, 60, "ALTER TABLE orders ALTER COLUMN total TYPE numeric", List.of(change),
                Statement.ParseStatus.FALLBACK, null, null);
        ParsedScript ps = new ParsedScript(new Script(Path.of("/p/0002_alter.py"), "", 1, Script.Language.PYTHON_DJANGO, null), List.of(rebuilt, raw), false, 0, false);
        List<Finding> f = new RuleEngine(new AnalysisSettings(Dialect.SQLITE, 15, Set.of(), Map.of()), List.of(ChangingColumnType::new))
                .check(ps, null, schema, null);
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(12);
            assertThat(x.message()).contains("rebuilds orders (django schema editor (SQLite table remake))", "every row is copied");
            assertThat(x.lock()).startsWith("database write lock (SQLite)");
            assertThat(x.fix()).contains("WHERE rowid IN (SELECT rowid FROM orders");
        });
    }
}

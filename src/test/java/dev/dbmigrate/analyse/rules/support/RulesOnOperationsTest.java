package dev.dbmigrate.analyse.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Every rule of this branch over operations built by hand, through the real engine and registry:
 * pins the rules' behaviour on the operation model independently of the SQL parser (the SQL-level
 * tests live next to each rule).
 */
class RulesOnOperationsTest {

    static final TableRef ORDERS = TableRef.of("orders");

    static SqlType type(String name, String... args) {
        return new SqlType(name, List.of(args), false, null);
    }

    static ColumnDef col(String name, SqlType t, boolean notNull) {
        return ColumnDef.of(name, t, notNull, null);
    }

    static Schema schema(Dialect d, Operation... history) {
        Schema s = new Schema(d);
        for (Operation op : history) s.apply(op);
        return s;
    }

    static Operation.CreateTable orders() {
        return new Operation.CreateTable(ORDERS, List.of(
                new ColumnDef("id", type("bigint"), true, null, true, false, null, null, null, false, null, null),
                col("code", type("varchar", "20"), true),
                col("note", type("varchar", "255"), false),
                col("qty", type("int"), true),
                col("status", type("enum", "'new'", "'paid'"), true)), List.of(), false, false, false, null);
    }

    static List<Finding> run(Dialect d, Schema schema, DataProbe probe, boolean runnerWraps, Operation... ops) {
        List<Statement> sts = new ArrayList<>();
        int line = 1;
        for (Operation op : ops) {
            sts.add(new Statement("/p/m.sql", line, 1, line, 10, "ALTER TABLE orders X " + line, List.of(op), Statement.ParseStatus.PARSED, null, null));
            line++;
        }
        Script script = Script.sql(Path.of("/p/m.sql"), "");
        ParsedScript ps = new ParsedScript(script, sts, false, 0, false);
        Migration m = new Migration(runnerWraps ? Tool.PRISMA : Tool.GOLANG_MIGRATE, "1", "m", "1", Path.of("/p/m.sql"), script, null,
                DownKind.UNSUPPORTED, runnerWraps, List.of(), Map.of());
        // only this branch's rules: others registered beside them must not change the expectations
        return new RuleEngine(new AnalysisSettings(d, 15, Set.of(), Map.of())).check(ps, m, schema, probe).stream()
                .filter(x -> MigrationFolderTest.OURS.contains(x.rule())).toList();
    }

    static List<String> ids(List<Finding> fs) {
        return fs.stream().map(Finding::rule).toList();
    }

    @Test
    void destructiveRules() {
        Schema s = schema(Dialect.POSTGRESQL, orders());
        List<Finding> f = run(Dialect.POSTGRESQL, s, new FixedProbe().rows("orders", 42), false,
                new Operation.DropColumn(ORDERS, "note", false, false),
                new Operation.Truncate(List.of(ORDERS), true),
                new Operation.DataChange(Operation.DataKind.DELETE, ORDERS, false, List.of()),
                new Operation.DataChange(Operation.DataKind.UPDATE, ORDERS, false, List.of("qty")),
                new Operation.DataChange(Operation.DataKind.UPDATE, ORDERS, true, List.of("qty")),
                new Operation.AlterColumnType(ORDERS, "code", type("varchar", "10"), null),
                new Operation.AlterColumnType(ORDERS, "code", type("text"), null),
                new Operation.DropSchema("billing", false, false, true),
                new Operation.DropSchema("scratch", false, false, false));
        assertThat(ids(f)).containsExactly("ban-drop-column", "ban-truncate", "delete-without-where", "update-without-where",
                "narrowing-column-type", "ban-drop-database");
        assertThat(f.get(0).evidence()).isEqualTo("orders: ~42 rows lose their note value");
        assertThat(f.get(4).message()).contains("varchar(20)").contains("varchar(10)");
    }

    @Test
    void dataAndCompatRules() {
        Schema s = schema(Dialect.MYSQL, orders());
        List<Finding> f = run(Dialect.MYSQL, s, new FixedProbe().nulls("orders", "note", 3), false,
                new Operation.AddColumn(ORDERS, col("plan", type("varchar", "20"), true), false),
                new Operation.AddColumn(ORDERS, ColumnDef.of("tier", type("int"), true, "0"), false),
                new Operation.RedefineColumn(ORDERS, "note", col("note", type("varchar", "255"), true)),
                new Operation.RedefineColumn(ORDERS, "code", col("code", type("varchar", "20"), false)),
                new Operation.RedefineColumn(ORDERS, "qty", col("quantity", type("int"), true)),
                new Operation.RenameTable(ORDERS, "purchases"));
        assertThat(ids(f)).containsExactly("adding-required-field", "adding-required-field", "ban-drop-not-null", "renaming-column", "renaming-table");
        assertThat(f.get(1).evidence()).isEqualTo("3 rows of orders have NULL in note");
    }

    @Test
    void mysqlRules() {
        Schema s = schema(Dialect.MYSQL, orders());
        List<Finding> f = run(Dialect.MYSQL, s, DataProbe.NONE, false,
                new Operation.RedefineColumn(ORDERS, "qty", col("qty", type("bigint"), true)),
                new Operation.RedefineColumn(ORDERS, "status", col("status", type("enum", "'new'", "'paid'", "'refunded'"), true)),
                new Operation.RedefineColumn(ORDERS, "status", col("status", type("enum", "'draft'", "'new'", "'paid'", "'refunded'"), true)),
                new Operation.ConvertCharset(ORDERS, "utf8mb4", null, true),
                new Operation.DropConstraint(ORDERS, null, ConstraintDef.Kind.PRIMARY_KEY, false, false),
                new Operation.TableAlgorithmLock(ORDERS, "COPY", null),
                new Operation.AddColumn(ORDERS, new ColumnDef("customer_id", type("bigint"), false, null, false, false,
                        new ColumnDef.ForeignKeyRef(TableRef.of("customers"), "id", null, null), null, null, false, null, null), false));
        assertThat(ids(f)).containsExactly("mysql-table-copy", "mysql-table-copy", "mysql-table-copy", "mysql-table-copy", "mysql-lock-option",
                "mysql-inline-references-ignored");
        List<Finding> maria = run(Dialect.MARIADB, schema(Dialect.MARIADB, orders()), DataProbe.NONE, false,
                new Operation.AddColumn(ORDERS, new ColumnDef("customer_id", type("bigint"), false, null, false, false,
                        new ColumnDef.ForeignKeyRef(TableRef.of("customers"), "id", null, null), null, null, false, null, null), false));
        assertThat(ids(maria)).isEmpty();
    }

    @Test
    void sqliteRules() {
        Schema s = schema(Dialect.SQLITE, orders(), new Operation.CreateIndex(new IndexDef("orders_code", ORDERS, List.of("code"), false, null, null, null), false, false));
        List<Finding> f = run(Dialect.SQLITE, s, DataProbe.NONE, true,
                new Operation.AlterColumnType(ORDERS, "note", type("TEXT"), null),
                new Operation.DropColumn(ORDERS, "code", false, false),
                new Operation.DropColumn(ORDERS, "note", false, false),
                new Operation.AddColumn(ORDERS, new ColumnDef("ref", type("TEXT"), false, null, false, true, null, null, null, false, null, null), false),
                new Operation.AddColumn(ORDERS, ColumnDef.of("at", type("TEXT"), false, "CURRENT_TIMESTAMP"), false),
                new Operation.SessionSetting("foreign_keys", "OFF", false));
        assertThat(ids(f)).containsExactly("sqlite-unsupported-alter", "ban-drop-column", "sqlite-unsupported-alter", "ban-drop-column",
                "sqlite-add-column-restriction", "sqlite-add-column-restriction", "sqlite-foreign-keys-pragma-in-transaction");
        assertThat(f.get(2).fix()).startsWith("DROP INDEX orders_code;\nALTER TABLE orders DROP COLUMN code;");
        assertThat(f.get(0).fix()).contains("INSERT INTO orders__dbm_new (id, code, note, qty, status) SELECT id, code, note, qty, status FROM orders;")
                .contains("CREATE INDEX orders_code ON orders (code);");
    }
}

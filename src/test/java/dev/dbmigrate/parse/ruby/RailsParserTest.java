package dev.dbmigrate.parse.ruby;

import static dev.dbmigrate.parse.js.OrmFixtures.migration;
import static dev.dbmigrate.parse.js.OrmFixtures.op;
import static dev.dbmigrate.parse.js.OrmFixtures.ops;
import static dev.dbmigrate.parse.js.OrmFixtures.statementWith;
import static dev.dbmigrate.parse.js.OrmFixtures.unparsed;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.parse.js.OrmFixtures;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class RailsParserTest {

    private static ParsedScript up(String version, Dialect d) {
        return Parsers.parse(migration(Tool.RAILS, "rails", version).up(), d);
    }

    private static ColumnDef col(Operation.CreateTable ct, String name) {
        return ct.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void createTableAddsRailsDefaults() {
        ParsedScript ps = up("20240110120000", Dialect.POSTGRESQL);
        assertThat(ps.statements()).extracting(Statement::line).containsExactly(3, 12);
        List<Operation.CreateTable> tables = ops(ps, Operation.CreateTable.class);
        Operation.CreateTable accounts = tables.get(0);
        assertThat(col(accounts, "id").type().name()).isEqualTo("bigserial");
        assertThat(col(accounts, "id").primaryKey()).isTrue();
        assertThat(col(accounts, "name").type().name()).isEqualTo("varchar");
        assertThat(col(accounts, "name").type().length()).isEqualTo(100);
        assertThat(col(accounts, "name").notNull()).isTrue();
        assertThat(col(accounts, "plan").type().length()).as("no limit on PostgreSQL").isEqualTo(-1);
        assertThat(col(accounts, "plan").defaultExpr()).isEqualTo("'free'");
        assertThat(col(accounts, "active").defaultExpr()).isEqualTo("true");
        assertThat(col(accounts, "balance").type().args()).containsExactly("12", "2");
        assertThat(col(accounts, "settings").defaultExpr()).isEqualTo("'{}'");
        assertThat(col(accounts, "created_at").type().name()).isEqualTo("timestamp");
        assertThat(col(accounts, "created_at").type().args()).containsExactly("6");
        assertThat(col(accounts, "created_at").notNull()).isTrue();

        Operation.CreateTable users = tables.get(1);
        assertThat(col(users, "id").type().name()).isEqualTo("uuid");
        assertThat(col(users, "id").defaultExpr()).isEqualTo("gen_random_uuid()");
        assertThat(col(users, "account_id").type().name()).isEqualTo("bigint");
        assertThat(col(users, "account_id").notNull()).isTrue();
        ConstraintDef fk = users.constraints().get(0);
        assertThat(fk.name()).isEqualTo("fk_rails_61ac11da2b");
        assertThat(fk.refTable().name()).isEqualTo("accounts");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        assertThat(ops(ps, Operation.CreateIndex.class)).extracting(c -> c.index().name())
                .containsExactly("index_users_on_account_id", "index_users_on_email");

        ParsedScript my = up("20240110120000", Dialect.MYSQL);
        Operation.CreateTable myAccounts = ops(my, Operation.CreateTable.class).get(0);
        assertThat(col(myAccounts, "plan").type().length()).isEqualTo(255);
        assertThat(col(myAccounts, "created_at").type().name()).isEqualTo("datetime");
        assertThat(col(myAccounts, "id").autoIncrement()).isTrue();
    }

    @Test
    void concurrentIndexesForeignKeysChecksAndHeredocSql() {
        ParsedScript ps = up("20240111120000", Dialect.POSTGRESQL);
        Statement add = statementWith(ps, Operation.AddColumn.class);
        assertThat(add.line()).isEqualTo(5);
        assertThat(add.ignore()).isNull();
        List<Operation.CreateIndex> idx = ops(ps, Operation.CreateIndex.class);
        assertThat(idx.get(0).index().name()).isEqualTo("index_users_on_account_id_and_status");
        assertThat(idx.get(0).concurrently()).isTrue();
        assertThat(idx.get(1).index().where()).isEqualTo("last_seen_at IS NOT NULL");
        List<ConstraintDef> cons = ops(ps, Operation.AddConstraint.class).stream().map(Operation.AddConstraint::constraint).toList();
        assertThat(cons.get(0).name()).isEqualTo("fk_rails_d3775977e3");
        assertThat(cons.get(0).columns()).containsExactly("buyer_id");
        assertThat(cons.get(0).onDelete()).isEqualTo("SET NULL");
        assertThat(cons.get(0).notValid()).isTrue();
        assertThat(cons.get(1).name()).isEqualTo("balance_positive");
        assertThat(cons.get(1).notValid()).isTrue();
        Statement nullChange = statementWith(ps, Operation.AlterColumnNullability.class);
        assertThat(nullChange.operations().get(0)).isInstanceOf(Operation.DataChange.class);
        assertThat(op(ps, Operation.AlterColumnDefault.class).defaultExpr()).isEqualTo("'trial'");

        // reversible: only dir.up runs in change; both heredoc statements keep their own lines
        Statement update = statementWith(ps, Operation.DataChange.class);
        assertThat(ps.statements().stream().filter(s -> s.status() == Statement.ParseStatus.FALLBACK || s.status() == Statement.ParseStatus.PARSED))
                .extracting(Statement::line).containsExactly(16, 19);
        assertThat(idx).hasSize(3);
        assertThat(idx.get(2).index().name()).isEqualTo("index_users_on_lower_email");
        assertThat(idx.get(2).concurrently()).isTrue();
        assertThat(ps.statements()).noneMatch(s -> s.text().contains("DROP INDEX"));
        assertThat(update.line()).isEqualTo(10);
    }

    @Test
    void changeTableHelpersLoopsAndModels() {
        ParsedScript ps = up("20240112120000", Dialect.POSTGRESQL);
        assertThat(statementWith(ps, Operation.DropColumn.class).line()).isEqualTo(6);
        assertThat(ops(ps, Operation.RenameColumn.class)).extracting(Operation.RenameColumn::newName).containsExactly("total_cents", "status");
        Operation.AddColumn q = op(ps, Operation.AddColumn.class);
        assertThat(q.table().name()).as("change_table TABLE resolved through the class constant").isEqualTo("orders");
        assertThat(q.column().type().name()).isEqualTo("smallint");
        assertThat(q.column().defaultExpr()).isEqualTo("1");
        assertThat(ops(ps, Operation.AlterColumnType.class)).extracting(a -> a.type().name()).containsExactly("text", "bigint");
        assertThat(op(ps, Operation.ValidateConstraint.class).name()).isEqualTo("fk_rails_d3775977e3");
        assertThat(op(ps, Operation.DropIndex.class).name()).isEqualTo("index_orders_on_created_at");
        List<Statement> bad = unparsed(ps);
        assertThat(bad).extracting(Statement::line).containsExactly(18, 21);
        Statement removed = ps.statements().stream().filter(st -> st.text().startsWith("remove_column")).findFirst().orElseThrow();
        assertThat(removed.line()).isEqualTo(13);
        assertThat(removed.ignore().rules()).as("# db-migrate-ignore on the line before").containsExactly("ban-drop-column");
        List<Operation.DataChange> data = ops(ps, Operation.DataChange.class);
        assertThat(data).hasSize(2);
        assertThat(data.get(0).table().name()).isEqualTo("orders");
        assertThat(data.get(0).hasWhere()).isTrue();
        assertThat(statementWith(ps, Operation.OpaqueCode.class).line()).isEqualTo(23);
        Statement interpolated = ps.statements().stream().filter(s -> s.text().contains("'done'")).findFirst().orElseThrow();
        assertThat(interpolated.text()).startsWith("UPDATE orders SET");
        assertThat(interpolated.line()).isEqualTo(24);
        assertThat(op(ps, Operation.DropTable.class).ifExists()).isTrue();

        Migration m = migration(Tool.RAILS, "rails", "20240112120000");
        ParsedScript down = Parsers.parse(m.down(), Dialect.POSTGRESQL);
        assertThat(((Operation.OpaqueCode) down.statements().get(0).operations().get(0)).description()).contains("IrreversibleMigration");
    }

    @Test
    void guardsReferencesJoinTablesAndArrays() {
        ParsedScript ps = up("20240113120000", Dialect.POSTGRESQL);
        Operation.CreateTable audits = ops(ps, Operation.CreateTable.class).get(0);
        assertThat(audits.ifNotExists()).as("unless table_exists?").isTrue();
        assertThat(col(audits, "audit_id").primaryKey()).isTrue();
        assertThat(col(audits, "user_id").type().name()).isEqualTo("uuid");
        List<Operation.AddColumn> adds = ops(ps, Operation.AddColumn.class);
        assertThat(adds.get(0).ifNotExists()).as("unless column_exists? modifier").isTrue();
        assertThat(adds.get(1).column().name()).isEqualTo("coupon_id");
        Statement ref = statementWith(ps, Operation.AddConstraint.class);
        assertThat(ref.operations()).hasSize(3);
        assertThat(((Operation.CreateIndex) ref.operations().get(1)).concurrently()).isTrue();
        assertThat(op(ps, Operation.AddConstraint.class).constraint().refTable().name()).isEqualTo("coupons");
        assertThat(op(ps, Operation.DropConstraint.class).name()).isEqualTo(RailsWalker.fkHash("orders", "shop_id"));
        assertThat(ops(ps, Operation.CreateTable.class).get(1).table().name()).isEqualTo("roles_users");
        Operation.AddColumn roles = adds.get(adds.size() - 1);
        assertThat(roles.column().type().array()).isTrue();
        assertThat(roles.column().defaultExpr()).isEqualTo("'{}'");
        assertThat(unparsed(ps)).isEmpty();
    }

    @Test
    void delegatesExecuteToTheSqlEngineWithHeredocLines() {
        OrmFixtures.RecordingSql sql = new OrmFixtures.RecordingSql();
        Migration m = migration(Tool.RAILS, "rails", "20240111120000");
        new RailsParser(sql).parse(m.up(), Dialect.POSTGRESQL);
        assertThat(sql.scripts).hasSize(1);
        assertThat(sql.scripts.get(0).startLine()).isEqualTo(16);
        assertThat(sql.scripts.get(0).text()).startsWith("UPDATE users\n   SET status");
    }

    @Test
    void namingHelpersMatchActiveRecord() {
        assertThat(RailsWalker.indexName("users", List.of("email"))).isEqualTo("index_users_on_email");
        String longName = RailsWalker.indexName("customer_subscription_payments", List.of("subscription_plan_id", "billing_period_start"));
        assertThat(longName).startsWith("idx_on_subscription_plan_id_billing_period_start_").hasSizeLessThanOrEqualTo(62);
        assertThat(Inflector.pluralize("category")).isEqualTo("categories");
        assertThat(Inflector.pluralize("person")).isEqualTo("people");
        assertThat(Inflector.pluralize("address")).isEqualTo("addresses");
        assertThat(Inflector.singularize("categories")).isEqualTo("category");
        assertThat(Inflector.tableize("BlogPost")).isEqualTo("blog_posts");
    }

    @Test
    void undecidableConditionsMarkStatementsConditional() {
        String src = "def up\n  unless Rails.env.test?\n    add_index :users, :email\n  end\n  remove_column :users, :x if ENV[\"DROP\"]\nend\n";
        ParsedScript ps = new RailsParser().parse(new Script(Path.of("/tmp/1_x.rb"), src, 1, Script.Language.RUBY, "up"), Dialect.POSTGRESQL);
        assertThat(ps.statements()).hasSize(2);
        assertThat(ps.statements().get(0).operations().get(0)).isEqualTo(new Operation.Conditional("!(Rails.env.test?)"));
        assertThat(ps.statements().get(0).line()).isEqualTo(3);
        assertThat(ps.statements().get(1).operations().get(0)).isEqualTo(new Operation.Conditional("ENV[\"DROP\"]"));
        assertThat(ps.statements().get(1).operations().get(1)).isInstanceOf(Operation.DropColumn.class);
    }

    @Test
    void unreadableRubyIsUnparsedNotAnException() {
        String src = "def change\n  add_column :users, :x, :string\n  create_table :t do |t|\n    t.string :a, \"unterminated\n  end\nend\n";
        ParsedScript ps = new RailsParser().parse(new Script(Path.of("/tmp/1_x.rb"), src, 3, Script.Language.RUBY, "change"), Dialect.POSTGRESQL);
        assertThat(ps.statements()).isNotEmpty();
        assertThat(ps.statements().get(0).line()).isEqualTo(4);
        assertThat(ps.statements().get(0).status()).isEqualTo(Statement.ParseStatus.ORM);
        assertThat(unparsed(ps)).isNotEmpty();
    }
}

package dev.dbmigrate.read;

import static dev.dbmigrate.read.ReadFixtures.byId;
import static dev.dbmigrate.read.ReadFixtures.ids;
import static dev.dbmigrate.read.ReadFixtures.kinds;
import static dev.dbmigrate.read.ReadFixtures.problem;
import static dev.dbmigrate.read.ReadFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import org.junit.jupiter.api.Test;

/** Readers whose migrations are code: Rails (Ruby), Knex, Sequelize, TypeORM (JS/TS), and Drizzle's journal. */
class CodeReadersTest {

    @Test
    void railsMethodsTransactionsAndOrder() {
        ReadResult r = read(Tool.RAILS, "rails");
        assertThat(ids(r)).containsExactly("9", "20240101120000", "20240110090000", "20240120100000", "20240125000000", "20240126000000");
        Migration users = byId(r, "20240101120000");
        assertThat(users.up().language()).isEqualTo(Script.Language.RUBY);
        assertThat(users.up().part()).isEqualTo("change");
        assertThat(users.up().startLine()).isEqualTo(2);
        assertThat(users.up().text()).startsWith("  def change").endsWith("  end").contains("add_index :users, :email");
        assertThat(users.down()).isNull();
        assertThat(users.downKind()).isEqualTo(DownKind.MISSING);
        assertThat(users.attributes()).containsEntry("autoRollback", true).containsEntry("className", "CreateUsers")
                .containsEntry("railsVersion", "7.1");
        assertThat(byId(r, "20240110090000").transactional()).isFalse();
        assertThat(users.transactional()).isTrue();

        Migration backfill = byId(r, "20240120100000");
        assertThat(backfill.up().startLine()).isEqualTo(2);
        assertThat(backfill.up().text()).contains("WHERE status IS NULL").contains("remove_column :users, :legacy_flag")
                .endsWith("    end\n  end");
        assertThat(backfill.down().startLine()).isEqualTo(14);
        assertThat(backfill.down().text()).isEqualTo("  def down\n    remove_column :users, :status\n  end");
        assertThat(backfill.downKind()).isEqualTo(DownKind.PRESENT);

        assertThat(byId(r, "20240125000000").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(problem(r, "missing-down", "20240125000000")).isNotNull();
        assertThat(byId(r, "20240126000000").attributes()).containsEntry("irreversible", true);
        assertThat(kinds(r)).containsExactly("missing-down");
    }

    @Test
    void railsRefusals() {
        ReadResult r = read(Tool.RAILS, "rails-broken");
        assertThat(problem(r, "duplicate-version", "20240101120000_create_widgets.rb")).isNotNull();
        assertThat(problem(r, "duplicate-name", "20240104000000_create_things.rb")).isNotNull();
        assertThat(problem(r, "invalid-file", "20240102000000_AddColor.rb").message()).contains("IllegalMigrationNameError");
        assertThat(problem(r, "invalid-file", "20240103000000").message()).contains("AddSizeToThings").contains("AddSize");
    }

    @Test
    void knexFunctionsInFileNameOrder() {
        ReadResult r = read(Tool.KNEX, "knex");
        assertThat(ids(r)).containsExactly("20240101120000_create_users.js", "20240102120000_create_orders.ts",
                "20240103120000_orders_user_index.js", "20240104120000_backfill_totals.js");
        Migration users = byId(r, "20240101120000_create_users.js");
        assertThat(users.version()).isEqualTo("20240101120000_create_users.js");
        assertThat(users.name()).isEqualTo("create_users");
        assertThat(users.up().language()).isEqualTo(Script.Language.JAVASCRIPT);
        assertThat(users.up().startLine()).isEqualTo(5);
        assertThat(users.up().text()).startsWith("exports.up = function (knex) {").endsWith("  });\n}").contains("'}{ not a brace'");
        assertThat(users.down().startLine()).isEqualTo(18);
        assertThat(users.down().text()).isEqualTo("exports.down = function (knex) {\n  return knex.schema.dropTable('users');\n}");
        assertThat(users.transactional()).isTrue();

        Migration orders = byId(r, "20240102120000_create_orders.ts");
        assertThat(orders.up().language()).isEqualTo(Script.Language.TYPESCRIPT);
        assertThat(orders.up().startLine()).isEqualTo(3);
        assertThat(orders.up().text()).startsWith("export async function up(knex: Knex): Promise<void> {").endsWith("{draft}'`);\n}");
        assertThat(orders.down().startLine()).isEqualTo(12);

        Migration index = byId(r, "20240103120000_orders_user_index.js");
        assertThat(index.transactional()).isFalse();
        assertThat(index.up().text()).isEqualTo("exports.up = (knex) => knex.raw('CREATE INDEX CONCURRENTLY orders_user_id_idx ON orders (user_id)')");
        assertThat(index.up().startLine()).isEqualTo(3);

        assertThat(byId(r, "20240104120000_backfill_totals.js").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(problem(r, "missing-down", "20240104120000_backfill_totals.js")).isNotNull();
        assertThat(problem(r, "ignored-file", "seed-data.json")).isNotNull();
        assertThat(kinds(r)).containsExactlyInAnyOrder("missing-down", "ignored-file");
    }

    @Test
    void sequelizeObjectMethodsArrowsAndEmptyDown() {
        ReadResult r = read(Tool.SEQUELIZE, "sequelize");
        assertThat(ids(r)).containsExactly("20240101120000-create-user.js", "20240102120000-add-user-email-index.js", "20240103120000-noop-down.js");
        Migration user = byId(r, "20240101120000-create-user.js");
        assertThat(user.up().startLine()).isEqualTo(5);
        assertThat(user.up().text()).startsWith("async up (queryInterface, Sequelize) {").contains("createTable('Users'");
        assertThat(user.down().startLine()).isEqualTo(14);
        assertThat(user.transactional()).isFalse();
        Migration index = byId(r, "20240102120000-add-user-email-index.js");
        assertThat(index.up().text()).startsWith("up: (queryInterface, Sequelize) => queryInterface.addIndex(").endsWith("})");
        assertThat(index.down().text()).startsWith("down: function (queryInterface, Sequelize) {");
        assertThat(byId(r, "20240103120000-noop-down.js").downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void typeOrmOrdersByClassTimestamp() {
        ReadResult r = read(Tool.TYPEORM, "typeorm");
        assertThat(ids(r)).containsExactly("CleanupWithoutTimestamp", "CreateUsers1700000000000", "AddName1700000100000", "AddUserNameIndex1700000200000");
        Migration users = byId(r, "CreateUsers1700000000000");
        assertThat(users.up().language()).isEqualTo(Script.Language.TYPESCRIPT);
        assertThat(users.up().startLine()).isEqualTo(6);
        assertThat(users.up().text()).startsWith("public async up(queryRunner: QueryRunner): Promise<void> {").endsWith("}");
        assertThat(users.down().startLine()).isEqualTo(10);
        assertThat(users.attributes()).containsEntry("timestamp", 1700000000000L);
        assertThat(byId(r, "AddUserNameIndex1700000200000").transactional()).isFalse();
        assertThat(users.transactional()).isTrue();
        assertThat(problem(r, "invalid-file", "CleanupWithoutTimestamp").message()).contains("timestamp");
        assertThat(problem(r, "missing-down", "CleanupWithoutTimestamp")).isNotNull();
    }

    @Test
    void drizzleJournalOrderNotFileNameOrder() {
        ReadResult r = read(Tool.DRIZZLE, "drizzle");
        assertThat(ids(r)).containsExactly("0000_nice_thor", "0002_custom_backfill", "0001_add_posts");
        Migration backfill = byId(r, "0002_custom_backfill");
        assertThat(backfill.version()).isEqualTo("1704153600000");
        assertThat(backfill.downKind()).isEqualTo(DownKind.UNSUPPORTED);
        assertThat(backfill.attributes()).containsEntry("idx", 1).containsEntry("breakpoints", true).containsEntry("checksumAlgorithm", "sha256");
        // the custom statement before the breakpoint has no semicolon: one is added on the same line
        assertThat(backfill.up().text()).contains("lower(\"email\")\n;--> statement-breakpoint\nALTER TABLE");
        assertThat(byId(r, "0000_nice_thor").up().text()).contains(");\n--> statement-breakpoint\nCREATE UNIQUE INDEX");
        assertThat(r.problems()).isEmpty();
    }

    @Test
    void drizzleJournalProblems() {
        ReadResult r = read(Tool.DRIZZLE, "drizzle-broken");
        assertThat(ids(r)).containsExactly("0000_init", "0001_second");
        assertThat(problem(r, "journal-missing-file", "0002_deleted")).isNotNull();
        assertThat(problem(r, "file-missing-from-journal", "0003_orphan.sql")).isNotNull();
        assertThat(problem(r, "out-of-order", "0001_second").message()).contains("skips it");
    }
}

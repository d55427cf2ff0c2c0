package dev.dbmigrate.parse.js;

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
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class KnexParserTest {

    private static ParsedScript up(String id, Dialect d) {
        Migration m = migration(Tool.KNEX, "knex", id);
        return Parsers.parse(m.up(), d);
    }

    private static ColumnDef col(Operation.CreateTable ct, String name) {
        return ct.columns().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void commonJsCreateTablesWithImplicitKnexNames() {
        ParsedScript ps = up("20240101090000", Dialect.POSTGRESQL);
        List<Operation.CreateTable> tables = ops(ps, Operation.CreateTable.class);
        assertThat(tables).extracting(t -> t.table().name()).containsExactly("users", "posts");
        Operation.CreateTable users = tables.get(0);
        assertThat(col(users, "id").type().name()).isEqualTo("serial");
        assertThat(col(users, "id").primaryKey()).isTrue();
        assertThat(col(users, "email").type().name()).isEqualTo("varchar");
        assertThat(col(users, "email").type().length()).isEqualTo(320);
        assertThat(col(users, "email").notNull()).isTrue();
        assertThat(col(users, "name").type().length()).isEqualTo(255);
        assertThat(col(users, "name").notNull()).isFalse();
        assertThat(col(users, "is_admin").defaultExpr()).isEqualTo("false");
        assertThat(col(users, "status").type().name()).isEqualTo("text");
        assertThat(col(users, "status").check()).isEqualTo("\"status\" in ('active', 'banned')");
        assertThat(col(users, "created_at").type().name()).isEqualTo("timestamptz");
        assertThat(col(users, "created_at").defaultExpr()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(users.constraints()).containsExactly(ConstraintDef.unique("users_email_unique", List.of("email")));

        Operation.CreateTable posts = tables.get(1);
        assertThat(col(posts, "id").type().name()).isEqualTo("bigserial");
        assertThat(col(posts, "price").type().args()).containsExactly("10", "2");
        assertThat(col(posts, "published_at").type().name()).isEqualTo("timestamp");
        assertThat(col(posts, "meta").defaultExpr()).isEqualTo("'{}'");
        ConstraintDef fk = posts.constraints().get(0);
        assertThat(fk.name()).isEqualTo("posts_author_id_foreign");
        assertThat(fk.refTable().name()).isEqualTo("users");
        assertThat(fk.refColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        Operation.CreateIndex idx = op(ps, Operation.CreateIndex.class);
        assertThat(idx.index().name()).isEqualTo("posts_author_id_published_at_index");
        assertThat(idx.index().columns()).containsExactly("author_id", "published_at");

        // each chained createTable is its own statement at the line of its call
        assertThat(ps.statements()).extracting(Statement::line).containsExactly(7, 15);
        assertThat(ps.statements().get(0).status()).isEqualTo(Statement.ParseStatus.ORM);
        assertThat(ps.statements().get(0).text()).startsWith("createTable('users'");

        ParsedScript down = Parsers.parse(migration(Tool.KNEX, "knex", "20240101090000").down(), Dialect.POSTGRESQL);
        assertThat(down.statements()).extracting(Statement::text).containsExactly("knex.schema.dropTable('posts')", "dropTable('users')");
        assertThat(down.statements()).extracting(Statement::column).containsExactly(10, 41);
    }

    @Test
    void typesFollowTheDialect() {
        ParsedScript my = up("20240101090000", Dialect.MYSQL);
        Operation.CreateTable users = ops(my, Operation.CreateTable.class).get(0);
        assertThat(col(users, "id").type().name()).isEqualTo("integer unsigned");
        assertThat(col(users, "id").autoIncrement()).isTrue();
        assertThat(col(users, "status").type().name()).isEqualTo("enum");
        assertThat(col(users, "status").type().args()).containsExactly("active", "banned");
        assertThat(col(users, "created_at").type().name()).isEqualTo("timestamp");
        Operation.CreateTable posts = ops(my, Operation.CreateTable.class).get(1);
        assertThat(col(posts, "author_id").type().name()).isEqualTo("integer unsigned");
        assertThat(col(posts, "meta").type().name()).isEqualTo("json");

        ParsedScript lite = up("20240101090000", Dialect.SQLITE);
        Operation.CreateTable liteUsers = ops(lite, Operation.CreateTable.class).get(0);
        assertThat(liteUsers.constraints()).isEmpty();
        assertThat(ops(lite, Operation.CreateIndex.class)).extracting(c -> c.index().name())
                .contains("users_email_unique", "posts_author_id_published_at_index");
    }

    @Test
    void esmAlterTableOneStatementPerBuilderCall() {
        ParsedScript ps = up("20240102090000", Dialect.POSTGRESQL);
        Statement add = statementWith(ps, Operation.AddColumn.class);
        assertThat(add.line()).isEqualTo(5);
        assertThat(add.column()).isEqualTo(5);
        assertThat(add.ignore()).isNull();
        Statement drop = statementWith(ps, Operation.DropColumn.class);
        assertThat(drop.line()).isEqualTo(6);
        assertThat(drop.ignore()).as("trailing // db-migrate-ignore on the call's line").isNotNull();
        assertThat(drop.ignore().rules()).containsExactly("ban-drop-column");
        assertThat(op(ps, Operation.RenameColumn.class).newName()).isEqualTo("admin");

        Statement alter = statementWith(ps, Operation.AlterColumnType.class);
        assertThat(alter.line()).isEqualTo(8);
        assertThat(alter.operations()).containsExactly(
                new Operation.AlterColumnType(op(ps, Operation.AlterColumnType.class).table(), "email", op(ps, Operation.AlterColumnType.class).type(), null),
                new Operation.AlterColumnDefault(op(ps, Operation.AlterColumnType.class).table(), "email", null),
                new Operation.AlterColumnNullability(op(ps, Operation.AlterColumnType.class).table(), "email", true));
        assertThat(op(ps, Operation.AlterColumnType.class).type().length()).isEqualTo(512);
        assertThat(op(ps, Operation.AddConstraint.class).constraint().name()).isEqualTo("users_phone_uq");

        // knex.raw went through the SQL engine and keeps the literal's position
        Statement raw = statementWith(ps, Operation.CreateIndex.class);
        assertThat(raw.status()).isNotEqualTo(Statement.ParseStatus.ORM);
        assertThat(raw.line()).isEqualTo(11);
        assertThat(raw.column()).isEqualTo(19);
        assertThat(op(ps, Operation.CreateIndex.class).concurrently()).isTrue();

        List<Operation.DataChange> data = ops(ps, Operation.DataChange.class);
        assertThat(data).extracting(Operation.DataChange::kind).containsExactly(Operation.DataKind.UPDATE, Operation.DataKind.DELETE);
        assertThat(data.get(0).hasWhere()).isFalse();
        assertThat(data.get(0).setColumns()).containsExactly("status");
        assertThat(data.get(1).hasWhere()).isTrue();

        ParsedScript down = Parsers.parse(migration(Tool.KNEX, "knex", "20240102090000").down(), Dialect.POSTGRESQL);
        assertThat(op(down, Operation.DropConstraint.class).name()).isEqualTo("users_phone_uq");
    }

    @Test
    void typeScriptGuardsLoopsHelpersAndTemplateSql() {
        ParsedScript ps = up("20240103090000", Dialect.POSTGRESQL);
        Operation.CreateTable orders = op(ps, Operation.CreateTable.class);
        assertThat(orders.table().name()).isEqualTo("orders");
        assertThat(orders.ifNotExists()).as("inside if (!exists) of hasTable").isTrue();
        assertThat(col(orders, "id").defaultExpr()).isEqualTo("gen_random_uuid()");
        assertThat(col(orders, "tags").type().array()).isTrue();
        assertThat(col(orders, "tags").type().name()).isEqualTo("text");
        assertThat(col(orders, "placed_at").defaultExpr()).isEqualTo("CURRENT_TIMESTAMP");
        assertThat(orders.constraints()).extracting(ConstraintDef::name).containsExactly("orders_pkey", "orders_user_id_foreign");
        assertThat(orders.constraints().get(1).onDelete()).isEqualTo("SET NULL");

        assertThat(op(ps, Operation.DropConstraint.class).name()).isEqualTo("posts_author_id_foreign");
        assertThat(op(ps, Operation.CreateIndex.class).index().method()).isEqualTo("gin");

        List<Statement> bad = unparsed(ps);
        assertThat(bad).extracting(Statement::line).containsExactly(21, 24);
        assertThat(bad.get(0).operations().get(0)).isInstanceOf(Operation.Unparsed.class);
        assertThat(((Operation.Unparsed) bad.get(0).operations().get(0)).reason()).contains("loop");
        assertThat(((Operation.Unparsed) bad.get(1).operations().get(0)).reason()).contains("addAuditColumns");

        Statement update = statementWith(ps, Operation.DataChange.class);
        assertThat(update.line()).as("the UPDATE's own line inside the template literal").isEqualTo(26);
        assertThat(op(ps, Operation.DataChange.class).hasWhere()).isTrue();
    }

    @Test
    void legacyThenChainAndThisBuilder() {
        ParsedScript ps = up("20240104090000", Dialect.POSTGRESQL);
        Operation.CreateTable tags = op(ps, Operation.CreateTable.class);
        assertThat(tags.ifNotExists()).isTrue();
        assertThat(tags.columns()).extracting(ColumnDef::name).containsExactly("id", "label");
        assertThat(op(ps, Operation.CreateIndex.class).index().name()).isEqualTo("tags_label_index");
        assertThat(unparsed(ps)).isEmpty();
    }

    @Test
    void delegatesEachRawCallToTheSqlEngine() {
        OrmFixtures.RecordingSql sql = new OrmFixtures.RecordingSql();
        Migration m = migration(Tool.KNEX, "knex", "20240103090000");
        new JsMigrationParser(sql).parse(m.up(), Dialect.POSTGRESQL);
        assertThat(sql.scripts).hasSize(1);
        Script s = sql.scripts.get(0);
        assertThat(s.language()).isEqualTo(Script.Language.SQL);
        assertThat(s.startLine()).isEqualTo(25);
        assertThat(s.text()).contains("UPDATE orders").contains("WHERE placed_at IS NULL");
        assertThat(s.file()).isEqualTo(m.file());
    }

    @Test
    void rawBindingsAreSubstituted() {
        String src = "exports.up = async (knex) => {\n  await knex.raw('ALTER TABLE ?? ADD COLUMN ?? text DEFAULT ?', ['users', 'bio', 'none']);\n};\n";
        ParsedScript ps = new JsMigrationParser().parse(new Script(Path.of("/tmp/x.js"), src, 1, Script.Language.JAVASCRIPT, "up"), Dialect.POSTGRESQL);
        Operation.AddColumn add = op(ps, Operation.AddColumn.class);
        assertThat(add.table().name()).isEqualTo("users");
        assertThat(add.column().name()).isEqualTo("bio");
        assertThat(add.column().defaultExpr()).isEqualTo("'none'");
        assertThat(ps.statements().get(0).line()).isEqualTo(2);
    }
}

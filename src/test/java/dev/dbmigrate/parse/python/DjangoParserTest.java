package dev.dbmigrate.parse.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.Readers;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DjangoParserTest {

    private static final Path SHOP = Path.of("src/test/resources/projects/python/django-shop").toAbsolutePath();

    private static Migration migration(String id) {
        ReadResult r = Readers.forTool(Tool.DJANGO).orElseThrow().read(new ReadContext(SHOP, null, null));
        return r.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    private static List<Statement> up(String id, Dialect d) {
        return Parsers.parse(migration(id).up(), d).statements();
    }

    private static <T extends Operation> T op(Statement st, int i, Class<T> type) {
        assertThat(st.operations().get(i)).isInstanceOf(type);
        return type.cast(st.operations().get(i));
    }

    @Test
    void createModelWithForeignKeysUsesDjangoNamesAndNoDatabaseOnDelete() {
        List<Statement> st = up("shop.0001_squashed_0003_order_total", Dialect.POSTGRESQL);
        assertThat(st).extracting(Statement::line).containsExactly(19, 27, 36);
        assertThat(st).allSatisfy(s -> assertThat(s.status()).isEqualTo(ParseStatus.ORM));
        Operation.CreateTable orders = op(st.get(2), 0, Operation.CreateTable.class);
        assertThat(orders.table().name()).as("db_table option").isEqualTo("shop_orders");
        assertThat(orders.columns()).extracting(ColumnDef::name)
                .containsExactly("id", "status", "note", "created_at", "customer_id", "created_by_id", "total");
        ColumnDef id = orders.columns().get(0);
        assertThat(id.type().name()).isEqualTo("bigint");
        assertThat(id.generated().identity()).isTrue();
        assertThat(orders.columns().get(1).defaultExpr()).as("default= is not a database default").isNull();
        assertThat(orders.columns().get(3).type().name()).isEqualTo("timestamptz");
        assertThat(orders.columns().get(4).notNull()).isTrue();
        assertThat(orders.columns().get(5).notNull()).isFalse();
        Operation.AddConstraint fk = op(st.get(2), 1, Operation.AddConstraint.class);
        assertThat(fk.constraint().name()).isEqualTo("shop_orders_customer_id_83cb9232_fk_shop_customer_id");
        assertThat(fk.constraint().refTable().name()).isEqualTo("shop_customer");
        assertThat(fk.constraint().onDelete()).as("Django emulates on_delete in Python").isNull();
        assertThat(fk.constraint().deferrable()).isTrue();
        assertThat(op(st.get(2), 2, Operation.CreateIndex.class).index().name()).isEqualTo("shop_orders_customer_id_83cb9232");
        Operation.AddConstraint userFk = op(st.get(2), 3, Operation.AddConstraint.class);
        assertThat(userFk.constraint().refTable().name()).as("settings.AUTH_USER_MODEL").isEqualTo("accounts_user");
        assertThat(userFk.constraint().name()).isEqualTo("shop_orders_created_by_id_27f77ce0_fk_accounts_user_id");
        Operation.CreateTable product = op(st.get(1), 0, Operation.CreateTable.class);
        assertThat(product.columns().get(1).type().toString()).as("SlugField").isEqualTo("varchar(50)");
        assertThat(product.columns().get(3).type().toString()).isEqualTo("numeric(10,2)");
        assertThat(op(st.get(1), 1, Operation.CreateIndex.class).index().name()).isEqualTo("shop_product_sku_20049d15_like");
    }

    @Test
    void addFieldFillsRowsWithTheDefaultThenDropsIt() {
        Path replaced = SHOP.resolve("shop/migrations/0003_order_total.py");
        Script s = new Script(replaced, read(replaced), 1, Script.Language.PYTHON_DJANGO, null);
        List<Statement> st = Parsers.parse(s, Dialect.POSTGRESQL).statements();
        assertThat(st).singleElement().satisfies(x -> assertThat(x.line()).isEqualTo(13));
        Operation.AddColumn add = op(st.get(0), 0, Operation.AddColumn.class);
        assertThat(add.table().name()).as("state from the replaced chain: db_table of 0002").isEqualTo("shop_orders");
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultExpr()).isEqualTo("0");
        assertThat(op(st.get(0), 1, Operation.AlterColumnDefault.class).defaultExpr()).isNull();
    }

    @Test
    void renameNarrowAndPositiveField() {
        List<Statement> st = up("shop.0004_rename_note_order_comment_alter_customer_name", Dialect.POSTGRESQL);
        assertThat(st).extracting(Statement::line).containsExactly(13, 18, 23);
        Operation.RenameColumn rename = op(st.get(0), 0, Operation.RenameColumn.class);
        assertThat(rename.table().name()).isEqualTo("shop_orders");
        assertThat(rename.column()).isEqualTo("note");
        assertThat(rename.newName()).isEqualTo("comment");
        assertThat(st.get(1).operations()).singleElement().isInstanceOfSatisfying(Operation.AlterColumnType.class, t -> {
            assertThat(t.table().name()).isEqualTo("shop_customer");
            assertThat(t.type().toString()).isEqualTo("varchar(100)");
        });
        Operation.AddColumn points = op(st.get(2), 0, Operation.AddColumn.class);
        assertThat(points.column().check()).isEqualTo("loyalty_points >= 0");
        assertThat(points.column().defaultExpr()).isEqualTo("0");

        List<Statement> lite = up("shop.0004_rename_note_order_comment_alter_customer_name", Dialect.SQLITE);
        assertThat(lite.get(0).operations()).singleElement().isInstanceOf(Operation.RenameColumn.class);
        assertThat(lite.get(1).operations().get(0)).as("SQLite: Django remakes the table").isInstanceOf(Operation.TableRebuild.class);
    }

    @Test
    void reverseRunsTheInverseOperationsInReverseOrder() {
        Migration m = migration("shop.0004_rename_note_order_comment_alter_customer_name");
        List<Statement> st = Parsers.parse(m.down(), Dialect.POSTGRESQL).statements();
        assertThat(st).extracting(Statement::line).containsExactly(23, 18, 13);
        assertThat(op(st.get(0), 0, Operation.DropColumn.class).column()).isEqualTo("loyalty_points");
        assertThat(op(st.get(1), 0, Operation.AlterColumnType.class).type().toString()).isEqualTo("varchar(200)");
        Operation.RenameColumn back = op(st.get(2), 0, Operation.RenameColumn.class);
        assertThat(back.column()).isEqualTo("comment");
        assertThat(back.newName()).isEqualTo("note");
    }

    @Test
    void addIndexConcurrentlyOutsideATransaction() {
        ParsedScript ps = Parsers.parse(migration("shop.0005_order_status_index").up(), Dialect.POSTGRESQL);
        assertThat(ps.noTransaction()).as("atomic = False").isTrue();
        Operation.CreateIndex ix = op(ps.statements().get(0), 0, Operation.CreateIndex.class);
        assertThat(ix.concurrently()).isTrue();
        assertThat(ix.index().table().name()).isEqualTo("shop_orders");
        assertThat(ix.index().columns()).containsExactly("status", "created_at DESC");
    }

    @Test
    void runPythonRunSqlAndConstraints() {
        Migration m = migration("shop.0006_backfill_and_constraints");
        List<Statement> st = Parsers.parse(m.up(), Dialect.POSTGRESQL).statements();
        Statement python = st.get(0);
        assertThat(python.line()).isEqualTo(17);
        assertThat(python.reversible()).as("RunPython without reverse_code").isFalse();
        Operation.OpaqueCode code = op(python, 0, Operation.OpaqueCode.class);
        assertThat(code.language()).isEqualTo("python");
        assertThat(code.inner()).hasSize(2);
        assertThat(code.inner().get(1)).as("schema_editor.execute SQL").isInstanceOfSatisfying(Operation.DataChange.class,
                d -> assertThat(d.table().name()).isEqualTo("shop_customer"));
        assertThat(code.containsDdl()).isFalse();
        assertThat(code.inner()).first().isInstanceOfSatisfying(Operation.DataChange.class, d -> {
            assertThat(d.table().name()).isEqualTo("shop_orders");
            assertThat(d.hasWhere()).isTrue();
            assertThat(d.setColumns()).containsExactly("status");
        });
        List<Statement> sql = st.stream().filter(s -> s.line() == 18).toList();
        assertThat(sql).as("both RunSQL strings handed to the SQL engine").hasSize(2).allSatisfy(s -> assertThat(s.reversible()).isTrue());
        assertThat(sql.get(0).text()).startsWith("CREATE INDEX shop_orders_paid_idx");
        assertThat(sql.get(0).operations()).singleElement().isInstanceOfSatisfying(Operation.CreateIndex.class,
                i -> assertThat(i.index().where()).isNotNull());
        assertThat(sql.get(1).text()).startsWith("UPDATE shop_orders SET comment");
        Statement check = st.get(st.size() - 2);
        assertThat(check.line()).isEqualTo(27);
        Operation.AddConstraint c = op(check, 0, Operation.AddConstraint.class);
        assertThat(c.constraint().kind()).isEqualTo(ConstraintDef.Kind.CHECK);
        assertThat(c.constraint().expression()).isEqualTo("total >= 0");
        Operation.AddConstraint unique = op(st.get(st.size() - 1), 0, Operation.AddConstraint.class);
        assertThat(unique.constraint().name()).isEqualTo("shop_product_name_price_13314a3b_uniq");

        List<Statement> down = Parsers.parse(m.down(), Dialect.POSTGRESQL).statements();
        assertThat(down).extracting(Statement::line).containsExactly(31, 27, 18, 17);
        assertThat(down.get(2).text()).isEqualTo("DROP INDEX shop_orders_paid_idx");
        assertThat(down.get(3).reversible()).isFalse();
        assertThat(((Operation.OpaqueCode) down.get(3).operations().get(0)).description()).contains("IrreversibleError");
    }

    @Test
    void crossAppOneToOneManyToManyAndTableRename() {
        Operation.CreateTable invoice = op(up("billing.0001_initial", Dialect.POSTGRESQL).get(0), 0, Operation.CreateTable.class);
        ColumnDef order = invoice.columns().get(3);
        assertThat(order.name()).isEqualTo("order_id");
        assertThat(order.type().name()).as("type of shop.Order's BigAutoField").isEqualTo("bigint");
        assertThat(order.unique()).as("OneToOneField").isTrue();
        List<Statement> st = up("billing.0002_invoice_products_invoice_paid", Dialect.POSTGRESQL);
        Operation.CreateTable join = op(st.get(0), 0, Operation.CreateTable.class);
        assertThat(join.table().name()).isEqualTo("billing_invoice_products");
        assertThat(join.columns()).extracting(ColumnDef::name).containsExactly("id", "invoice_id", "product_id");
        assertThat(op(st.get(0), 1, Operation.AddConstraint.class).constraint().name()).isEqualTo("billing_invoice_prod_invoice_id_be9f8c9c_fk_billing_i");
        Operation.AddColumn paid = op(st.get(1), 0, Operation.AddColumn.class);
        assertThat(paid.column().defaultExpr()).isEqualTo("false");
        assertThat(op(st.get(1), 1, Operation.AlterColumnDefault.class).defaultExpr()).isNull();
        assertThat(st.get(2).operations()).extracting(o -> ((Operation.RenameTable) o).newName())
                .containsExactly("billing_invoices", "billing_invoices_products");
        assertThat(op(st.get(3), 0, Operation.DropColumn.class).table().name()).as("after AlterModelTable").isEqualTo("billing_invoices");
    }

    @Test
    void mysqlTypesAndNames() {
        Operation.CreateTable orders = op(up("shop.0001_squashed_0003_order_total", Dialect.MYSQL).get(2), 0, Operation.CreateTable.class);
        assertThat(orders.columns().get(3).type().toString()).isEqualTo("datetime(6)");
        assertThat(orders.columns().get(2).type().name()).isEqualTo("longtext");
        assertThat(orders.columns().get(0).autoIncrement()).isTrue();
    }

    @Test
    void withoutAProjectTheAppComesFromThePathAndUnknownModelsAreReported(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("blog/migrations/0002_post_extra.py");
        Files.createDirectories(file.getParent());
        String text = """
                from django.db import migrations, models


                class Migration(migrations.Migration):
                    dependencies = [("blog", "0001_initial")]
                    operations = [
                        migrations.CreateModel(
                            name="Tag",
                            fields=[("id", models.AutoField(primary_key=True, serialize=False)), ("label", models.CharField(max_length=30))],
                        ),
                        migrations.AddField(model_name="post", name="views", field=models.IntegerField(default=0)),
                        migrations.AddField(model_name="tag", name="weight", field=models.IntegerField(null=True)),
                        custom.ShardedOperation(),
                    ]
                """;
        Files.writeString(file, text);
        List<Statement> st = Parsers.parse(new Script(file, text, 1, Script.Language.PYTHON_DJANGO, null), Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(4);
        assertThat(op(st.get(0), 0, Operation.CreateTable.class).table().name()).isEqualTo("blog_tag");
        assertThat(op(st.get(0), 0, Operation.CreateTable.class).columns().get(0).type().name()).isEqualTo("integer");
        assertThat(st.get(1).status()).isEqualTo(ParseStatus.UNPARSED);
        assertThat(((Operation.Unparsed) st.get(1).operations().get(0)).reason()).contains("blog.post");
        assertThat(op(st.get(2), 0, Operation.AddColumn.class).column().notNull()).isFalse();
        assertThat(st.get(3).status()).isEqualTo(ParseStatus.UNPARSED);
        assertThat(st.get(3).line()).isEqualTo(13);
        assertThat(((Operation.Unparsed) st.get(3).operations().get(0)).reason()).contains("not a Django built-in");
    }

    private static String read(Path p) {
        try {
            return Files.readString(p);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}

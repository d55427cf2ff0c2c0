package dev.dbmigrate.read.django;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.Readers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class DjangoReaderTest {

    static final Path PROJECTS = Path.of("src/test/resources/projects/python").toAbsolutePath();

    static ReadResult read(String project, Dialect dialect) {
        return Readers.forTool(Tool.DJANGO).orElseThrow().read(new ReadContext(PROJECTS.resolve(project), null, dialect));
    }

    static Migration byId(ReadResult r, String id) {
        return r.migrations().stream().filter(m -> m.id().equals(id)).findFirst().orElseThrow();
    }

    @Test
    void djangoPlanAcrossAppsWithTheSquashedMigrationInPlaceOfTheReplacedOnes() {
        ReadResult r = read("django-shop", null);
        assertThat(r.problems()).isEmpty();
        assertThat(r.migrations()).extracting(Migration::id).containsExactly(
                "accounts.0001_initial",
                "shop.0001_squashed_0003_order_total",
                "shop.0004_rename_note_order_comment_alter_customer_name",
                "shop.0005_order_status_index",
                "shop.0006_backfill_and_constraints",
                "billing.0001_initial",
                "billing.0002_invoice_products_invoice_paid");
        Migration squash = byId(r, "shop.0001_squashed_0003_order_total");
        assertThat(squash.attributes()).containsEntry("replaces", java.util.List.of("shop.0001_initial", "shop.0002_order", "shop.0003_order_total"))
                .containsEntry("replaced", java.util.List.of("shop.0001_initial", "shop.0002_order", "shop.0003_order_total"));
        assertThat(squash.dependsOn()).as("swappable AUTH_USER_MODEL resolved to the accounts app").containsExactly("accounts.0001_initial");
        assertThat(byId(r, "billing.0001_initial").dependsOn()).as("shop.0002_order remapped to the squash")
                .containsExactly("shop.0001_squashed_0003_order_total");
        assertThat(byId(r, "shop.0004_rename_note_order_comment_alter_customer_name").dependsOn()).containsExactly("shop.0001_squashed_0003_order_total");
        Migration accounts = byId(r, "accounts.0001_initial");
        assertThat(accounts.attributes()).containsEntry("externalDependencies", java.util.List.of("auth.0012_alter_user_first_name_max_length"))
                .containsEntry("app", "accounts").containsEntry("migrationName", "0001_initial").containsEntry("dialect", "postgresql");
        assertThat(accounts.name()).isEqualTo("initial");
        assertThat(accounts.version()).isEqualTo("0001_initial");
        assertThat(accounts.tool()).isEqualTo(Tool.DJANGO);
        assertThat(accounts.up().language()).isEqualTo(Script.Language.PYTHON_DJANGO);
        assertThat(accounts.down().part()).isEqualTo("reverse");
        assertThat(accounts.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(accounts.transactional()).isTrue();
        assertThat(byId(r, "shop.0005_order_status_index").transactional()).as("atomic = False").isFalse();
    }

    @Test
    void mysqlCannotRollBackDdl() {
        ReadResult r = read("django-shop", Dialect.MYSQL);
        assertThat(r.migrations()).allSatisfy(m -> assertThat(m.transactional()).isFalse());
    }

    @Test
    void conflictsMissingDependenciesCyclesAndIgnoredFolders() {
        ReadResult r = read("django-broken", null);
        assertThat(r.problems()).extracting(ReadResult.Problem::kind)
                .containsExactlyInAnyOrder("ignored-file", "unreadable", "missing-dependency", "cycle", "conflict");
        ReadResult.Problem conflict = r.problems().stream().filter(p -> p.kind().equals("conflict")).findFirst().orElseThrow();
        assertThat(conflict.migrations()).containsExactly("blog.0002_post_body", "blog.0002_post_slug");
        assertThat(conflict.message()).contains("app blog");
        assertThat(r.problems().stream().filter(p -> p.kind().equals("missing-dependency")).findFirst().orElseThrow().migrations())
                .containsExactly("notes.0001_initial", "blog.0009_does_not_exist");
        assertThat(r.problems().stream().filter(p -> p.kind().equals("cycle")).findFirst().orElseThrow().migrations())
                .containsExactlyInAnyOrder("cyc.0001_initial", "cyc.0002_second");
        assertThat(r.problems().stream().filter(p -> p.kind().equals("ignored-file")).findFirst().orElseThrow().message()).contains("legacy");
        assertThat(r.problems().stream().filter(p -> p.kind().equals("unreadable")).findFirst().orElseThrow().message()).contains("0003_helpers.py");
        assertThat(r.migrations()).extracting(Migration::id).containsExactly(
                "blog.0001_initial", "blog.0002_post_body", "blog.0002_post_slug", "cyc.0002_second", "cyc.0001_initial", "notes.0001_initial");
        assertThat(r.migrations().get(0).transactional()).as("SQLite from settings: atomic").isTrue();
    }

    @Test
    void aLongRunningServerSeesNewAndEditedMigrations(@org.junit.jupiter.api.io.TempDir Path tmp) throws java.io.IOException {
        Path root = tmp.resolve("site");
        Path migrations = root.resolve("blog/migrations");
        java.nio.file.Files.createDirectories(migrations);
        java.nio.file.Files.writeString(root.resolve("manage.py"), "");
        java.nio.file.Files.writeString(root.resolve("blog/__init__.py"), "");
        java.nio.file.Files.writeString(migrations.resolve("__init__.py"), "");
        String initial = """
                from django.db import migrations, models


                class Migration(migrations.Migration):
                    operations = [
                        migrations.CreateModel(name="Post", fields=[("id", models.AutoField(primary_key=True, serialize=False))]%s),
                    ]
                """;
        java.nio.file.Files.writeString(migrations.resolve("0001_initial.py"), initial.formatted(""));
        ReadContext ctx = new ReadContext(root, null, Dialect.POSTGRESQL);
        assertThat(Readers.forTool(Tool.DJANGO).orElseThrow().read(ctx).migrations()).hasSize(1);
        java.nio.file.Files.writeString(migrations.resolve("0002_post_title.py"), """
                from django.db import migrations, models


                class Migration(migrations.Migration):
                    dependencies = [("blog", "0001_initial")]
                    operations = [migrations.AddField(model_name="post", name="title", field=models.CharField(max_length=80, null=True))]
                """);
        java.nio.file.Files.writeString(migrations.resolve("0001_initial.py"), initial.formatted(", options={\"db_table\": \"posts\"}"));
        ReadResult again = Readers.forTool(Tool.DJANGO).orElseThrow().read(ctx);
        assertThat(again.migrations()).extracting(Migration::id).containsExactly("blog.0001_initial", "blog.0002_post_title");
        dev.dbmigrate.model.Statement add = dev.dbmigrate.parse.Parsers.parse(again.migrations().get(1).up(), Dialect.POSTGRESQL).statements().get(0);
        assertThat(((dev.dbmigrate.model.Operation.AddColumn) add.operations().get(0)).table().name()).isEqualTo("posts");
    }

    @Test
    void aFolderWithoutAppsIsAnInputError() {
        assertThatThrownBy(() -> read("alembic-heads", null)).isInstanceOf(InputException.class).hasMessageContaining("no Django app");
    }
}

package dev.dbmigrate.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

public class SqliteCatalogTest {

    public static final String DDL = PostgresCatalogTest.resource("/catalog/sqlite-blog.sql");

    @TempDir
    Path dir;

    public static void exec(Path file, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            s.executeUpdate(sql);
        }
    }

    public static Schema read(Path file) throws Exception {
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse("sqlite:" + file))) {
            return CatalogReader.read(s, new CatalogReader.Options(List.of(), Set.of("knex_migrations")));
        }
    }

    @Test
    void readsTablesColumnsKeysChecksAndIndexes() throws Exception {
        Path file = dir.resolve("blog.db");
        exec(file, DDL);
        Schema s = read(file);
        assertThat(s.tables()).extracting(Table::name).containsExactly("authors", "posts");
        Table authors = s.table(TableRef.of("authors")).orElseThrow();
        ColumnDef id = authors.column("id").orElseThrow();
        assertThat(id.type().name()).isEqualTo("integer");
        assertThat(id.notNull()).isTrue();
        assertThat(id.autoIncrement()).isTrue();
        assertThat(authors.column("email").orElseThrow().type().args()).containsExactly("255");
        assertThat(authors.column("name").orElseThrow().defaultExpr()).isEqualTo("'anonymous'");
        assertThat(authors.constraints()).extracting(ConstraintDef::kind)
                .containsExactlyInAnyOrder(ConstraintDef.Kind.PRIMARY_KEY, ConstraintDef.Kind.UNIQUE, ConstraintDef.Kind.CHECK);
        ConstraintDef karma = authors.constraints().stream().filter(c -> c.kind() == ConstraintDef.Kind.CHECK).findFirst().orElseThrow();
        assertThat(karma.expression()).isEqualTo("karma >= 0");
        assertThat(karma.columns()).containsExactly("karma");
        IndexDef lower = authors.index("authors_lower_email_idx").orElseThrow();
        assertThat(lower.unique()).isTrue();
        assertThat(lower.columns()).containsExactly("lower(email)");

        Table posts = s.table(TableRef.of("posts")).orElseThrow();
        assertThat(posts.column("slug").orElseThrow().generated().expression()).isEqualTo("lower(title)");
        ConstraintDef fk = posts.constraints().stream().filter(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY).findFirst().orElseThrow();
        assertThat(fk.refTable()).isEqualTo(TableRef.of("authors"));
        assertThat(fk.refColumns()).containsExactly("id");
        assertThat(fk.onDelete()).isEqualTo("CASCADE");
        assertThat(posts.constraint("posts_title_len").orElseThrow().expression()).isEqualTo("length(title) <= 200");
        assertThat(posts.index("posts_author_idx").orElseThrow().columns()).containsExactly("author_id", "published_at DESC");
        assertThat(posts.index("posts_published_idx").orElseThrow().where()).isEqualTo("published_at IS NOT NULL");
    }
}

package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.catalog.SqliteCatalogTest;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** SQLite drift: found by shape (SQLite keeps few constraint names), repaired by table rebuilds. */
class SqliteDriftTest {

    @TempDir
    Path dir;

    @Test
    void driftIsFoundAndTheRebuildRemovesIt() throws Exception {
        Path migrated = dir.resolve("migrated.db");
        Path live = dir.resolve("live.db");
        String migrations = SqliteCatalogTest.DDL + "CREATE TABLE tags (id INTEGER PRIMARY KEY, label TEXT NOT NULL UNIQUE);\n";
        SqliteCatalogTest.exec(migrated, migrations);
        // production: posts.title was created nullable by hand, tags never made it, and some hotfixes
        SqliteCatalogTest.exec(live, SqliteCatalogTest.DDL.replace("title TEXT NOT NULL,", "title TEXT,"));
        SqliteCatalogTest.exec(live, """
                ALTER TABLE authors ADD COLUMN bio TEXT;
                DROP INDEX posts_author_idx;
                CREATE INDEX authors_name_idx ON authors (name);
                CREATE TABLE tmp_import (id INTEGER);
                INSERT INTO authors (email, name) VALUES ('ada@example.com', 'Ada');
                INSERT INTO posts (author_id, title) VALUES (1, 'Hello');
                """);
        Schema expected = SqliteCatalogTest.read(migrated);
        List<DriftResult.Item> items = DriftAnalyzer.compare(expected, SqliteCatalogTest.read(live));
        assertThat(items).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + (i.name() == null ? "" : "." + i.name()))
                .containsExactlyInAnyOrder(
                        "missing table tags",
                        "extra table tmp_import",
                        "extra column authors.bio",
                        "different column posts.title",
                        "missing index posts.posts_author_idx",
                        "extra index authors.authors_name_idx");
        DriftResult.Item title = items.stream().filter(i -> "title".equals(i.name())).findFirst().orElseThrow();
        assertThat(title.sql()).first().isEqualTo("PRAGMA foreign_keys = OFF;");
        assertThat(title.sql()).anyMatch(s -> s.startsWith("INSERT INTO posts__dbm_new"));

        for (String stmt : DriftAnalyzer.statements(items)) {
            if (!stmt.lines().allMatch(l -> l.startsWith("--"))) SqliteCatalogTest.exec(live, stmt);
        }
        assertThat(DriftAnalyzer.compare(expected, SqliteCatalogTest.read(live))).isEmpty();
    }
}

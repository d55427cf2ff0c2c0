package dev.dbmigrate.read.liquibase;

import static dev.dbmigrate.read.ReadFixtures.byId;
import static dev.dbmigrate.read.ReadFixtures.ids;
import static dev.dbmigrate.read.ReadFixtures.problem;
import static dev.dbmigrate.read.ReadFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadResult;
import org.junit.jupiter.api.Test;

class LiquibaseReaderTest {

    private static final String DIR = "db/changelog/";

    @Test
    void followsIncludesInLiquibaseOrderWithItsIdentity() {
        ReadResult r = read(Tool.LIQUIBASE, "liquibase");
        assertThat(ids(r)).containsExactly(
                "1::alice::" + DIR + "changes/001-create-users.xml",
                "1b::alice::" + DIR + "changes/001-create-users.xml",
                "2::bob::" + DIR + "changes/002-orders.yaml",
                "2-data::bob::" + DIR + "changes/002-orders.yaml",
                "3::carol::" + DIR + "db.changelog-master.xml",
                "10-view::dave::" + DIR + "sql/010-views.sql",
                "11-purge::dave::" + DIR + "sql/010-views.sql",
                "12-drop-legacy::dave::" + DIR + "sql/010-views.sql",
                "20::erin::" + DIR + "sql/020-remarks.json");
    }

    @Test
    void scriptsDownKindsAndTransactions() {
        ReadResult r = read(Tool.LIQUIBASE, "liquibase");
        Migration users = byId(r, "1::alice::" + DIR + "changes/001-create-users.xml");
        assertThat(users.name()).isEqualTo("1");
        assertThat(users.version()).isNull();
        assertThat(users.up().language()).isEqualTo(Script.Language.LIQUIBASE_XML);
        assertThat(users.up().part()).isEqualTo("1::alice");
        assertThat(users.up().startLine()).isEqualTo(8);
        assertThat(users.downKind()).isEqualTo(DownKind.MISSING);
        assertThat(users.attributes()).containsEntry("autoRollback", true).containsEntry("author", "alice")
                .containsEntry("changelogPath", DIR + "changes/001-create-users.xml");
        assertThat(users.attributes().get("changes")).isEqualTo(java.util.List.of("createTable", "createIndex"));

        Migration backfill = byId(r, "1b::alice::" + DIR + "changes/001-create-users.xml");
        assertThat(backfill.attributes()).doesNotContainKey("autoRollback");
        assertThat(problem(r, "missing-down", backfill.id()).message()).contains("update").contains("mergeColumns");

        Migration orders = byId(r, "2::bob::" + DIR + "changes/002-orders.yaml");
        assertThat(orders.up().language()).isEqualTo(Script.Language.LIQUIBASE_YAML);
        assertThat(orders.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(orders.down().part()).isEqualTo("rollback:2::bob");
        assertThat(byId(r, "2-data::bob::" + DIR + "changes/002-orders.yaml").downKind()).isEqualTo(DownKind.EMPTY);

        Migration index = byId(r, "3::carol::" + DIR + "db.changelog-master.xml");
        assertThat(index.transactional()).isFalse();
        assertThat(index.downKind()).isEqualTo(DownKind.PRESENT);

        Migration view = byId(r, "10-view::dave::" + DIR + "sql/010-views.sql");
        assertThat(view.up().language()).isEqualTo(Script.Language.SQL);
        assertThat(view.up().startLine()).isEqualTo(4);
        assertThat(view.up().text()).startsWith("CREATE VIEW active_users AS\nSELECT id, email");
        assertThat(view.down().text()).isEqualTo("DROP VIEW active_users;\n");
        assertThat(view.down().startLine()).isEqualTo(6);
        Migration purge = byId(r, "11-purge::dave::" + DIR + "sql/010-views.sql");
        assertThat(purge.transactional()).isFalse();
        assertThat(purge.downKind()).isEqualTo(DownKind.EMPTY);
        assertThat(byId(r, "12-drop-legacy::dave::" + DIR + "sql/010-views.sql").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(problem(r, "missing-down", "12-drop-legacy::dave::" + DIR + "sql/010-views.sql")).isNotNull();

        Migration remarks = byId(r, "20::erin::" + DIR + "sql/020-remarks.json");
        assertThat(remarks.up().language()).isEqualTo(Script.Language.LIQUIBASE_JSON);
        assertThat(remarks.attributes()).containsEntry("autoRollback", true);
        assertThat(r.problems()).extracting(ReadResult.Problem::kind).containsOnly("missing-down");
    }

    @Test
    void brokenIncludesAndDuplicateChangeSets() {
        ReadResult r = read(Tool.LIQUIBASE, "liquibase-broken");
        assertThat(problem(r, "missing-file", "missing/does-not-exist.xml").message()).contains("changelog.yaml:2");
        assertThat(problem(r, "cycle", "changelog.yaml")).isNotNull();
        assertThat(problem(r, "duplicate-version", "1::x::changelog.yaml")).isNotNull();
        assertThat(ids(r)).containsExactly("p1::y::part.yaml", "1::x::changelog.yaml", "1::x::changelog.yaml");
    }
}

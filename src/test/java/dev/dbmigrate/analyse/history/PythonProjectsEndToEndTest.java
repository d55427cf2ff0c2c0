package dev.dbmigrate.analyse.history;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.service.DbMigrateService;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Alembic and Django fixture projects through the real readers, against SQLite history tables. */
class PythonProjectsEndToEndTest {

    static final Path PYTHON = Path.of("src/test/resources/projects/python").toAbsolutePath();

    @TempDir
    Path dir;

    private String sqlite(String name, String... sql) throws Exception {
        Path file = dir.resolve(name);
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file); Statement s = c.createStatement()) {
            for (String q : sql) s.execute(q);
        }
        return "sqlite:" + file;
    }

    private static Map<String, MigrationStatus> statuses(HistoryResult r) {
        return r.migrations().stream().collect(Collectors.toMap(HistoryResult.Entry::id, HistoryResult.Entry::status, (a, b) -> a, java.util.LinkedHashMap::new));
    }

    @Test
    void alembicBranchesBeforeAndAfterTheMerge() throws Exception {
        DbMigrateService service = new DbMigrateService();
        // on one branch only: 1a2b -> 2b3c -> 3c4d; the sibling 4d5e and everything after the merge are pending
        String url = sqlite("alembic.db", "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('3c4d5e6f7081')");
        HistoryResult r = service.history(PYTHON.resolve("alembic-shop"), List.of(url), List.of());
        assertThat(statuses(r)).containsEntry("1a2b3c4d5e6f", MigrationStatus.APPLIED).containsEntry("2b3c4d5e6f70", MigrationStatus.APPLIED)
                .containsEntry("3c4d5e6f7081", MigrationStatus.APPLIED).containsEntry("4d5e6f708192", MigrationStatus.PENDING)
                .containsEntry("5e6f708192a3", MigrationStatus.PENDING).containsEntry("708192a3b4c5", MigrationStatus.PENDING);
        assertThat(r.current()).isEqualTo("3c4d5e6f7081");

        // both branch heads applied (two rows), then at the top after the merge
        String both = sqlite("alembic2.db", "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('3c4d5e6f7081'), ('4d5e6f708192')");
        assertThat(statuses(service.history(PYTHON.resolve("alembic-shop"), List.of(both), List.of())))
                .containsEntry("4d5e6f708192", MigrationStatus.APPLIED).containsEntry("5e6f708192a3", MigrationStatus.PENDING);
        String top = sqlite("alembic3.db", "CREATE TABLE alembic_version (version_num VARCHAR(32) NOT NULL, CONSTRAINT alembic_version_pkc PRIMARY KEY (version_num))",
                "INSERT INTO alembic_version VALUES ('708192a3b4c5')");
        assertThat(statuses(service.history(PYTHON.resolve("alembic-shop"), List.of(top), List.of())).values()).containsOnly(MigrationStatus.APPLIED);
    }

    @Test
    void djangoAppsAndTheSquash() throws Exception {
        DbMigrateService service = new DbMigrateService();
        String url = sqlite("django.db",
                "CREATE TABLE \"django_migrations\" (\"id\" integer NOT NULL PRIMARY KEY AUTOINCREMENT, \"app\" varchar(255) NOT NULL, \"name\" varchar(255) NOT NULL, \"applied\" datetime NOT NULL)",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('accounts', '0001_initial', '2024-05-01 10:00:00.000001')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0001_initial', '2024-05-01 10:00:01.000001')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0002_order', '2024-05-01 10:00:02.000001')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('shop', '0003_order_total', '2024-05-01 10:00:03.000001')",
                "INSERT INTO django_migrations (app, name, applied) VALUES ('legacy', '0001_initial', '2023-01-01 00:00:00')");
        HistoryResult r = service.history(PYTHON.resolve("django-shop"), List.of(url), List.of());
        Map<String, MigrationStatus> st = statuses(r);
        assertThat(st).containsEntry("accounts.0001_initial", MigrationStatus.APPLIED)
                .containsEntry("shop.0004_rename_note_order_comment_alter_customer_name", MigrationStatus.PENDING);
        // the reader lists the squash instead of the three migrations it replaces; their rows make it applied
        assertThat(st).containsEntry("shop.0001_squashed_0003_order_total", MigrationStatus.APPLIED)
                .containsEntry("billing.0001_initial", MigrationStatus.PENDING)
                .doesNotContainKey("shop.0001_initial");
        assertThat(r.migrations()).filteredOn(m -> m.status() == MigrationStatus.MISSING).extracting(HistoryResult.Entry::id)
                .containsExactly("legacy.0001_initial");
        assertThat(r.migrations().get(0).appliedAt()).isNotNull();
    }
}

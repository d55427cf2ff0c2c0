package dev.dbmigrate.detect;

import static dev.dbmigrate.detect.DetectFixtures.fixture;
import static dev.dbmigrate.detect.DetectFixtures.only;
import static dev.dbmigrate.detect.DetectFixtures.rel;
import static dev.dbmigrate.detect.DetectFixtures.roots;
import static dev.dbmigrate.detect.DetectFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.render.Json;
import dev.dbmigrate.render.TextRenderer;
import io.modelcontextprotocol.json.schema.JsonSchemaValidator;
import io.modelcontextprotocol.json.schema.jackson2.DefaultJsonSchemaValidator;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The walk: monorepos, skipped folders, limits, empty and negative projects, ordering, output contract. */
class ProjectScannerTest {

    @Test
    void monorepoReportsEachProjectRootAndSkipsDependencyAndBuildFolders() {
        DetectResult r = scan("monorepo");
        assertThat(roots(r)).containsExactly("apps/api", "apps/web", "services/billing", "services/events");
        assertThat(r.detections()).extracting(Detection::tool).containsExactly(Tool.PRISMA, Tool.DRIZZLE, Tool.ALEMBIC, Tool.GOOSE);
        assertThat(r.detections()).extracting(Detection::dialect)
                .containsExactly(Dialect.POSTGRESQL, Dialect.SQLITE, Dialect.POSTGRESQL, Dialect.POSTGRESQL);
        assertThat(r.detections()).allMatch(d -> d.confidence().equals("high"));
        // decoys in node_modules, vendor, .venv and build output are never read
        for (Detection d : r.detections()) {
            assertThat(rel(r, d.migrationsPath())).doesNotContain("node_modules", "vendor", ".venv", "build");
            assertThat(d.configFiles()).noneMatch(p -> p.toString().contains("node_modules") || p.toString().contains(".venv"));
        }
        assertThat(rel(r, r.detections().get(1).migrationsPath())).isEqualTo("apps/web/src/db/migrations");
        assertThat(rel(r, r.detections().get(2).migrationsPath())).isEqualTo("services/billing/migrations/versions");
        // the workspace root declares prisma for its packages: that guess is dropped in favour of apps/api
        assertThat(roots(r)).doesNotContain(".");
    }

    @Test
    void monorepoAlembicReadsTheUrlFromEnvPyWhenTheIniKeepsTheTemplate() {
        Detection billing = scan("monorepo").detections().get(2);
        assertThat(billing.evidence()).contains("migrations/env.py: URL postgresql+asyncpg://billing:***@localhost:5432/billing");
    }

    @Test
    void anEmptyProjectHasNoDetectionsAndAMessage(@TempDir Path dir) {
        DetectResult r = new ProjectScanner().scan(dir);
        assertThat(r.detections()).isEmpty();
        assertThat(r.message()).startsWith("no migration tool found under " + dir.toAbsolutePath().normalize()).contains("1 directory scanned");
    }

    @Test
    void aPlainNodeProjectIsNotADetection() {
        DetectResult r = scan("plain-node");
        assertThat(r.detections()).isEmpty();
        assertThat(r.message()).contains("no migration tool found");
    }

    @Test
    void golangMigrateIsNotConfusedWithGooseDbmateOrSqlx() {
        assertThat(only(scan("goose")).tool()).isEqualTo(Tool.GOOSE);
        assertThat(only(scan("dbmate")).tool()).isEqualTo(Tool.DBMATE);
        assertThat(only(scan("sqlx-reversible")).tool()).isEqualTo(Tool.SQLX);
        assertThat(only(scan("sqlx-sqlite")).tool()).isEqualTo(Tool.SQLX);
        assertThat(only(scan("golang-migrate")).tool()).isEqualTo(Tool.GOLANG_MIGRATE);
    }

    @Test
    void anUnreadableConfigIsNotedInEvidenceAndTheScanGoesOn() {
        Detection d = only(scan("unreadable-config"));
        assertThat(d.tool()).isEqualTo(Tool.KNEX);
        assertThat(d.evidence()).contains("knexfile.js: not a text file, skipped");
        assertThat(d.dialect()).isEqualTo(Dialect.POSTGRESQL); // from the pg driver dependency instead
    }

    @Test
    void aDependencyAloneIsLowAndAnEmptyMigrationsFolderMakesItMedium(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("package.json"), "{\"dependencies\": {\"sequelize\": \"^6.35.0\", \"mysql2\": \"^3.9.0\"}}");
        Detection low = only(new ProjectScanner().scan(dir));
        assertThat(low.tool()).isEqualTo(Tool.SEQUELIZE);
        assertThat(low.confidence()).isEqualTo("low");
        assertThat(low.migrationsPath()).isNull();
        assertThat(low.dialect()).isEqualTo(Dialect.MYSQL);

        Files.createDirectories(dir.resolve("migrations"));
        Detection medium = only(new ProjectScanner().scan(dir));
        assertThat(medium.confidence()).isEqualTo("medium");
        assertThat(medium.migrationsPath()).isEqualTo(dir.toAbsolutePath().normalize().resolve("migrations"));
    }

    @Test
    void aFolderOfUpDownPairsWithoutAnyConfigIsGolangMigrateWithNoDialect(@TempDir Path dir) throws IOException {
        Path m = Files.createDirectories(dir.resolve("services/audit/migrations"));
        Files.writeString(m.resolve("20240101120000_create_log.up.sql"), "CREATE TABLE log (id int);");
        Files.writeString(m.resolve("20240101120000_create_log.down.sql"), "DROP TABLE log;");
        Detection d = only(new ProjectScanner().scan(dir));
        assertThat(d.tool()).isEqualTo(Tool.GOLANG_MIGRATE);
        assertThat(d.dialect()).isNull();
        // no project marker anywhere: the folder's parent is the root
        assertThat(d.root()).isEqualTo(dir.toAbsolutePath().normalize().resolve("services/audit"));
        assertThat(d.commands().create()).isEqualTo("migrate create -ext sql -dir migrations <name>");
    }

    @Test
    void symlinkedDirectoriesAreNotFollowed(@TempDir Path dir) throws IOException {
        Path real = Files.createDirectories(dir.resolve("elsewhere/migrations"));
        Files.writeString(real.resolve("001_a.sql"), "CREATE TABLE a (id int);");
        Files.writeString(real.resolve("002_b.sql"), "CREATE TABLE b (id int);");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.createSymbolicLink(project.resolve("linked"), real.getParent());
        Files.createSymbolicLink(project.resolve("loop"), project);
        DetectResult r = new ProjectScanner().scan(project);
        assertThat(r.detections()).isEmpty();
    }

    @Test
    void theWalkStopsPolitelyAtTheDirectoryAndDepthLimits(@TempDir Path dir) throws IOException {
        Path deep = dir;
        for (int i = 0; i < 10; i++) deep = deep.resolve("level" + i);
        Files.createDirectories(deep);
        Files.writeString(deep.resolve("001_a.sql"), "-- +goose Up\nCREATE TABLE a (id int);\n");
        DetectResult tooDeep = new ProjectScanner().scan(dir);
        assertThat(tooDeep.detections()).isEmpty();
        assertThat(tooDeep.message()).contains("more than 8 levels deep were not scanned");

        DetectResult capped = new ProjectScanner(Detectors.all(), 20, 5).scan(dir);
        assertThat(capped.message()).contains("scan stopped after 5 directories");

        DetectResult deepEnough = new ProjectScanner(Detectors.all(), 12, 100).scan(dir);
        assertThat(only(deepEnough).tool()).isEqualTo(Tool.GOOSE);
    }

    @Test
    void aPathThatIsNotADirectoryIsAnInputError(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("x.txt"), "x");
        assertThatThrownBy(() -> new ProjectScanner().scan(file)).isInstanceOf(InputException.class).hasMessageContaining("not a directory");
    }

    @Test
    void resultsAreDeterministicAndOrderedByRoot() {
        DetectResult a = scan("monorepo");
        DetectResult b = scan("monorepo");
        assertThat(Json.pretty(a)).isEqualTo(Json.pretty(b));
        assertThat(roots(a)).isSorted();
    }

    @Test
    void everyFixtureResultConformsToTheToolOutputSchema() throws IOException {
        Map<String, Object> schema;
        try (InputStream in = getClass().getResourceAsStream("/mcp/schemas/detect_orm.output.json")) {
            schema = new ObjectMapper().readValue(in, new TypeReference<>() {});
        }
        JsonSchemaValidator validator = new DefaultJsonSchemaValidator();
        List<String> all;
        try (var s = Files.list(fixture("monorepo").getParent())) {
            all = s.map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertThat(all).hasSizeGreaterThan(25);
        for (String name : all) {
            JsonSchemaValidator.ValidationResponse v = validator.validate(schema, Json.toMap(scan(name)));
            assertThat(v.valid()).as(name + ": " + v.errorMessage()).isTrue();
        }
    }

    @Test
    void textGroupsDetectionsByRoot() {
        String text = TextRenderer.render(scan("monorepo"));
        assertThat(text).startsWith("db-migrate | Migration tool detection\n");
        assertThat(text).contains("Found 4 migration setups in 4 project roots: prisma, drizzle, alembic, goose");
        assertThat(text).contains("apps/api\n--------\nprisma  [dialect: postgresql, confidence: high]\n  migrations:  prisma/migrations\n");
        assertThat(text).contains("  commands (run in services/events):\n    create:    goose -s -dir migrations create <name> sql\n");
        assertThat(text.indexOf("apps/web")).isLessThan(text.indexOf("services/billing"));
        assertThat(TextRenderer.render(scan("knex-no-dialect"))).contains("knex  [dialect: not configured, confidence: high]");
    }
}

package dev.dbmigrate.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectConfigTest {

    static final String CONFIG = """
            dialect: postgresql
            environments:
              dev:     { url: "postgresql://localhost/app_dev" }
              staging: { url: "postgresql://${DB_MIGRATE_TEST_STAGING_USER}@db.internal/app" }
              prod:    { url: "${DB_MIGRATE_TEST_UNSET_PROD_URL}" }
            """;

    @TempDir
    Path dir;

    Path project() throws Exception {
        Files.writeString(dir.resolve(".db-migrate.yml"), CONFIG);
        Files.createDirectories(dir.resolve("migrations"));
        Files.writeString(dir.resolve("migrations/001_users.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n");
        return dir;
    }

    @Test
    void variablesAreReadWhenTheEnvironmentIsUsed() throws Exception {
        ProjectConfig c = ProjectConfig.load(project());
        assertThat(c.environments()).containsOnlyKeys("dev", "staging", "prod");
        Map<String, String> env = Map.of("DB_MIGRATE_TEST_STAGING_USER", "deploy");
        assertThat(c.environments().get("dev").expandedUrl(env::get)).isEqualTo("postgresql://localhost/app_dev");
        assertThat(c.environments().get("staging").expandedUrl(env::get)).isEqualTo("postgresql://deploy@db.internal/app");
        assertThatThrownBy(() -> c.environments().get("prod").expandedUrl(env::get))
                .isInstanceOf(InputException.class)
                .hasMessage(dir.resolve(".db-migrate.yml") + ":5: environments.prod.url uses ${DB_MIGRATE_TEST_UNSET_PROD_URL}, which is not set");
        assertThatThrownBy(() -> c.environments().get("staging").expandedUrl(Map.<String, String>of()::get))
                .hasMessageEndingWith(":4: environments.staging.url uses ${DB_MIGRATE_TEST_STAGING_USER}, which is not set");
    }

    @Test
    void validateDoesNotNeedTheEnvironmentsVariables() throws Exception {
        ValidateResult r = new DbMigrateService().validate(new ValidateRequest(project().resolve("migrations"), null, dir, null, null, null), Progress.NONE);
        assertThat(r.files()).hasSize(1);
        assertThat(r.dialect()).isEqualTo("postgresql");
    }

    @Test
    void driftOnAnEnvironmentWithAnUnsetVariableIsAnInputError() throws Exception {
        Path p = project();
        assertThatThrownBy(() -> new DbMigrateService().drift(p, null, "prod", List.of()))
                .isInstanceOf(InputException.class)
                .hasMessageContaining("environments.prod.url uses ${DB_MIGRATE_TEST_UNSET_PROD_URL}, which is not set");
    }

    @Test
    void anEnvironmentWithoutUrlIsRejectedWhenLoaded() throws Exception {
        Files.writeString(dir.resolve(".db-migrate.yml"), "environments:\n  qa: { }\n");
        assertThatThrownBy(() -> ProjectConfig.load(dir)).isInstanceOf(InputException.class).hasMessageContaining("environments.qa needs a url");
    }
}

package dev.dbmigrate.analyse.rules.transaction;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RunnersTest {

    static Migration of(Tool t) {
        return new Migration(t, "1", "x", "1", Path.of("/p/1.sql"), null, null, DownKind.UNSUPPORTED, true, List.of(), Map.of());
    }

    @Test
    void everyToolHasANameAndAnOptOut() {
        for (Tool t : Tool.values()) {
            assertThat(Runners.name(t)).isNotBlank();
            assertThat(Runners.optOut(of(t))).isNotBlank();
        }
    }

    @Test
    void optOutsUseEachToolsOwnSwitch() {
        assertThat(Runners.optOut(of(Tool.GOOSE))).contains("-- +goose NO TRANSACTION");
        assertThat(Runners.optOut(of(Tool.RAILS))).contains("disable_ddl_transaction!");
        assertThat(Runners.optOut(of(Tool.DJANGO))).contains("atomic = False");
        assertThat(Runners.optOut(of(Tool.ALEMBIC))).contains("autocommit_block()");
        assertThat(Runners.optOut(of(Tool.DBMATE))).contains("transaction:false");
        assertThat(Runners.optOut(of(Tool.SQLX))).contains("-- no-transaction");
        assertThat(Runners.wraps(of(Tool.FLYWAY))).isEqualTo("Flyway runs each migration in a transaction");
        assertThat(Runners.wraps(null)).isEqualTo("the migration runs in a transaction");
    }
}

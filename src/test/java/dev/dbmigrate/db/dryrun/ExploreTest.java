package dev.dbmigrate.db.dryrun;

import dev.dbmigrate.render.TextRenderer;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class ExploreTest {
    @Test
    void explore() {
        DbMigrateService s = new DbMigrateService();
        String proj = System.getProperty("proj", "src/test/resources/projects/rollback/pg-billing");
        String ids = System.getProperty("ids", "1,2,3,4,5");
        String mode = System.getProperty("mode", "generated");
        for (String id : ids.split(",")) {
            try (var maria = System.getProperty("maria") != null ? dev.dbmigrate.testing.TestDatabases.liveMariaDb() : null) {
                String url = maria != null ? "mariadb://root@127.0.0.1:3306/" + maria.name() : System.getProperty("url");
                var r = s.dryRun(new DryRunRequest(Path.of(proj), id, url, true, null, DryRunRequest.Rollback.fromId(mode)), Progress.NONE);
                System.out.println(TextRenderer.render(r));
            } catch (RuntimeException e) {
                System.out.println("ERROR " + id + ": " + e);
            }
        }
    }
}

package dev.dbmigrate.parse.js;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.service.DbMigrateService;
import dev.dbmigrate.service.Progress;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** validate on Knex and Rails fixture migrations: findings come from the operations the JS / Ruby readers produce. */
class OrmValidateEndToEndTest {

    private final DbMigrateService service = new DbMigrateService();

    private ValidateResult validate(String project, String file) {
        Path p = OrmFixtures.root(project).resolve(file);
        return service.validate(new ValidateRequest(p, null, null, null, null, null), Progress.NONE);
    }

    private static List<String> at(ValidateResult r) {
        return r.findings().stream().map(f -> f.rule() + "@" + f.line()).toList();
    }

    @Test
    void knexAlterTableFindings() {
        ValidateResult r = validate("knex", "migrations/20240102090000_alter_users.mjs");
        assertThat(at(r)).contains("renaming-column@7", "update-without-where@12");
        assertThat(at(r)).as("ban-drop-column at line 6 is silenced by the trailing directive").doesNotContain("ban-drop-column@6");
        Finding rename = r.findings().stream().filter(f -> f.rule().equals("renaming-column")).findFirst().orElseThrow();
        assertThat(rename.statement()).isEqualTo("t.renameColumn('is_admin', 'admin')");
        assertThat(r.unparsed()).isEmpty();
    }

    @Test
    void railsFindingsAndUnparsedCode() {
        ValidateResult r = validate("rails", "db/migrate/20240112120000_rework_orders.rb");
        assertThat(at(r)).contains("ban-drop-column@6", "renaming-column@7", "require-concurrent-index-creation@10",
                "renaming-column@14", "ban-drop-table@25");
        assertThat(at(r)).doesNotContain("ban-drop-column@13");
        assertThat(r.unparsed()).extracting(ValidateResult.Unparsed::line).containsExactly(18, 21);
    }

    @Test
    void concurrentRailsIndexesPass() {
        ValidateResult r = validate("rails", "db/migrate/20240111120000_add_status_to_users.rb");
        assertThat(at(r)).noneMatch(s -> s.startsWith("require-concurrent-index-creation"));
    }
}

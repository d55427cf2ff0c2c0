package dev.dbmigrate.analyse.rules.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.DataProbe;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Realistic migration folders run through the engine in order, the way validate replays a project:
 * each file is checked against the schema the earlier files built. Only this branch's rules are
 * looked at, so rules added elsewhere do not change the expectations.
 */
class MigrationFolderTest {

    static final Set<String> OURS = Set.of("ban-drop-column", "ban-drop-database", "ban-truncate", "delete-without-where", "update-without-where",
            "narrowing-column-type", "adding-required-field", "renaming-column", "renaming-table", "ban-drop-not-null", "mysql-table-copy",
            "mysql-lock-option", "mysql-inline-references-ignored", "sqlite-unsupported-alter", "sqlite-add-column-restriction",
            "sqlite-foreign-keys-pragma-in-transaction");

    static List<String> runFolder(String resource, Dialect dialect, Tool tool) throws IOException, URISyntaxException {
        Path dir = Path.of(MigrationFolderTest.class.getResource(resource).toURI());
        List<Path> files;
        try (Stream<Path> s = Files.list(dir)) {
            files = s.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        Schema schema = new Schema(dialect);
        RuleEngine engine = new RuleEngine(AnalysisSettings.defaults(dialect));
        List<String> out = new ArrayList<>();
        for (Path f : files) {
            Script script = Script.sql(f, Files.readString(f));
            ParsedScript ps = Parsers.parse(script, dialect);
            Migration m = new Migration(tool, f.getFileName().toString(), f.getFileName().toString(), null, f, script, null, DownKind.UNSUPPORTED,
                    tool.wrapsInTransactionByDefault() && dialect != Dialect.MYSQL && dialect != Dialect.MARIADB, List.of(), Map.of());
            for (Finding x : engine.check(ps, m, schema, DataProbe.NONE)) {
                if (OURS.contains(x.rule())) out.add(f.getFileName() + ":" + x.line() + " " + x.rule());
            }
        }
        return out;
    }

    @Test
    void mysqlShop() throws Exception {
        assertThat(runFolder("/projects/mysql-shop/db/migrations", Dialect.MYSQL, Tool.GOLANG_MIGRATE)).containsExactlyInAnyOrder(
                "002_create_orders.sql:2 mysql-inline-references-ignored",
                "003_order_changes.sql:2 mysql-table-copy",
                "003_order_changes.sql:3 adding-required-field",
                "003_order_changes.sql:4 renaming-column",
                "003_order_changes.sql:5 ban-drop-not-null",
                "004_cleanup.sql:2 narrowing-column-type",
                "004_cleanup.sql:2 mysql-table-copy",
                "004_cleanup.sql:3 mysql-lock-option",
                "004_cleanup.sql:4 delete-without-where",
                "004_cleanup.sql:6 ban-drop-column");
    }

    @Test
    void mariadbHonoursInlineReferences() throws Exception {
        assertThat(runFolder("/projects/mysql-shop/db/migrations", Dialect.MARIADB, Tool.GOLANG_MIGRATE))
                .doesNotContain("002_create_orders.sql:2 mysql-inline-references-ignored")
                .contains("003_order_changes.sql:2 mysql-table-copy");
    }

    @Test
    void sqliteNotes() throws Exception {
        assertThat(runFolder("/projects/sqlite-notes/migrations", Dialect.SQLITE, Tool.GOLANG_MIGRATE)).containsExactlyInAnyOrder(
                "002_add_columns.sql:2 sqlite-add-column-restriction",
                "002_add_columns.sql:3 sqlite-add-column-restriction",
                "002_add_columns.sql:4 adding-required-field",
                "003_retype_title.sql:2 sqlite-foreign-keys-pragma-in-transaction",
                "003_retype_title.sql:3 sqlite-unsupported-alter",
                "004_rename_and_drop.sql:1 renaming-column",
                "004_rename_and_drop.sql:2 ban-drop-column",
                "004_rename_and_drop.sql:2 sqlite-unsupported-alter",
                "004_rename_and_drop.sql:3 ban-drop-column");
    }
}

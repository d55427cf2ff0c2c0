package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForeignKeyMissingOnDeleteTest {

    @Test
    void bad_foreignKeyWithoutOnDelete() {
        Finding f = RuleTester.of(ForeignKeyMissingOnDelete::new)
                .assertFires("ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;");
        assertThat(f.message()).contains("orders (customer_id) -> customers", "NO ACTION");
        assertThat(f.fix()).contains(
                "FOREIGN KEY (customer_id) REFERENCES customers (id) ON DELETE CASCADE",
                "ON DELETE SET NULL",
                "ON DELETE RESTRICT");
    }

    @Test
    void bad_onEveryDialectAndForInlineReferences() {
        RuleTester.of(ForeignKeyMissingOnDelete::new).dialect(Dialect.MYSQL)
                .assertFires("CREATE TABLE pets (id int PRIMARY KEY, owner_id int, FOREIGN KEY (owner_id) REFERENCES owners (id) ON UPDATE CASCADE);");
        Finding f = RuleTester.of(ForeignKeyMissingOnDelete::new).dialect(Dialect.SQLITE)
                .assertFires("CREATE TABLE pets (id integer PRIMARY KEY, owner_id integer REFERENCES owners (id), vet_id integer REFERENCES vets (id));");
        assertThat(f.message()).contains("pets (owner_id) -> owners, pets (vet_id) -> vets");
    }

    @Test
    void good_djangoHandlesOnDeleteInPython() {
        Schema schema = new Schema(Dialect.POSTGRESQL);
        ParsedScript ps = Parsers.parse(Script.sql(Path.of("/p/0002.sql"), "ALTER TABLE shop_order ADD CONSTRAINT fk FOREIGN KEY (customer_id) REFERENCES shop_customer (id);"),
                Dialect.POSTGRESQL);
        Migration m = new Migration(Tool.DJANGO, "shop.0002", "x", null, Path.of("/p/0002.sql"), ps.script(), null, DownKind.PRESENT, true, List.of(), Map.of());
        assertThat(new RuleEngine(AnalysisSettings.defaults(Dialect.POSTGRESQL), List.of(ForeignKeyMissingOnDelete::new)).check(ps, m, schema, null)).isEmpty();
    }

    @Test
    void good_explicitOnDelete() {
        RuleTester.of(ForeignKeyMissingOnDelete::new).assertClean(
                "CREATE TABLE pets (id int, owner_id int REFERENCES owners (id) ON DELETE CASCADE, vet_id int, FOREIGN KEY (vet_id) REFERENCES vets (id) ON DELETE SET NULL);");
    }
}

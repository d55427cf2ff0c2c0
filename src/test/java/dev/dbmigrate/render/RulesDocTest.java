package dev.dbmigrate.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class RulesDocTest {

    @Test
    void docsRulesMdIsTheGeneratedRuleList() throws Exception {
        String onDisk = Files.readString(Path.of("docs/rules.md"));
        assertThat(onDisk)
                .as("docs/rules.md is out of date: regenerate it with java -jar target/db-migrate.jar rules --format markdown > docs/rules.md")
                .isEqualTo(RulesDoc.markdown());
    }

    @Test
    void everyRuleIsListedOnceInEachFormat() {
        int rules = RulesDoc.entries().size();
        assertThat(rules).isGreaterThanOrEqualTo(46);
        assertThat(RulesDoc.markdown().lines().filter(l -> l.startsWith("| `")).count()).isEqualTo(rules);
        assertThat(RulesDoc.json()).contains("\"ban-drop-table\"", "\"require-concurrent-index-creation\"");
    }
}

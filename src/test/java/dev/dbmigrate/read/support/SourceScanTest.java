package dev.dbmigrate.read.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.Readers;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Function and method boundaries in JS/TS and Ruby sources, where braces hide in literals. */
class SourceScanTest {

    @Test
    void bracesInTemplatesRegexesAndCommentsDoNotCount() {
        String src = """
                // exports.up = function () { this is a comment }
                exports.up = async (knex) => {
                  const re = /[{}]+/g;
                  await knex.raw(`UPDATE t SET v = '${ JSON.stringify({ a: "}" }) }' -- }`);
                  /* } */
                };
                exports.down = async () => {};
                """;
        JsFunctions.Found up = JsFunctions.find(src, "up").orElseThrow();
        assertThat(up.line()).isEqualTo(2);
        assertThat(up.text()).startsWith("exports.up = async (knex) => {").endsWith("/* } */\n}");
        JsFunctions.Found down = JsFunctions.find(src, "down").orElseThrow();
        assertThat(down.line()).isEqualTo(7);
        assertThat(down.text()).isEqualTo("exports.down = async () => {}");
    }

    @Test
    void callsAreNotDefinitions() {
        String src = "async function run(m) {\n  await m.up(db);\n  up(db);\n}\n";
        assertThat(JsFunctions.find(src, "up")).isEmpty();
    }

    @Test
    void rubyMethodEndsAtItsOwnIndentationAndHeredocsAreSkipped() {
        String src = """
                class AddThing < ActiveRecord::Migration[7.0]
                  def up
                    execute <<-SQL
                  end
                    SQL
                    [1, 2].each do |i|
                      say i
                    end
                  end
                end
                """;
        JsFunctions.Found up = RubyMethods.find(src, "up").orElseThrow();
        assertThat(up.line()).isEqualTo(2);
        assertThat(up.text()).endsWith("    end\n  end");
        assertThat(up.text().lines().count()).isEqualTo(8);
    }

    @Test
    void missingMigrationsFolderIsAnInputErrorNamingTheProject(@TempDir Path root) {
        assertThatThrownBy(() -> Readers.read(Tool.GOLANG_MIGRATE, new ReadContext(root, null, null)))
                .isInstanceOf(InputException.class).hasMessageContaining(root.toString()).hasMessageContaining("migrations");
        assertThatThrownBy(() -> Readers.read(Tool.FLYWAY, new ReadContext(root, root.resolve("nope"), null)))
                .isInstanceOf(InputException.class).hasMessageContaining("nope");
    }
}

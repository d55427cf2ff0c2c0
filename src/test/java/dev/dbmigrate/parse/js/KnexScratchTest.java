package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import org.junit.jupiter.api.Test;

class KnexScratchTest {
    @Test
    void dump() {
        String[][] all = {{"KNEX", "knex", "2024"}, {"SEQUELIZE", "sequelize", "2024"}, {"TYPEORM", "typeorm", "17"}, {"RAILS", "rails", "2024"}};
        for (String[] spec : all) for (Migration m : dev.dbmigrate.read.Readers.read(Tool.valueOf(spec[0]), new dev.dbmigrate.read.ReadContext(OrmFixtures.root(spec[1]), null, null)).migrations()) {
            if (System.getProperty("only") != null && !spec[1].equals(System.getProperty("only"))) continue;
            OrmFixtures.RecordingSql sql = new OrmFixtures.RecordingSql();
            System.err.println("=== " + m.id() + " up line " + m.up().startLine());
            System.err.println(OrmFixtures.dump(m.up().language() == dev.dbmigrate.model.Script.Language.RUBY ? new dev.dbmigrate.parse.ruby.RailsParser(sql).parse(m.up(), Dialect.POSTGRESQL) : new JsMigrationParser(sql).parse(m.up(), Dialect.POSTGRESQL)));
            if (m.down() != null) System.err.println(OrmFixtures.dump(m.down().language() == dev.dbmigrate.model.Script.Language.RUBY ? new dev.dbmigrate.parse.ruby.RailsParser(sql).parse(m.down(), Dialect.POSTGRESQL) : new JsMigrationParser(sql).parse(m.down(), Dialect.POSTGRESQL)));
        }
    }
}

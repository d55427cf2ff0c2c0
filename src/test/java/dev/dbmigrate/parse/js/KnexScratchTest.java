package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import org.junit.jupiter.api.Test;

class KnexScratchTest {
    @Test
    void dump() {
        for (String id : new String[] {"20240101", "20240102", "20240103", "20240104"}) {
            Migration m = OrmFixtures.migration(Tool.KNEX, "knex", id);
            OrmFixtures.RecordingSql sql = new OrmFixtures.RecordingSql();
            System.err.println("=== " + m.id() + " up line " + m.up().startLine());
            System.err.println(OrmFixtures.dump(new JsMigrationParser(sql).parse(m.up(), Dialect.POSTGRESQL)));
            if (m.down() != null) System.err.println(OrmFixtures.dump(new JsMigrationParser(sql).parse(m.down(), Dialect.POSTGRESQL)));
        }
    }
}

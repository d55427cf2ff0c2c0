package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.SchemaDiff;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The schema the migration's own text builds against the schema PostgreSQL reports after running
 * it: CHECK constraints, defaults and index predicates come back from the catalog with casts,
 * ANY (ARRAY[...]) and parentheses added, and must still compare equal; a real change must not.
 */
class CatalogExpressionsDriftTest {

    static final String MIGRATION = """
            CREATE TABLE orders (
              id bigserial PRIMARY KEY,
              status varchar(20) NOT NULL DEFAULT 'new' CHECK (status IN ('new', 'paid', 'shipped')),
              kind text CHECK (kind IN ('web')),
              price numeric(10,2) DEFAULT 0 CHECK (price > 0 AND price < 100000 OR price IS NULL),
              qty int DEFAULT -1 CHECK (qty BETWEEN -1 AND 500),
              code varchar(12) CHECK (length(code) > 3 AND code NOT LIKE 'x%'),
              tags text[] DEFAULT '{}',
              placed date DEFAULT DATE '2020-01-01',
              note varchar(40) DEFAULT 'a::b',
              created_at timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP
            );
            CREATE INDEX orders_open_idx ON orders (status) WHERE status <> 'shipped' AND price > 10;
            """;

    static Schema fromSource(String sql) {
        Schema s = new Schema(Dialect.POSTGRESQL);
        s.apply(Parsers.parse(Script.sql(Path.of("/p/V1__orders.sql"), sql), Dialect.POSTGRESQL));
        return s;
    }

    @Test
    void catalogSpellingsOfTheMigrationsOwnExpressionsAreNoDrift() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            PostgresDriftTest.exec(db, MIGRATION);
            assertThat(SchemaDiff.compare(fromSource(MIGRATION), PostgresDriftTest.catalog(db))).isEmpty();
        }
    }

    @Test
    void aChangedCheckOrDefaultIsStillDrift() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            PostgresDriftTest.exec(db, MIGRATION.replace("'paid', 'shipped'", "'paid', 'refunded'").replace("DEFAULT -1", "DEFAULT 1"));
            assertThat(SchemaDiff.compare(fromSource(MIGRATION), PostgresDriftTest.catalog(db)))
                    .extracting(SchemaDiff.Difference::toString)
                    .anySatisfy(d -> assertThat(d).startsWith("different constraint orders.orders_status_check"))
                    .anySatisfy(d -> assertThat(d).startsWith("different column orders.qty: default -1 vs 1"));
        }
    }
}

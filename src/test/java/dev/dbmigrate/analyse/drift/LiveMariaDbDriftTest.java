package dev.dbmigrate.analyse.drift;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.catalog.CatalogReader;
import dev.dbmigrate.db.catalog.PostgresCatalogTest;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.schema.Table;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The MariaDB catalog and drift against the live server (mvn verify -Plive-db). */
@Tag("live-db")
class LiveMariaDbDriftTest {

    static final String DDL = PostgresCatalogTest.resource("/catalog/mariadb-shop.sql");

    static void exec(ScratchDb db, String script) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            for (String stmt : script.split(";\\s*\\n")) {
                String sql = stmt.lines().filter(l -> !l.startsWith("--")).reduce("", (x, y) -> x + "\n" + y).trim();
                if (!sql.isEmpty()) s.execute(sql);
            }
        }
    }

    static Schema catalog(ScratchDb db) throws Exception {
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse("mariadb://root@127.0.0.1:3306/" + db.name()))) {
            return CatalogReader.read(s, new CatalogReader.Options(List.of(), Set.of("flyway_schema_history")));
        }
    }

    @Test
    void catalogReadsMariaDbTypesKeysAndComments() throws Exception {
        try (ScratchDb db = TestDatabases.liveMariaDb()) {
            exec(db, DDL);
            Schema s = catalog(db);
            assertThat(s.tables()).extracting(Table::name).containsExactly("customers", "orders");
            Table customers = s.table(TableRef.of("customers")).orElseThrow();
            assertThat(customers.comment()).isEqualTo("people who buy");
            ColumnDef status = customers.column("status").orElseThrow();
            assertThat(status.type().name()).isEqualTo("enum");
            assertThat(status.type().args()).containsExactly("'active'", "'blocked'");
            assertThat(status.defaultExpr()).isEqualTo("'active'");
            assertThat(customers.column("profile").orElseThrow().type().name()).isEqualTo("json");
            assertThat(customers.column("score").orElseThrow().type().args()).containsExactly("10", "2");
            assertThat(customers.column("id").orElseThrow().autoIncrement()).isTrue();
            assertThat(customers.column("created_at").orElseThrow().defaultExpr()).isEqualToIgnoringCase("current_timestamp(3)");
            assertThat(customers.constraints()).extracting(ConstraintDef::name).containsExactlyInAnyOrder("PRIMARY", "customers_score_check");
            assertThat(customers.index("customers_email_key").orElseThrow().unique()).isTrue();
            Table orders = s.table(TableRef.of("orders")).orElseThrow();
            ConstraintDef fk = orders.constraint("orders_customer_fk").orElseThrow();
            assertThat(fk.onDelete()).isEqualTo("CASCADE");
            assertThat(fk.onUpdate()).isNull();
            assertThat(orders.column("note").orElseThrow().comment()).isEqualTo("free text");
            assertThat(orders.index("orders_total_idx").orElseThrow().columns()).containsExactly("total DESC");
        }
    }

    @Test
    void driftIsFoundAndTheSqlRemovesIt() throws Exception {
        try (ScratchDb migrated = TestDatabases.liveMariaDb(); ScratchDb live = TestDatabases.liveMariaDb()) {
            exec(migrated, DDL);
            exec(live, DDL);
            exec(live, """
                    ALTER TABLE customers ADD COLUMN phone VARCHAR(30);
                    ALTER TABLE customers MODIFY email VARCHAR(320) NOT NULL;
                    ALTER TABLE customers ALTER status SET DEFAULT 'blocked';
                    ALTER TABLE orders DROP FOREIGN KEY orders_customer_fk;
                    DROP INDEX orders_total_idx ON orders;
                    CREATE INDEX customers_created_idx ON customers (created_at);
                    CREATE TABLE tmp_export (id INT);
                    ALTER TABLE orders COMMENT 'hand-made';
                    """);
            Schema expected = catalog(migrated);
            List<DriftResult.Item> items = DriftAnalyzer.compare(expected, catalog(live));
            assertThat(items).extracting(i -> i.kind() + " " + i.object() + " " + i.table() + (i.name() == null ? "" : "." + i.name()))
                    .containsExactlyInAnyOrder(
                            "extra table tmp_export",
                            "extra column customers.phone",
                            "different column customers.email",
                            "different column customers.status",
                            "missing constraint orders.orders_customer_fk",
                            "missing index orders.orders_total_idx",
                            "extra index customers.customers_created_idx",
                            "different comment orders");
            assertThat(items.stream().filter(i -> "email".equals(i.name())).findFirst().orElseThrow().sql())
                    .singleElement().asString().startsWith("ALTER TABLE customers MODIFY COLUMN email varchar(255) NOT NULL");
            assertThat(items.stream().filter(i -> "email".equals(i.name())).findFirst().orElseThrow().destructive()).isTrue();
            for (String stmt : DriftAnalyzer.statements(items)) {
                if (!stmt.lines().allMatch(l -> l.startsWith("--"))) exec(live, stmt);
            }
            assertThat(DriftAnalyzer.compare(expected, catalog(live))).isEmpty();
        }
    }
}

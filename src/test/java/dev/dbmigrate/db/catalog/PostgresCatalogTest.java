package dev.dbmigrate.db.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.db.DatabaseUrl;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.schema.Schema;
import dev.dbmigrate.analyse.drift.DriftAnalyzer;
import dev.dbmigrate.schema.Table;
import dev.dbmigrate.testing.TestDatabases;
import dev.dbmigrate.testing.TestDatabases.ScratchDb;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

public class PostgresCatalogTest {

    /** The fixture schema (src/test/resources/catalog/postgresql-shop.sql). */
    public static final String DDL = resource("/catalog/postgresql-shop.sql");

    public static String resource(String path) {
        try (var in = PostgresCatalogTest.class.getResourceAsStream(path)) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException | NullPointerException e) {
            throw new IllegalStateException("missing test resource " + path, e);
        }
    }

    static void exec(ScratchDb db, String sql) throws Exception {
        try (Connection c = db.connect(); Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static Schema read(ScratchDb db, CatalogReader.Options o) throws Exception {
        try (ReadOnlySession s = ReadOnlySession.open(DatabaseUrl.parse(db.jdbcUrl()))) {
            return CatalogReader.read(s, o);
        }
    }

    @Test
    void readsEverythingTheReplayModels() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            exec(db, DDL);
            Schema s = read(db, new CatalogReader.Options(List.of(), Set.of("_prisma_migrations")));
            assertThat(s.tables()).extracting(Table::name).containsExactly("customers", "orders");
            Table customers = s.table(TableRef.of("customers")).orElseThrow();
            assertThat(customers.comment()).isEqualTo("people who buy");
            ColumnDef id = customers.column("id").orElseThrow();
            assertThat(id.type().name()).isEqualTo("bigserial");
            assertThat(id.defaultExpr()).isNull();
            assertThat(id.notNull()).isTrue();
            ColumnDef email = customers.column("email").orElseThrow();
            assertThat(email.type().name()).isEqualTo("varchar");
            assertThat(email.type().args()).containsExactly("255");
            assertThat(email.comment()).isEqualTo("login");
            assertThat(customers.column("status").orElseThrow().defaultExpr()).isEqualTo("'active'");
            assertThat(customers.constraint("customers_status_check").orElseThrow().expression()).isEqualTo("status IN ('active', 'blocked')");
            assertThat(customers.column("role").orElseThrow().type().name()).isEqualTo("Role");
            assertThat(customers.column("tags").orElseThrow().type().array()).isTrue();
            assertThat(customers.column("created_at").orElseThrow().type().name()).isEqualTo("timestamptz");
            assertThat(customers.column("updated_at").orElseThrow().type().name()).isEqualTo("timestamp");
            assertThat(customers.column("updated_at").orElseThrow().type().args()).containsExactly("3");
            assertThat(customers.column("score").orElseThrow().type().args()).containsExactly("10", "2");
            assertThat(customers.constraints()).extracting(ConstraintDef::name)
                    .containsExactlyInAnyOrder("customers_pkey", "customers_email_key", "customers_status_check");
            assertThat(customers.indexes()).extracting(IndexDef::name).containsExactlyInAnyOrder("customers_lower_email_idx", "customers_tags_idx");
            IndexDef lower = customers.index("customers_lower_email_idx").orElseThrow();
            assertThat(lower.unique()).isTrue();
            assertThat(lower.columns()).containsExactly("lower(email)");
            assertThat(lower.where()).isEqualTo("status = 'active'");
            assertThat(customers.index("customers_tags_idx").orElseThrow().method()).isEqualTo("gin");

            Table orders = s.table(TableRef.of("orders")).orElseThrow();
            ColumnDef oid = orders.column("id").orElseThrow();
            assertThat(oid.generated().identity()).isTrue();
            assertThat(oid.generated().always()).isTrue();
            ColumnDef tax = orders.column("total_with_tax").orElseThrow();
            assertThat(tax.generated().expression()).isEqualTo("total * 1.2");
            ConstraintDef fk = orders.constraint("orders_customer_id_fkey").orElseThrow();
            assertThat(fk.refTable()).isEqualTo(TableRef.of("customers"));
            assertThat(fk.refColumns()).containsExactly("id");
            assertThat(fk.onDelete()).isEqualTo("CASCADE");
            assertThat(fk.onUpdate()).isNull();
            assertThat(orders.constraint("orders_total_check").orElseThrow().notValid()).isTrue();
            assertThat(orders.index("orders_customer_idx").orElseThrow().columns()).containsExactly("customer_id", "placed_at DESC");
            assertThat(orders.index("orders_cover_idx").orElseThrow().include()).containsExactly("total");
            assertThat(s.enums()).extracting(e -> e.name() + e.values()).containsExactlyInAnyOrder("Role[USER, ADMIN]", "mood[happy, sad]");
        }
    }

    /** The same tables as the parser hands them to the schema replay: nothing differs from the live catalog. */
    @Test
    void replayOfTheSameDdlHasNoDifferences() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            exec(db, DDL);
            Schema live = read(db, new CatalogReader.Options(List.of("public"), Set.of("_prisma_migrations")));
            Schema replay = new Schema(Dialect.POSTGRESQL);
            TableRef customers = TableRef.of("customers");
            TableRef orders = TableRef.of("orders");
            replay.apply(new Operation.CreateEnum("mood", List.of("happy", "sad")));
            replay.apply(new Operation.CreateEnum("Role", List.of("USER", "ADMIN")));
            replay.apply(new Operation.CreateTable(customers, List.of(
                    new ColumnDef("id", type("bigserial"), false, null, true, false, null, null, null, false, null, null),
                    new ColumnDef("email", type("varchar", "255"), true, null, false, true, null, null, null, false, null, null),
                    ColumnDef.of("name", type("text"), false, null),
                    new ColumnDef("status", type("varchar", "20"), false, "'active'", false, false, null, null, "status IN ('active', 'blocked')", false, null, null),
                    ColumnDef.of("role", type("Role"), true, "'USER'"),
                    ColumnDef.of("tags", new SqlType("text", List.of(), true, "text[]"), false, null),
                    ColumnDef.of("created_at", type("timestamptz"), true, "now()"),
                    ColumnDef.of("updated_at", type("timestamp", "3"), false, null),
                    ColumnDef.of("score", type("numeric", "10", "2"), false, "0")), List.of(), false, false, false, null));
            replay.apply(new Operation.SetComment(customers, null, "people who buy"));
            replay.apply(new Operation.SetComment(customers, "email", "login"));
            replay.apply(new Operation.CreateTable(orders, List.of(
                    new ColumnDef("id", type("integer"), true, null, true, false, null, new ColumnDef.Generated(true, true, null, false), null, false, null, null),
                    new ColumnDef("customer_id", type("bigint"), true, null, false, false, new ColumnDef.ForeignKeyRef(customers, "id", "CASCADE", null), null, null, false, null, null),
                    ColumnDef.of("total", type("numeric", "12", "2"), true, null),
                    new ColumnDef("total_with_tax", type("numeric", "12", "2"), false, null, false, false, null, new ColumnDef.Generated(false, true, "total * 1.2", true), null, false, null, null),
                    ColumnDef.of("placed_at", type("date"), false, null)), List.of(), false, false, false, null));
            replay.apply(new Operation.AddConstraint(orders, ConstraintDef.check("orders_total_check", "total >= 0").withNotValid(true)));
            replay.apply(new Operation.CreateIndex(new IndexDef("orders_customer_idx", orders, List.of("customer_id", "placed_at DESC"), false, null, null, null), false, false));
            replay.apply(new Operation.CreateIndex(new IndexDef("customers_lower_email_idx", customers, List.of("lower(email)"), true, null, "status = 'active'", null), false, false));
            replay.apply(new Operation.CreateIndex(new IndexDef("customers_tags_idx", customers, List.of("tags"), false, "gin", null, null), false, false));
            replay.apply(new Operation.CreateIndex(new IndexDef("orders_cover_idx", orders, List.of("customer_id"), false, null, null, List.of("total")), false, false));
            assertThat(DriftAnalyzer.compare(replay, live)).isEmpty();
        }
    }

    @Test
    void otherSchemasAreQualifiedAndTheFirstIsNot() throws Exception {
        try (ScratchDb db = TestDatabases.embeddedPostgres()) {
            exec(db, """
                    CREATE SCHEMA app; CREATE SCHEMA audit;
                    CREATE TABLE app.accounts (id serial PRIMARY KEY);
                    CREATE TABLE audit.events (id serial PRIMARY KEY, account_id int REFERENCES app.accounts (id));
                    CREATE TYPE app.plan AS ENUM ('free', 'pro');
                    """);
            Schema s = read(db, new CatalogReader.Options(List.of("app", "audit"), Set.of()));
            assertThat(s.tables()).extracting(t -> t.ref().qualified()).containsExactly("accounts", "audit.events");
            assertThat(s.table(new TableRef("audit", "events")).orElseThrow().constraints())
                    .filteredOn(c -> c.kind() == ConstraintDef.Kind.FOREIGN_KEY).singleElement()
                    .extracting(ConstraintDef::refTable).isEqualTo(TableRef.of("accounts"));
            assertThat(s.enumType("plan")).isPresent();
            assertThat(s.table(TableRef.of("accounts")).orElseThrow().column("id").orElseThrow().type().name()).isEqualTo("serial");
        }
    }

    private static SqlType type(String name, String... args) {
        return new SqlType(name, List.of(args), false, null);
    }
}

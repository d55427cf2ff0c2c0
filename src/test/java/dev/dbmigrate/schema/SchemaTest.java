package dev.dbmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaTest {

    static final TableRef CUSTOMERS = TableRef.of("customers");
    static final TableRef ORDERS = TableRef.of("orders");

    static SqlType type(String name, String... args) {
        return new SqlType(name, List.of(args), false, null);
    }

    static ColumnDef col(String name, SqlType t, boolean notNull) {
        return ColumnDef.of(name, t, notNull, null);
    }

    static ColumnDef pk(String name) {
        return new ColumnDef(name, type("bigint"), false, null, true, false, null, null, null, false, null, null);
    }

    static ColumnDef fk(String name, TableRef ref, String onDelete) {
        return new ColumnDef(name, type("bigint"), true, null, false, false, new ColumnDef.ForeignKeyRef(ref, "id", onDelete, null), null, null, false, null, null);
    }

    Schema shop(Dialect d) {
        Schema s = new Schema(d);
        s.apply(new Operation.CreateTable(CUSTOMERS, List.of(pk("id"), col("email", type("varchar", "200"), true)), List.of(), false, false, false, null));
        s.apply(new Operation.CreateTable(ORDERS, List.of(pk("id"), fk("customer_id", CUSTOMERS, "CASCADE"),
                new ColumnDef("code", type("text"), false, null, false, true, null, null, null, false, null, null),
                new ColumnDef("amount", type("numeric", "10", "2"), false, null, false, false, null, null, "amount > 0", false, null, null)),
                List.of(), false, false, false, null));
        return s;
    }

    @Test
    void postgresGivesUnnamedConstraintsAndIndexesTheirImplicitNames() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateIndex(new IndexDef(null, ORDERS, List.of("customer_id", "lower(code)"), false, null, null, null), false, false));
        Table orders = s.table(ORDERS).orElseThrow();
        assertThat(orders.constraints()).extracting(ConstraintDef::name)
                .containsExactlyInAnyOrder("orders_pkey", "orders_customer_id_fkey", "orders_code_key", "orders_amount_check");
        assertThat(orders.indexes()).extracting(IndexDef::name).containsExactly("orders_customer_id_expr_idx");
        assertThat(orders.column("id").orElseThrow().notNull()).as("primary key implies NOT NULL").isTrue();
        assertThat(orders.hasIndexLeadingWith(List.of("customer_id"))).isTrue();
        assertThat(orders.hasIndexLeadingWith(List.of("amount"))).isFalse();
    }

    @Test
    void postgresImplicitNamesAreTruncatedTo63BytesAndNumberedOnClashes() {
        String longTable = "a_really_long_table_name_for_customer_subscription_events";
        String longCol = "the_external_payment_provider_reference_identifier";
        // expectations read off PostgreSQL 15 for the same table
        assertThat(ImplicitNames.pgObjectName(longTable, longCol, "fkey")).hasSize(63)
                .isEqualTo("a_really_long_table_name_for__the_external_payment_provide_fkey");
        assertThat(ImplicitNames.pgObjectName(longTable, null, "pkey")).isEqualTo("a_really_long_table_name_for_customer_subscription_events_pkey");
        assertThat(ImplicitNames.pgObjectName(longTable, "amount", "check")).isEqualTo("a_really_long_table_name_for_customer_subscription_amount_check");
        assertThat(ImplicitNames.pgObjectName(longTable, "code", "key")).isEqualTo("a_really_long_table_name_for_customer_subscription_eve_code_key");
        assertThat(ImplicitNames.pgChooseName(longTable, "code", "idx", n -> n.endsWith("eve_code_idx")))
                .isEqualTo("a_really_long_table_name_for_customer_subscription_ev_code_idx1");
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateIndex(new IndexDef(null, ORDERS, List.of("code"), false, null, null, null), false, false));
        s.apply(new Operation.CreateIndex(new IndexDef(null, ORDERS, List.of("code"), false, null, "amount > 10", null), false, false));
        assertThat(s.table(ORDERS).orElseThrow().indexes()).extracting(IndexDef::name).containsExactly("orders_code_idx", "orders_code_idx1");
    }

    @Test
    void mysqlNamesForeignKeysIbfkAndIndexesAfterTheirFirstColumn() {
        Schema s = shop(Dialect.MYSQL);
        s.apply(new Operation.CreateIndex(new IndexDef(null, ORDERS, List.of("customer_id"), false, null, null, null), false, false));
        Table orders = s.table(ORDERS).orElseThrow();
        assertThat(orders.constraints()).extracting(ConstraintDef::name).contains("PRIMARY", "orders_ibfk_1", "code", "orders_chk_1");
        assertThat(orders.indexes()).extracting(IndexDef::name).containsExactly("customer_id");
        assertThat(s.table(TableRef.of("ORDERS"))).as("MySQL names compare case-insensitively").isPresent();
    }

    @Test
    void renamesFollowIntoIndexesConstraintsAndReferences() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.RenameColumn(CUSTOMERS, "id", "customer_pk"));
        s.apply(new Operation.RenameTable(CUSTOMERS, "clients"));
        assertThat(s.hasTable(CUSTOMERS)).isFalse();
        Table clients = s.table(TableRef.of("clients")).orElseThrow();
        assertThat(clients.primaryKey().orElseThrow().columns()).containsExactly("customer_pk");
        ConstraintDef fkey = s.table(ORDERS).orElseThrow().constraint("orders_customer_id_fkey").orElseThrow();
        assertThat(fkey.refTable().name()).isEqualTo("clients");
        assertThat(fkey.refColumns()).containsExactly("customer_pk");
        assertThat(clients.constraint("customers_pkey")).as("PostgreSQL keeps implicit names on rename").isPresent();
    }

    @Test
    void droppingAColumnDropsItsIndexesAndConstraints() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateIndex(new IndexDef("orders_code_idx", ORDERS, List.of("code"), false, null, null, null), false, false));
        s.apply(new Operation.DropColumn(ORDERS, "code", false, false));
        Table orders = s.table(ORDERS).orElseThrow();
        assertThat(orders.hasColumn("code")).isFalse();
        assertThat(orders.indexes()).isEmpty();
        assertThat(orders.constraint("orders_code_key")).isEmpty();
    }

    @Test
    void columnChangesReplaceTheStoredDefinitionAndKeepItsPosition() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.AlterColumnType(CUSTOMERS, "email", type("text"), null));
        s.apply(new Operation.AlterColumnNullability(CUSTOMERS, "email", false));
        s.apply(new Operation.AlterColumnDefault(CUSTOMERS, "email", "''"));
        ColumnDef email = s.table(CUSTOMERS).orElseThrow().column("email").orElseThrow();
        assertThat(email.type().name()).isEqualTo("text");
        assertThat(email.notNull()).isFalse();
        assertThat(email.defaultExpr()).isEqualTo("''");
        assertThat(s.table(CUSTOMERS).orElseThrow().columnNames()).containsExactly("id", "email");
    }

    @Test
    void notValidConstraintsBecomeValidAndUsingIndexAdoptsTheIndex() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateIndex(new IndexDef("customers_email_uidx", CUSTOMERS, List.of("email"), true, null, null, null), true, false));
        s.apply(new Operation.AddConstraint(CUSTOMERS, new ConstraintDef("customers_email_key", ConstraintDef.Kind.UNIQUE, List.of(), null, null, null, null, null, false, "customers_email_uidx", false)));
        Table customers = s.table(CUSTOMERS).orElseThrow();
        assertThat(customers.indexes()).isEmpty();
        assertThat(customers.constraint("customers_email_key").orElseThrow().columns()).containsExactly("email");
        s.apply(new Operation.AddConstraint(ORDERS, ConstraintDef.check("orders_amount_positive", "amount >= 0").withNotValid(true)));
        assertThat(s.table(ORDERS).orElseThrow().constraint("orders_amount_positive").orElseThrow().notValid()).isTrue();
        s.apply(new Operation.ValidateConstraint(ORDERS, "orders_amount_positive"));
        assertThat(s.table(ORDERS).orElseThrow().constraint("orders_amount_positive").orElseThrow().notValid()).isFalse();
    }

    @Test
    void enumsKeepLabelOrder() {
        Schema s = new Schema(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateEnum("order_status", List.of("pending", "shipped")));
        s.apply(new Operation.AddEnumValue("order_status", "paid", "shipped", null, false));
        s.apply(new Operation.AddEnumValue("order_status", "cancelled", null, null, true));
        s.apply(new Operation.RenameEnumValue("order_status", "cancelled", "canceled"));
        assertThat(s.enumType("order_status").orElseThrow().values()).containsExactly("pending", "paid", "shipped", "canceled");
    }

    @Test
    void alteringAnUnknownTableMakesAnIncompletePlaceholderAndCopiesAreIndependent() {
        Schema s = new Schema(Dialect.POSTGRESQL);
        s.apply(new Operation.AddColumn(TableRef.of("legacy"), col("note", type("text"), false), false));
        Schema before = s.copy();
        s.apply(new Operation.DropTable(TableRef.of("legacy"), false, false));
        assertThat(before.table(TableRef.of("legacy")).orElseThrow().complete()).isFalse();
        assertThat(before.table(TableRef.of("legacy")).orElseThrow().hasColumn("note")).isTrue();
        assertThat(s.hasTable(TableRef.of("legacy"))).isFalse();
        assertThat(s.table(new TableRef("public", "orders"))).isEmpty();
    }

    @Test
    void droppingAReferencedTableDropsTheForeignKeysPointingAtIt() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.apply(new Operation.DropTable(CUSTOMERS, false, true));
        assertThat(s.table(ORDERS).orElseThrow().constraint("orders_customer_id_fkey")).isEmpty();
        assertThat(s.referencing(CUSTOMERS)).isEmpty();
    }

    @Test
    void journalSnapshotIsTheSchemaAtTheStartOfTheJournal() {
        Schema s = shop(Dialect.POSTGRESQL);
        s.beginJournal();
        s.apply(new Operation.DropColumn(ORDERS, "code", false, false));
        s.apply(new Operation.CreateTable(TableRef.of("refunds"), List.of(pk("id")), List.of(), false, false, false, null));
        s.apply(new Operation.RenameTable(CUSTOMERS, "clients"));
        s.apply(new Operation.CreateEnum("mood", List.of("ok")));
        Schema before = s.journalSnapshot();
        s.apply(new Operation.DropColumn(ORDERS, "amount", false, false));
        s.endJournal();
        assertThat(before.table(ORDERS).orElseThrow().columnNames()).containsExactly("id", "customer_id", "code", "amount");
        assertThat(before.hasTable(TableRef.of("refunds"))).isFalse();
        assertThat(before.hasTable(CUSTOMERS)).isTrue();
        assertThat(before.hasTable(TableRef.of("clients"))).isFalse();
        assertThat(before.enumType("mood")).isEmpty();
        assertThat(s.table(ORDERS).orElseThrow().columnNames()).containsExactly("id", "customer_id");
        assertThat(s.hasTable(TableRef.of("clients"))).isTrue();
    }

    @Test
    void copiesShareTablesUntilOneSideChangesThem() {
        Schema a = shop(Dialect.POSTGRESQL);
        Schema b = a.copy();
        b.apply(new Operation.AddColumn(ORDERS, col("note", type("text"), false), false));
        a.apply(new Operation.DropColumn(ORDERS, "amount", false, false));
        assertThat(a.table(ORDERS).orElseThrow().columnNames()).containsExactly("id", "customer_id", "code");
        assertThat(b.table(ORDERS).orElseThrow().columnNames()).containsExactly("id", "customer_id", "code", "amount", "note");
    }
}

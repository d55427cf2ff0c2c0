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

class SchemaDiffTest {

    static final TableRef T = TableRef.of("orders");

    static Schema base() {
        Schema s = new Schema(Dialect.POSTGRESQL);
        s.apply(new Operation.CreateTable(T, List.of(
                new ColumnDef("id", new SqlType("bigint", List.of(), false, null), true, null, true, false, null, null, null, false, null, null),
                ColumnDef.of("email", new SqlType("varchar", List.of("255"), false, null), true, "''::character varying"),
                ColumnDef.of("note", new SqlType("text", List.of(), false, null), false, null)), List.of(), false, false, false, null));
        s.apply(new Operation.CreateIndex(new IndexDef("orders_email_idx", T, List.of("email"), false, null, "email <> ''", null), false, false));
        return s;
    }

    @Test
    void identicalSchemasHaveNoDifferences() {
        assertThat(SchemaDiff.compare(base(), base())).isEmpty();
    }

    @Test
    void reportsMissingExtraAndDifferentObjects() {
        Schema actual = base();
        actual.apply(new Operation.AlterColumnType(T, "email", new SqlType("varchar", List.of("100"), false, null), null));
        actual.apply(new Operation.DropColumn(T, "note", false, false));
        actual.apply(new Operation.AddColumn(T, ColumnDef.of("extra", new SqlType("int", List.of(), false, null), false, null), false));
        actual.apply(new Operation.AddConstraint(T, ConstraintDef.check("orders_email_check", "email <> 'x'")));
        actual.apply(new Operation.CreateEnum("status", List.of("a")));
        List<SchemaDiff.Difference> d = SchemaDiff.compare(base(), actual);
        assertThat(d).extracting(SchemaDiff.Difference::toString).containsExactlyInAnyOrder(
                "different column orders.email: type varchar(255) vs varchar(100)",
                "missing column orders.note",
                "extra column orders.extra",
                "extra constraint orders.orders_email_check",
                "extra enum status");
    }

    @Test
    void catalogSpellingsOfDefaultsAndTypesCompareEqual() {
        assertThat(SchemaDiff.normDefault("'x'::character varying")).isEqualTo(SchemaDiff.normDefault("'x'"));
        assertThat(SchemaDiff.normDefault("CURRENT_TIMESTAMP")).isEqualTo(SchemaDiff.normDefault("now()"));
        assertThat(SchemaDiff.sameType(new SqlType("int4", List.of(), false, null), new SqlType("integer", List.of(), false, null))).isTrue();
    }
}

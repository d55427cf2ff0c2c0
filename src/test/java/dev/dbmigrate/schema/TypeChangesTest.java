package dev.dbmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

class TypeChangesTest {

    static SqlType t(String name, String... args) {
        return new SqlType(name, List.of(args), false, null);
    }

    static TypeChanges.Change pg(SqlType a, SqlType b) {
        return TypeChanges.classify(Dialect.POSTGRESQL, a, b);
    }

    @Test
    void varcharWideningIsSafeAndNarrowingIsFlagged() {
        assertThat(pg(t("varchar", "200"), t("text"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(pg(t("varchar", "200"), t("varchar", "300"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(pg(t("varchar", "255"), t("varchar", "100")).narrowing()).isTrue();
        assertThat(pg(t("text"), t("varchar", "100")).narrowing()).isTrue();
    }

    @Test
    void integerAndNumericChanges() {
        assertThat(pg(t("integer"), t("bigint"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, true);
        assertThat(pg(t("bigint"), t("integer")).narrowing()).isTrue();
        assertThat(pg(t("numeric", "10", "2"), t("numeric", "12", "2"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(pg(t("numeric", "10", "2"), t("numeric", "10", "1")).narrowing()).isTrue();
        assertThat(pg(t("numeric", "10", "2"), t("numeric", "8", "2")).narrowing()).isTrue();
    }

    @Test
    void mysqlVarcharGrowthAcrossThe255ByteBoundaryCopiesTheTable() {
        assertThat(TypeChanges.classify(Dialect.MYSQL, t("varchar", "40"), t("varchar", "60")).rewrite()).isFalse();
        assertThat(TypeChanges.classify(Dialect.MYSQL, t("varchar", "60"), t("varchar", "100")).rewrite()).isTrue();
    }

    @Test
    void sameTypeIsSame() {
        assertThat(pg(t("int4"), t("integer")).same()).as("aliases of one type").isTrue();
        assertThat(pg(t("integer"), t("integer")).same()).isTrue();
        assertThat(pg(t("text"), t("integer")).narrowing()).as("text -> integer may reject values").isTrue();
    }
    /** Each case was measured on PostgreSQL 15 (pg_class.relfilenode before and after the ALTER). */
    @Test
    void postgresRewritesMatchWhatTheServerDoes() {
        assertThat(pg(t("varchar", "255"), t("varchar", "100")).rewrite()).as("shorter varchar rewrites").isTrue();
        assertThat(pg(t("text"), t("varchar", "50")).rewrite()).as("text -> varchar(n) rewrites").isTrue();
        assertThat(pg(t("text"), t("varchar")).rewrite()).as("text -> unbounded varchar is binary-coercible").isFalse();
        assertThat(pg(t("varchar", "20"), t("varchar")).rewrite()).isFalse();
        assertThat(pg(t("char", "5"), t("text")).rewrite()).as("char -> text is binary-coercible").isFalse();
        assertThat(pg(t("char", "5"), t("varchar", "10")).rewrite()).isTrue();
        assertThat(pg(t("numeric"), t("numeric", "20", "2")).rewrite()).isTrue();
        assertThat(pg(t("numeric", "10", "2"), t("numeric", "12", "4")).rewrite()).isTrue();
        assertThat(pg(t("json"), t("jsonb")).rewrite()).isTrue();
        assertThat(pg(t("smallint"), t("integer")).rewrite()).isTrue();
        assertThat(pg(t("cidr"), t("inet")).rewrite()).isFalse();
    }

    @Test
    void timePrecision() {
        assertThat(pg(t("timestamp", "3"), t("timestamp", "6"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(pg(t("timestamp", "3"), t("timestamp"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(pg(t("timestamptz", "6"), t("timestamptz", "3"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(true, true);
        assertThat(pg(t("interval"), t("interval", "3")).rewrite()).isTrue();
        assertThat(pg(t("timestamp"), t("timestamptz")).reason()).contains("UTC");
    }
}

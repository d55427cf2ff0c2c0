package dev.dbmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The MySQL / MariaDB additions of {@link TypeChanges}; the COPY cases were checked on MariaDB 10.11 with ALGORITHM=INSTANT/INPLACE. */
class TypeChangesMysqlFamilyTest {

    static SqlType t(String name, String... args) {
        return new SqlType(name, List.of(args), false, null);
    }

    static SqlType raw(String name, String raw, String... args) {
        return new SqlType(name, List.of(args), false, raw);
    }

    static TypeChanges.Change my(SqlType a, SqlType b) {
        return TypeChanges.classify(Dialect.MYSQL, a, b);
    }

    @Test
    void integerDisplayWidthIsTheSameType() {
        assertThat(my(t("int", "11"), t("int")).same()).isTrue();
        assertThat(my(t("bigint", "20"), t("bigint", "11")).same()).isTrue();
        assertThat(my(t("int", "11"), t("bigint")).same()).isFalse();
        assertThat(my(t("int", "11"), t("bigint")).rewrite()).as("int -> bigint is a type change: COPY").isTrue();
    }

    @Test
    void signednessChangesNarrow() {
        assertThat(my(raw("int", "INT UNSIGNED"), t("int")).narrowing()).isTrue();
        assertThat(my(t("int"), raw("int", "int unsigned")).narrowing()).isTrue();
        assertThat(my(t("int unsigned"), t("bigint")).narrowing()).as("unsigned int fits in a signed bigint").isFalse();
        assertThat(my(raw("int", "INT UNSIGNED"), raw("int", "int unsigned")).same()).isTrue();
    }

    @Test
    void enumAppendIsInPlaceButReorderOrRemovalIsNot() {
        SqlType abc = t("enum", "'a'", "'b'", "'c'");
        assertThat(my(abc, t("enum", "'a'", "'b'", "'c'", "'d'"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, false);
        assertThat(my(abc, t("enum", "'x'", "'a'", "'b'", "'c'"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, true);
        assertThat(my(abc, t("enum", "'a'", "'d'", "'b'", "'c'")).rewrite()).as("inserted in the middle").isTrue();
        TypeChanges.Change removed = my(abc, t("enum", "'a'", "'c'"));
        assertThat(removed.narrowing()).isTrue();
        assertThat(removed.reason()).contains("b");
        assertThat(my(abc, t("enum", "\"a\"", "'b'", "'c'")).same()).as("quotes do not matter").isTrue();
    }

    @Test
    void setGrowingPastEightMembersChangesStorageAndCopies() {
        SqlType eight = t("set", "'a'", "'b'", "'c'", "'d'", "'e'", "'f'", "'g'", "'h'");
        SqlType nine = t("set", "'a'", "'b'", "'c'", "'d'", "'e'", "'f'", "'g'", "'h'", "'i'");
        assertThat(my(eight, nine)).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, true);
        assertThat(my(t("set", "'a'"), t("set", "'a'", "'b'")).rewrite()).isFalse();
        assertThat(TypeChanges.enumStorageBytes("set", 33)).isEqualTo(8);
        assertThat(TypeChanges.enumStorageBytes("enum", 256)).isEqualTo(2);
    }

    @Test
    void textFamilies() {
        assertThat(my(t("text"), t("tinytext")).narrowing()).isTrue();
        assertThat(my(t("mediumtext"), t("text")).narrowing()).isTrue();
        assertThat(my(t("text"), t("mediumtext"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(false, true);
        assertThat(my(t("varchar", "100"), t("tinytext")).narrowing()).as("400 bytes of utf8mb4 do not fit in 255").isTrue();
        assertThat(my(t("varchar", "50"), t("tinytext")).narrowing()).isFalse();
        assertThat(my(t("longtext"), t("varchar", "255")).narrowing()).isTrue();
        assertThat(my(t("varchar", "255"), t("text")).rewrite()).isTrue();
    }

    @Test
    void varcharBucketsAtTheUtf8mb4Boundary() {
        // 63 chars * 4 = 252 bytes (1 length byte); 64 * 4 = 256 bytes (2 length bytes)
        assertThat(my(t("varchar", "20"), t("varchar", "63")).rewrite()).isFalse();
        assertThat(my(t("varchar", "63"), t("varchar", "64")).rewrite()).isTrue();
        assertThat(my(t("varchar", "100"), t("varchar", "255")).rewrite()).isFalse();
        assertThat(my(t("varchar", "255"), t("varchar", "100"))).extracting(TypeChanges.Change::narrowing, TypeChanges.Change::rewrite).containsExactly(true, true);
    }

    @Test
    void decimalWithoutPrecisionIsTenZeroOnMysql() {
        assertThat(my(t("decimal"), t("decimal", "12", "2")).narrowing()).isFalse();
        assertThat(my(t("decimal", "12", "2"), t("decimal")).narrowing()).isTrue();
        assertThat(TypeChanges.classify(Dialect.POSTGRESQL, t("numeric"), t("numeric", "12", "2")).narrowing())
                .as("PostgreSQL numeric without precision is unbounded").isTrue();
    }
}

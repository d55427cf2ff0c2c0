package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class SqlTypesTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int|integer", "INT4|integer", "integer|integer", "int8|bigint", "BIGINT|bigint", "int2|smallint",
            "serial|serial", "serial8|bigserial", "bigserial|bigserial", "smallserial|smallserial",
            "varchar|varchar", "character varying|varchar", "CHAR VARYING|varchar", "character|char", "bpchar|char",
            "text|text", "bool|boolean", "boolean|boolean", "decimal|numeric", "numeric|numeric", "float4|real", "real|real",
            "float8|double precision", "double precision|double precision", "float|double precision", "float(10)|real", "float(40)|double precision",
            "timestamp|timestamp", "timestamp without time zone|timestamp", "timestamptz|timestamptz",
            "timestamp with time zone|timestamptz", "TIMESTAMP(3) WITH TIME ZONE|timestamptz", "time with time zone|timetz",
            "date|date", "interval day to second|interval", "json|json", "jsonb|jsonb", "uuid|uuid", "bytea|bytea",
            "bit varying(5)|varbit", "pg_catalog.int4|integer", "public.mood|public.mood", "\"Mood\"|Mood", "MOOD|mood"})
    void postgresCanonicalNames(String written, String canonical) {
        SqlType t = SqlTypes.parse(PG, written);
        assertThat(t.name()).isEqualTo(canonical);
        assertThat(t.raw()).isEqualTo(written);
    }

    @Test
    void argumentsAndArrays() {
        SqlType v = SqlTypes.parse(PG, "character varying(255)");
        assertThat(v.args()).containsExactly("255");
        assertThat(v.length()).isEqualTo(255);
        SqlType n = SqlTypes.parse(PG, "numeric(12, 2)");
        assertThat(n.args()).containsExactly("12", "2");
        assertThat(n.scale()).isEqualTo(2);
        SqlType ts = SqlTypes.parse(PG, "timestamp(6) with time zone");
        assertThat(ts.name()).isEqualTo("timestamptz");
        assertThat(ts.args()).containsExactly("6");
        assertThat(SqlTypes.parse(PG, "text[]").array()).isTrue();
        assertThat(SqlTypes.parse(PG, "integer[3][]").array()).isTrue();
        assertThat(SqlTypes.parse(PG, "int ARRAY").array()).isTrue();
        assertThat(SqlTypes.parse(PG, "varchar(20)[]")).satisfies(t -> {
            assertThat(t.name()).isEqualTo("varchar");
            assertThat(t.args()).containsExactly("20");
            assertThat(t.array()).isTrue();
        });
        assertThat(SqlTypes.parse(PG, "text").array()).isFalse();
        assertThat(SqlTypes.parse(PG, "geometry(Point, 4326)").args()).containsExactly("Point", "4326");
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "int(11)|integer|", "INT(10) UNSIGNED|integer unsigned|", "bigint unsigned zerofill|bigint unsigned|",
            "tinyint(1)|tinyint|", "mediumint|mediumint|", "double|double precision|", "real|double precision|",
            "float|real|", "decimal(10,2) unsigned|numeric unsigned|10;2", "datetime(6)|datetime|6", "longtext|longtext|",
            "varchar(191)|varchar|191", "national varchar(10)|varchar|10", "bool|boolean|", "year|year|"})
    void mysqlCanonicalNames(String written, String canonical, String args) {
        SqlType t = SqlTypes.parse(MY, written);
        assertThat(t.name()).isEqualTo(canonical);
        assertThat(t.args()).isEqualTo(args == null ? List.of() : List.of(args.split(";")));
    }

    @Test
    void mysqlInlineEnumAndSetValuesAreUnquoted() {
        SqlType e = SqlTypes.parse(MY, "enum('a','it''s', 'b\\'c')");
        assertThat(e.name()).isEqualTo("enum");
        assertThat(e.args()).containsExactly("a", "it's", "b'c");
        assertThat(SqlTypes.parse(Dialect.MARIADB, "SET('x','y')").args()).containsExactly("x", "y");
    }

    @Test
    void sqliteFreeFormTypeNames() {
        assertThat(SqlTypes.parse(LITE, "UNSIGNED BIG INT").name()).isEqualTo("bigint");
        assertThat(SqlTypes.parse(LITE, "VARYING CHARACTER(255)").name()).isEqualTo("varchar");
        assertThat(SqlTypes.parse(LITE, "DATETIME").name()).isEqualTo("datetime");
        assertThat(SqlTypes.parse(LITE, "INTEGER").name()).isEqualTo("integer");
    }

    @Test
    void textThatIsNotATypeIsKeptAsWritten() {
        SqlType t = SqlTypes.parse(PG, "int not a type (");
        assertThat(t.raw()).isEqualTo("int not a type (");
        assertThat(SqlTypes.parse(PG, "  ")).isNull();
        assertThat(SqlTypes.canonicalName(PG, "INT4")).isEqualTo("integer");
    }
}

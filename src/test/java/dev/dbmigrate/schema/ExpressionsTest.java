package dev.dbmigrate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExpressionsTest {

    /** The source as a migration writes it | the same expression as PostgreSQL 15's pg_get_constraintdef / pg_get_expr print it. */
    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            status IN ('a','b')                        | ((status)::text = ANY ((ARRAY['a'::character varying, 'b'::character varying])::text[]))
            status IN ('a','b')                        | status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])
            status NOT IN ('a','b')                    | ((status)::text <> ALL ((ARRAY['a'::character varying, 'b'::character varying])::text[]))
            s2 IN ('x')                                | (s2 = 'x'::text)
            k in (1, 2, 3)                             | (k = ANY (ARRAY[1, 2, 3]))
            price > 0 AND price < 100 OR price IS NULL | ((((price > (0)::numeric) AND (price < (100)::numeric)) OR (price IS NULL)))
            price > 0 and price < 100 or price is null | price > 0::numeric AND price < 100::numeric OR price IS NULL
            n BETWEEN 1 AND 5                          | (((n >= 1) AND (n <= 5)))
            m NOT BETWEEN 1 AND 5                      | (((m < 1) OR (m > 5)))
            length(name) > 3 AND name NOT LIKE 'x%'    | (((length((name)::text) > 3) AND ((name)::text !~~ 'x%'::text)))
            e != 3                                     | ((e <> 3))
            -e > f * (2 + 3)                           | (((- e) > (f * (2 + 3))))
            g ~ '^a' AND g ILIKE 'b%'                  | (((g ~ '^a'::text) AND (g ~~* 'b%'::text)))
            "Status" = 'On'                            | ((status)::text = 'On'::text)
            CAST(qty AS numeric) > 0.50                | ((qty)::numeric > 0.5)
            """)
    void sourceAndCatalogSpellingsCompareEqual(String source, String catalog) {
        assertThat(Expressions.comparable(catalog)).isEqualTo(Expressions.comparable(source));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            status IN ('a','b')              | ((status)::text = ANY ((ARRAY['a'::character varying, 'c'::character varying])::text[]))
            price > 0                        | price >= 0
            a - (b - c) > 0                  | ((a - b) - c) > 0
            (a OR b) AND c                   | a OR (b AND c)
            NOT (a AND b)                    | NOT a AND b
            status = 'On'                    | status = 'on'
            x * (y + 1) > 0                  | x * y + 1 > 0
            n BETWEEN 1 AND 5                | n >= 1 AND n < 5
            """)
    void differentExpressionsStayDifferent(String a, String b) {
        assertThat(Expressions.comparable(a)).isNotEqualTo(Expressions.comparable(b));
    }

    @Test
    void castsAreDroppedAndNothingMore() {
        // the old regex ate the keyword after the cast ("status::text IN" lost its IN)
        assertThat(Expressions.comparable("status::text IN ('a', 'b')")).isEqualTo("status in ( 'a' , 'b' )");
        assertThat(Expressions.comparable("x::character varying(20) = 'y'")).isEqualTo("x = 'y'");
        assertThat(Expressions.comparable("role = 'ADMIN'::\"Role\"[]")).isEqualTo("role = 'ADMIN'");
        assertThat(Expressions.comparable("at::timestamp(3) without time zone > now()")).isEqualTo("at > now ( )");
        assertThat(Expressions.comparable("a::public.my_type is not null")).isEqualTo("a is not null");
        // text that only looks like a cast or a keyword is data
        assertThat(Expressions.comparable("note = 'a::text IN (b)'")).isEqualTo("note = 'a::text IN (b)'");
    }

    @Test
    void catalogDefaultsCompareWithTheirSource() {
        assertThat(SchemaDiff.normDefault("'new'::character varying")).isEqualTo(SchemaDiff.normDefault("'new'"));
        assertThat(SchemaDiff.normDefault("'-1'::integer")).isEqualTo(SchemaDiff.normDefault("-1"));
        assertThat(SchemaDiff.normDefault("'{}'::text[]")).isEqualTo(SchemaDiff.normDefault("'{}'"));
        assertThat(SchemaDiff.normDefault("'2020-01-01'::date")).isEqualTo(SchemaDiff.normDefault("DATE '2020-01-01'"));
        assertThat(SchemaDiff.normDefault("'a::b'::character varying")).isEqualTo(SchemaDiff.normDefault("'a::b'"));
        assertThat(SchemaDiff.normDefault("nextval('t_id_seq'::regclass)")).isEqualTo(SchemaDiff.normDefault("nextval('t_id_seq')"));
        assertThat(SchemaDiff.normDefault("(0)::numeric")).isEqualTo(SchemaDiff.normDefault("0.00"));
        assertThat(SchemaDiff.normDefault("CURRENT_TIMESTAMP(3)")).isEqualTo("now()");
        assertThat(SchemaDiff.normDefault("current_timestamp()")).isEqualTo("now()");
        assertThat(SchemaDiff.normDefault("_utf8mb4'draft'")).isEqualTo(SchemaDiff.normDefault("'draft'"));
        assertThat(SchemaDiff.normDefault("NULL")).isNull();
        assertThat(SchemaDiff.normDefault("'Draft'")).isNotEqualTo(SchemaDiff.normDefault("'draft'"));
        assertThat(SchemaDiff.normDefault("'-1'::text")).isNotEqualTo(SchemaDiff.normDefault("-1"));
    }

    @Test
    void catalogTextWithoutCastsKeepsItsSpacing() {
        assertThat(Expressions.withoutCasts("status::text = ANY (ARRAY['a'::character varying, 'b'::character varying]::text[])"))
                .isEqualTo("status IN ('a', 'b')");
        assertThat(Expressions.withoutCasts("((status)::text <> ALL ((ARRAY['a'::character varying])::text[]))"))
                .isEqualTo("((status) NOT IN ('a'))");
        assertThat(Expressions.withoutCasts("'USER'::\"Role\"")).isEqualTo("'USER'");
        assertThat(Expressions.withoutCasts("length(name::text) > 3 AND note <> 'x::y'::text")).isEqualTo("length(name) > 3 AND note <> 'x::y'");
        assertThat(Expressions.withoutCasts("k = ANY (ARRAY[1, 2, 3])")).isEqualTo("k IN (1, 2, 3)");
        assertThat(Expressions.withoutCasts("(qty >= '-1'::integer)")).isEqualTo("(qty >= -1)");
    }
}

package dev.dbmigrate.analyse.rules.style;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleTester;
import dev.dbmigrate.model.Dialect;
import org.junit.jupiter.api.Test;

class PreferBigintOverIntTest {
    final RuleTester t = RuleTester.of(PreferBigintOverInt::new).history("CREATE TABLE users (id bigint PRIMARY KEY, name text);");

    @Test
    void bad_intPrimaryAndForeignKeysInOneFinding() {
        Finding f = t.assertFires("""
                CREATE TABLE orders (
                    id serial PRIMARY KEY,
                    user_id integer REFERENCES users (id),
                    shop_id int,
                    quantity int NOT NULL,
                    CONSTRAINT orders_shop_fk FOREIGN KEY (shop_id) REFERENCES shops (id)
                );""");
        assertThat(f.severity()).isEqualTo("info");
        assertThat(f.message()).contains("orders.id, orders.user_id, orders.shop_id", "2,147,483,647").doesNotContain("quantity");
        assertThat(f.fix()).isEqualTo("""
                -- in CREATE TABLE orders, declare:
                    id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
                    user_id bigint,
                    shop_id bigint""");
    }

    @Test
    void bad_addColumnAndAlterTypeOfAKeyColumn() {
        assertThat(t.assertFires("ALTER TABLE users ADD COLUMN manager_id int4 REFERENCES users (id);").fix())
                .isEqualTo("ALTER TABLE users ADD COLUMN manager_id bigint;");
        assertThat(t.assertFires("ALTER TABLE users ALTER COLUMN id TYPE smallint;").message()).contains("32,767");
    }

    @Test
    void bad_foreignKeyAddedAfterCreateTableTheOrmWay() {
        Finding f = t.assertFires("""
                CREATE TABLE "Post" ("id" BIGSERIAL NOT NULL, "authorId" INTEGER NOT NULL, CONSTRAINT "Post_pkey" PRIMARY KEY ("id"));
                ALTER TABLE "Post" ADD CONSTRAINT "Post_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES users (id);""");
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.message()).contains("Post.authorId is INTEGER");
        assertThat(f.fix()).contains("in the CREATE TABLE Post above");
    }

    @Test
    void good_bigintKeysAndIntValueColumns() {
        t.assertClean("CREATE TABLE orders (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, user_id bigint REFERENCES users (id), quantity int);");
        t.assertClean("ALTER TABLE users ADD COLUMN age integer;");
        RuleTester.of(PreferBigintOverInt::new).dialect(Dialect.MYSQL).assertClean("CREATE TABLE t (id int PRIMARY KEY);");
    }
}

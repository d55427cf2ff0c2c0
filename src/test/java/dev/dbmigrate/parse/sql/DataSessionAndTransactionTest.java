package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.op;
import static dev.dbmigrate.parse.sql.SqlTestSupport.ops;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.DataChange;
import dev.dbmigrate.model.Operation.DataKind;
import dev.dbmigrate.model.Operation.SessionSetting;
import dev.dbmigrate.model.Operation.TransactionControl;
import dev.dbmigrate.model.Operation.TxKind;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class DataSessionAndTransactionTest {

    private static DataChange data(String sql) {
        return op(PG, sql, DataChange.class);
    }

    @Test
    void updateWhereDetectionIgnoresSubqueries() {
        assertThat(data("UPDATE users SET status = 'a'")).isEqualTo(new DataChange(DataKind.UPDATE, TableRef.of("users"), false, List.of("status")));
        assertThat(data("UPDATE users SET a = (SELECT max(x) FROM y WHERE y.id = users.id), b = 2").hasWhere()).isFalse();
        assertThat(data("UPDATE users SET a = CASE WHEN b THEN 1 ELSE 2 END").hasWhere()).isFalse();
        assertThat(data("UPDATE users SET a = 1 WHERE id < 1000").hasWhere()).isTrue();
        assertThat(data("UPDATE ONLY public.users u SET a = o.x FROM orders o WHERE o.user_id = u.id RETURNING u.id")).satisfies(d -> {
            assertThat(d.table()).isEqualTo(new TableRef("public", "users"));
            assertThat(d.hasWhere()).isTrue();
            assertThat(d.setColumns()).containsExactly("a");
        });
        assertThat(data("UPDATE t SET (a, b) = (1, 2), t.c = 3 WHERE true").setColumns()).containsExactly("a", "b", "c");
        assertThat(data("WITH ids AS (SELECT id FROM t WHERE x) UPDATE t SET a = 1").hasWhere()).isFalse();
    }

    @Test
    void deleteWhereDetection() {
        assertThat(data("DELETE FROM sessions")).isEqualTo(new DataChange(DataKind.DELETE, TableRef.of("sessions"), false, null));
        assertThat(data("DELETE FROM sessions WHERE expires_at < now()").hasWhere()).isTrue();
        assertThat(data("DELETE FROM ONLY s USING t WHERE s.id = t.id").hasWhere()).isTrue();
        assertThat(data("DELETE FROM s RETURNING (SELECT 1 FROM x WHERE y)").hasWhere()).isFalse();
        DataChange multi = op(MY, "DELETE o FROM orders AS o JOIN users u ON u.id = o.user_id WHERE u.deleted", DataChange.class);
        assertThat(multi.table()).isEqualTo(TableRef.of("orders"));
        assertThat(multi.hasWhere()).isTrue();
        assertThat(op(MY, "DELETE LOW_PRIORITY QUICK FROM t ORDER BY id LIMIT 100", DataChange.class).hasWhere()).isFalse();
    }

    @Test
    void mysqlMultiTableFormIsRestrictedByAnInnerJoinOnly() {
        // only the rows of the target that have a partner change: the join restricts like a WHERE
        assertThat(op(MY, "DELETE orders FROM orders JOIN users ON users.id = orders.user_id", DataChange.class).hasWhere()).isTrue();
        assertThat(op(MY, "DELETE o FROM orders o INNER JOIN users u USING (user_id)", DataChange.class).hasWhere()).isTrue();
        DataChange upd = op(MY, "UPDATE invoices i JOIN (SELECT id, max(x) AS m FROM lines GROUP BY id) l ON l.id = i.id SET i.total = l.m", DataChange.class);
        assertThat(upd.table()).isEqualTo(TableRef.of("invoices"));
        assertThat(upd.hasWhere()).isTrue();
        assertThat(op(MY, "UPDATE a STRAIGHT_JOIN b ON a.k = b.k SET a.v = b.v", DataChange.class).hasWhere()).isTrue();
        // outer and cross joins keep every row of the target
        assertThat(op(MY, "UPDATE a LEFT JOIN b ON a.k = b.k SET a.v = 0", DataChange.class).hasWhere()).isFalse();
        assertThat(op(MY, "DELETE a FROM a LEFT OUTER JOIN b ON a.k = b.k", DataChange.class).hasWhere()).isFalse();
        assertThat(op(MY, "UPDATE a CROSS JOIN b SET a.v = b.v", DataChange.class).hasWhere()).isFalse();
        // a JOIN inside a subquery of SET is not a join of the statement; PostgreSQL has no such form
        assertThat(op(MY, "UPDATE a SET v = (SELECT max(b.v) FROM b JOIN c ON c.k = b.k)", DataChange.class).hasWhere()).isFalse();
        assertThat(data("UPDATE a SET v = (SELECT max(b.v) FROM b JOIN c ON c.k = b.k)").hasWhere()).isFalse();
    }

    @Test
    void insertsCopiesMergesAndSelects() {
        assertThat(data("INSERT INTO audit (id, \"Action\") VALUES (1, 'x') ON CONFLICT (id) DO UPDATE SET \"Action\" = excluded.\"Action\" WHERE audit.id > 0"))
                .isEqualTo(new DataChange(DataKind.INSERT, TableRef.of("audit"), false, List.of("id", "Action")));
        assertThat(data("INSERT INTO t SELECT * FROM u WHERE x").setColumns()).isEmpty();
        assertThat(op(MY, "INSERT IGNORE INTO t SET a = 1, b = 2", DataChange.class).setColumns()).containsExactly("a", "b");
        assertThat(op(MY, "REPLACE INTO t (a) VALUES (1)", DataChange.class).kind()).isEqualTo(DataKind.INSERT);
        assertThat(op(LITE, "INSERT OR IGNORE INTO t (a) VALUES (1)", DataChange.class).table()).isEqualTo(TableRef.of("t"));
        assertThat(data("COPY public.users (id, email) FROM '/tmp/u.csv' WITH (FORMAT csv)"))
                .isEqualTo(new DataChange(DataKind.COPY, new TableRef("public", "users"), false, List.of("id", "email")));
        assertThat(data("COPY (SELECT 1) TO STDOUT").table()).isNull();
        assertThat(data("MERGE INTO accounts a USING updates u ON a.id = u.id WHEN MATCHED THEN UPDATE SET v = u.v")).isEqualTo(
                new DataChange(DataKind.MERGE, TableRef.of("accounts"), false, null));
        assertThat(data("SELECT count(*) FROM public.users WHERE x").table()).isEqualTo(new TableRef("public", "users"));
        assertThat(data("SELECT setval('users_id_seq', 10)").table()).isNull();
        assertThat(data("CALL refresh_stats(1)").kind()).isEqualTo(DataKind.CALL);
        assertThat(data("VALUES (1), (2)").kind()).isEqualTo(DataKind.SELECT);
    }

    @Test
    void dataModifyingCtesYieldTheirOwnOperations() {
        List<Operation> o = ops(PG, "WITH moved AS (DELETE FROM events RETURNING *) INSERT INTO events_archive SELECT * FROM moved");
        assertThat(o).containsExactly(
                new DataChange(DataKind.DELETE, TableRef.of("events"), false, null),
                new DataChange(DataKind.INSERT, TableRef.of("events_archive"), false, null));
    }

    @Test
    void truncate() {
        assertThat(op(PG, "TRUNCATE TABLE ONLY a, b * RESTART IDENTITY CASCADE", Operation.Truncate.class))
                .isEqualTo(new Operation.Truncate(List.of(TableRef.of("a"), TableRef.of("b")), true));
        assertThat(op(MY, "TRUNCATE logs", Operation.Truncate.class).cascade()).isFalse();
    }

    @Test
    void transactionControl() {
        for (String sql : List.of("BEGIN", "BEGIN TRANSACTION ISOLATION LEVEL SERIALIZABLE", "START TRANSACTION READ WRITE", "BEGIN IMMEDIATE TRANSACTION")) {
            assertThat(op(PG, sql, TransactionControl.class).kind()).as(sql).isEqualTo(TxKind.BEGIN);
        }
        assertThat(op(PG, "COMMIT AND NO CHAIN", TransactionControl.class).kind()).isEqualTo(TxKind.COMMIT);
        assertThat(op(PG, "END TRANSACTION", TransactionControl.class).kind()).isEqualTo(TxKind.COMMIT);
        assertThat(op(PG, "ROLLBACK", TransactionControl.class).kind()).isEqualTo(TxKind.ROLLBACK);
        assertThat(op(PG, "ABORT", TransactionControl.class).kind()).isEqualTo(TxKind.ROLLBACK);
        assertThat(op(PG, "ROLLBACK TO SAVEPOINT sp1", TransactionControl.class).kind()).isEqualTo(TxKind.ROLLBACK_TO);
        assertThat(op(PG, "ROLLBACK WORK TO sp1", TransactionControl.class).kind()).isEqualTo(TxKind.ROLLBACK_TO);
        assertThat(op(PG, "SAVEPOINT sp1", TransactionControl.class).kind()).isEqualTo(TxKind.SAVEPOINT);
        assertThat(op(PG, "RELEASE SAVEPOINT sp1", TransactionControl.class).kind()).isEqualTo(TxKind.RELEASE);
        assertThat(op(MY, "RELEASE sp1", TransactionControl.class).kind()).isEqualTo(TxKind.RELEASE);
        // stray block ends from a body cut in the wrong place are not transaction control
        for (String bad : List.of("END IF", "END LOOP", "BEGIN foo", "COMMIT x", "SAVEPOINT")) {
            assertThat(SqlTestSupport.statements(MY, bad).get(0).status()).as(bad).isEqualTo(dev.dbmigrate.model.Statement.ParseStatus.UNPARSED);
        }
    }

    @Test
    void postgresSettings() {
        assertThat(op(PG, "SET lock_timeout = '2s'", SessionSetting.class)).isEqualTo(new SessionSetting("lock_timeout", "2s", false));
        assertThat(op(PG, "SET LOCAL Statement_Timeout TO 5000", SessionSetting.class)).isEqualTo(new SessionSetting("statement_timeout", "5000", true));
        assertThat(op(PG, "SET SESSION search_path TO \"$user\", public", SessionSetting.class).value()).isEqualTo("\"$user\", public");
        assertThat(op(PG, "SET TIME ZONE 'UTC'", SessionSetting.class)).isEqualTo(new SessionSetting("timezone", "UTC", false));
        assertThat(op(PG, "SET lock_timeout TO DEFAULT", SessionSetting.class).value()).isEqualTo("DEFAULT");
        assertThat(op(PG, "SET CONSTRAINTS ALL DEFERRED", SessionSetting.class).name()).isEqualTo("constraints");
        assertThat(op(PG, "RESET lock_timeout", SessionSetting.class)).isEqualTo(new SessionSetting("lock_timeout", null, false));
        assertThat(op(PG, "RESET ALL", SessionSetting.class).name()).isEqualTo("all");
        assertThat(op(PG, "SELECT pg_catalog.set_config('search_path', '', false)", SessionSetting.class))
                .isEqualTo(new SessionSetting("search_path", "", false));
        assertThat(op(PG, "SELECT set_config('lock_timeout', '3s', true)", SessionSetting.class).local()).isTrue();
    }

    @Test
    void mysqlSettings() {
        assertThat(ops(MY, "SET SESSION lock_wait_timeout = 5, @@session.innodb_lock_wait_timeout = 3, @@global.max_connections = 10, @x := 'a'"))
                .containsExactly(
                        new SessionSetting("lock_wait_timeout", "5", false),
                        new SessionSetting("innodb_lock_wait_timeout", "3", false),
                        new SessionSetting("global.max_connections", "10", false),
                        new SessionSetting("@x", "a", false));
        assertThat(ops(MY, "SET GLOBAL a = 1, b = 2")).extracting(o -> ((SessionSetting) o).name()).containsExactly("global.a", "global.b");
        assertThat(op(MY, "SET NAMES utf8mb4 COLLATE utf8mb4_unicode_ci", SessionSetting.class)).isEqualTo(new SessionSetting("names", "utf8mb4", false));
        assertThat(op(MY, "SET FOREIGN_KEY_CHECKS = 0", SessionSetting.class).name()).isEqualTo("foreign_key_checks");
        assertThat(op(MY, "USE shop", SessionSetting.class)).isEqualTo(new SessionSetting("database", "shop", false));
    }

    @Test
    void sqlitePragmas() {
        assertThat(op(LITE, "PRAGMA foreign_keys = OFF", SessionSetting.class)).isEqualTo(new SessionSetting("foreign_keys", "OFF", false));
        assertThat(op(LITE, "PRAGMA main.journal_mode(WAL)", SessionSetting.class)).isEqualTo(new SessionSetting("journal_mode", "WAL", false));
        assertThat(ops(LITE, "PRAGMA foreign_keys")).isEmpty();
    }
}

package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MARIA;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.op;
import static dev.dbmigrate.parse.sql.SqlTestSupport.ops;
import static dev.dbmigrate.parse.sql.SqlTestSupport.statements;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.IndexDef;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.Operation.AddColumn;
import dev.dbmigrate.model.Operation.AddConstraint;
import dev.dbmigrate.model.Operation.AlterColumnType;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlterTableTest {

    private static final TableRef T = TableRef.of("t");

    @Test
    void everySubClauseIsItsOwnOperationInOrder() {
        List<Operation> o = ops(PG, """
                ALTER TABLE IF EXISTS ONLY t
                  ADD COLUMN IF NOT EXISTS a int NOT NULL DEFAULT 0,
                  ADD b text,
                  DROP COLUMN IF EXISTS c CASCADE,
                  DROP d,
                  ALTER COLUMN e TYPE varchar(100) USING e::varchar(100),
                  ALTER f SET DATA TYPE bigint,
                  ALTER COLUMN g SET NOT NULL,
                  ALTER COLUMN h DROP NOT NULL,
                  ALTER COLUMN i SET DEFAULT now(),
                  ALTER COLUMN j DROP DEFAULT,
                  RENAME COLUMN k TO l""");
        assertThat(o).containsExactly(
                new AddColumn(T, ColumnDef.of("a", SqlTypes.parse(PG, "int"), true, "0"), true),
                new AddColumn(T, ColumnDef.of("b", SqlTypes.parse(PG, "text"), false, null), false),
                new Operation.DropColumn(T, "c", true, true),
                new Operation.DropColumn(T, "d", false, false),
                new AlterColumnType(T, "e", SqlTypes.parse(PG, "varchar(100)"), "e::varchar(100)"),
                new AlterColumnType(T, "f", SqlTypes.parse(PG, "bigint"), null),
                new Operation.AlterColumnNullability(T, "g", true),
                new Operation.AlterColumnNullability(T, "h", false),
                new Operation.AlterColumnDefault(T, "i", "now()"),
                new Operation.AlterColumnDefault(T, "j", null),
                new Operation.RenameColumn(T, "k", "l"));
    }

    @Test
    void addConstraintForms() {
        AddConstraint fk = op(PG, "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers(id) ON DELETE RESTRICT NOT VALID",
                AddConstraint.class);
        assertThat(fk.constraint().notValid()).isTrue();
        assertThat(fk.constraint().onDelete()).isEqualTo("RESTRICT");
        assertThat(fk.constraint().columns()).containsExactly("customer_id");
        AddConstraint chk = op(PG, "ALTER TABLE t ADD CONSTRAINT c CHECK (a IS NOT NULL) NOT VALID", AddConstraint.class);
        assertThat(chk.constraint()).isEqualTo(ConstraintDef.check("c", "a IS NOT NULL").withNotValid(true));
        AddConstraint uq = op(PG, "ALTER TABLE t ADD CONSTRAINT t_email_key UNIQUE USING INDEX t_email_idx", AddConstraint.class);
        assertThat(uq.constraint().usingIndex()).isEqualTo("t_email_idx");
        assertThat(uq.constraint().kind()).isEqualTo(ConstraintDef.Kind.UNIQUE);
        AddConstraint pk = op(PG, "ALTER TABLE t ADD PRIMARY KEY (id)", AddConstraint.class);
        assertThat(pk.constraint()).isEqualTo(ConstraintDef.primaryKey(null, List.of("id")));
        AddConstraint plain = op(PG, "ALTER TABLE t ADD CONSTRAINT u UNIQUE (a, b)", AddConstraint.class);
        assertThat(plain.constraint()).isEqualTo(ConstraintDef.unique("u", List.of("a", "b")));
        assertThat(op(PG, "ALTER TABLE t ADD CONSTRAINT ex EXCLUDE USING gist (r WITH &&)", AddConstraint.class).constraint().kind())
                .isEqualTo(ConstraintDef.Kind.EXCLUDE);
    }

    @Test
    void constraintLifecycle() {
        assertThat(ops(PG, "ALTER TABLE t VALIDATE CONSTRAINT c, DROP CONSTRAINT IF EXISTS d CASCADE, RENAME CONSTRAINT e TO f")).containsExactly(
                new Operation.ValidateConstraint(T, "c"),
                new Operation.DropConstraint(T, "d", null, true, true),
                new Operation.RenameConstraint(T, "e", "f"));
    }

    @Test
    void renameTableAndPartitions() {
        assertThat(op(PG, "ALTER TABLE public.t RENAME TO u", Operation.RenameTable.class)).isEqualTo(new Operation.RenameTable(new TableRef("public", "t"), "u"));
        assertThat(op(PG, "ALTER TABLE t RENAME a TO b", Operation.RenameColumn.class)).isEqualTo(new Operation.RenameColumn(T, "a", "b"));
        assertThat(op(PG, "ALTER TABLE m ATTACH PARTITION m_2024 FOR VALUES FROM ('2024-01-01') TO ('2025-01-01')", Operation.AttachPartition.class))
                .isEqualTo(new Operation.AttachPartition(TableRef.of("m"), TableRef.of("m_2024")));
        assertThat(op(PG, "ALTER TABLE m DETACH PARTITION m_2023 CONCURRENTLY", Operation.DetachPartition.class).concurrently()).isTrue();
        assertThat(op(PG, "ALTER TABLE m DETACH PARTITION m_2023", Operation.DetachPartition.class).concurrently()).isFalse();
    }

    @Test
    void knownClausesWithoutTheirOwnOperation() {
        List<Operation> o = ops(PG, "ALTER TABLE t OWNER TO app, ENABLE ROW LEVEL SECURITY, SET LOGGED, ALTER COLUMN a SET STATISTICS 500, "
                + "ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY, SET (fillfactor = 70), REPLICA IDENTITY FULL, SET SCHEMA archive");
        assertThat(o).extracting(x -> ((Operation.AlterTableOther) x).action()).containsExactly(
                "OWNER TO", "ENABLE ROW LEVEL SECURITY", "SET LOGGED", "ALTER COLUMN SET STATISTICS", "ALTER COLUMN ADD GENERATED",
                "SET", "REPLICA IDENTITY", "SET SCHEMA");
        assertThat(((Operation.AlterTableOther) o.get(0)).clause()).isEqualTo("OWNER TO app");
        assertThat(((Operation.AlterTableOther) o.get(3)).clause()).isEqualTo("ALTER COLUMN a SET STATISTICS 500");
    }

    @Test
    void unknownClausesAreUnparsed() {
        for (String bad : List.of("ALTER TABLE t FROB x", "ALTER TABLE t ADD COLUMN a int, FROB", "ALTER TABLE t", "ALTER TABLE t ALTER COLUMN a FROB")) {
            assertThat(statements(PG, bad).get(0).status()).as(bad).isEqualTo(Statement.ParseStatus.UNPARSED);
        }
    }

    @Test
    void namedInlineConstraintOnAddedColumn() {
        List<Operation> o = ops(PG, "ALTER TABLE t ADD COLUMN owner_id bigint CONSTRAINT t_owner_fk REFERENCES users (id) ON DELETE CASCADE");
        assertThat(o).hasSize(2);
        assertThat(((AddColumn) o.get(0)).column().references()).isNull();
        assertThat(((AddConstraint) o.get(1)).constraint().name()).isEqualTo("t_owner_fk");
        AddColumn inline = op(PG, "ALTER TABLE t ADD COLUMN owner_id bigint REFERENCES users (id)", AddColumn.class);
        assertThat(inline.column().references().table()).isEqualTo(TableRef.of("users"));
    }

    @Test
    void mysqlForms() {
        List<Operation> o = ops(MY, "ALTER TABLE users ADD COLUMN age int NOT NULL DEFAULT 0 AFTER email, ADD INDEX idx_age (age), "
                + "ADD UNIQUE KEY uq_ab (a, b), ADD CONSTRAINT uq_c UNIQUE (c), ADD FULLTEXT ft (bio), "
                + "MODIFY COLUMN email varchar(100) NOT NULL, CHANGE role user_role varchar(20) NULL, CHANGE name name varchar(50), "
                + "DROP INDEX idx_old, DROP KEY k2, DROP FOREIGN KEY fk_org, DROP PRIMARY KEY, DROP CHECK chk, "
                + "RENAME INDEX a_idx TO b_idx, ALGORITHM=INPLACE, LOCK=NONE");
        TableRef u = TableRef.of("users");
        assertThat(o.get(0)).isInstanceOfSatisfying(AddColumn.class, a -> {
            assertThat(a.column().notNull()).isTrue();
            assertThat(a.column().defaultExpr()).isEqualTo("0");
        });
        assertThat(o.get(1)).isEqualTo(new Operation.CreateIndex(new IndexDef("idx_age", u, List.of("age"), false, null, null, null), false, false));
        assertThat(o.get(2)).isEqualTo(new Operation.CreateIndex(new IndexDef("uq_ab", u, List.of("a", "b"), true, null, null, null), false, false));
        assertThat(o.get(3)).isEqualTo(new Operation.CreateIndex(new IndexDef("uq_c", u, List.of("c"), true, null, null, null), false, false));
        assertThat(((Operation.CreateIndex) o.get(4)).index().method()).isEqualTo("fulltext");
        assertThat(o.get(5)).isInstanceOfSatisfying(Operation.RedefineColumn.class, r -> {
            assertThat(r.column()).isEqualTo("email");
            assertThat(r.definition().type().args()).containsExactly("100");
            assertThat(r.definition().notNull()).isTrue();
        });
        assertThat(o.get(6)).isEqualTo(new Operation.RenameColumn(u, "role", "user_role"));
        assertThat(o.get(7)).isInstanceOfSatisfying(Operation.RedefineColumn.class, r -> assertThat(r.column()).isEqualTo("user_role"));
        assertThat(o.get(8)).isInstanceOfSatisfying(Operation.RedefineColumn.class, r -> assertThat(r.column()).isEqualTo("name"));
        assertThat(o.subList(9, 16)).containsExactly(
                new Operation.DropIndex("idx_old", u, false, false, false),
                new Operation.DropIndex("k2", u, false, false, false),
                new Operation.DropConstraint(u, "fk_org", ConstraintDef.Kind.FOREIGN_KEY, false, false),
                new Operation.DropConstraint(u, null, ConstraintDef.Kind.PRIMARY_KEY, false, false),
                new Operation.DropConstraint(u, "chk", ConstraintDef.Kind.CHECK, false, false),
                new Operation.RenameIndex("a_idx", "b_idx", u),
                new Operation.TableAlgorithmLock(u, "INPLACE", "NONE"));
        assertThat(o).hasSize(16);
    }

    @Test
    void mysqlAlgorithmAndLockArePlacedWhereTheyAppear() {
        List<Operation> o = ops(MY, "ALTER TABLE t ALGORITHM=COPY, ADD COLUMN a int, LOCK = SHARED");
        assertThat(o.get(0)).isEqualTo(new Operation.TableAlgorithmLock(T, "COPY", "SHARED"));
        assertThat(o.get(1)).isInstanceOf(AddColumn.class);
    }

    @Test
    void mysqlCharsetsCommentsOptionsAndRename() {
        assertThat(op(MY, "ALTER TABLE t CONVERT TO CHARACTER SET utf8mb4 COLLATE utf8mb4_0900_ai_ci", Operation.ConvertCharset.class))
                .isEqualTo(new Operation.ConvertCharset(T, "utf8mb4", "utf8mb4_0900_ai_ci", true));
        assertThat(op(MY, "ALTER TABLE t DEFAULT CHARACTER SET = latin1", Operation.ConvertCharset.class))
                .isEqualTo(new Operation.ConvertCharset(T, "latin1", null, false));
        assertThat(ops(MY, "ALTER TABLE t ENGINE=InnoDB ROW_FORMAT=DYNAMIC COMMENT = 'people'")).containsExactly(
                new Operation.AlterTableOther(T, "ENGINE", "ENGINE=InnoDB"),
                new Operation.AlterTableOther(T, "ROW_FORMAT", "ROW_FORMAT=DYNAMIC"),
                new Operation.SetComment(T, null, "people"));
        assertThat(op(MY, "ALTER TABLE t RENAME AS u", Operation.RenameTable.class).newName()).isEqualTo("u");
        assertThat(op(MY, "ALTER TABLE t RENAME u", Operation.RenameTable.class).newName()).isEqualTo("u");
        assertThat(ops(MY, "ALTER TABLE t ADD COLUMN (a int, b text)")).hasSize(2);
        assertThat(op(MY, "ALTER TABLE t DROP PARTITION p2019", Operation.AlterTableOther.class).action()).isEqualTo("DROP PARTITION");
        assertThat(op(MY, "ALTER TABLE t PARTITION BY HASH(id) PARTITIONS 4", Operation.AlterTableOther.class).action()).isEqualTo("PARTITION BY");
    }

    @Test
    void mariadbIfExistsForms() {
        assertThat(ops(MARIA, "ALTER TABLE t ADD COLUMN IF NOT EXISTS a int, DROP COLUMN IF EXISTS b, DROP INDEX IF EXISTS i, ADD INDEX IF NOT EXISTS j (a)"))
                .containsExactly(
                        new AddColumn(T, ColumnDef.of("a", SqlTypes.parse(MARIA, "int"), false, null), true),
                        new Operation.DropColumn(T, "b", true, false),
                        new Operation.DropIndex("i", T, false, true, false),
                        new Operation.CreateIndex(new IndexDef("j", T, List.of("a"), false, null, null, null), false, true));
    }

    @Test
    void sqliteFormsAndFormsSqliteLacksAreStillRead() {
        assertThat(ops(LITE, "ALTER TABLE t ADD COLUMN c TEXT NOT NULL DEFAULT ''")).singleElement().isInstanceOf(AddColumn.class);
        assertThat(op(LITE, "ALTER TABLE t RENAME TO u", Operation.RenameTable.class).newName()).isEqualTo("u");
        assertThat(op(LITE, "ALTER TABLE t RENAME COLUMN a TO b", Operation.RenameColumn.class).newName()).isEqualTo("b");
        assertThat(op(LITE, "ALTER TABLE t DROP COLUMN a", Operation.DropColumn.class).column()).isEqualTo("a");
        // not valid SQLite, but read so that sqlite-unsupported-alter can report it
        assertThat(op(LITE, "ALTER TABLE t ALTER COLUMN a SET NOT NULL", Operation.AlterColumnNullability.class).notNull()).isTrue();
        assertThat(op(LITE, "ALTER TABLE t ADD CONSTRAINT fk FOREIGN KEY (a) REFERENCES u (id)", AddConstraint.class)).isNotNull();
    }
}

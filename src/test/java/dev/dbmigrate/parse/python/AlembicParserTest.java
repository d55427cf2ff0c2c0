package dev.dbmigrate.parse.python;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.ConstraintDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.parse.Parsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlembicParserTest {

    private static final Path FILE = Path.of("/nonexistent/alembic/versions/abc123_test.py").toAbsolutePath();

    private static ParsedScript parse(String body, Dialect dialect) {
        return parse(body, dialect, "upgrade");
    }

    private static ParsedScript parse(String text, Dialect dialect, String part) {
        return Parsers.parse(new Script(FILE, text, 10, Script.Language.PYTHON_ALEMBIC, part), dialect);
    }

    private static <T extends Operation> T op(Statement st, int i, Class<T> type) {
        assertThat(st.operations().get(i)).isInstanceOf(type);
        return type.cast(st.operations().get(i));
    }

    @Test
    void createTableWithColumnsConstraintsAndIndexes() {
        String src = """
                def upgrade():
                    op.create_table(
                        "orders",
                        sa.Column("id", sa.Integer(), nullable=False),
                        sa.Column("customer_id", sa.BigInteger(), sa.ForeignKey("customers.id", ondelete="CASCADE"), nullable=False),
                        sa.Column("status", sa.Enum("new", "paid", name="order_status"), server_default="new", nullable=False),
                        sa.Column("total", sa.Numeric(10, 2), server_default=sa.text("0")),
                        sa.Column("note", sa.String(length=200), comment="free text"),
                        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
                        sa.Column("email", sa.String(255), unique=True, index=True),
                        sa.Column("payload", postgresql.JSONB(astext_type=sa.Text())),
                        sa.PrimaryKeyConstraint("id"),
                        sa.UniqueConstraint("customer_id", "note", name="uq_orders_customer_note"),
                        sa.CheckConstraint("total >= 0", name="ck_orders_total"),
                    )
                """;
        ParsedScript ps = parse(src, Dialect.POSTGRESQL);
        assertThat(ps.statements()).hasSize(1);
        Statement st = ps.statements().get(0);
        assertThat(st.status()).isEqualTo(ParseStatus.ORM);
        assertThat(st.line()).isEqualTo(11);
        assertThat(st.column()).isEqualTo(5);
        assertThat(st.endLine()).isEqualTo(24);
        assertThat(st.text()).startsWith("op.create_table(");
        Operation.CreateEnum en = op(st, 0, Operation.CreateEnum.class);
        assertThat(en.name()).isEqualTo("order_status");
        assertThat(en.values()).containsExactly("new", "paid");
        Operation.CreateTable ct = op(st, 1, Operation.CreateTable.class);
        assertThat(ct.table().name()).isEqualTo("orders");
        assertThat(ct.columns()).extracting(ColumnDef::name)
                .containsExactly("id", "customer_id", "status", "total", "note", "created_at", "email", "payload");
        ColumnDef id = ct.columns().get(0);
        assertThat(id.type().name()).isEqualTo("serial");
        assertThat(id.primaryKey()).isTrue();
        assertThat(id.notNull()).isTrue();
        ColumnDef cust = ct.columns().get(1);
        assertThat(cust.type().name()).isEqualTo("bigint");
        assertThat(cust.references().table().name()).isEqualTo("customers");
        assertThat(cust.references().column()).isEqualTo("id");
        assertThat(cust.references().onDelete()).isEqualTo("CASCADE");
        assertThat(ct.columns().get(2).type().name()).isEqualTo("order_status");
        assertThat(ct.columns().get(2).defaultExpr()).isEqualTo("'new'");
        assertThat(ct.columns().get(3).type().toString()).isEqualTo("numeric(10,2)");
        assertThat(ct.columns().get(3).defaultExpr()).isEqualTo("0");
        assertThat(ct.columns().get(3).notNull()).isFalse();
        assertThat(ct.columns().get(4).type().toString()).isEqualTo("varchar(200)");
        assertThat(ct.columns().get(5).type().name()).isEqualTo("timestamptz");
        assertThat(ct.columns().get(5).defaultExpr()).isEqualTo("now()");
        assertThat(ct.columns().get(6).unique()).as("unique+index is a unique index, not a constraint").isFalse();
        assertThat(ct.columns().get(7).type().name()).isEqualTo("jsonb");
        assertThat(ct.constraints()).extracting(ConstraintDef::kind).containsExactly(ConstraintDef.Kind.UNIQUE, ConstraintDef.Kind.CHECK);
        assertThat(ct.constraints().get(1).expression()).isEqualTo("total >= 0");
        Operation.CreateIndex ix = op(st, 3, Operation.CreateIndex.class);
        assertThat(ix.index().name()).isEqualTo("ix_orders_email");
        assertThat(ix.index().unique()).isTrue();
        Operation.SetComment comment = op(st, 2, Operation.SetComment.class);
        assertThat(comment.column()).isEqualTo("note");
    }

    @Test
    void typesFollowTheDialect() {
        String src = """
                def upgrade():
                    op.create_table("t",
                        sa.Column("id", sa.BigInteger, primary_key=True),
                        sa.Column("at", sa.DateTime(timezone=True)),
                        sa.Column("uid", sa.Uuid()),
                        sa.Column("kind", sa.Enum("a", "bb", name="kind")),
                        sa.Column("data", sa.JSON().with_variant(postgresql.JSONB(), "postgresql")),
                        sa.Column("flag", sa.Boolean(), server_default=sa.false()),
                    )
                """;
        Operation.CreateTable my = (Operation.CreateTable) parse(src, Dialect.MYSQL).statements().get(0).operations().get(0);
        assertThat(my.columns()).extracting(c -> c.type().toString())
                .containsExactly("bigint", "datetime", "char(32)", "enum('a','bb')", "json", "boolean");
        assertThat(my.columns().get(0).autoIncrement()).isTrue();
        Operation.CreateTable lite = (Operation.CreateTable) parse(src, Dialect.SQLITE).statements().get(0).operations().get(0);
        assertThat(lite.columns()).extracting(c -> c.type().toString())
                .containsExactly("bigint", "datetime", "char(32)", "varchar(2)", "json", "boolean");
        assertThat(lite.columns().get(5).defaultExpr()).isEqualTo("0");
        ParsedScript pg = parse(src, Dialect.POSTGRESQL);
        Operation.CreateTable pgt = (Operation.CreateTable) pg.statements().get(0).operations().get(1);
        assertThat(pgt.columns()).extracting(c -> c.type().toString())
                .containsExactly("bigserial", "timestamptz", "uuid", "kind", "jsonb", "boolean");
    }

    @Test
    void addAndAlterColumnsAsSinglePurposeOperations() {
        String src = """
                def upgrade():
                    op.add_column("users", sa.Column("tenant_id", sa.Integer(), nullable=False))
                    op.add_column("users", sa.Column("org_id", sa.Integer(), sa.ForeignKey("orgs.id"), nullable=True, index=True))
                    op.alter_column("users", "name", existing_type=sa.String(255), type_=sa.String(50), nullable=False,
                                    server_default=None, new_column_name="full_name", postgresql_using="name::varchar(50)")
                    op.drop_column("users", "legacy")
                """;
        List<Statement> st = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(4);
        Operation.AddColumn add = op(st.get(0), 0, Operation.AddColumn.class);
        assertThat(add.column().notNull()).isTrue();
        assertThat(add.column().defaultExpr()).isNull();
        assertThat(st.get(1).operations()).hasSize(3);
        Operation.AddConstraint fk = op(st.get(1), 1, Operation.AddConstraint.class);
        assertThat(fk.constraint().kind()).isEqualTo(ConstraintDef.Kind.FOREIGN_KEY);
        assertThat(fk.constraint().refTable().name()).isEqualTo("orgs");
        assertThat(op(st.get(1), 2, Operation.CreateIndex.class).index().name()).isEqualTo("ix_users_org_id");
        List<Operation> alter = st.get(2).operations();
        assertThat(alter).hasSize(4);
        Operation.AlterColumnType type = op(st.get(2), 0, Operation.AlterColumnType.class);
        assertThat(type.type().toString()).isEqualTo("varchar(50)");
        assertThat(type.using()).isEqualTo("name::varchar(50)");
        assertThat(op(st.get(2), 1, Operation.AlterColumnNullability.class).notNull()).isTrue();
        assertThat(op(st.get(2), 2, Operation.AlterColumnDefault.class).defaultExpr()).isNull();
        assertThat(op(st.get(2), 3, Operation.RenameColumn.class).newName()).isEqualTo("full_name");
        assertThat(st.get(2).line()).isEqualTo(13);
        assertThat(op(st.get(3), 0, Operation.DropColumn.class).column()).isEqualTo("legacy");
    }

    @Test
    void mysqlAlterColumnRestatesTheColumnAndLosesNotNullWithoutExistingNullable() {
        String src = """
                def upgrade():
                    op.alter_column("users", "name", existing_type=sa.String(255), type_=sa.String(100))
                """;
        Statement st = parse(src, Dialect.MYSQL).statements().get(0);
        Operation.RedefineColumn rd = op(st, 0, Operation.RedefineColumn.class);
        assertThat(rd.definition().type().toString()).isEqualTo("varchar(100)");
        assertThat(rd.definition().notNull()).isFalse();
    }

    @Test
    void indexesConstraintsAndRenames() {
        String src = """
                def upgrade():
                    op.create_index(op.f("ix_orders_created_at"), "orders", ["created_at"], unique=False)
                    op.create_index("ix_orders_open", "orders", [sa.text("lower(email)")], postgresql_concurrently=True,
                                    postgresql_where=sa.text("status = 'open'"), if_not_exists=True)
                    op.drop_index("ix_old", table_name="orders", postgresql_concurrently=True)
                    op.create_foreign_key("fk_orders_customer", "orders", "customers", ["customer_id"], ["id"], ondelete="SET NULL")
                    op.create_unique_constraint("uq_email", "users", ["email"])
                    op.create_check_constraint("ck_total", "orders", sa.column("total") >= 0)
                    op.drop_constraint("fk_old", "orders", type_="foreignkey")
                    op.rename_table("orders", "purchases")
                    op.create_primary_key("pk_t", "t", ["a", "b"])
                """;
        List<Statement> st = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(9);
        Operation.CreateIndex i1 = op(st.get(0), 0, Operation.CreateIndex.class);
        assertThat(i1.index().name()).isEqualTo("ix_orders_created_at");
        assertThat(i1.concurrently()).isFalse();
        Operation.CreateIndex i2 = op(st.get(1), 0, Operation.CreateIndex.class);
        assertThat(i2.concurrently()).isTrue();
        assertThat(i2.ifNotExists()).isTrue();
        assertThat(i2.index().columns()).containsExactly("lower(email)");
        assertThat(i2.index().where()).isEqualTo("status = 'open'");
        Operation.DropIndex di = op(st.get(2), 0, Operation.DropIndex.class);
        assertThat(di.concurrently()).isTrue();
        assertThat(di.table().name()).isEqualTo("orders");
        Operation.AddConstraint fk = op(st.get(3), 0, Operation.AddConstraint.class);
        assertThat(fk.constraint().onDelete()).isEqualTo("SET NULL");
        assertThat(fk.constraint().columns()).containsExactly("customer_id");
        assertThat(op(st.get(5), 0, Operation.AddConstraint.class).constraint().expression()).isEqualTo("total >= 0");
        assertThat(op(st.get(6), 0, Operation.DropConstraint.class).kind()).isEqualTo(ConstraintDef.Kind.FOREIGN_KEY);
        assertThat(op(st.get(7), 0, Operation.RenameTable.class).newName()).isEqualTo("purchases");
        assertThat(op(st.get(8), 0, Operation.AddConstraint.class).constraint().columns()).containsExactly("a", "b");
    }

    @Test
    void concurrentlyIsIgnoredOutsidePostgres() {
        String src = "def upgrade():\n    op.create_index('ix', 't', ['c'], postgresql_concurrently=True)\n";
        assertThat(op(parse(src, Dialect.SQLITE).statements().get(0), 0, Operation.CreateIndex.class).concurrently()).isFalse();
    }

    @Test
    void executeIsHandedToTheSqlEngineAtTheCallLine() {
        String src = """
                def upgrade():
                    op.execute("UPDATE users SET active = true")
                    sql = \"\"\"
                        DELETE FROM sessions
                    \"\"\"
                    op.execute(sa.text(sql))
                    op.execute(f"UPDATE {TABLE} SET x = 1")
                """;
        List<Statement> st = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(3);
        assertThat(st.get(0).line()).isEqualTo(11);
        assertThat(st.get(0).text()).isEqualTo("UPDATE users SET active = true");
        assertThat(st.get(0).status()).isIn(ParseStatus.PARSED, ParseStatus.FALLBACK);
        assertThat(st.get(0).operations()).singleElement().isInstanceOfSatisfying(Operation.DataChange.class, d -> {
            assertThat(d.kind()).isEqualTo(Operation.DataKind.UPDATE);
            assertThat(d.table().name()).isEqualTo("users");
            assertThat(d.hasWhere()).isFalse();
        });
        assertThat(st.get(1).line()).isEqualTo(15);
        assertThat(st.get(1).text()).contains("DELETE FROM sessions");
        assertThat(st.get(1).operations()).singleElement().isInstanceOfSatisfying(Operation.DataChange.class,
                d -> assertThat(d.kind()).isEqualTo(Operation.DataKind.DELETE));
        Operation.OpaqueCode code = op(st.get(2), 0, Operation.OpaqueCode.class);
        assertThat(code.description()).contains("f-string");
    }

    @Test
    void batchAlterTableRebuildsOnSqliteOnly() {
        String src = """
                def upgrade():
                    with op.batch_alter_table("users", schema=None) as batch_op:
                        batch_op.add_column(sa.Column("age", sa.Integer(), nullable=True))
                        batch_op.alter_column("name", existing_type=sa.String(255), nullable=False)
                        batch_op.create_index("ix_users_age", ["age"])
                """;
        List<Statement> lite = parse(src, Dialect.SQLITE).statements();
        assertThat(lite).hasSize(3);
        Operation.TableRebuild marker = op(lite.get(0), 0, Operation.TableRebuild.class);
        assertThat(marker.table().name()).isEqualTo("users");
        assertThat(op(lite.get(0), 1, Operation.AddColumn.class).table().name()).isEqualTo("users");
        assertThat(op(lite.get(1), 0, Operation.TableRebuild.class)).isNotNull();
        assertThat(op(lite.get(1), 1, Operation.AlterColumnNullability.class).column()).isEqualTo("name");
        assertThat(lite.get(2).operations()).singleElement().isInstanceOf(Operation.CreateIndex.class);
        List<Statement> pg = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(pg).allSatisfy(s -> assertThat(s.operations()).noneMatch(o -> o instanceof Operation.TableRebuild));

        String addOnly = """
                def upgrade():
                    with op.batch_alter_table("users") as b:
                        b.add_column(sa.Column("age", sa.Integer()))
                """;
        assertThat(parse(addOnly, Dialect.SQLITE).statements().get(0).operations()).singleElement().isInstanceOf(Operation.AddColumn.class);
    }

    @Test
    void autocommitBlockMeansNoTransaction() {
        String src = """
                def upgrade():
                    with op.get_context().autocommit_block():
                        op.create_index("ix_big", "big", ["c"], postgresql_concurrently=True)
                """;
        ParsedScript ps = parse(src, Dialect.POSTGRESQL);
        assertThat(ps.noTransaction()).isTrue();
        assertThat(op(ps.statements().get(0), 0, Operation.CreateIndex.class).concurrently()).isTrue();
        assertThat(parse("def upgrade():\n    op.drop_table('x')\n", Dialect.POSTGRESQL).noTransaction()).isFalse();
    }

    @Test
    void dialectConditionsAreDecidedOthersAreMarkedConditional() {
        String src = """
                def upgrade():
                    bind = op.get_bind()
                    if bind.dialect.name == "postgresql":
                        op.execute("CREATE EXTENSION IF NOT EXISTS pg_trgm")
                    else:
                        op.drop_table("fallback")
                    if has_feature():
                        op.drop_table("maybe")
                """;
        List<Statement> pg = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(pg).hasSize(2);
        assertThat(pg.get(0).text()).contains("CREATE EXTENSION");
        Operation.Conditional cond = op(pg.get(1), 0, Operation.Conditional.class);
        assertThat(cond.condition()).isEqualTo("has_feature()");
        assertThat(op(pg.get(1), 1, Operation.DropTable.class).table().name()).isEqualTo("maybe");
        List<Statement> lite = parse(src, Dialect.SQLITE).statements();
        assertThat(op(lite.get(0), 0, Operation.DropTable.class).table().name()).isEqualTo("fallback");
    }

    @Test
    void loopsOverLiteralsAreUnrolledAndHelpersFollowed() {
        String src = """
                TABLES = ["a", "b"]

                def _add_audit(table, column="updated_at"):
                    op.add_column(table, sa.Column(column, sa.DateTime()))

                def upgrade():
                    for t in TABLES:
                        _add_audit(t)
                    for name, typ in [("x", sa.Integer()), ("y", sa.Text())]:
                        op.add_column("c", sa.Column(name, typ))
                    for row in fetch_rows():
                        op.drop_table(row)
                """;
        List<Statement> st = Parsers.parse(new Script(FILE, src, 1, Script.Language.PYTHON_ALEMBIC, "upgrade"), Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(5);
        assertThat(st.subList(0, 2)).allSatisfy(s -> assertThat(s.line()).isEqualTo(4));
        assertThat(st.subList(0, 2)).extracting(s -> ((Operation.AddColumn) s.operations().get(0)).table().name()).containsExactly("a", "b");
        assertThat(((Operation.AddColumn) st.get(3).operations().get(0)).column().type().name()).isEqualTo("text");
        assertThat(st.get(4).status()).isEqualTo(ParseStatus.UNPARSED);
        assertThat(st.get(4).line()).isEqualTo(11);
    }

    @Test
    void bulkInsertAndCoreDataStatements() {
        String src = """
                def upgrade():
                    accounts = sa.table("accounts", sa.column("id", sa.Integer), sa.column("name", sa.String))
                    op.bulk_insert(accounts, [{"id": 1, "name": "a"}, {"id": 2, "name": "b"}])
                    op.execute(accounts.update().values(name=op.inline_literal("x")))
                    op.execute(sa.delete(accounts).where(accounts.c.id == 1))
                """;
        List<Statement> st = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(3);
        Operation.DataChange ins = op(st.get(0), 0, Operation.DataChange.class);
        assertThat(ins.kind()).isEqualTo(Operation.DataKind.INSERT);
        assertThat(ins.setColumns()).containsExactly("id", "name");
        Operation.DataChange upd = op(st.get(1), 0, Operation.DataChange.class);
        assertThat(upd.kind()).isEqualTo(Operation.DataKind.UPDATE);
        assertThat(upd.hasWhere()).isFalse();
        assertThat(upd.setColumns()).containsExactly("name");
        Operation.DataChange del = op(st.get(2), 0, Operation.DataChange.class);
        assertThat(del.kind()).isEqualTo(Operation.DataKind.DELETE);
        assertThat(del.hasWhere()).isTrue();
    }

    @Test
    void unreadableCodeIsReportedNeverSkipped() {
        String src = """
                def upgrade():
                    op.add_column(TABLE_FROM_CONFIG, sa.Column("x", sa.Integer()))
                    op.run_async(do_things)
                    session = Session(bind=op.get_bind())
                    session.query(User).update({"active": True})
                    while retry():
                        pass
                    op.add_column("t", sa.Column("y", sa.Integer(), $bad))
                    op.drop_table("ok")
                """;
        List<Statement> st = parse(src, Dialect.POSTGRESQL).statements();
        assertThat(st).hasSize(6);
        assertThat(st.subList(0, 5)).allSatisfy(s -> {
            assertThat(s.status()).isEqualTo(ParseStatus.UNPARSED);
            assertThat(s.operations()).singleElement().isInstanceOf(Operation.Unparsed.class);
        });
        assertThat(st).extracting(Statement::line).containsExactly(11, 12, 14, 15, 17, 18);
        assertThat(((Operation.Unparsed) st.get(0).operations().get(0)).reason()).contains("table_name is not a literal");
        assertThat(((Operation.Unparsed) st.get(1).operations().get(0)).reason()).contains("run_async");
        assertThat(st.get(5).status()).isEqualTo(ParseStatus.ORM);
    }

    @Test
    void downgradePartAndIgnoreDirectives() {
        String src = """
                def upgrade():
                    # db-migrate-ignore ban-drop-column
                    op.drop_column("users", "legacy")

                def downgrade():
                    raise NotImplementedError("one way")
                """;
        ParsedScript up = Parsers.parse(new Script(FILE, src, 1, Script.Language.PYTHON_ALEMBIC, "upgrade"), Dialect.POSTGRESQL);
        assertThat(up.statements()).singleElement().satisfies(s -> {
            assertThat(s.ignore()).isNotNull();
            assertThat(s.ignore().covers("ban-drop-column")).isTrue();
            assertThat(s.ignore().covers("renaming-column")).isFalse();
        });
        ParsedScript down = Parsers.parse(new Script(FILE, src, 1, Script.Language.PYTHON_ALEMBIC, "downgrade"), Dialect.POSTGRESQL);
        assertThat(down.statements()).singleElement().satisfies(s -> {
            assertThat(s.line()).isEqualTo(6);
            assertThat(s.reversible()).isFalse();
            assertThat(s.operations().get(0)).isInstanceOf(Operation.OpaqueCode.class);
        });
    }
}

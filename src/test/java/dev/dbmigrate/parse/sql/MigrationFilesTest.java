package dev.dbmigrate.parse.sql;

import static dev.dbmigrate.parse.sql.SqlTestSupport.LITE;
import static dev.dbmigrate.parse.sql.SqlTestSupport.MY;
import static dev.dbmigrate.parse.sql.SqlTestSupport.PG;
import static dev.dbmigrate.parse.sql.SqlTestSupport.fixture;
import static dev.dbmigrate.parse.sql.SqlTestSupport.parse;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.ColumnDef;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Parsers;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Whole migration files as the tools write them. */
class MigrationFilesTest {

    private static ParsedScript file(Dialect d, String path) {
        ParsedScript p = parse(d, fixture(path));
        assertThat(p.statements()).as(path).allSatisfy(s -> assertThat(s.status()).as(s.text()).isEqualTo(Statement.ParseStatus.FALLBACK));
        return p;
    }

    private static List<Operation> allOps(ParsedScript p) {
        return p.statements().stream().flatMap(s -> s.operations().stream()).toList();
    }

    private static <T extends Operation> List<T> opsOf(ParsedScript p, Class<T> type) {
        return allOps(p).stream().filter(type::isInstance).map(type::cast).toList();
    }

    @Test
    void prismaInitialMigration() {
        ParsedScript p = file(PG, "pg/prisma_init.sql");
        assertThat(p.statements()).hasSize(6);
        assertThat(p.statements().get(0).line()).isEqualTo(2);
        Operation.CreateTable user = opsOf(p, Operation.CreateTable.class).get(0);
        assertThat(user.table()).isEqualTo(TableRef.of("User"));
        assertThat(user.columns()).extracting(ColumnDef::name).containsExactly("id", "email", "name", "role", "createdAt", "updatedAt");
        assertThat(user.columns().get(0).type().name()).isEqualTo("serial");
        assertThat(user.columns().get(3).type().name()).isEqualTo("Role");
        assertThat(user.columns().get(4).type().name()).isEqualTo("timestamp");
        assertThat(user.constraints().get(0).name()).isEqualTo("User_pkey");
        Operation.CreateTable post = opsOf(p, Operation.CreateTable.class).get(1);
        assertThat(post.columns().get(5).type().array()).isTrue();
        assertThat(opsOf(p, Operation.CreateIndex.class)).extracting(ci -> ci.index().name() + ":" + ci.index().unique() + ":" + ci.index().columns())
                .containsExactly("User_email_key:true:[email]", "Post_authorId_idx:false:[authorId]");
        Operation.AddConstraint fk = opsOf(p, Operation.AddConstraint.class).get(0);
        assertThat(fk.table()).isEqualTo(TableRef.of("Post"));
        assertThat(fk.constraint().refTable()).isEqualTo(TableRef.of("User"));
        assertThat(fk.constraint().onDelete()).isEqualTo("RESTRICT");
        assertThat(fk.constraint().onUpdate()).isEqualTo("CASCADE");
        assertThat(fk.constraint().notValid()).isFalse();
    }

    @Test
    void prismaAlterMigrationWithWarningsComment() {
        ParsedScript p = file(PG, "pg/prisma_alter.sql");
        assertThat(allOps(p)).containsExactly(
                new Operation.AddEnumValue("Role", "MODERATOR", null, null, false),
                new Operation.DropColumn(TableRef.of("User"), "name", false, false),
                new Operation.AddColumn(TableRef.of("User"), ColumnDef.of("displayName", SqlTypes.parse(PG, "TEXT"), true, null), false),
                new Operation.AlterColumnType(TableRef.of("User"), "email", SqlTypes.parse(PG, "VARCHAR(320)"), null),
                new Operation.RenameIndex("Post_authorId_idx", "Post_author_idx", null));
        assertThat(p.statements().get(0).line()).isEqualTo(9);
    }

    @Test
    void railsStructureSqlFromPgDump() {
        ParsedScript p = file(PG, "pg/rails_structure.sql");
        List<Operation> ops = allOps(p);
        assertThat(opsOf(p, Operation.SessionSetting.class)).extracting(Operation.SessionSetting::name)
                .contains("statement_timeout", "lock_timeout", "search_path", "client_min_messages");
        assertThat(opsOf(p, Operation.SessionSetting.class).get(1)).isEqualTo(new Operation.SessionSetting("lock_timeout", "0", false));
        assertThat(opsOf(p, Operation.CreateEnum.class)).containsExactly(
                new Operation.CreateEnum("public.order_status", List.of("pending", "paid", "shipped")));
        Operation.CreateTable orders = opsOf(p, Operation.CreateTable.class).get(1);
        assertThat(orders.table()).isEqualTo(new TableRef("public", "orders"));
        assertThat(orders.columns().get(2).type().name()).isEqualTo("public.order_status");
        assertThat(orders.columns().get(2).defaultExpr()).isEqualTo("'pending'::public.order_status");
        assertThat(orders.columns().get(4).defaultExpr()).isEqualTo("gen_random_uuid()");
        assertThat(orders.columns().get(6).type()).satisfies(t -> {
            assertThat(t.name()).isEqualTo("timestamp");
            assertThat(t.args()).containsExactly("6");
        });
        assertThat(opsOf(p, Operation.AlterColumnDefault.class)).containsExactly(
                new Operation.AlterColumnDefault(new TableRef("public", "orders"), "id", "nextval('public.orders_id_seq'::regclass)"));
        assertThat(opsOf(p, Operation.CreateIndex.class).get(1).index().where()).isEqualTo("(notes IS NULL)");
        assertThat(opsOf(p, Operation.AddConstraint.class)).extracting(a -> a.constraint().name())
                .containsExactly("orders_pkey", "schema_migrations_pkey", "fk_rails_f868b47f6a");
        assertThat(ops.get(ops.size() - 1)).isEqualTo(new Operation.DataChange(Operation.DataKind.INSERT, TableRef.of("schema_migrations"), false, List.of("version")));
    }

    @Test
    void pgDumpIdioms() {
        ParsedScript p = file(PG, "pg/pg_dump_idioms.sql");
        assertThat(p.statements()).hasSize(29);
        assertThat(opsOf(p, Operation.AttachPartition.class)).containsExactly(
                new Operation.AttachPartition(new TableRef("public", "events"), new TableRef("public", "events_2024")));
        assertThat(opsOf(p, Operation.CreateTable.class).get(0).columns().get(1).collation()).isEqualTo("pg_catalog.default");
        assertThat(opsOf(p, Operation.AlterTableOther.class)).extracting(Operation.AlterTableOther::action)
                .containsExactly("ALTER COLUMN ADD GENERATED", "REPLICA IDENTITY", "OWNER TO");
        assertThat(opsOf(p, Operation.OtherDdl.class)).extracting(o -> o.verb() + " " + o.kind() + " " + o.name() + " " + o.table()).contains(
                "CREATE TEXT SEARCH CONFIGURATION public.simple_en null", "CREATE AGGREGATE public.array_accum null",
                "ALTER INDEX public.events_kind_idx null", "CREATE RULE _RETURN public.recent_events",
                "CREATE TRIGGER events_touch public.events", "CREATE USER MAPPING null null", "ALTER DEFAULT PRIVILEGES null null",
                "CREATE EVENT TRIGGER audit_ddl null", "CREATE STATISTICS public.events_stats null");
    }

    @Test
    void flywayMigrationWithFunctionTriggerAndDoBlock() {
        ParsedScript p = file(PG, "pg/flyway_V2__orders.sql");
        assertThat(p.statements()).hasSize(7);
        ColumnDef createdAt = opsOf(p, Operation.CreateTable.class).get(0).columns().get(4);
        assertThat(createdAt.defaultExpr()).isEqualTo("clock_timestamp()");
        List<Operation.OpaqueCode> bodies = opsOf(p, Operation.OpaqueCode.class);
        assertThat(bodies).hasSize(2);
        assertThat(bodies.get(0).containsDdl()).isFalse();
        assertThat(bodies.get(0).inner()).singleElement().isInstanceOf(Operation.DataChange.class);
        assertThat(bodies.get(1).description()).isEqualTo("DO block");
        assertThat(bodies.get(1).containsDdl()).isTrue();
        assertThat(bodies.get(1).inner()).containsExactly(new Operation.OtherDdl("CREATE", "ROLE", "reporting", null, false, false));
        assertThat(opsOf(p, Operation.SetComment.class)).hasSize(1);
    }

    @Test
    void golangMigrateConcurrentIndexWithTimeouts() {
        ParsedScript p = file(PG, "pg/golang_migrate_000003_add_status_index.up.sql");
        assertThat(p.noTransaction()).isFalse();
        Operation.CreateIndex ci = opsOf(p, Operation.CreateIndex.class).get(0);
        assertThat(ci.concurrently()).isTrue();
        assertThat(ci.ifNotExists()).isTrue();
        assertThat(ci.index().columns()).containsExactly("status", "created_at DESC");
        assertThat(ci.index().where()).isEqualTo("status <> 'archived'");
        assertThat(p.statements().get(2).line()).isEqualTo(4);
        assertThat(p.statements().get(2).endLine()).isEqualTo(6);
        assertThat(opsOf(p, Operation.AddConstraint.class).get(0).constraint().notValid()).isTrue();
        assertThat(opsOf(p, Operation.ValidateConstraint.class)).hasSize(1);
    }

    @Test
    void gooseUpSectionWithBlocksDirectivesAndStartLine() {
        Script up = new Script(Path.of("/p/db/migrations/20240301_users.sql"), fixture("pg/goose_up_section.sql"), 3, Script.Language.SQL, "up");
        ParsedScript p = Parsers.parse(up, PG);
        assertThat(p.noTransaction()).isTrue();
        assertThat(p.statements()).hasSize(3);
        Statement fn = p.statements().get(0);
        assertThat(fn.line()).isEqualTo(6);
        assertThat(fn.endLine()).isEqualTo(12);
        assertThat(fn.operations().get(1)).isInstanceOf(Operation.OpaqueCode.class);
        Statement idx = p.statements().get(1);
        assertThat(idx.ignore().line()).isEqualTo(15);
        assertThat(idx.ignore().rules()).containsExactly("require-concurrent-index-creation");
        assertThat(idx.line()).isEqualTo(16);
        assertThat(p.statements().get(2).operations().get(0))
                .isEqualTo(new Operation.DataChange(Operation.DataKind.UPDATE, TableRef.of("users"), true, List.of("email_normalized")));
    }

    @Test
    void dbmateNonTransactionalMigration() {
        ParsedScript p = file(PG, "pg/dbmate_no_tx.sql");
        assertThat(p.noTransaction()).isTrue();
        assertThat(allOps(p)).containsExactly(
                new Operation.AddEnumValue("order_status", "refunded", null, "paid", true),
                new Operation.DropIndex("orders_legacy_idx", null, true, true, false),
                new Operation.Reindex("INDEX", "orders_status_created_idx", true));
    }

    @Test
    void mysqlDelimiterFileWithProcedureAndTrigger() {
        ParsedScript p = file(MY, "mysql/procedures_and_triggers.sql");
        assertThat(p.statements()).hasSize(4);
        assertThat(p.statements().get(1).line()).isEqualTo(12);
        assertThat(p.statements().get(1).endLine()).isEqualTo(22);
        assertThat(p.statements().get(1).text()).endsWith("COMMIT;\nEND");
        Operation.OpaqueCode proc = (Operation.OpaqueCode) p.statements().get(1).operations().get(1);
        assertThat(proc.inner()).containsExactly(
                new Operation.DataChange(Operation.DataKind.UPDATE, TableRef.of("inventory"), true, List.of("reserved")));
        assertThat(p.statements().get(2).operations().get(0))
                .isEqualTo(new Operation.OtherDdl("CREATE", "TRIGGER", "inventory_bu", TableRef.of("inventory"), false, false));
        assertThat(p.statements().get(3).operations().get(1)).isEqualTo(new Operation.TableAlgorithmLock(TableRef.of("inventory"), "INSTANT", null));
        Operation.CreateTable inv = (Operation.CreateTable) p.statements().get(0).operations().get(0);
        assertThat(inv.columns().get(2).type().name()).isEqualTo("integer unsigned");
        assertThat(inv.constraints()).extracting(k -> k.kind().name()).containsExactly("PRIMARY_KEY", "CHECK");
    }

    @Test
    void mysqldumpStyleFile() {
        ParsedScript p = file(MY, "mysql/dump_style.sql");
        assertThat(p.statements()).hasSize(14);
        assertThat(opsOf(p, Operation.DropTable.class)).hasSize(1);
        assertThat(opsOf(p, Operation.OtherDdl.class)).contains(new Operation.OtherDdl("CREATE", "TRIGGER", "users_bi", TableRef.of("users"), false, false));
        assertThat(p.statements().get(12).line()).isEqualTo(26);
        assertThat(opsOf(p, Operation.LockTable.class)).singleElement().extracting(Operation.LockTable::mode).isEqualTo("WRITE");
        assertThat(opsOf(p, Operation.DataChange.class)).singleElement().extracting(Operation.DataChange::table).isEqualTo(TableRef.of("users"));
        assertThat(opsOf(p, Operation.SessionSetting.class)).extracting(Operation.SessionSetting::name).contains("foreign_key_checks", "names");
    }

    @Test
    void sqliteTableRebuildWithTrigger() {
        ParsedScript p = file(LITE, "sqlite/app_migrations.sql");
        List<Operation> ops = allOps(p);
        assertThat(ops.get(0)).isEqualTo(new Operation.SessionSetting("foreign_keys", "OFF", false));
        assertThat(ops.get(1)).isEqualTo(new Operation.TransactionControl(Operation.TxKind.BEGIN));
        assertThat(opsOf(p, Operation.RenameTable.class)).containsExactly(new Operation.RenameTable(TableRef.of("new_users"), "users"));
        Operation.OpaqueCode trigger = opsOf(p, Operation.OpaqueCode.class).get(0);
        assertThat(trigger.inner()).singleElement().isInstanceOfSatisfying(Operation.DataChange.class, d -> assertThat(d.hasWhere()).isTrue());
        assertThat(ops.get(ops.size() - 1)).isEqualTo(new Operation.SessionSetting("foreign_keys", "ON", false));
        assertThat(p.statements()).hasSize(11);
    }
}

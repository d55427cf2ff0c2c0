package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.analyse.rules.compat.BanDropNotNull;
import dev.dbmigrate.analyse.rules.compat.RenamingColumn;
import dev.dbmigrate.analyse.rules.compat.RenamingTable;
import dev.dbmigrate.analyse.rules.data.AddingRequiredField;
import dev.dbmigrate.analyse.rules.destructive.BanDropColumn;
import dev.dbmigrate.analyse.rules.destructive.BanDropDatabase;
import dev.dbmigrate.analyse.rules.destructive.BanDropTable;
import dev.dbmigrate.analyse.rules.destructive.BanTruncate;
import dev.dbmigrate.analyse.rules.destructive.DeleteWithoutWhere;
import dev.dbmigrate.analyse.rules.destructive.NarrowingColumnType;
import dev.dbmigrate.analyse.rules.destructive.UpdateWithoutWhere;
import dev.dbmigrate.analyse.rules.locking.AddingFieldWithDefault;
import dev.dbmigrate.analyse.rules.locking.AddingForeignKeyConstraint;
import dev.dbmigrate.analyse.rules.locking.AddingNotNullableField;
import dev.dbmigrate.analyse.rules.locking.AddingSerialPrimaryKeyField;
import dev.dbmigrate.analyse.rules.locking.BackfillInDdlTransaction;
import dev.dbmigrate.analyse.rules.locking.ChangingColumnType;
import dev.dbmigrate.analyse.rules.locking.ConstraintMissingNotValid;
import dev.dbmigrate.analyse.rules.locking.DisallowedUniqueConstraint;
import dev.dbmigrate.analyse.rules.locking.ForeignKeyMissingIndex;
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentIndexCreation;
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentIndexDeletion;
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentPartitionDetach;
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentReindex;
import dev.dbmigrate.analyse.rules.locking.RequireLockTimeout;
import dev.dbmigrate.analyse.rules.mysql.MysqlInlineReferencesIgnored;
import dev.dbmigrate.analyse.rules.mysql.MysqlLockOption;
import dev.dbmigrate.analyse.rules.mysql.MysqlTableCopy;
import dev.dbmigrate.analyse.rules.sqlite.SqliteAddColumnRestriction;
import dev.dbmigrate.analyse.rules.sqlite.SqliteForeignKeysPragmaInTransaction;
import dev.dbmigrate.analyse.rules.sqlite.SqliteUnsupportedAlter;
import dev.dbmigrate.analyse.rules.style.BanCharField;
import dev.dbmigrate.analyse.rules.style.ForeignKeyMissingOnDelete;
import dev.dbmigrate.analyse.rules.style.IdentifierTooLong;
import dev.dbmigrate.analyse.rules.style.PreferBigintOverInt;
import dev.dbmigrate.analyse.rules.style.PreferIdentity;
import dev.dbmigrate.analyse.rules.style.PreferJsonb;
import dev.dbmigrate.analyse.rules.style.PreferRobustStmts;
import dev.dbmigrate.analyse.rules.style.PreferTextField;
import dev.dbmigrate.analyse.rules.style.PreferTimestamptz;
import dev.dbmigrate.analyse.rules.transaction.BanConcurrentIndexCreationInTransaction;
import dev.dbmigrate.analyse.rules.transaction.BanUncommittedTransaction;
import dev.dbmigrate.analyse.rules.transaction.TransactionNesting;
import dev.dbmigrate.analyse.rules.visibility.ConcurrentIndexIfNotExists;
import dev.dbmigrate.analyse.rules.visibility.DdlInDoBlock;
import dev.dbmigrate.analyse.rules.visibility.MissingReverseCode;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The registry of rules. One line per rule; keep the list grouped as the rule catalog is. */
public final class Rules {

    private static final List<Supplier<Rule>> ALL = List.of(
            // destructive
            BanDropTable::new,
            BanDropColumn::new,
            BanDropDatabase::new,
            BanTruncate::new,
            DeleteWithoutWhere::new,
            UpdateWithoutWhere::new,
            NarrowingColumnType::new,
            // locking
            RequireConcurrentIndexCreation::new,
            RequireConcurrentIndexDeletion::new,
            RequireConcurrentReindex::new,
            RequireConcurrentPartitionDetach::new,
            AddingForeignKeyConstraint::new,
            ConstraintMissingNotValid::new,
            AddingNotNullableField::new,
            DisallowedUniqueConstraint::new,
            AddingSerialPrimaryKeyField::new,
            ChangingColumnType::new,
            AddingFieldWithDefault::new,
            RequireLockTimeout::new,
            // data
            AddingRequiredField::new,
            // compat
            RenamingColumn::new,
            RenamingTable::new,
            BanDropNotNull::new,
            // transaction
            BanConcurrentIndexCreationInTransaction::new,
            TransactionNesting::new,
            BanUncommittedTransaction::new,
            // style
            PreferBigintOverInt::new,
            PreferIdentity::new,
            PreferTextField::new,
            PreferTimestamptz::new,
            BanCharField::new,
            PreferJsonb::new,
            IdentifierTooLong::new,
            PreferRobustStmts::new,
            // ours
            ConcurrentIndexIfNotExists::new,
            ForeignKeyMissingIndex::new,
            ForeignKeyMissingOnDelete::new,
            DdlInDoBlock::new,
            BackfillInDdlTransaction::new,
            MissingReverseCode::new,
            // mysql / mariadb
            MysqlTableCopy::new,
            MysqlLockOption::new,
            MysqlInlineReferencesIgnored::new,
            // sqlite
            SqliteUnsupportedAlter::new,
            SqliteAddColumnRestriction::new,
            SqliteForeignKeysPragmaInTransaction::new
    );

    private Rules() {}

    /** Factories for every rule (a fresh instance per checked migration). */
    public static List<Supplier<Rule>> all() {
        return ALL;
    }

    /** One instance of each rule, for listing ids, summaries and categories. */
    public static List<Rule> catalog() {
        List<Rule> out = new ArrayList<>();
        for (Supplier<Rule> s : ALL) out.add(s.get());
        return out;
    }
}

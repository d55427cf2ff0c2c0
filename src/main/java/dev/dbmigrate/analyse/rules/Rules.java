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
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentIndexCreation;
import dev.dbmigrate.analyse.rules.mysql.MysqlInlineReferencesIgnored;
import dev.dbmigrate.analyse.rules.mysql.MysqlLockOption;
import dev.dbmigrate.analyse.rules.mysql.MysqlTableCopy;
import dev.dbmigrate.analyse.rules.sqlite.SqliteAddColumnRestriction;
import dev.dbmigrate.analyse.rules.sqlite.SqliteForeignKeysPragmaInTransaction;
import dev.dbmigrate.analyse.rules.sqlite.SqliteUnsupportedAlter;
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
            // data
            AddingRequiredField::new,
            // compat
            RenamingColumn::new,
            RenamingTable::new,
            BanDropNotNull::new,
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

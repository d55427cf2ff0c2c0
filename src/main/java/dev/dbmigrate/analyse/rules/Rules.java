package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.analyse.rules.destructive.BanDropTable;
import dev.dbmigrate.analyse.rules.locking.RequireConcurrentIndexCreation;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/** The registry of rules. One line per rule; keep the list grouped as the rule catalog is. */
public final class Rules {

    private static final List<Supplier<Rule>> ALL = List.of(
            // destructive
            BanDropTable::new,
            // locking
            RequireConcurrentIndexCreation::new
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

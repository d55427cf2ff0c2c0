package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Severity;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Declares a rule's identity, the way Error Prone's {@code @BugPattern} does. Every {@link Rule}
 * class carries one. Ids are a contract (users, config files and ignore comments refer to them):
 * never rename one.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface RuleSpec {

    /** The rule id from the rule catalog, e.g. "require-concurrent-index-creation". */
    String id();

    /** One line: what it catches. */
    String summary();

    Category category();

    Severity severity();

    /** Dialects the rule applies to. MySQL-family rules list both MYSQL and MARIADB. */
    Dialect[] dialects() default {Dialect.POSTGRESQL, Dialect.MYSQL, Dialect.MARIADB, Dialect.SQLITE};
}

package dev.dbmigrate.parse.js;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.SqlType;
import dev.dbmigrate.parse.sql.SqlTypes;
import java.util.ArrayList;
import java.util.List;

/**
 * Column types for the ORM readers: {@link #of} builds a {@link SqlType} from a canonical name and
 * the SQL the ORM writes; {@link #parse} reads a type written as SQL text (Knex
 * {@code specificType}, TypeORM {@code type: 'varchar'}, Rails string types) into the canonical
 * names of {@link SqlType}'s javadoc ({@code int4 -> integer}, {@code character varying -> varchar},
 * {@code timestamp with time zone -> timestamptz}, {@code text[]} arrays...).
 */
public final class TypeText {

    private TypeText() {}

    /** A type with canonical {@code name}, arguments and the SQL text the ORM writes for it. */
    public static SqlType of(String name, String raw, Object... args) {
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            if (o != null) a.add(String.valueOf(o));
        }
        return new SqlType(name, a, false, raw);
    }

    /** Reads a type written as SQL through the SQL engine's type reader; never throws. */
    public static SqlType parse(String text, Dialect dialect) {
        if (text == null || text.isBlank()) return null;
        return SqlTypes.parse(dialect, text.trim());
    }

    /** The canonical name of a base type name for the dialect. */
    public static String canonical(String base, Dialect dialect) {
        return SqlTypes.canonicalName(dialect, base);
    }
}

package dev.dbmigrate.analyse.rules;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.TableRef;
import dev.dbmigrate.parse.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/** Helpers for the SQL that rules put in their fixes. */
public final class SqlText {

    private SqlText() {}

    public static String quote(Dialect d, String name) {
        return Identifiers.quote(d, name);
    }

    public static String table(Dialect d, TableRef t) {
        return t.schema() == null ? quote(d, t.name()) : quote(d, t.schema()) + "." + quote(d, t.name());
    }

    public static String columns(Dialect d, List<String> cols) {
        return cols.stream().map(c -> c.matches("[A-Za-z_][A-Za-z0-9_$]*") ? quote(d, c) : c).collect(Collectors.joining(", "));
    }
}

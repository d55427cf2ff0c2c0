package dev.dbmigrate.parse;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import java.util.List;

/** Dispatches a {@link Script} to the parser for its language. Register new parsers in {@link #PARSERS}. */
public final class Parsers {

    /** One line per parser; keep the list sorted by language. */
    private static final List<ScriptParser> PARSERS = List.of(
            new dev.dbmigrate.parse.js.JsMigrationParser(),
            new dev.dbmigrate.parse.liquibase.LiquibaseParser(),
            new dev.dbmigrate.parse.python.alembic.AlembicParser(),
            new dev.dbmigrate.parse.python.django.DjangoParser(),
            new dev.dbmigrate.parse.ruby.RailsParser(),
            new dev.dbmigrate.parse.sql.SqlScriptParser()
    );

    private Parsers() {}

    public static ParsedScript parse(Script script, Dialect dialect) {
        for (ScriptParser p : PARSERS) {
            if (p.supports(script.language())) return p.parse(script, dialect);
        }
        throw new InputException(script.file() + ": no parser for " + script.language() + " migrations in this build");
    }
}

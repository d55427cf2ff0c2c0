package dev.dbmigrate.parse.ruby;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ScriptParser;
import java.util.List;

public final class RailsParser implements ScriptParser {
    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.RUBY;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        return new ParsedScript(script, List.of(), false, 0, false);
    }
}

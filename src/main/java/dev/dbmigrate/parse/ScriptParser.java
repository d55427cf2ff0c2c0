package dev.dbmigrate.parse;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;

/** Turns a {@link Script} into statements and operations (parse stage). One per source language. */
public interface ScriptParser {

    boolean supports(Script.Language language);

    /**
     * Never throws for bad content: anything not understood becomes a statement with status
     * UNPARSED and an {@link dev.dbmigrate.model.Operation.Unparsed} saying why, at its line.
     */
    ParsedScript parse(Script script, Dialect dialect);
}

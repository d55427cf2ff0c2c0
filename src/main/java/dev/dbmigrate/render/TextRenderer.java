package dev.dbmigrate.render;

import dev.dbmigrate.analyse.drift.DriftResult;
import dev.dbmigrate.analyse.history.HistoryResult;
import dev.dbmigrate.analyse.rollback.RollbackResult;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.detect.DetectResult;

/** Text rendering of every result record (CLI default format, and the text content of MCP results). */
public final class TextRenderer {

    private TextRenderer() {}

    public static String render(Object result) {
        if (result instanceof DetectResult r) return DetectText.render(r);
        if (result instanceof ValidateResult r) return ValidateText.render(r);
        if (result instanceof RollbackResult r) return RollbackText.render(r);
        if (result instanceof HistoryResult r) return HistoryText.render(r);
        if (result instanceof DriftResult r) return DriftText.render(r);
        if (result instanceof dev.dbmigrate.db.dryrun.DryRunResult r) return DryRunText.render(r);
        if (result instanceof String s) return s;
        return Json.pretty(result);
    }
}

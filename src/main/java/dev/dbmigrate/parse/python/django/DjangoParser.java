package dev.dbmigrate.parse.python.django;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.parse.ScriptParser;
import dev.dbmigrate.parse.python.PyParser;
import java.nio.file.Path;

/**
 * Parses a Django migration file ({@link Script.Language#PYTHON_DJANGO}): one statement per
 * operation, status ORM, positioned at the operation's call. {@link Script#part()} "reverse"
 * yields what Django runs when the migration is unapplied; anything else the forwards run. The
 * project state before the migration comes from {@link DjangoProject#contextOf} (see there why).
 *
 * <p>Understood: CreateModel (fields, db_table, managed, proxy, unique_together, index_together,
 * indexes, constraints, db_table_comment, order_with_respect_to), DeleteModel, RenameModel,
 * AlterModelTable, AlterModelTableComment, AlterUniqueTogether, AlterIndexTogether,
 * AlterModelOptions / AlterModelManagers (no database change), AlterOrderWithRespectTo, AddField,
 * RemoveField, AlterField (preserve_default), RenameField, AddIndex / RemoveIndex / RenameIndex,
 * AddIndexConcurrently / RemoveIndexConcurrently, AddConstraint / RemoveConstraint
 * (UniqueConstraint, CheckConstraint with Q objects, ExclusionConstraint), AddConstraintNotValid,
 * ValidateConstraint, RunSQL (sql / reverse_sql as strings or lists, to the SQL engine;
 * state_operations), RunPython (opaque code; {@code schema_editor.execute} SQL and
 * {@code apps.get_model} ORM updates seen inside; RunPython.noop), SeparateDatabaseAndState
 * (database_operations run, state_operations followed), CreateExtension and its shortcuts,
 * CreateCollation / RemoveCollation.
 *
 * <p>Unreadable (UNPARSED, with the reason): operations that are not Django built-ins (custom
 * Operation subclasses), arguments that are not literals, a model or field that earlier
 * migrations did not define.
 */
public final class DjangoParser implements ScriptParser {

    public static final String REVERSE = "reverse";

    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.PYTHON_DJANGO;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        DjangoProject.Context ctx;
        try {
            ctx = DjangoProject.contextOf(script.file());
        } catch (RuntimeException e) {
            ctx = null;
        }
        return parse(script, dialect, ctx);
    }

    /** Parses with an explicit context (app label, prior state, settings); null = app from the path, empty state. */
    public static ParsedScript parse(Script script, Dialect dialect, DjangoProject.Context ctx) {
        String app = ctx != null ? ctx.app() : appFromPath(script.file());
        DjangoState before = ctx != null ? ctx.before() : DjangoState.EMPTY;
        DjangoSettings settings = ctx != null ? ctx.settings() : DjangoSettings.DEFAULT;
        Dialect d = dialect != null ? dialect : settings.dialect();
        DjangoTranslator t = new DjangoTranslator(script, d, PyParser.parse(script.text(), script.startLine()), app, settings);
        return t.translate(before, !REVERSE.equals(script.part()));
    }

    /** {@code .../<app>/migrations/0001_x.py} -> "app". */
    private static String appFromPath(Path file) {
        if (file == null || file.getParent() == null || file.getParent().getParent() == null) return "app";
        Path parent = file.getParent();
        return parent.getFileName().toString().equals("migrations") ? parent.getParent().getFileName().toString() : "app";
    }
}

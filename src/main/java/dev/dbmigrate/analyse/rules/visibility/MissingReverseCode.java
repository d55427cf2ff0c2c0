package dev.dbmigrate.analyse.rules.visibility;

import dev.dbmigrate.analyse.rules.Category;
import dev.dbmigrate.analyse.rules.MigrationContext;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.RuleSpec;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Severity;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import java.nio.file.Path;
import java.util.List;

/**
 * A migration step that cannot be undone: the tool supports a down part and this migration has
 * none or an empty one ({@link Migration#downKind()} MISSING / EMPTY), or an ORM step that carries
 * its own reverse was given none ({@link Statement#reversible()} FALSE: Django RunPython / RunSQL).
 * Tools without downs at all (Prisma, DownKind UNSUPPORTED) get nothing.
 */
@RuleSpec(
        id = "missing-reverse-code",
        summary = "A migration step that cannot be undone",
        category = Category.VISIBILITY,
        severity = Severity.WARNING)
public final class MissingReverseCode extends Rule {

    @Override
    public void finish(MigrationContext ctx) {
        Migration m = ctx.migration();
        List<Statement> statements = ctx.script().statements();
        if (m != null && (m.downKind() == DownKind.MISSING || m.downKind() == DownKind.EMPTY)) {
            Statement at = m.downKind() == DownKind.EMPTY && m.down() != null ? locate(m.down())
                    : statements.isEmpty() ? locate(ctx.script().script()) : statements.get(0);
            String tool = m.tool() == null ? "the tool" : m.tool().id();
            String name = m.file() != null ? m.file().getFileName().toString() : m.id();
            ctx.report(this, at,
                    m.downKind() == DownKind.MISSING
                            ? "Migration " + name + " has no down part although " + tool + " supports one: it cannot be rolled back with the tool, so a bad deploy"
                                    + " has to be undone by hand under pressure"
                            : "The down part of migration " + name + " is empty: rolling it back reports success and changes nothing",
                    null, howToWriteDown(m));
        }
        for (Statement st : statements) {
            if (Boolean.FALSE.equals(st.reversible())) {
                ctx.report(this, st,
                        "This step has no reverse: migrating back past it fails (Django raises IrreversibleError), so the migrations before it cannot"
                                + " be rolled back either",
                        null,
                        "# give it a reverse, or say explicitly that undoing it needs nothing:\n"
                                + "migrations.RunPython(forwards, reverse_code=backwards)        # or reverse_code=migrations.RunPython.noop\n"
                                + "migrations.RunSQL(sql, reverse_sql=\"...\")                   # or reverse_sql=migrations.RunSQL.noop");
            }
        }
    }

    /** A statement-shaped location at the first line of a script, for findings about the script itself. */
    private static Statement locate(Script s) {
        Path f = s.file();
        return new Statement(f == null ? null : f.toString(), Math.max(1, s.startLine()), 1, Math.max(1, s.startLine()), 1, null, List.of(),
                Statement.ParseStatus.ORM, null, null);
    }

    private static String howToWriteDown(Migration m) {
        Tool t = m.tool();
        if (t == null) return "-- write the statements that undo this migration";
        String base = m.file() == null ? "<migration>" : m.file().getFileName().toString();
        return switch (t) {
            case GOLANG_MIGRATE -> "-- create " + base.replace(".up.sql", ".down.sql") + " with the statements that undo this migration, in reverse order";
            case GOOSE -> "-- add a down section to " + base + ":\n-- +goose Down\n-- statements that undo the Up section, in reverse order";
            case DBMATE -> "-- add a down section to " + base + ":\n-- migrate:down\n-- statements that undo the up section, in reverse order";
            case ALEMBIC -> "# fill in downgrade() with the op.* calls that undo upgrade(), in reverse order";
            case DIESEL -> "-- write down.sql next to up.sql with the statements that undo it, in reverse order";
            case SQLX -> "-- add " + base.replace(".up.sql", ".down.sql") + " (reversible migrations: sqlx migrate add -r) with the statements that undo it";
            case KNEX -> "// fill in exports.down with the schema calls that undo exports.up, in reverse order";
            case TYPEORM -> "// fill in down() with the queries that undo up(), in reverse order";
            case SEQUELIZE -> "// fill in down() with the queryInterface calls that undo up(), in reverse order";
            case RAILS -> "# use reversible steps in change, or write an explicit down method";
            case LIQUIBASE -> "<!-- add a <rollback> block to the changeSet -->";
            case FLYWAY -> "-- add an undo migration U<version>__<name>.sql (Flyway Teams) with the statements that undo it";
            default -> "-- write the statements that undo this migration, in reverse order";
        };
    }
}

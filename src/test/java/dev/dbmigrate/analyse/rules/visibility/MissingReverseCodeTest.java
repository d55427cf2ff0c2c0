package dev.dbmigrate.analyse.rules.visibility;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.rules.AnalysisSettings;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.RuleEngine;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.schema.Schema;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class MissingReverseCodeTest {

    static List<Finding> run(Migration m, ParsedScript ps) {
        return new RuleEngine(AnalysisSettings.defaults(Dialect.POSTGRESQL), List.of(MissingReverseCode::new))
                .check(ps, m, new Schema(Dialect.POSTGRESQL), null);
    }

    static ParsedScript sql(Path file, String text) {
        return Parsers.parse(Script.sql(file, text), Dialect.POSTGRESQL);
    }

    static Migration migration(Tool tool, Path file, Script up, Script down, DownKind kind) {
        return new Migration(tool, "20240102_add_phone", "add_phone", "20240102", file, up, down, kind, false, List.of(), java.util.Map.of());
    }

    @Test
    void bad_golangMigrateWithoutDownFile() {
        Path up = Path.of("/p/migrations/20240102_add_phone.up.sql");
        ParsedScript ps = sql(up, "\nALTER TABLE users ADD COLUMN phone text;");
        Finding f = run(migration(Tool.GOLANG_MIGRATE, up, ps.script(), null, DownKind.MISSING), ps).get(0);
        assertThat(f.line()).isEqualTo(2);
        assertThat(f.category()).isEqualTo("visibility");
        assertThat(f.message()).contains("20240102_add_phone.up.sql", "no down part", "golang-migrate supports one");
        assertThat(f.fix()).contains("create 20240102_add_phone.down.sql");
    }

    @Test
    void bad_alembicEmptyDowngradePointsAtTheDowngradeFunction() {
        Path file = Path.of("/p/alembic/versions/ab12_add_phone.py");
        Script up = new Script(file, "op.add_column('users', sa.Column('phone', sa.Text()))", 10, Script.Language.PYTHON_ALEMBIC, "upgrade");
        Script down = new Script(file, "pass", 14, Script.Language.PYTHON_ALEMBIC, "downgrade");
        Statement st = new Statement(file.toString(), 10, 5, 10, 60, up.text(), List.of(), Statement.ParseStatus.ORM, null, null);
        List<Finding> f = run(migration(Tool.ALEMBIC, file, up, down, DownKind.EMPTY), new ParsedScript(up, List.of(st), false, 0, false));
        assertThat(f).singleElement().satisfies(x -> {
            assertThat(x.line()).isEqualTo(14);
            assertThat(x.file()).isEqualTo(file.toString());
            assertThat(x.message()).contains("empty", "changes nothing");
            assertThat(x.fix()).contains("downgrade()");
        });
    }

    @Test
    void bad_djangoRunPythonWithoutReverseOnePerStep() {
        Path file = Path.of("/p/shop/migrations/0007_backfill.py");
        Script up = new Script(file, "", 1, Script.Language.PYTHON_DJANGO, null);
        Statement runPython = new Statement(file.toString(), 20, 9, 20, 40, "migrations.RunPython(forwards)",
                List.of(new Operation.OpaqueCode("python", "RunPython(forwards)", false, List.of())), Statement.ParseStatus.ORM, null, false);
        Statement withReverse = new Statement(file.toString(), 21, 9, 21, 60, "migrations.RunSQL(sql, reverse_sql=back)",
                List.of(), Statement.ParseStatus.ORM, null, true);
        Statement runSql = new Statement(file.toString(), 22, 9, 22, 40, "migrations.RunSQL(sql)", List.of(), Statement.ParseStatus.ORM, null, false);
        List<Finding> f = run(migration(Tool.DJANGO, file, up, null, DownKind.PRESENT), new ParsedScript(up, List.of(runPython, withReverse, runSql), false, 0, false));
        assertThat(f).extracting(Finding::line).containsExactly(20, 22);
        assertThat(f.get(0).fix()).contains("reverse_code=", "RunPython.noop");
    }

    @Test
    void good_downPresentOrToolWithoutDowns() {
        Path up = Path.of("/p/migrations/2_add_phone.up.sql");
        ParsedScript ps = sql(up, "ALTER TABLE users ADD COLUMN phone text;");
        assertThat(run(migration(Tool.GOLANG_MIGRATE, up, ps.script(), Script.sql(Path.of("/p/migrations/2_add_phone.down.sql"), "ALTER TABLE users DROP COLUMN phone;"),
                DownKind.PRESENT), ps)).isEmpty();
        assertThat(run(migration(Tool.PRISMA, up, ps.script(), null, DownKind.UNSUPPORTED), ps)).isEmpty();
        assertThat(run(null, ps)).isEmpty();
    }
}

package dev.dbmigrate.read.django;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.python.django.DjangoMigrationFile;
import dev.dbmigrate.parse.python.django.DjangoMigrationFile.Key;
import dev.dbmigrate.parse.python.django.DjangoParser;
import dev.dbmigrate.parse.python.django.DjangoProject;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a Django project (the folder holding manage.py): every app's migrations in Django's own
 * apply order, as {@link DjangoProject} resolves them. Migration id {@code app.0001_name} (what
 * django_migrations records as app + name), version the migration name, up = the file (language
 * PYTHON_DJANGO), down = the same file with part "reverse" (Django derives the reverse of every
 * operation; RunPython / RunSQL without a reverse make it fail, which the parsed statements say).
 * {@code transactional}: the migration's {@code atomic} (default true) on backends that can roll
 * back DDL (PostgreSQL, SQLite); false on MySQL/MariaDB. Squashed migrations are listed in place
 * of the migrations they replace, which are named in the {@code replaced} attribute.
 */
public final class DjangoReader implements MigrationReader {

    @Override
    public Tool tool() {
        return Tool.DJANGO;
    }

    @Override
    public ReadResult read(ReadContext context) {
        Path root = context.projectRoot().toAbsolutePath().normalize();
        DjangoProject project = DjangoProject.load(root);
        if (project.apps().isEmpty()) throw new InputException(root + ": no Django app with a migrations package found");
        Dialect dialect = context.dialect() != null ? context.dialect() : project.settings().dialect();
        List<Migration> migrations = new ArrayList<>();
        for (DjangoProject.Node n : project.plan()) migrations.add(migration(n, dialect));
        List<ReadResult.Problem> problems = new ArrayList<>();
        for (DjangoProject.Problem p : project.problems()) problems.add(new ReadResult.Problem(p.kind(), p.message(), p.ids()));
        return new ReadResult(migrations, problems);
    }

    private static Migration migration(DjangoProject.Node n, Dialect dialect) {
        DjangoMigrationFile f = n.file();
        Map<String, Object> attrs = new LinkedHashMap<>();
        attrs.put("app", n.key().app());
        attrs.put("migrationName", f.name());
        attrs.put("atomic", f.atomic());
        attrs.put("initial", f.initial());
        attrs.put("dependencies", f.dependencies().stream().map(Key::id).toList());
        if (!n.external().isEmpty()) attrs.put("externalDependencies", List.copyOf(n.external()));
        if (!f.replaces().isEmpty()) {
            attrs.put("replaces", f.replaces().stream().map(Key::id).toList());
            attrs.put("replaced", n.replaced().stream().map(Key::id).toList());
        }
        if (!f.runBefore().isEmpty()) attrs.put("runBefore", f.runBefore().stream().map(Key::id).toList());
        if (dialect != null) attrs.put("dialect", dialect.id());
        String text = f.module().source();
        Script up = new Script(f.file(), text, 1, Script.Language.PYTHON_DJANGO, null);
        Script down = new Script(f.file(), text, 1, Script.Language.PYTHON_DJANGO, DjangoParser.REVERSE);
        Boolean transactional = dialect == null ? f.atomic() : f.atomic() && !dialect.isMysqlFamily();
        String description = f.name().replaceFirst("^\\d+_", "");
        return new Migration(Tool.DJANGO, n.key().id(), description, f.name(), f.file(), up, down, DownKind.PRESENT, transactional,
                n.parents().stream().map(Key::id).toList(), attrs);
    }
}

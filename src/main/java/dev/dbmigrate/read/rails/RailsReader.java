package dev.dbmigrate.read.rails;

import static dev.dbmigrate.read.support.ReadSupport.problem;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.MigrationReader;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult;
import dev.dbmigrate.read.ReadResult.Problem;
import dev.dbmigrate.read.support.JsFunctions.Found;
import dev.dbmigrate.read.support.MigrationBuilder;
import dev.dbmigrate.read.support.ReadSupport;
import dev.dbmigrate.read.support.RubyMethods;
import dev.dbmigrate.read.support.SourceMask;
import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rails (Active Record): {@code db/migrate/**}{@code /<version>_<name>.rb}, as Rails finds them
 * (files matching {@code [0-9]*_*.rb}, names checked against {@code \A([0-9]+)_([_a-z0-9]*)\.?([_a-z0-9]*)?\.rb\z}),
 * run in numeric version order. id = version = the leading number as written
 * ({@code schema_migrations.version}); name = the snake_case name.
 *
 * <p>Scripts are RUBY. When the class defines {@code change}, the up is that method and the down
 * is null with downKind MISSING and attribute {@code autoRollback = true} (Rails inverts
 * {@code change} itself; no "missing-down" is reported). With {@code up}/{@code down} methods they
 * are the up and down. {@code disable_ddl_transaction!} makes the migration non-transactional.
 * Rails refuses to run a project with a bad file name, a duplicate version or name, or a file
 * whose class is not the camelized name ("invalid-file", "duplicate-version", "duplicate-name").
 *
 * <p>Attributes: {@code className} (String), {@code railsVersion} (String, from
 * {@code ActiveRecord::Migration[7.1]}), {@code autoRollback} (Boolean), {@code irreversible}
 * (Boolean, when the down raises {@code ActiveRecord::IrreversibleMigration}), {@code scope}
 * (String, the engine scope of {@code 20240101_x.engine.rb}).
 */
public final class RailsReader implements MigrationReader {

    private static final Pattern NO_TRANSACTION = Pattern.compile("(?m)^\\s*disable_ddl_transaction!");

    private static final Pattern NAME = Pattern.compile("\\A([0-9]+)_([_a-z0-9]*)\\.?([_a-z0-9]*)?\\.rb\\z");
    private static final Pattern GLOB = Pattern.compile("[0-9].*_.*\\.rb");
    private static final Pattern CLASS = Pattern.compile("(?m)^\\s*class\\s+([A-Z]\\w*(?:::[A-Z]\\w*)*)\\s*<\\s*ActiveRecord::Migration(?:\\[([0-9.]+)\\])?");

    @Override
    public Tool tool() {
        return Tool.RAILS;
    }

    private record Entry(Path file, String version, String name, String scope) {}

    @Override
    public ReadResult read(ReadContext ctx) {
        Path dir = ReadSupport.locate(ctx, "Rails", "db/migrate");
        List<Problem> problems = new ArrayList<>();
        List<Entry> entries = new ArrayList<>();
        for (Path f : ReadSupport.filesRecursive(dir)) {
            String n = f.getFileName().toString();
            if (!GLOB.matcher(n).matches()) continue;
            Matcher m = NAME.matcher(n);
            if (!m.matches()) {
                problems.add(problem("invalid-file", f + ": Rails refuses the name (IllegalMigrationNameError: expected <timestamp>_<snake_case_name>.rb)", n));
                continue;
            }
            entries.add(new Entry(f, m.group(1), m.group(2), m.group(3).isEmpty() ? null : m.group(3)));
        }
        entries.sort(Comparator.comparing((Entry e) -> new BigInteger(e.version)));
        problems.addAll(ReadSupport.duplicates(entries, e -> new BigInteger(e.version).toString(), e -> e.file.getFileName().toString(),
                "Rails refuses to migrate (DuplicateMigrationVersionError)"));
        Map<String, List<String>> byName = new HashMap<>();
        entries.forEach(e -> byName.computeIfAbsent(e.name, k -> new ArrayList<>()).add(e.file.getFileName().toString()));
        byName.forEach((name, files) -> {
            if (files.size() > 1) {
                problems.add(new Problem("duplicate-name", "migration name " + name + " is used by " + String.join(", ", files)
                        + "; Rails refuses to migrate (DuplicateMigrationNameError)", files));
            }
        });
        List<Migration> out = new ArrayList<>();
        for (Entry e : entries) out.add(migration(e, problems));
        return new ReadResult(out, problems);
    }

    static String camelize(String snake) {
        StringBuilder sb = new StringBuilder();
        for (String part : snake.split("_")) {
            if (!part.isEmpty()) sb.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
        }
        return sb.toString();
    }

    private Migration migration(Entry e, List<Problem> problems) {
        String className = camelize(e.name);
        MigrationBuilder b = new MigrationBuilder(Tool.RAILS).id(e.version).version(e.version).name(e.name).file(e.file)
                .attr("className", className).attr("scope", e.scope);
        String text = ReadSupport.readText(e.file, problems).orElse(null);
        if (text == null) return b.downKind(DownKind.MISSING).build();
        String masked = SourceMask.ruby(text);
        Matcher c = CLASS.matcher(masked);
        if (c.find()) {
            b.attr("railsVersion", c.group(2));
            String declared = c.group(1).substring(c.group(1).lastIndexOf(':') + 1);
            if (!declared.equals(className)) {
                problems.add(problem("invalid-file", e.file + ": declares class " + declared + " but Rails loads " + className
                        + " from this file name (uninitialized constant)", e.version));
            }
        }
        b.noTransaction(NO_TRANSACTION.matcher(masked).find());
        Optional<Found> change = RubyMethods.find(text, "change");
        Optional<Found> up = change.isPresent() ? change : RubyMethods.find(text, "up");
        Optional<Found> down = RubyMethods.find(text, "down");
        up.ifPresent(f -> b.up(script(e.file, f, change.isPresent() ? "change" : "up")));
        if (down.isPresent()) {
            b.down(script(e.file, down.get(), "down"));
            if (SourceMask.ruby(down.get().text()).contains("IrreversibleMigration")) b.attr("irreversible", true);
        } else if (change.isPresent()) {
            b.downKind(DownKind.MISSING).attr("autoRollback", true);
        } else {
            b.downKind(DownKind.MISSING);
            problems.add(problem("missing-down", e.file + ": defines up without down; rails db:rollback raises IrreversibleMigration", e.version));
        }
        if (up.isEmpty()) {
            problems.add(problem("invalid-file", e.file + ": no change or up method found", e.version));
        }
        return b.build();
    }

    private static Script script(Path file, Found f, String part) {
        return new Script(file, f.text(), f.line(), Script.Language.RUBY, part);
    }
}

package dev.dbmigrate.parse.liquibase;

import dev.dbmigrate.InputException;
import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Statement.ParseStatus;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.parse.ScriptParser;
import dev.dbmigrate.parse.liquibase.Changelog.Change;
import dev.dbmigrate.parse.liquibase.Changelog.ChangeSet;
import dev.dbmigrate.parse.liquibase.Changelog.Rollback;
import dev.dbmigrate.read.support.ReadSupport;
import dev.dbmigrate.read.support.TextLines;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Parses Liquibase XML / YAML / JSON changelogs into statements: one statement per change, at the
 * change element's line, with the operations the change performs; {@code sql}, {@code sqlFile} and
 * raw rollback SQL go through the SQL engine ({@link Parsers#parse}) so their statements keep their
 * own lines. Unknown change types become UNPARSED statements naming the change.
 *
 * <p>{@link Script#part()} selects what to parse: {@code "<id>::<author>"} one changeSet,
 * {@code "rollback:<id>::<author>"} its rollback (a {@code changeSetId} reference resolves to that
 * changeSet's changes in the same file), null every changeSet of the file.
 */
public final class LiquibaseParser implements ScriptParser {

    private static final int CACHE_SIZE = 32;
    private static final Map<String, Changelog> CACHE = new LinkedHashMap<>(CACHE_SIZE, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Changelog> eldest) {
            return size() > CACHE_SIZE;
        }
    };

    @Override
    public boolean supports(Script.Language language) {
        return language == Script.Language.LIQUIBASE_XML || language == Script.Language.LIQUIBASE_YAML
                || language == Script.Language.LIQUIBASE_JSON;
    }

    @Override
    public ParsedScript parse(Script script, Dialect dialect) {
        Changelog cl;
        try {
            cl = changelog(script);
        } catch (InputException e) {
            Statement bad = new Statement(script.file().toString(), Math.max(1, script.startLine()), 1, Math.max(1, script.startLine()), 1,
                    "", List.of(new Operation.Unparsed(e.getMessage())), ParseStatus.UNPARSED, null, null);
            return new ParsedScript(script, List.of(bad), false, 0, false);
        }
        TextLines lines = TextLines.of(script.text());
        List<Statement> out = new ArrayList<>();
        String part = script.part();
        boolean rollback = part != null && part.startsWith("rollback:");
        String key = part == null ? null : rollback ? part.substring("rollback:".length()) : part;
        boolean noTx = false;
        boolean found = false;
        for (Changelog.Entry e : cl.entries()) {
            if (!(e instanceof ChangeSet cs)) continue;
            if (key != null && !key.equals(cs.id() + "::" + cs.author())) continue;
            found = true;
            noTx |= !cs.runInTransaction();
            Ctx ctx = new Ctx(script, dialect, lines, new ChangeMapper(dialect,
                    "QUOTE_ALL_OBJECTS".equalsIgnoreCase(cs.attributes().get("objectQuotingStrategy"))), out);
            if (!rollback) {
                cs.changes().forEach(ctx::change);
            } else if (cs.rollback() != null) {
                rollback(ctx, cl, cs.rollback());
            }
            if (key != null) break;
        }
        if (!found && key != null) {
            out.add(new Statement(script.file().toString(), Math.max(1, script.startLine()), 1, Math.max(1, script.startLine()), 1, "",
                    List.of(new Operation.Unparsed("no changeSet " + key + " in this changelog")), ParseStatus.UNPARSED, null, null));
        }
        return new ParsedScript(script, out, false, 0, noTx);
    }

    private static void rollback(Ctx ctx, Changelog cl, Rollback r) {
        for (LbNode sql : r.sql()) ctx.sql(sql, sql.body());
        r.changes().forEach(ctx::change);
        if (r.refId() != null) {
            for (Changelog.Entry e : cl.entries()) {
                if (e instanceof ChangeSet other && other.id().equals(r.refId())
                        && (r.refAuthor() == null || r.refAuthor().equals(other.author()))) {
                    other.changes().forEach(ctx::change);
                    break;
                }
            }
        }
    }

    private static Changelog changelog(Script script) {
        String cacheKey = script.language() + "\u0000" + script.file() + "\u0000" + script.text();
        synchronized (CACHE) {
            Changelog c = CACHE.get(cacheKey);
            if (c != null) return c;
        }
        LbTree.Format format = switch (script.language()) {
            case LIQUIBASE_YAML -> LbTree.Format.YAML;
            case LIQUIBASE_JSON -> LbTree.Format.JSON;
            default -> LbTree.Format.XML;
        };
        Changelog c = ChangelogReader.read(script.file(), script.text(), format);
        synchronized (CACHE) {
            CACHE.put(cacheKey, c);
        }
        return c;
    }

    /** Everything one parse needs. */
    private record Ctx(Script script, Dialect dialect, TextLines lines, ChangeMapper mapper, List<Statement> out) {

        void change(Change c) {
            LbNode n = c.node();
            if (!dbmsApplies(n.text("dbms"))) return;
            switch (c.name()) {
                case "sql" -> sql(textNode(n), sqlText(n));
                case "sqlFile" -> sqlFile(n);
                default -> {
                    List<Operation> ops = mapper.map(c.name(), n);
                    if (ops == null) {
                        add(n, List.of(new Operation.Unparsed("Liquibase change '" + c.name() + "' is not understood")), ParseStatus.UNPARSED);
                    } else {
                        add(n, ops, ParseStatus.ORM);
                    }
                }
            }
        }

        private static String sqlText(LbNode n) {
            if (n.scalar() != null) return n.scalar();
            if (n.text("") != null) return n.text("");
            return n.text("sql");
        }

        private static LbNode textNode(LbNode n) {
            if (n.scalar() != null) return n;
            LbNode t = n.get("");
            return t != null ? t : n.get("sql") != null ? n.get("sql") : n;
        }

        void sql(LbNode at, String text) {
            if (text == null || text.isBlank()) return;
            sqlScript(new Script(script.file(), text, at.valueLine(), Script.Language.SQL, script.part()), at);
        }

        private void sqlFile(LbNode n) {
            String path = n.text("path");
            if (path == null) {
                add(n, List.of(new Operation.Unparsed("sqlFile without a path")), ParseStatus.UNPARSED);
                return;
            }
            Path file = resolve(path.replaceFirst("^classpath\\*?:", ""), n.flag("relativeToChangelogFile", false));
            if (file == null) {
                add(n, List.of(new Operation.Unparsed("sqlFile " + path + " not found")), ParseStatus.UNPARSED);
                return;
            }
            try {
                String text = ReadSupport.decode(Files.readAllBytes(file));
                sqlScript(new Script(file, text, 1, Script.Language.SQL, null), n);
            } catch (IOException e) {
                add(n, List.of(new Operation.Unparsed("sqlFile " + path + " is not readable UTF-8 text")), ParseStatus.UNPARSED);
            }
        }

        private Path resolve(String path, boolean relative) {
            Path dir = script.file().getParent();
            if (relative) {
                Path f = dir.resolve(path).normalize();
                return Files.isRegularFile(f) ? f : null;
            }
            String stripped = path.replaceFirst("^/", "");
            for (Path d = dir; d != null; d = d.getParent()) {
                Path f = d.resolve(stripped).normalize();
                if (Files.isRegularFile(f)) return f;
            }
            return null;
        }

        private void sqlScript(Script sql, LbNode at) {
            try {
                out.addAll(Parsers.parse(sql, dialect).statements());
            } catch (InputException e) {
                add(at, List.of(new Operation.Unparsed("SQL could not be parsed: " + e.getMessage())), ParseStatus.UNPARSED);
            }
        }

        private boolean dbmsApplies(String dbms) {
            if (dbms == null || dbms.isBlank() || dialect == null) return true;
            String me = dialect.id();
            boolean anyPositive = false;
            for (String d : dbms.toLowerCase(Locale.ROOT).split(",")) {
                String t = d.trim();
                if (t.equals("all")) return true;
                if (t.equals("none")) return false;
                if (t.startsWith("!")) {
                    if (matches(t.substring(1), me)) return false;
                } else {
                    anyPositive = true;
                    if (matches(t, me)) return true;
                }
            }
            return !anyPositive;
        }

        private static boolean matches(String liquibaseName, String dialectId) {
            return liquibaseName.equals(dialectId) || liquibaseName.equals("mysql") && dialectId.equals("mariadb");
        }

        private void add(LbNode n, List<Operation> ops, ParseStatus status) {
            int first = Math.max(1, n.line());
            int last = Math.min(Math.max(first, n.endLine()), Math.max(first, lines.count()));
            String text = first <= lines.count() ? lines.slice(first, last + 1).strip() : "";
            int endColumn = last <= lines.count() ? lines.line(last).length() + 1 : 1;
            out.add(new Statement(script.file().toString(), first, Math.max(1, n.column()), last, endColumn, text, ops, status, null, null));
        }
    }
}

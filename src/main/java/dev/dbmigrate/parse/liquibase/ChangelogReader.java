package dev.dbmigrate.parse.liquibase;

import dev.dbmigrate.InputException;
import dev.dbmigrate.parse.liquibase.Changelog.Change;
import dev.dbmigrate.parse.liquibase.Changelog.ChangeSet;
import dev.dbmigrate.parse.liquibase.Changelog.Entry;
import dev.dbmigrate.parse.liquibase.Changelog.Include;
import dev.dbmigrate.parse.liquibase.Changelog.IncludeAll;
import dev.dbmigrate.parse.liquibase.Changelog.Rollback;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/** Reads one changelog file (XML, YAML, JSON or formatted SQL) into a {@link Changelog}. */
public final class ChangelogReader {

    /** ChangeSet fields that are not changes (XML attributes and non-change child elements). */
    private static final Set<String> NOT_CHANGES = Set.of("id", "author", "context", "contextFilter", "contexts", "labels",
            "dbms", "runAlways", "runOnChange", "failOnError", "onValidationFail", "runInTransaction",
            "objectQuotingStrategy", "created", "runOrder", "ignore", "logicalFilePath", "filePath", "schemaLocation",
            "runWith", "runWithSpoolFile", "comment", "preConditions", "precondition", "validCheckSum", "rollback",
            "changes", "");

    private ChangelogReader() {}

    /** The format of a changelog file by its extension and, for .sql, its header; null when it is not a changelog. */
    public static LbTree.Format formatOf(Path file) {
        String n = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (n.endsWith(".xml")) return LbTree.Format.XML;
        if (n.endsWith(".yaml") || n.endsWith(".yml")) return LbTree.Format.YAML;
        if (n.endsWith(".json")) return LbTree.Format.JSON;
        return null;
    }

    /**
     * @throws InputException naming the file and line when the text is not well-formed
     */
    public static Changelog read(Path file, String text) {
        LbTree.Format format = formatOf(file);
        return format == null ? FormattedSql.read(file, text) : read(file, text, format);
    }

    /** Reads an XML, YAML or JSON changelog. */
    public static Changelog read(Path file, String text, LbTree.Format format) {
        LbNode root;
        try {
            root = LbTree.parse(text, format);
        } catch (IOException e) {
            String msg = e.getMessage() == null ? e.toString() : e.getMessage().lines().findFirst().orElse("");
            int line = e instanceof com.fasterxml.jackson.core.JsonProcessingException jpe && jpe.getLocation() != null
                    ? jpe.getLocation().getLineNr() : 0;
            throw InputException.at(file, line, "not a well-formed Liquibase changelog: " + msg);
        }
        List<Map.Entry<String, LbNode>> top = topLevel(root, format);
        String logical = format == LbTree.Format.XML ? root.text("logicalFilePath") : null;
        List<Entry> entries = new ArrayList<>();
        for (Map.Entry<String, LbNode> e : top) {
            LbNode n = e.getValue();
            switch (e.getKey()) {
                case "changeSet" -> entries.add(changeSet(n, format));
                case "include" -> entries.add(new Include(n.text("file"), n.flag("relativeToChangelogFile", false), n.line()));
                case "includeAll" -> entries.add(new IncludeAll(n.text("path"), n.flag("relativeToChangelogFile", false),
                        n.flag("errorIfMissingOrEmpty", true), n.line()));
                case "logicalFilePath" -> logical = n.body();
                default -> { }
            }
        }
        return new Changelog(file, format, logical, entries);
    }

    /** XML: the root element's fields; YAML/JSON: the single-key items of {@code databaseChangeLog}. */
    private static List<Map.Entry<String, LbNode>> topLevel(LbNode root, LbTree.Format format) {
        if (format == LbTree.Format.XML) return root.fields() == null ? List.of() : root.fields();
        LbNode list = root.get("databaseChangeLog");
        List<Map.Entry<String, LbNode>> out = new ArrayList<>();
        if (list == null) return out;
        if (list.isArray()) {
            for (LbNode item : list.items()) {
                if (item.isObject()) out.addAll(item.fields());
            }
        } else if (list.isObject()) {
            out.addAll(list.fields());
        }
        return out;
    }

    private static ChangeSet changeSet(LbNode n, LbTree.Format format) {
        Map<String, String> attrs = new LinkedHashMap<>();
        for (Map.Entry<String, LbNode> f : n.fields() == null ? List.<Map.Entry<String, LbNode>>of() : n.fields()) {
            if (f.getValue().scalar() != null && NOT_CHANGES.contains(f.getKey()) && !f.getKey().isEmpty()) {
                attrs.put(f.getKey(), f.getValue().scalar());
            }
        }
        List<Change> changes = new ArrayList<>();
        LbNode list = n.get("changes");
        if (list != null) {
            changes.addAll(changeList(list));
        } else if (format == LbTree.Format.XML && n.fields() != null) {
            for (Map.Entry<String, LbNode> f : n.fields()) {
                if (!NOT_CHANGES.contains(f.getKey())) changes.add(new Change(f.getKey(), f.getValue()));
            }
        }
        Rollback rollback = null;
        for (LbNode r : n.all("rollback")) {
            Rollback one = rollback(r);
            rollback = rollback == null ? one : merge(rollback, one);
        }
        return new ChangeSet(attrs.getOrDefault("id", ""), attrs.getOrDefault("author", ""), n.line(), n.endLine(), attrs,
                changes, rollback, null, 0, null, 0);
    }

    /** A YAML/JSON list of single-key objects, or one object of changes. */
    private static List<Change> changeList(LbNode list) {
        List<Change> out = new ArrayList<>();
        List<LbNode> items = list.isArray() ? list.items() : List.of(list);
        for (LbNode item : items) {
            if (item.isObject()) {
                for (Map.Entry<String, LbNode> f : item.fields()) out.add(new Change(f.getKey(), f.getValue()));
            }
        }
        return out;
    }

    private static Rollback rollback(LbNode r) {
        if (r.scalar() != null || !r.isObject() && !r.isArray()) {
            return new Rollback(List.of(), List.of(r), null, null);
        }
        if (r.isArray()) return new Rollback(changeList(r), List.of(), null, null);
        List<Change> changes = new ArrayList<>();
        List<LbNode> sql = new ArrayList<>();
        for (Map.Entry<String, LbNode> f : r.fields()) {
            switch (f.getKey()) {
                case "" -> sql.add(f.getValue());
                case "changeSetId", "changeSetAuthor", "changeSetPath" -> { }
                default -> changes.add(new Change(f.getKey(), f.getValue()));
            }
        }
        return new Rollback(changes, sql, r.text("changeSetId"), r.text("changeSetAuthor"));
    }

    private static Rollback merge(Rollback a, Rollback b) {
        List<Change> c = new ArrayList<>(a.changes());
        c.addAll(b.changes());
        List<LbNode> s = new ArrayList<>(a.sql());
        s.addAll(b.sql());
        return new Rollback(c, s, a.refId() != null ? a.refId() : b.refId(), a.refAuthor() != null ? a.refAuthor() : b.refAuthor());
    }
}

package dev.dbmigrate.parse.liquibase;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.xml.XmlMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import dev.dbmigrate.read.support.TextLines;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads a changelog's text into an {@link LbNode} tree with Jackson's streaming parsers. */
public final class LbTree {

    public enum Format { XML, YAML, JSON }

    private static final XmlMapper XML = new XmlMapper();
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TextLines source;
    private final boolean xml;

    private LbTree(TextLines source, boolean xml) {
        this.source = source;
        this.xml = xml;
    }

    /** @throws IOException with Jackson's message (and location) when the text is not well-formed */
    public static LbNode parse(String text, Format format) throws IOException {
        var factory = switch (format) {
            case XML -> XML.getFactory();
            case YAML -> YAML.getFactory();
            case JSON -> JSON.getFactory();
        };
        try (JsonParser p = factory.createParser(text)) {
            if (p.nextToken() == null) return new LbNode(1, 1, 1, 1, null, List.of(), null);
            return new LbTree(TextLines.of(text), format == Format.XML).read(p);
        }
    }

    private LbNode read(JsonParser p) throws IOException {
        JsonLocation at = p.currentTokenLocation();
        return read(p, at.getLineNr(), at.getColumnNr());
    }

    private LbNode read(JsonParser p, int line, int column) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.START_OBJECT) {
            List<Map.Entry<String, LbNode>> fields = new ArrayList<>();
            int end = line;
            while (p.nextToken() == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonLocation fl = p.currentTokenLocation();
                p.nextToken();
                LbNode v = read(p, fl.getLineNr(), fl.getColumnNr());
                end = Math.max(end, v.endLine());
                fields.add(Map.entry(name, v));
            }
            if (xml) end = Math.max(end, p.currentTokenLocation().getLineNr());
            return new LbNode(line, column, end, line, null, fields, null);
        }
        if (t == JsonToken.START_ARRAY) {
            List<LbNode> items = new ArrayList<>();
            int end = line;
            while (p.nextToken() != JsonToken.END_ARRAY) {
                LbNode v = read(p);
                end = Math.max(end, v.endLine());
                items.add(v);
            }
            return new LbNode(line, column, end, line, null, null, items);
        }
        if (t == JsonToken.VALUE_NULL) return new LbNode(line, column, line, line, null, null, null);
        String text = p.getText();
        JsonLocation v = p.currentTokenLocation();
        int newlines = (int) text.chars().filter(c -> c == '\n').count();
        if (xml) {
            // the XML text token is reported where the text ends
            int start = Math.max(line, v.getLineNr() - newlines);
            return new LbNode(line, column, v.getLineNr(), start, text, null, null);
        }
        int start = v.getLineNr();
        if (start >= 1 && start <= source.count()) {
            String l = source.line(start);
            int c = v.getColumnNr() - 1;
            if (c >= 0 && c < l.length() && (l.charAt(c) == '|' || l.charAt(c) == '>')) start++;
        }
        int end = Math.max(line, start + Math.max(0, newlines - (text.endsWith("\n") ? 1 : 0)));
        return new LbNode(line, column, end, start, text, null, null);
    }
}

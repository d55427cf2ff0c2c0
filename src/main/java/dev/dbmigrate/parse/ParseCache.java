package dev.dbmigrate.parse;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Parsed scripts by content hash, so that a long-running server parses each migration once: a
 * warm validate of one new migration on top of a 200-migration history only parses the new file.
 * Keys include the file, part, start line, language and dialect (findings carry positions).
 */
public final class ParseCache {

    private final int capacity;
    private final Map<String, ParsedScript> map;

    public ParseCache(int capacity) {
        this.capacity = capacity;
        this.map = new LinkedHashMap<>(256, 0.75f, true) {
            private static final long serialVersionUID = 1L;

            @Override
            protected boolean removeEldestEntry(Map.Entry<String, ParsedScript> eldest) {
                return size() > ParseCache.this.capacity;
            }
        };
    }

    public ParsedScript parse(Script script, Dialect dialect) {
        // A Django operation's meaning depends on the model state of earlier migrations (and the
        // Django parser keeps its own per-project cache): never cache it by its own text.
        if (script.language() == Script.Language.PYTHON_DJANGO) return Parsers.parse(script, dialect);
        String key = key(script, dialect);
        synchronized (map) {
            ParsedScript hit = map.get(key);
            if (hit != null) return hit;
        }
        ParsedScript parsed = Parsers.parse(script, dialect);
        synchronized (map) {
            map.put(key, parsed);
        }
        return parsed;
    }

    public int size() {
        synchronized (map) {
            return map.size();
        }
    }

    private static String fileStamp(java.nio.file.Path f) {
        try {
            return java.nio.file.Files.size(f) + ":" + java.nio.file.Files.getLastModifiedTime(f).toMillis();
        } catch (java.io.IOException e) {
            return "?";
        }
    }

    static String key(Script s, Dialect d) {
        try {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            md.update(s.text().getBytes(StandardCharsets.UTF_8));
            // for code, the rest of the file (module constants, helpers) matters too
            String stamp = s.language() == Script.Language.SQL || s.file() == null ? "" : "|" + fileStamp(s.file());
            return s.file() + "|" + s.part() + "|" + s.startLine() + "|" + s.language() + "|" + d + "|" + HexFormat.of().formatHex(md.digest()) + stamp;
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}

package dev.dbmigrate.read.support;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Script;

/** Derives a {@link DownKind} from a down script of a tool that supports downs. */
public final class DownKinds {

    private DownKinds() {}

    /** null -> MISSING; only comments and whitespace (or an empty function body) -> EMPTY; else PRESENT. */
    public static DownKind of(Script down) {
        if (down == null) return DownKind.MISSING;
        return isEmpty(down) ? DownKind.EMPTY : DownKind.PRESENT;
    }

    static boolean isEmpty(Script s) {
        String text = s.text();
        return switch (s.language()) {
            case SQL -> SourceMask.sql(text).isBlank();
            case JAVASCRIPT, TYPESCRIPT -> emptyBraces(SourceMask.js(text));
            case RUBY -> rubyEmpty(SourceMask.ruby(text));
            default -> text.isBlank();
        };
    }

    private static boolean emptyBraces(String masked) {
        int open = masked.indexOf('{');
        int arrow = masked.indexOf("=>");
        if (arrow >= 0 && (open < 0 || arrow < open)) {
            String body = masked.substring(arrow + 2).trim();
            if (!body.startsWith("{")) return body.matches("(?s)(Promise\\.resolve\\(\\s*\\)|null|undefined|void 0)?[;,]?");
            open = masked.indexOf('{', arrow);
        }
        if (open < 0) return false;
        int close = masked.lastIndexOf('}');
        if (close <= open) return false;
        String body = masked.substring(open + 1, close).trim();
        return body.isEmpty() || body.matches("(?s)return\\s*(Promise\\.resolve\\(\\s*\\)|null|undefined)?\\s*;?");
    }

    private static boolean rubyEmpty(String masked) {
        String[] lines = masked.strip().split("\n");
        if (lines.length <= 2) {
            StringBuilder inner = new StringBuilder();
            for (int i = 1; i < lines.length - 1; i++) inner.append(lines[i]);
            return lines.length < 2 || inner.toString().isBlank();
        }
        for (int i = 1; i < lines.length - 1; i++) {
            if (!lines[i].isBlank()) return false;
        }
        return true;
    }
}

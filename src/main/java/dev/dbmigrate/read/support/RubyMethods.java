package dev.dbmigrate.read.support;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds a method ({@code def change}, {@code def up}, {@code def down}) in a Ruby migration: from its
 * {@code def} line to the {@code end} line at the same indentation (how Rails generators and
 * RuboCop lay migrations out), on a {@link SourceMask#ruby masked} copy so heredoc SQL does not
 * count. When no such {@code end} exists it falls back to counting block keywords. Does not parse
 * Ruby.
 */
public final class RubyMethods {

    private RubyMethods() {}

    public static Optional<JsFunctions.Found> find(String source, String name) {
        String masked = SourceMask.ruby(source);
        Matcher m = Pattern.compile("(?m)^([ \\t]*)def\\s+" + Pattern.quote(name) + "\\b").matcher(masked);
        if (!m.find()) return Optional.empty();
        TextLines lines = TextLines.of(masked);
        int defLine = lines.lineOf(m.start());
        String indent = m.group(1);
        String first = lines.line(defLine);
        if (first.matches(".*;\\s*end\\s*$") || first.matches("\\s*def\\s+\\w+[!?]?\\s*(\\(.*\\))?\\s*=.*")) {
            return Optional.of(found(source, defLine, defLine));
        }
        for (int n = defLine + 1; n <= lines.count(); n++) {
            String l = lines.line(n);
            if (l.startsWith(indent + "end") && (l.length() == indent.length() + 3 || !isWordChar(l.charAt(indent.length() + 3)))) {
                return Optional.of(found(source, defLine, n));
            }
        }
        return Optional.of(found(source, defLine, byKeywords(lines, defLine)));
    }

    private static final Pattern OPENER = Pattern.compile("^\\s*(?:def|class|module|if|unless|while|until|case|begin|for)\\b|\\bdo\\b(?:\\s*\\|[^|]*\\|)?\\s*$");
    private static final Pattern END = Pattern.compile("^\\s*end\\b");

    private static int byKeywords(TextLines lines, int defLine) {
        int depth = 0;
        for (int n = defLine; n <= lines.count(); n++) {
            String l = lines.line(n);
            if (OPENER.matcher(l).find()) depth++;
            if (END.matcher(l).find()) {
                depth--;
                if (depth == 0) return n;
            }
        }
        return lines.count();
    }

    private static boolean isWordChar(char c) {
        return Character.isLetterOrDigit(c) || c == '_';
    }

    private static JsFunctions.Found found(String source, int from, int to) {
        TextLines src = TextLines.of(source);
        int start = src.offset(from);
        int end = to >= src.count() ? source.length() : src.offset(to + 1);
        String text = source.substring(start, end);
        if (text.endsWith("\n")) text = text.substring(0, text.length() - 1);
        return new JsFunctions.Found(start, start + text.length(), from, text);
    }
}

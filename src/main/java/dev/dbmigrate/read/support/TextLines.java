package dev.dbmigrate.read.support;

import java.util.ArrayList;
import java.util.List;

/** A text with its line offsets, for slicing it by lines and mapping offsets to 1-based lines. */
public final class TextLines {

    private final String text;
    private final int[] starts;

    private TextLines(String text, int[] starts) {
        this.text = text;
        this.starts = starts;
    }

    public static TextLines of(String text) {
        List<Integer> s = new ArrayList<>();
        s.add(0);
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '\n' && i + 1 < text.length()) s.add(i + 1);
        }
        return new TextLines(text, s.stream().mapToInt(Integer::intValue).toArray());
    }

    public String text() {
        return text;
    }

    /** Number of lines (a trailing line break does not start a new line). */
    public int count() {
        return text.isEmpty() ? 0 : starts.length;
    }

    /** Line {@code n} (1-based) without its line break. */
    public String line(int n) {
        int from = starts[n - 1];
        int to = n < starts.length ? starts[n] : text.length();
        String l = text.substring(from, to);
        if (l.endsWith("\n")) l = l.substring(0, l.length() - 1);
        if (l.endsWith("\r")) l = l.substring(0, l.length() - 1);
        return l;
    }

    /** Offset of the first character of line {@code n} (1-based); text length past the end. */
    public int offset(int n) {
        return n - 1 < starts.length ? starts[n - 1] : text.length();
    }

    /** The text of lines {@code from} (inclusive) to {@code to} (exclusive), line breaks kept. */
    public String slice(int from, int to) {
        return text.substring(offset(from), to > count() ? text.length() : offset(to));
    }

    /** 1-based line of a character offset. */
    public int lineOf(int offset) {
        int lo = 0;
        int hi = starts.length - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (starts[mid] <= offset) lo = mid;
            else hi = mid - 1;
        }
        return lo + 1;
    }
}

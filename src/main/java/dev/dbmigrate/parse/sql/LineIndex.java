package dev.dbmigrate.parse.sql;

import java.util.Arrays;

/** Maps character offsets of a text to 1-based lines and columns of the file it came from. */
final class LineIndex {

    private final int[] starts;
    private final int count;
    private final int firstLine;

    /** @param firstLine the file line on which {@code text} begins */
    LineIndex(String text, int firstLine) {
        int[] a = new int[Math.max(16, text.length() / 24)];
        int c = 0;
        a[c++] = 0;
        for (int i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
            if (c == a.length) a = Arrays.copyOf(a, a.length * 2);
            a[c++] = i + 1;
        }
        this.starts = a;
        this.count = c;
        this.firstLine = Math.max(1, firstLine);
    }

    private int index(int offset) {
        int i = Arrays.binarySearch(starts, 0, count, offset);
        return i >= 0 ? i : -i - 2;
    }

    /** 1-based file line of the character at {@code offset}. */
    int line(int offset) {
        return index(offset) + firstLine;
    }

    /** 1-based column of the character at {@code offset}. */
    int column(int offset) {
        return offset - starts[index(offset)] + 1;
    }
}

package dev.dbmigrate.render;

/** The standard header of every text report (see skills/visual-header). */
public final class Header {

    private Header() {}

    /** "db-migrate | Title" underlined. */
    public static String title(String title) {
        String line = "db-migrate | " + title;
        return line + "\n" + "=".repeat(line.length());
    }
}

package dev.dbmigrate.db.history;

import dev.dbmigrate.db.Row;
import dev.dbmigrate.db.ReadOnlySession;
import dev.dbmigrate.db.ReadOnlySession.FoundTable;
import dev.dbmigrate.model.Migration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Helpers shared by the {@link HistoryTable} implementations. */
final class Select {

    private Select() {}

    @FunctionalInterface
    interface RowFn<T> {
        /** @return the entry, or null to skip the row */
        T map(Row row) throws SQLException;
    }

    /**
     * {@code SELECT * FROM table}: every layout version of a tool's table reads the same way (missing
     * columns read as null); ordering happens in Java.
     */
    static <T> List<T> all(ReadOnlySession s, FoundTable t, RowFn<T> fn) throws SQLException {
        List<T> out = new ArrayList<>();
        try (var st = s.connection().createStatement(); var rs = st.executeQuery("SELECT * FROM " + s.qualified(t.schema(), t.name()))) {
            while (rs.next()) {
                T v = fn.map(new Row(rs));
                if (v != null) out.add(v);
            }
        }
        return out;
    }

    /**
     * The bytes a tool checksums: the {@code checksumInput} attribute when the reader set one, else
     * the migration's file; null when unreadable.
     */
    static byte[] checksumBytes(Migration m) {
        Object attr = m.attributes().get("checksumInput");
        Path p = attr instanceof Path path ? path : attr != null ? Path.of(attr.toString()) : m.file();
        if (p == null) return null;
        try {
            return Files.readAllBytes(p);
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The migration's file name without the directory. */
    static String fileName(Migration m) {
        return Versions.fileName(m.file());
    }

    /** The name of the folder holding the migration's file (Prisma, Diesel: one folder per migration). */
    static String folderName(Migration m) {
        if (m.file() == null || m.file().getParent() == null) return null;
        return Versions.fileName(m.file().getParent());
    }

    /** The rows sorted by {@code order}, with {@link AppliedMigration#order()} set to 1, 2, 3... */
    static List<AppliedMigration> numbered(List<AppliedMigration> rows, Comparator<AppliedMigration> order) {
        List<AppliedMigration> sorted = new ArrayList<>(rows);
        sorted.sort(order);
        List<AppliedMigration> out = new ArrayList<>();
        long i = 0;
        for (AppliedMigration a : sorted) {
            out.add(new AppliedMigration(a.key(), a.version(), a.name(), a.appliedAt(), a.checksum(), a.state(), ++i, a.details()));
        }
        return out;
    }

    /** The migration's file name (tools that record file names), or its id. */
    static String fileNameOrId(Migration m) {
        String f = fileName(m);
        return f != null ? f : m.id();
    }

    /** The version as the reader gave it, else the leading digits of the file name. */
    static String version(Migration m) {
        return m.version() != null ? m.version() : Versions.leadingDigits(fileName(m));
    }

    /** {@link #version} as a number without leading zeros (tools with integer version columns). */
    static String numericVersion(Migration m) {
        return Versions.numeric(version(m));
    }

    /** An attribute as a string, or null. */
    static String attr(Migration m, String... names) {
        for (String n : names) {
            Object v = m.attributes().get(n);
            if (v != null && !v.toString().isBlank()) return v.toString();
        }
        return null;
    }
}

package dev.dbmigrate.detect;

import java.math.BigInteger;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * How one directory holds migrations, told apart by each tool's file conventions. A directory has at
 * most one kind, so two tools never claim the same folder.
 *
 * @param kind       the convention found
 * @param migrations the migration files or folders of that convention, sorted by name
 * @param sequential whether versions are small sequence numbers (0001) rather than timestamps
 * @param latest     the highest version prefix seen (digits as written, e.g. "0007" or "1.2"), or null
 */
record SqlLayout(Kind kind, List<String> migrations, boolean sequential, String latest) {

    enum Kind {
        NONE,
        /** prisma/migrations/&lt;ts&gt;_&lt;name&gt;/migration.sql */
        PRISMA,
        /** drizzle/0000_name.sql + meta/_journal.json, or drizzle-kit v1 folders with migration.sql + snapshot.json */
        DRIZZLE,
        /** migrations/&lt;ts&gt;_&lt;name&gt;/up.sql + down.sql */
        DIESEL,
        /** "-- +goose Up" annotations, or numbered .go files registering goose migrations */
        GOOSE,
        /** "-- migrate:up" */
        DBMATE,
        /** "-- liquibase formatted sql" */
        LIQUIBASE_SQL,
        /** V1__desc.sql, R__desc.sql, U1__desc.sql */
        FLYWAY,
        /** 0001_name.up.sql / 0001_name.down.sql */
        UP_DOWN,
        /** 0001_name.sql */
        NUMBERED
    }

    static final SqlLayout NONE = new SqlLayout(Kind.NONE, List.of(), false, null);

    private static final Pattern FLYWAY = Pattern.compile("^(?:[VU](\\d+(?:[._]\\d+)*)__.+|R__.+)\\.sql$");
    private static final Pattern UP_DOWN = Pattern.compile("^(\\d+)_.+\\.(?:up|down)\\.sql$");
    private static final Pattern NUMBERED = Pattern.compile("^(\\d+)(?:[_\\-. ].*)?\\.sql$");
    private static final Pattern GO_FILE = Pattern.compile("^(\\d+)_\\w+\\.go$");
    private static final Pattern GOOSE_MARK = Pattern.compile("^\\s*--\\s*\\+goose\\s+up\\b", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern DBMATE_MARK = Pattern.compile("^\\s*--\\s*migrate:up\\b", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final Pattern LIQUIBASE_MARK = Pattern.compile("^\\s*--\\s*liquibase\\s+formatted\\s+sql", Pattern.MULTILINE | Pattern.CASE_INSENSITIVE);
    private static final int MAX_SQL_FILES_READ = 50;
    private static final int HEAD_BYTES = 16 * 1024;

    boolean is(Kind k) {
        return kind == k;
    }

    static SqlLayout classify(ProjectDir dir) {
        List<String> files = dir.files();
        List<String> sql = new ArrayList<>();
        for (String f : files) if (f.toLowerCase(Locale.ROOT).endsWith(".sql")) sql.add(f);

        if (!sql.isEmpty() && dir.isFile("meta/_journal.json")) return numbered(Kind.DRIZZLE, sql, NUMBERED);

        SqlLayout sub = classifySubfolders(dir);
        if (sub != null) return sub;

        List<String> goose = new ArrayList<>();
        List<String> dbmate = new ArrayList<>();
        List<String> liquibase = new ArrayList<>();
        int read = 0;
        for (String f : sql) {
            if (read++ >= MAX_SQL_FILES_READ) break;
            String head = dir.context().head(dir.path().resolve(f), HEAD_BYTES);
            if (head == null) continue;
            if (GOOSE_MARK.matcher(head).find()) goose.add(f);
            else if (DBMATE_MARK.matcher(head).find()) dbmate.add(f);
            else if (LIQUIBASE_MARK.matcher(head).find()) liquibase.add(f);
        }
        for (String f : files) {
            Matcher m = GO_FILE.matcher(f);
            if (m.matches()) {
                String head = dir.context().head(dir.path().resolve(f), HEAD_BYTES);
                if (head != null && head.contains("goose.Add")) goose.add(f);
            }
        }
        if (!goose.isEmpty()) return numbered(Kind.GOOSE, sorted(goose), Pattern.compile("^(\\d+)_.*$"));
        if (!dbmate.isEmpty()) return numbered(Kind.DBMATE, dbmate, NUMBERED);
        if (!liquibase.isEmpty()) return new SqlLayout(Kind.LIQUIBASE_SQL, liquibase, false, null);

        List<String> flyway = matching(sql, FLYWAY);
        if (!flyway.isEmpty() && flyway.size() * 2 >= sql.size()) return numbered(Kind.FLYWAY, flyway, FLYWAY);
        List<String> upDown = matching(sql, UP_DOWN);
        if (!upDown.isEmpty()) return numbered(Kind.UP_DOWN, upDown, UP_DOWN);
        List<String> plain = matching(sql, NUMBERED);
        if (!plain.isEmpty()) return numbered(Kind.NUMBERED, plain, NUMBERED);
        return NONE;
    }

    /** Prisma, drizzle-kit v1 and diesel keep one folder per migration. */
    private static SqlLayout classifySubfolders(ProjectDir dir) {
        List<String> prisma = new ArrayList<>();
        List<String> drizzle = new ArrayList<>();
        List<String> diesel = new ArrayList<>();
        List<String> subdirs = dir.dirs();
        if (subdirs.size() > 2_000) return null;
        for (String d : subdirs) {
            Path p = dir.path().resolve(d);
            List<String> inner = dir.files(p);
            if (inner.contains("migration.sql")) {
                if (inner.contains("snapshot.json")) drizzle.add(d);
                else prisma.add(d);
            } else if (inner.contains("up.sql")) {
                diesel.add(d);
            }
        }
        Pattern folderVersion = Pattern.compile("^([\\d-]+)_.*$");
        if (!drizzle.isEmpty() && drizzle.size() >= prisma.size()) return numbered(Kind.DRIZZLE, drizzle, folderVersion);
        if (!prisma.isEmpty()) return numbered(Kind.PRISMA, prisma, folderVersion);
        if (!diesel.isEmpty()) return numbered(Kind.DIESEL, diesel, folderVersion);
        return null;
    }

    private static List<String> matching(List<String> names, Pattern p) {
        List<String> out = new ArrayList<>();
        for (String n : names) if (p.matcher(n).matches()) out.add(n);
        return out;
    }

    private static List<String> sorted(List<String> l) {
        List<String> s = new ArrayList<>(l);
        s.sort(null);
        return s;
    }

    /** Builds a layout, taking the version prefix from group 1 of {@code version}. */
    private static SqlLayout numbered(Kind kind, List<String> names, Pattern version) {
        String latest = null;
        boolean sequential = true;
        for (String n : names) {
            Matcher m = version.matcher(n);
            if (!m.matches() || m.group(1) == null) continue;
            String v = m.group(1);
            if (v.replaceAll("\\D", "").length() > 6) sequential = false;
            if (latest == null || compareVersions(v, latest) > 0) latest = v;
        }
        return new SqlLayout(kind, List.copyOf(names), latest != null && sequential, latest);
    }

    /** Compares dotted or underscored numeric versions ("1.10" > "1.9"). */
    static int compareVersions(String a, String b) {
        String[] x = a.split("[._-]");
        String[] y = b.split("[._-]");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            BigInteger p = i < x.length && !x[i].isEmpty() ? new BigInteger(x[i]) : BigInteger.ZERO;
            BigInteger q = i < y.length && !y[i].isEmpty() ? new BigInteger(y[i]) : BigInteger.ZERO;
            int c = p.compareTo(q);
            if (c != 0) return c;
        }
        return 0;
    }

    /** The version after {@link #latest()} in the same style ("0007" -> "0008", "1.2" -> "2"), or null. */
    String nextVersion() {
        if (latest == null) return null;
        String first = latest.split("[._-]")[0];
        String next = new BigInteger(first).add(BigInteger.ONE).toString();
        if (next.length() < first.length()) next = "0".repeat(first.length() - next.length()) + next;
        return next;
    }
}

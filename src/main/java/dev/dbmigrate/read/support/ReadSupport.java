package dev.dbmigrate.read.support;

import dev.dbmigrate.InputException;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.ReadResult.Problem;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/** File access and problem helpers shared by the readers. */
public final class ReadSupport {

    private ReadSupport() {}

    /**
     * The migrations location: {@link ReadContext#migrationsPath()} when given, else the first of
     * {@code defaults} (relative to the project root) that exists.
     *
     * @throws InputException when none exists
     */
    public static Path locate(ReadContext ctx, String toolName, String... defaults) {
        if (ctx.migrationsPath() != null) {
            Path p = ctx.migrationsPath().toAbsolutePath().normalize();
            if (!Files.exists(p)) throw new InputException(p + ": " + toolName + " migrations location does not exist");
            return p;
        }
        Path root = ctx.projectRoot().toAbsolutePath().normalize();
        for (String d : defaults) {
            Path p = root.resolve(d).normalize();
            if (Files.exists(p)) return p;
        }
        throw new InputException(root + ": no " + toolName + " migrations found (looked for " + String.join(", ", defaults) + ")");
    }

    /**
     * Reads a file as strict UTF-8 (a leading byte-order mark is dropped). On failure adds an
     * "unreadable" problem naming the file and returns empty.
     */
    public static Optional<String> readText(Path file, List<Problem> problems) {
        try {
            return Optional.of(decode(Files.readAllBytes(file)));
        } catch (CharacterCodingException e) {
            problems.add(problem("unreadable", file + ": not valid UTF-8 text; the migration cannot be analysed", file.getFileName().toString()));
        } catch (IOException e) {
            problems.add(problem("unreadable", file + ": cannot be read (" + e.getMessage() + ")", file.getFileName().toString()));
        }
        return Optional.empty();
    }

    /** The whole file as a SQL script, or null (with an "unreadable" problem) when it cannot be read. */
    public static dev.dbmigrate.model.Script sqlScript(Path file, List<Problem> problems) {
        return readText(file, problems).map(t -> dev.dbmigrate.model.Script.sql(file, t)).orElse(null);
    }

    /** Strict UTF-8 decoding; a leading BOM is dropped. */
    public static String decode(byte[] bytes) throws CharacterCodingException {
        String s = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
        return s.startsWith("\uFEFF") ? s.substring(1) : s;
    }

    /** Regular files directly inside {@code dir}, sorted by file name (UTF-16 order, as Go and JS sort). */
    public static List<Path> files(Path dir) {
        return entries(dir, Files::isRegularFile);
    }

    /** Sub-directories directly inside {@code dir}, sorted by name. */
    public static List<Path> dirs(Path dir) {
        return entries(dir, Files::isDirectory);
    }

    /** Regular files anywhere under {@code dir}, sorted by their path relative to it. */
    public static List<Path> filesRecursive(Path dir) {
        try (Stream<Path> s = Files.walk(dir)) {
            return s.filter(Files::isRegularFile)
                    .filter(p -> !isHidden(dir.relativize(p)))
                    .sorted(Comparator.comparing(p -> dir.relativize(p).toString().replace('\\', '/')))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the migrations folder (" + e.getMessage() + ")", e);
        }
    }

    private static List<Path> entries(Path dir, java.util.function.Predicate<Path> filter) {
        if (!Files.isDirectory(dir)) throw new InputException(dir + ": not a directory");
        try (Stream<Path> s = Files.list(dir)) {
            return s.filter(filter).filter(p -> !p.getFileName().toString().startsWith("."))
                    .sorted(Comparator.comparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new InputException(dir + ": cannot list the migrations folder (" + e.getMessage() + ")", e);
        }
    }

    private static boolean isHidden(Path relative) {
        for (Path part : relative) {
            if (part.toString().startsWith(".")) return true;
        }
        return false;
    }

    /** Files that sit in migration folders by convention and are never migrations. */
    public static boolean isHousekeeping(String fileName) {
        String n = fileName.toLowerCase(java.util.Locale.ROOT);
        return n.startsWith("readme") || n.equals("license") || n.endsWith(".md") || n.endsWith(".txt")
                || n.equals("migration_lock.toml") || n.endsWith(".keep") || n.equals("thumbs.db");
    }

    public static Problem problem(String kind, String message, String... migrations) {
        return new Problem(kind, message, List.of(migrations));
    }

    /**
     * One "duplicate-version" problem per version that more than one item carries.
     *
     * @param items   the items in any order
     * @param version the version of an item
     * @param label   how an item is named in messages and in {@link Problem#migrations()}
     * @param what    what the tool does about it ("golang-migrate refuses to run")
     */
    public static <T> List<Problem> duplicates(Collection<T> items, Function<T, String> version, Function<T, String> label, String what) {
        Map<String, List<String>> byVersion = new LinkedHashMap<>();
        for (T item : items) {
            String v = version.apply(item);
            if (v != null) byVersion.computeIfAbsent(v, k -> new ArrayList<>()).add(label.apply(item));
        }
        List<Problem> out = new ArrayList<>();
        byVersion.forEach((v, names) -> {
            if (names.size() > 1) {
                out.add(new Problem("duplicate-version",
                        "version " + v + " is used by " + String.join(", ", names) + "; " + what, names));
            }
        });
        return out;
    }

    /**
     * Compares two strings of decimal digits by value without overflow ("75" after "8",
     * "0010" equal to "10").
     */
    public static int compareNumeric(String a, String b) {
        String x = stripZeros(a);
        String y = stripZeros(b);
        if (x.length() != y.length()) return Integer.compare(x.length(), y.length());
        return x.compareTo(y);
    }

    private static String stripZeros(String s) {
        int i = 0;
        while (i < s.length() - 1 && s.charAt(i) == '0') i++;
        return s.substring(i);
    }

    /** The path of {@code file} relative to {@code base} with forward slashes (or the file itself). */
    public static String relative(Path base, Path file) {
        try {
            return base.relativize(file).toString().replace('\\', '/');
        } catch (IllegalArgumentException e) {
            return file.toString();
        }
    }
}

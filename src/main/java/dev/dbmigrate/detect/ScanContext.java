package dev.dbmigrate.detect;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * State of one scan: the scan root and caches of directory listings, file texts and parsed files, so
 * that every file is listed and read at most once however many detectors look at it. The caches hold
 * what the file system says (and values derived from file contents only), so scans of nested roots in
 * one go (the project resolver walking up from a migration) may share them. Not thread-safe (one scan
 * runs on one thread).
 */
final class ScanContext {

    static final int MAX_FILE_BYTES = 1 << 20;
    static final int MAX_ENTRIES_PER_DIR = 5_000;

    /** Listings, texts and derived values by absolute path. */
    static final class Caches {
        private final Map<Path, Listing> listings = new HashMap<>();
        private final Map<Path, Text> texts = new HashMap<>();
        private final Map<String, Object> memo = new HashMap<>();
    }

    private final Path root;
    private final Map<Path, Listing> listings;
    private final Map<Path, Text> texts;
    private final Map<String, Object> memo;

    ScanContext(Path root) {
        this(root, new Caches());
    }

    ScanContext(Path root, Caches caches) {
        this.root = root;
        this.listings = caches.listings;
        this.texts = caches.texts;
        this.memo = caches.memo;
    }

    Path root() {
        return root;
    }

    /** Regular files (symlinks to regular files included) and real subdirectories (symlinks excluded), sorted. */
    record Listing(List<String> files, List<String> dirs, boolean truncated) {
        static final Listing EMPTY = new Listing(List.of(), List.of(), false);

        boolean hasFile(String name) {
            return Collections.binarySearch(files, name) >= 0;
        }

        boolean hasDir(String name) {
            return Collections.binarySearch(dirs, name) >= 0;
        }
    }

    Listing list(Path dir) {
        Listing cached = listings.get(dir);
        if (cached != null) return cached;
        Listing l;
        Path parent = dir.getParent();
        if (!dir.equals(root) && parent != null && dir.startsWith(root) && !list(parent).hasDir(dir.getFileName().toString())) {
            l = Listing.EMPTY; // known not to exist (or a symlink) from the parent's listing: no system call
        } else {
            l = readListing(dir);
        }
        listings.put(dir, l);
        return l;
    }

    private static Listing readListing(Path dir) {
        if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) return Listing.EMPTY;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        boolean truncated = false;
        try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
            int n = 0;
            for (Path p : entries) {
                if (++n > MAX_ENTRIES_PER_DIR) {
                    truncated = true;
                    break;
                }
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
                String name = p.getFileName().toString();
                if (a.isDirectory()) dirs.add(name);
                else if (a.isRegularFile() || (a.isSymbolicLink() && Files.isRegularFile(p))) files.add(name);
            }
        } catch (IOException | RuntimeException e) {
            return Listing.EMPTY;
        }
        Collections.sort(files);
        Collections.sort(dirs);
        return new Listing(List.copyOf(files), List.copyOf(dirs), truncated);
    }

    boolean isFile(Path p) {
        Path parent = p.getParent();
        return parent != null && list(parent).hasFile(p.getFileName().toString());
    }

    boolean isDir(Path p) {
        Path parent = p.getParent();
        if (parent == null || p.equals(root)) return Files.isDirectory(p, LinkOption.NOFOLLOW_LINKS);
        return list(parent).hasDir(p.getFileName().toString());
    }

    /** The content of a file, or a reason why it could not be read. */
    record Text(String content, String problem) {}

    /** Text of a file (read once, cached); empty when the file does not exist or cannot be read. */
    Optional<String> text(Path file) {
        return Optional.ofNullable(readText(file).content());
    }

    /** Why an existing file could not be read, or null. */
    String problem(Path file) {
        Text t = texts.get(file);
        return t == null ? null : t.problem();
    }

    private Text readText(Path file) {
        Text cached = texts.get(file);
        if (cached != null) return cached;
        Text t;
        if (!isFile(file)) {
            t = new Text(null, null);
        } else {
            t = load(file, MAX_FILE_BYTES, true);
        }
        texts.put(file, t);
        return t;
    }

    /** The first {@code maxBytes} of a file (not cached: used once per file by the SQL folder classifier). */
    String head(Path file, int maxBytes) {
        Text full = texts.get(file);
        if (full != null) return full.content();
        return load(file, maxBytes, false).content();
    }

    private static Text load(Path file, int maxBytes, boolean whole) {
        try (InputStream in = Files.newInputStream(file)) {
            byte[] bytes = in.readNBytes(maxBytes + 1);
            if (bytes.length > maxBytes) {
                if (whole) return new Text(null, "larger than " + (maxBytes >> 20) + " MB, skipped");
                bytes = java.util.Arrays.copyOf(bytes, maxBytes);
            }
            for (int i = 0, n = Math.min(bytes.length, 8192); i < n; i++) {
                if (bytes[i] == 0) return new Text(null, "not a text file, skipped");
            }
            return new Text(new String(bytes, StandardCharsets.UTF_8), null);
        } catch (IOException | RuntimeException e) {
            return new Text(null, "unreadable (" + e.getClass().getSimpleName() + "), skipped");
        }
    }

    /** Memoises a derived value (a parsed manifest, a classified folder) under a key. */
    @SuppressWarnings("unchecked")
    <T> T memo(String kind, Path path, Supplier<T> compute) {
        String key = kind + '\u0000' + path;
        if (memo.containsKey(key)) return (T) memo.get(key);
        T value = compute.get();
        memo.put(key, value);
        return value;
    }
}

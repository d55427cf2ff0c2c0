package dev.dbmigrate.service;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Collection;

/**
 * Cheap fingerprints of files and folders (paths, sizes, modification times), so that the
 * long-running server can reuse what it read from a project until something there changes.
 */
final class FileStamps {

    private FileStamps() {}

    /** A fingerprint of the given files and folders (a missing one counts too). */
    static String of(Collection<Path> paths) {
        StringBuilder sb = new StringBuilder();
        for (Path p : paths) {
            if (p == null) continue;
            sb.append(p).append('|');
            try {
                BasicFileAttributes a = Files.readAttributes(p, BasicFileAttributes.class);
                sb.append(a.size()).append(':').append(a.lastModifiedTime().toMillis());
            } catch (IOException e) {
                sb.append("missing");
            }
            sb.append('\n');
        }
        return sb.toString();
    }

    /**
     * A fingerprint of every file and folder under {@code root} down to {@code maxDepth}, or null when
     * the tree has more than {@code maxEntries} entries (too big to be worth it).
     */
    static String tree(Path root, int maxDepth, int maxEntries) {
        if (root == null || !Files.isDirectory(root)) return of(java.util.List.of(root == null ? Path.of("") : root));
        StringBuilder sb = new StringBuilder();
        int[] count = {0};
        try {
            Files.walkFileTree(root, java.util.EnumSet.noneOf(java.nio.file.FileVisitOption.class), maxDepth, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a) {
                    return add(dir, a);
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes a) {
                    return add(file, a);
                }

                private FileVisitResult add(Path p, BasicFileAttributes a) {
                    if (++count[0] > maxEntries) return FileVisitResult.TERMINATE;
                    sb.append(p).append('|').append(a.size()).append(':').append(a.lastModifiedTime().toMillis()).append('\n');
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    sb.append(file).append("|unreadable\n");
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            return null;
        }
        return count[0] > maxEntries ? null : sb.toString();
    }
}

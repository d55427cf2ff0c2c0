package dev.dbmigrate.db.history;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Tool;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** Hand-built {@link Migration}s for history tests (what the readers will produce). */
public final class TestMigrations {

    private TestMigrations() {}

    public static Migration of(Tool tool, String id, String version, Path file) {
        return of(tool, id, version, file, List.of(), Map.of());
    }

    public static Migration of(Tool tool, String id, String version, Path file, List<String> dependsOn, Map<String, Object> attributes) {
        Script up = null;
        if (file != null && Files.isRegularFile(file)) {
            try {
                up = Script.sql(file, Files.readString(file, StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return new Migration(tool, id, id, version, file, up, null, DownKind.UNSUPPORTED, true, dependsOn, attributes);
    }

    /** A migration whose up script is the given text (Liquibase changeSets). */
    public static Migration withText(Tool tool, String id, Path file, String text, Map<String, Object> attributes) {
        return new Migration(tool, id, id, null, file, Script.sql(file, text), null, DownKind.UNSUPPORTED, true, List.of(), attributes);
    }

    public static Path write(Path file, String text) {
        return write(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static Path write(Path file, byte[] bytes) {
        try {
            Files.createDirectories(file.getParent());
            Files.write(file, bytes);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

package dev.dbmigrate.service;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.analyse.validate.ValidateRequest;
import dev.dbmigrate.analyse.validate.ValidateResult;
import dev.dbmigrate.model.Dialect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server reuses what it read, parsed and replayed, and notices every change on disk. */
class ServiceCachesTest {

    final DbMigrateService service = new DbMigrateService();

    ValidateResult validate(Path file) {
        return service.validate(new ValidateRequest(file, null, null, Dialect.POSTGRESQL, null, null), Progress.NONE);
    }

    static void write(Path f, String text, long mtime) throws Exception {
        Files.writeString(f, text);
        Files.setLastModifiedTime(f, FileTime.fromMillis(mtime));
    }

    @Test
    void editedAddedAndRemovedMigrationsAreSeenOnTheNextCall(@TempDir Path dir) throws Exception {
        Path m = Files.createDirectories(dir.resolve("migrations"));
        write(m.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY, email text);\n", 1_000_000);
        write(m.resolve("000001_users.down.sql"), "DROP TABLE users;\n", 1_000_000);
        Path second = m.resolve("000002_idx.up.sql");
        write(second, "CREATE INDEX CONCURRENTLY users_email_idx ON users (email);\n", 1_000_000);
        write(m.resolve("000002_idx.down.sql"), "DROP INDEX CONCURRENTLY users_email_idx;\n", 1_000_000);

        ValidateResult first = validate(second);
        assertThat(first.findings()).extracting(f -> f.rule()).doesNotContain("require-concurrent-index-creation");
        assertThat(validate(second)).as("a warm call gives the same answer").isEqualTo(first);

        // edit the checked migration
        write(second, "CREATE INDEX users_email_idx ON users (email);\n", 2_000_000);
        assertThat(validate(second).findings()).extracting(f -> f.rule()).contains("require-concurrent-index-creation");

        // edit the history: the table the index is on is now created in this migration's own history differently
        write(m.resolve("000001_users.up.sql"), "CREATE TABLE users (id bigint PRIMARY KEY);\nCREATE TABLE accounts (id bigint);\n", 3_000_000);
        ValidateResult afterHistoryEdit = validate(second);
        assertThat(afterHistoryEdit.migrationsReplayed()).isEqualTo(1);

        // add a migration, then replace it by another
        Path third = m.resolve("000003_drop.up.sql");
        write(third, "DROP TABLE accounts;\n", 5_000_000);
        assertThat(validate(third).findings()).extracting(f -> f.rule()).contains("ban-drop-table");
        Files.delete(third);
        write(m.resolve("000003_other.up.sql"), "DROP TABLE users;\n", 6_000_000);
        ValidateResult other = validate(m.resolve("000003_other.up.sql"));
        assertThat(other.findings()).extracting(f -> f.statement()).anyMatch(s -> s != null && s.contains("DROP TABLE users"));
    }
}

package dev.dbmigrate.read;

import static dev.dbmigrate.read.ReadFixtures.byId;
import static dev.dbmigrate.read.ReadFixtures.ids;
import static dev.dbmigrate.read.ReadFixtures.problem;
import static dev.dbmigrate.read.ReadFixtures.read;
import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.DownKind;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.read.flyway.FlywayVersion;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.configuration.ClassicConfiguration;
import org.flywaydb.core.internal.resource.ResourceName;
import org.flywaydb.core.internal.resource.ResourceNameParser;
import org.junit.jupiter.api.Test;

class FlywayReaderTest {

    @Test
    void versionedByFlywayOrderThenRepeatablesByDescription() {
        ReadResult r = read(Tool.FLYWAY, "flyway");
        assertThat(ids(r)).containsExactly("1", "1.2", "1.10", "1.11", "2", "3", "R__functions", "R__views");
        Migration orders = byId(r, "1.10");
        assertThat(orders.version()).isEqualTo("1.10");
        assertThat(orders.name()).isEqualTo("create_orders");
        assertThat(orders.attributes()).containsEntry("description", "create orders").containsEntry("script", "V1_10__create_orders.sql")
                .containsEntry("type", "SQL").containsEntry("checksumInput", orders.file().toString());
        assertThat(orders.downKind()).isEqualTo(DownKind.PRESENT);
        assertThat(orders.down().text()).isEqualTo("DROP TABLE orders;\n");
        assertThat(byId(r, "1.11").transactional()).isFalse();
        assertThat(byId(r, "2").transactional()).isTrue();
        assertThat(byId(r, "3").attributes()).containsEntry("script", "sub/V3__in_subfolder.sql");
        Migration views = byId(r, "R__views");
        assertThat(views.version()).isNull();
        assertThat(views.attributes()).containsEntry("type", "SQL_REPEATABLE");
        // the project has undo files, so versions without one lack a down
        assertThat(byId(r, "1").downKind()).isEqualTo(DownKind.MISSING);
        assertThat(r.problems()).extracting(ReadResult.Problem::kind).containsOnly("missing-down");
    }

    @Test
    void namesFlywayIgnoresAndDuplicates() {
        ReadResult r = read(Tool.FLYWAY, "flyway-broken");
        assertThat(ids(r)).containsExactly("1.0", "1", "3", "5");
        assertThat(problem(r, "duplicate-version", "V1.0__init_again.sql").migrations()).contains("V1__init.sql");
        assertThat(problem(r, "ignored-file", "v2__lowercase.sql").message()).contains("case-sensitive");
        assertThat(problem(r, "ignored-file", "V4a__bad_version.sql")).isNotNull();
        assertThat(problem(r, "ignored-file", "R1__repeatable_with_version.sql")).isNotNull();
        assertThat(problem(r, "suspicious-name", "V3__.sql").message()).contains("empty description");
        assertThat(problem(r, "unreadable", "V5__latin1.sql")).isNotNull();
        assertThat(byId(r, "5").up()).isNull();
        assertThat(r.migrations()).allSatisfy(m -> assertThat(m.downKind()).isEqualTo(DownKind.UNSUPPORTED));
    }

    /** Our version order equals Flyway's own MigrationVersion order. */
    @Test
    void versionOrderMatchesRealFlyway() {
        List<String> versions = List.of("1", "1.2", "1_10", "1.1", "2", "1.0.1", "010", "9", "1.10.0", "2.0.0.1", "20240101120000", "3_1");
        List<String> ours = new ArrayList<>(versions);
        ours.sort(Comparator.comparing(FlywayVersion::parse));
        List<String> theirs = new ArrayList<>(versions);
        theirs.sort(Comparator.comparing(MigrationVersion::fromVersion));
        assertThat(ours).isEqualTo(theirs);
        for (String v : versions) {
            assertThat(FlywayVersion.parse(v).text()).isEqualTo(MigrationVersion.fromVersion(v).getVersion());
        }
        assertThat(FlywayVersion.parse("1.0").compareTo(FlywayVersion.parse("1"))).isZero();
    }

    /** Every file we report as ignored is one that Flyway's own name parser rejects, and vice versa. */
    @Test
    void ignoredFilesMatchRealFlywayNameParser() throws IOException {
        ResourceNameParser flyway = new ResourceNameParser(new ClassicConfiguration());
        for (String fixture : List.of("flyway", "flyway-broken")) {
            ReadResult r = read(Tool.FLYWAY, fixture);
            Path dir = ReadFixtures.root(fixture).resolve("src/main/resources/db/migration");
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(p -> p.toString().endsWith(".sql")).toList()) {
                    String name = f.getFileName().toString();
                    ResourceName parsed = flyway.parse(name);
                    boolean weIgnore = r.problems().stream().anyMatch(p -> p.kind().equals("ignored-file") && p.migrations().contains(name));
                    boolean undo = name.startsWith("U");
                    if (undo) continue; // undo files are a Flyway Teams prefix, not known to the community parser
                    assertThat(weIgnore).as(name + ": " + parsed.getValidityMessage()).isEqualTo(!parsed.isValid());
                }
            }
        }
    }
}

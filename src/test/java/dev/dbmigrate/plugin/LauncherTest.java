package dev.dbmigrate.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * bin/db-migrate-server in a scratch plugin root, with a fake {@code mvn} and a fake {@code java} that log how they
 * were called: build once (also under concurrent starts), AppCDS training and fallback, the read-only option.
 */
@DisabledOnOs(OS.WINDOWS)
class LauncherTest {

    private static final String FAKE_JAVA = """
            #!/usr/bin/env bash
            echo "java $*" >> "$FAKE_LOG"
            for a in "$@"; do case $a in -XX:ArchiveClassesAtExit=*) archive=${a#*=} ;; esac; done
            if [ -n "${archive:-}" ]; then
                echo '{"jsonrpc":"2.0","id":4,"result":{}}'
                cat > /dev/null
                [ -n "${FAKE_TRAINING_FAILS:-}" ] && exit 1
                echo archive > "$archive"
            fi
            exit 0
            """;

    private static final String FAKE_MVN = """
            #!/usr/bin/env bash
            echo "mvn $*" >> "$FAKE_LOG"
            [ -n "${FAKE_BUILD_FAILS:-}" ] && { echo "BUILD FAILURE"; exit 1; }
            sleep 1
            mkdir -p target && echo jar > target/db-migrate.jar
            """;

    @TempDir
    Path dir;

    Path root;
    Path log;
    Map<String, String> env;

    record Run(int exit, String stdout, String stderr) {}

    @BeforeEach
    void scratchPluginRoot() throws IOException {
        root = dir.resolve("plugin");
        Files.createDirectories(root.resolve("bin"));
        Files.createDirectories(root.resolve("src/main/java"));
        Files.createDirectories(root.resolve("commands"));
        Files.writeString(root.resolve("pom.xml"), "<project/>");
        Files.copy(PluginFiles.root().resolve("bin/db-migrate-server"), root.resolve("bin/db-migrate-server"));
        Path jdk = dir.resolve("jdk");
        executable(jdk.resolve("bin/java"), FAKE_JAVA);
        executable(dir.resolve("tools/mvn"), FAKE_MVN);
        log = dir.resolve("calls.log");
        Files.writeString(log, "");
        env = new HashMap<>();
        env.put("JAVA_HOME", jdk.toString());
        env.put("PATH", dir.resolve("tools") + ":/usr/bin:/bin");
        env.put("FAKE_LOG", log.toString());
        env.put("TMPDIR", dir.toString());
    }

    @Test
    void aFreshCloneIsBuiltOnceTrainedAndStartedWithTheArchive() throws Exception {
        Run first = launch("--read-only");
        assertThat(first.exit()).isZero();
        assertThat(first.stdout()).as("stdout belongs to the protocol").isEmpty();
        assertThat(first.stderr()).contains("building");
        List<String> calls = calls();
        assertThat(calls).filteredOn(c -> c.startsWith("mvn")).singleElement().asString().contains("-DskipTests").contains("package");
        assertThat(calls).filteredOn(c -> c.contains("-XX:ArchiveClassesAtExit=")).hasSize(1);
        assertThat(calls).filteredOn(c -> c.contains("-Xshare:on")).as("the archive is checked before use").hasSize(1);
        assertThat(calls.get(calls.size() - 1))
                .contains("-XX:SharedArchiveFile=" + root.resolve("target/cds"))
                .contains("-Xlog:all=warning:stderr")
                .endsWith("-jar " + root.resolve("target/db-migrate.jar") + " --read-only");

        Files.writeString(log, "");
        assertThat(launch().exit()).isZero();
        assertThat(calls()).as("later starts only exec the server").singleElement().asString().contains("-XX:SharedArchiveFile=");
    }

    @Test
    void twoSessionsStartingAtOnceBuildAndTrainOnce() throws Exception {
        Process a = start();
        Process b = start();
        assertThat(a.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(b.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(a.exitValue()).isZero();
        assertThat(b.exitValue()).isZero();
        List<String> calls = calls();
        assertThat(calls).filteredOn(c -> c.startsWith("mvn")).hasSize(1);
        assertThat(calls).filteredOn(c -> c.contains("-XX:ArchiveClassesAtExit=")).hasSize(1);
        assertThat(calls).filteredOn(c -> c.contains("-XX:SharedArchiveFile=") && !c.contains("-Xshare:on")).hasSize(2);
    }

    @Test
    void withoutFlockThePerlLockKeepsConcurrentStartsToOneBuild() throws Exception {
        env.put("PATH", dir.resolve("tools") + ":" + systemPathWithout("flock"));
        twoSessionsStartingAtOnceBuildAndTrainOnce();
    }

    @Test
    void aSourceNewerThanTheJarTriggersARebuildAndANewArchive() throws Exception {
        assertThat(launch().exit()).isZero();
        Path source = Files.writeString(root.resolve("src/main/java/Changed.java"), "class Changed {}");
        Files.setLastModifiedTime(source, FileTime.from(Instant.now().plusSeconds(30)));
        Files.writeString(log, "");
        assertThat(launch().exit()).isZero();
        assertThat(calls()).filteredOn(c -> c.startsWith("mvn")).hasSize(1);
        assertThat(calls()).filteredOn(c -> c.contains("-XX:ArchiveClassesAtExit=")).hasSize(1);
    }

    @Test
    void thePluginsReadOnlyOptionBecomesTheServerFlag() throws Exception {
        env.put("DB_MIGRATE_PLUGIN_READ_ONLY", "true");
        assertThat(launch().exit()).isZero();
        assertThat(lastCall()).endsWith("db-migrate.jar --read-only");
        env.put("DB_MIGRATE_PLUGIN_READ_ONLY", "false");
        assertThat(launch().exit()).isZero();
        assertThat(lastCall()).endsWith("db-migrate.jar");
    }

    @Test
    void theArchiveLivesInThePluginDataDirectoryWhenThereIsOne() throws Exception {
        Path data = dir.resolve("plugin-data");
        env.put("CLAUDE_PLUGIN_DATA", data.toString());
        assertThat(launch().exit()).isZero();
        assertThat(lastCall()).contains("-XX:SharedArchiveFile=" + data.resolve("cds"));
        try (var files = Files.list(data.resolve("cds"))) {
            assertThat(files.map(p -> p.getFileName().toString())).singleElement().asString().matches("db-migrate-\\d+\\.jsa");
        }
    }

    @Test
    void aFailedTrainingRunStartsTheServerWithoutAnArchive() throws Exception {
        env.put("FAKE_TRAINING_FAILS", "1");
        Run run = launch();
        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).contains("AppCDS training failed");
        assertThat(lastCall()).doesNotContain("SharedArchiveFile").contains("-jar");
    }

    @Test
    void cdsCanBeSwitchedOff() throws Exception {
        env.put("DB_MIGRATE_CDS", "0");
        assertThat(launch().exit()).isZero();
        assertThat(calls()).noneMatch(c -> c.contains("ArchiveClassesAtExit") || c.contains("SharedArchiveFile"));
    }

    @Test
    void aFailedBuildWithoutAJarIsAClearErrorOnStderr() throws Exception {
        env.put("FAKE_BUILD_FAILS", "1");
        Run run = launch();
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.stdout()).as("Maven's output must not reach the protocol stream").isEmpty();
        assertThat(run.stderr()).contains("BUILD FAILURE").contains("build failed and there is no jar");
        assertThat(calls()).noneMatch(c -> c.startsWith("java"));
    }

    @Test
    void aFailedRebuildFallsBackToTheExistingJar() throws Exception {
        assertThat(launch().exit()).isZero();
        Files.setLastModifiedTime(root.resolve("pom.xml"), FileTime.from(Instant.now().plusSeconds(30)));
        env.put("FAKE_BUILD_FAILS", "1");
        Run run = launch();
        assertThat(run.exit()).isZero();
        assertThat(run.stderr()).contains("running the existing (older) jar");
        assertThat(lastCall()).contains("-jar " + root.resolve("target/db-migrate.jar"));
    }

    private Process start() throws IOException {
        ProcessBuilder pb = new ProcessBuilder("bash", root.resolve("bin/db-migrate-server").toString());
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        return pb.start();
    }

    private Run launch(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of("bash", root.resolve("bin/db-migrate-server").toString()));
        cmd.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(cmd);
        pb.environment().clear();
        pb.environment().putAll(env);
        pb.directory(dir.toFile());
        Path out = dir.resolve("stdout");
        Path err = dir.resolve("stderr");
        pb.redirectOutput(out.toFile()).redirectError(err.toFile()).redirectInput(ProcessBuilder.Redirect.PIPE);
        Process p = pb.start();
        p.getOutputStream().close();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).as("launcher finished").isTrue();
        return new Run(p.exitValue(), Files.readString(out), Files.readString(err));
    }

    private List<String> calls() throws IOException {
        return Files.readAllLines(log, StandardCharsets.UTF_8).stream().filter(l -> !l.isBlank()).toList();
    }

    private String lastCall() throws IOException {
        List<String> calls = calls();
        return calls.get(calls.size() - 1);
    }

    /** A directory of links to everything in /usr/bin and /bin except the named commands (macOS has no flock). */
    private String systemPathWithout(String... missing) throws IOException {
        Path bin = dir.resolve("system-bin");
        Files.createDirectories(bin);
        for (String sys : List.of("/usr/bin", "/bin")) {
            try (var files = Files.list(Path.of(sys))) {
                for (Path f : (Iterable<Path>) files::iterator) {
                    Path link = bin.resolve(f.getFileName().toString());
                    if (!List.of(missing).contains(f.getFileName().toString()) && Files.notExists(link, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                        Files.createSymbolicLink(link, f);
                    }
                }
            }
        }
        return bin.toString();
    }

    private static void executable(Path file, String content) throws IOException {
        Files.createDirectories(file.getParent());
        Files.writeString(file, content);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
}

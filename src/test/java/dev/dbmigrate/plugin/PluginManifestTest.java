package dev.dbmigrate.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.dbmigrate.Version;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** .claude-plugin/plugin.json and the launcher it points at. */
class PluginManifestTest {

    private final JsonNode manifest = PluginFiles.manifest();

    @Test
    void hasTheMetadataAMarketplaceShows() {
        assertThat(manifest.path("name").asText()).isEqualTo("db-migrate");
        assertThat(manifest.path("version").asText()).as("in step with the jar").isEqualTo(Version.VERSION);
        assertThat(manifest.path("description").asText()).contains("migration").hasSizeGreaterThan(80);
        assertThat(manifest.path("author").path("name").asText()).isNotBlank();
        assertThat(manifest.path("keywords").isArray()).isTrue();
        assertThat(manifest.path("keywords")).extracting(JsonNode::asText).contains("migrations", "mcp");
    }

    @Test
    void theOnlyFileInDotClaudePluginIsTheManifest() throws IOException {
        try (Stream<Path> files = Files.list(PluginFiles.root().resolve(".claude-plugin"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactly("plugin.json");
        }
    }

    @Test
    void theServerEntryRunsTheLauncherInsideThePlugin() {
        JsonNode server = manifest.path("mcpServers").path("db-migrate");
        assertThat(manifest.path("mcpServers").size()).isEqualTo(1);
        String command = server.path("command").asText();
        assertThat(command).isEqualTo("${CLAUDE_PLUGIN_ROOT}/bin/db-migrate-server");
        Path launcher = PluginFiles.root().resolve(command.replace("${CLAUDE_PLUGIN_ROOT}/", ""));
        assertThat(launcher).isRegularFile().isExecutable();
        assertThat(server.path("args")).isEmpty();
    }

    @Test
    void theReadOnlyOptionReachesTheLauncher() throws IOException {
        JsonNode option = manifest.path("userConfig").path("read_only");
        assertThat(option.path("type").asText()).isEqualTo("boolean");
        assertThat(option.path("default").asBoolean(true)).as("writes allowed unless the user opts in").isFalse();
        JsonNode env = manifest.path("mcpServers").path("db-migrate").path("env");
        assertThat(env.path("DB_MIGRATE_PLUGIN_READ_ONLY").asText()).isEqualTo("${user_config.read_only}");
        String launcher = Files.readString(PluginFiles.root().resolve("bin/db-migrate-server"));
        assertThat(launcher).contains("DB_MIGRATE_PLUGIN_READ_ONLY").contains("--read-only");
    }

    @Test
    void theLauncherKeepsStdoutForTheProtocol() throws IOException {
        List<String> lines = Files.readAllLines(PluginFiles.root().resolve("bin/db-migrate-server"));
        assertThat(lines.get(0)).isEqualTo("#!/usr/bin/env bash");
        String script = String.join("\n", lines);
        assertThat(script)
                .as("Maven output goes to stderr").contains("package) >&2")
                .as("JVM warnings and crash reports go to stderr").contains("-Xlog:all=warning:stderr").contains("-XX:+DisplayVMOutputToStderr")
                .as("the build runs under a lock").contains("flock")
                .as("the server replaces the shell").contains("exec \"$JAVA\"");
    }
}

package dev.dbmigrate.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.mcp.Prompts;
import dev.dbmigrate.plugin.PluginFiles.Markdown;
import java.nio.file.Files;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Every command, agent and skill has frontmatter that parses (Jackson YAML) and carries the fields Claude Code uses. */
class FrontmatterTest {

    static final Set<String> ACTIONS = Set.of("setup", "generate", "validate", "plan", "history", "rollback");
    static final Set<String> MODELS = Set.of("haiku", "sonnet", "opus", "inherit");
    static final Set<String> BUILT_IN_TOOLS = Set.of("Read", "Grep", "Glob", "Write", "Edit", "Bash", "AskUserQuestion");
    /** A pre-approved shell command: Bash(<command prefix>:*), never Bash on its own. */
    static final Pattern BASH_RULE = Pattern.compile("Bash\\(([a-z][\\w./-]*(?: [\\w.:=/-]+)*):\\*\\)");

    @Test
    void theSixActionsAndTheDispatcherAreCommands() {
        Set<String> names = PluginFiles.commands().stream().map(Markdown::name).collect(Collectors.toSet());
        assertThat(names).containsExactlyInAnyOrderElementsOf(union(ACTIONS, Set.of("db-migrate")));
        assertThat(Prompts.ACTIONS).extracting(Prompts.Action::name).containsExactlyInAnyOrderElementsOf(ACTIONS);
    }

    @Test
    void commandsHaveDescriptionArgumentHintAndPreciseAllowedTools() {
        for (Markdown md : PluginFiles.commands()) {
            assertThat(md.text("description")).as(md.path() + " description").isNotBlank().hasSizeLessThan(200);
            assertThat(md.text("argument-hint")).as(md.path() + " argument-hint").isNotBlank();
            assertThat(md.body()).as(md.path() + " uses its arguments").contains("$ARGUMENTS");
            if (md.text("model") != null) assertThat(md.text("model")).isIn(MODELS);
            List<String> tools = md.list("allowed-tools");
            assertThat(tools).as(md.path() + " allowed-tools").isNotEmpty().doesNotHaveDuplicates();
            for (String tool : tools) {
                assertThat(tool).as(md.path() + ": " + tool).satisfiesAnyOf(
                        t -> assertThat(t).isIn(BUILT_IN_TOOLS).isNotEqualTo("Bash"),
                        t -> assertThat(t).matches(BASH_RULE),
                        t -> assertThat(t).startsWith(Prompts.CLAUDE_TOOL_PREFIX));
            }
        }
    }

    @Test
    void onlyGenerateAndHistoryPreApproveToolCommandsAndNothingAppliesOrRollsBack() {
        for (Markdown md : PluginFiles.commands()) {
            for (String tool : md.list("allowed-tools")) {
                Matcher m = BASH_RULE.matcher(tool);
                if (!m.matches()) continue;
                String command = m.group(1);
                assertThat(command).as(md.path() + ": " + tool)
                        .doesNotContainPattern("\\b(deploy|upgrade|downgrade|rollback|revert|undo|reset|push|up|down|run|migrate)$")
                        .doesNotContain("migrate deploy").doesNotContain("db:migrate ").doesNotContain("migrate:latest");
                if (!command.startsWith("git ")) assertThat(md.name()).as(tool).isIn("generate", "history");
            }
        }
    }

    @Test
    void theDispatcherIsReachableAsSlashDbMigrateAndNamesEveryAction() {
        Markdown dispatcher = PluginFiles.command("db-migrate");
        assertThat(dispatcher.text("name")).as("makes /db-migrate resolve, not only /db-migrate:db-migrate").isEqualTo("db-migrate");
        assertThat(dispatcher.body()).contains("${CLAUDE_PLUGIN_ROOT}/commands/<action>.md");
        for (String action : ACTIONS) assertThat(dispatcher.body()).contains("| `" + action);
        // the dispatcher pre-approves everything an action needs from the server
        for (Markdown md : PluginFiles.commands()) {
            List<String> mcp = md.list("allowed-tools").stream().filter(t -> t.startsWith("mcp__")).toList();
            assertThat(dispatcher.list("allowed-tools")).as(md.name()).containsAll(mcp);
        }
    }

    @Test
    void agentsHaveNameDescriptionModelAndAToolAllowlist() {
        assertThat(PluginFiles.agents()).extracting(Markdown::name).containsExactlyInAnyOrder("migration-planner", "migration-auditor");
        for (Markdown md : PluginFiles.agents()) {
            assertThat(md.text("name")).isEqualTo(md.name());
            assertThat(md.text("description")).as(md.path().toString()).hasSizeGreaterThan(60);
            assertThat(md.list("tools")).as(md.path() + " tools").isNotEmpty();
            assertThat(md.front().has("permissionMode")).as("ignored for plugin agents").isFalse();
            assertThat(md.body()).as(md.path() + " system prompt").hasSizeGreaterThan(300);
        }
        assertThat(PluginFiles.agent("migration-planner").text("model")).isEqualTo("sonnet");
        assertThat(PluginFiles.agent("migration-auditor").text("model")).isEqualTo("haiku");
    }

    @Test
    void skillsAreNamedAfterTheirFolderAndFitTheDescriptionBudget() {
        assertThat(PluginFiles.skills()).extracting(md -> md.path().getParent().getFileName().toString())
                .containsExactlyInAnyOrder("orm-detection", "migration-safety", "rollback-patterns", "naming-conventions", "visual-header");
        for (Markdown md : PluginFiles.skills()) {
            String folder = md.path().getParent().getFileName().toString();
            assertThat(md.text("name")).isEqualTo(folder);
            String description = md.text("description");
            String whenToUse = md.text("when_to_use");
            assertThat(description).as(folder).hasSizeGreaterThan(80);
            assertThat(whenToUse).as(folder).isNotBlank();
            assertThat(description.length() + whenToUse.length()).as(folder + ": description + when_to_use").isLessThanOrEqualTo(1536);
        }
    }

    @Test
    void everySkillThatIsReferencedExists() {
        Set<String> skills = PluginFiles.skills().stream().map(md -> md.text("name")).collect(Collectors.toSet());
        Pattern mention = Pattern.compile("\\b([a-z]+(?:-[a-z]+)+) skill\\b");
        for (Markdown md : PluginFiles.all()) {
            assertThat(md.list("skills")).as(md.path() + " skills").allMatch(skills::contains);
            Matcher m = mention.matcher(md.body());
            while (m.find()) assertThat(m.group(1)).as(md.path() + " mentions").isIn(skills);
        }
    }

    @Test
    void theVisualHeaderSkillShowsTheHeaderTheServerPrints() {
        String skill = PluginFiles.raw(PluginFiles.skills().stream()
                .filter(md -> md.text("name").equals("visual-header")).findFirst().orElseThrow());
        assertThat(skill).contains(dev.dbmigrate.render.Header.title("Migration plan"));
    }

    @Test
    void theConfigThatSetupWritesIsOneTheServerReads(@org.junit.jupiter.api.io.TempDir java.nio.file.Path project) throws Exception {
        String body = PluginFiles.command("setup").body();
        Matcher yaml = Pattern.compile("```yaml\\n(.*?)```", Pattern.DOTALL).matcher(body);
        assertThat(yaml.find()).as("setup.md shows the file it writes").isTrue();
        Files.writeString(project.resolve(dev.dbmigrate.config.ProjectConfig.FILE_NAME), yaml.group(1).stripIndent());
        var config = dev.dbmigrate.config.ProjectConfig.load(project);
        assertThat(config.tool()).isEqualTo(dev.dbmigrate.model.Tool.PRISMA);
        assertThat(config.dialect()).isEqualTo(dev.dbmigrate.model.Dialect.POSTGRESQL);
        assertThat(config.pgVersion()).isEqualTo(15);
        assertThat(config.migrations()).isEqualTo("prisma/migrations");
    }

    @Test
    void theFilesAreSmallEnoughToLoad() throws Exception {
        for (Markdown md : PluginFiles.all()) {
            assertThat(Files.size(md.path())).as(md.path().toString()).isLessThan(16_000);
        }
    }

    private static Set<String> union(Set<String> a, Set<String> b) {
        return java.util.stream.Stream.concat(a.stream(), b.stream()).collect(Collectors.toSet());
    }
}

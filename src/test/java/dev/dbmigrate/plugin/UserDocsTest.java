package dev.dbmigrate.plugin;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.dbmigrate.cli.Cli;
import dev.dbmigrate.testing.McpTestClient;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/**
 * The user-facing text against the product: the README names every CLI command and option and every MCP tool the
 * server offers; the rule ids the docs quote exist; and the example projects of the walkthrough still give the
 * verdicts the walkthrough shows.
 */
class UserDocsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A rule id as the docs quote it: in backticks, after a report's "[WARN] 2:1", or as a .db-migrate.yml rules: key. */
    private static final Pattern RULE_ID = Pattern.compile(
            "`([a-z]+(?:-[a-z0-9]+){2,})`|\\] \\d+:\\d+ +([a-z]+(?:-[a-z0-9]+)+)|^ +([a-z]+(?:-[a-z0-9]+){2,}): (?:off|error|warning|info)\\b",
            Pattern.MULTILINE);

    private static String read(String relative) throws IOException {
        return Files.readString(PluginFiles.root().resolve(relative), StandardCharsets.UTF_8);
    }

    @Test
    void theReadmeDescribesEveryCommandAndOption() throws IOException {
        String readme = read("README.md");
        CommandLine cli = new CommandLine(new Cli());
        List<String> missing = new ArrayList<>();
        cli.getSubcommands().forEach((name, sub) -> {
            if (name.equals("help")) return;
            if (!readme.contains("`" + name)) missing.add(name);
            for (CommandLine.Model.OptionSpec o : sub.getCommandSpec().options()) {
                String longName = o.longestName();
                if (Set.of("--help", "--version").contains(longName)) continue;
                if (!readme.contains(longName)) missing.add(name + " " + longName);
            }
        });
        assertThat(missing).as("CLI commands and options the README does not mention").isEmpty();
    }

    @Test
    void theReadmeListsEveryToolTheServerOffers() throws IOException {
        String readme = read("README.md");
        try (McpTestClient mcp = McpTestClient.start()) {
            List<String> missing = mcp.tools().stream().map(McpSchema.Tool::name)
                    .filter(t -> !readme.contains("| `" + t + "` |"))
                    .toList();
            assertThat(missing).as("tools without a row in the README's tool table").isEmpty();
        }
    }

    @Test
    void everyRuleIdTheDocsQuoteExists() throws IOException {
        String rules = read("docs/rules.md");
        Set<String> known = new TreeSet<>();
        Matcher m = Pattern.compile("^\\| `([a-z0-9-]+)` \\|", Pattern.MULTILINE).matcher(rules);
        while (m.find()) known.add(m.group(1));
        assertThat(known).hasSizeGreaterThan(40);
        for (String doc : List.of("README.md", "docs/walkthrough.md", "skills/migration-safety/SKILL.md")) {
            Set<String> quoted = new TreeSet<>();
            Matcher q = RULE_ID.matcher(read(doc));
            while (q.find()) {
                for (int g = 1; g <= 3; g++) if (q.group(g) != null) quoted.add(q.group(g));
            }
            quoted.removeIf(id -> !looksLikeRule(id));
            assertThat(quoted).as(doc + ": quoted rule ids").isNotEmpty().allMatch(known::contains);
        }
    }

    /** Rule-shaped words that are not rule ids (commands, file names, option values). */
    private static boolean looksLikeRule(String id) {
        return !(id.startsWith("db-migrate") || id.startsWith("rollback-") || id.startsWith("mcp-") || id.contains("migrate-")
                || id.equals("prisma-client-js") || id.startsWith("golang-") || id.startsWith("sequelize-") || id.startsWith("migration-"));
    }

    @Test
    void theRiskyExampleFailsWithTheFindingsTheWalkthroughShows() throws IOException {
        JsonNode r = validate("examples/shop/prisma/migrations/20240305120000_tighten_orders/migration.sql", 1);
        assertThat(r.path("risk").asText()).isEqualTo("HIGH");
        assertThat(r.path("summary").path("errors").asInt()).isEqualTo(3);
        assertThat(rules(r)).containsExactlyInAnyOrder("narrowing-column-type", "changing-column-type", "prefer-text-field",
                "require-lock-timeout", "ban-drop-column", "adding-required-field", "ban-char-field", "update-without-where",
                "backfill-in-ddl-transaction", "require-concurrent-index-creation", "renaming-column");
    }

    @Test
    void theSafeRewriteOfTheWalkthroughHasNothingAtWarningOrAbove() throws IOException {
        JsonNode expand = validate("examples/shop-safe/prisma/migrations/20240305120000_expand_orders/migration.sql", 0);
        assertThat(expand.path("risk").asText()).isEqualTo("LOW");
        assertThat(rules(expand)).containsExactly("ban-char-field");
        JsonNode index = validate("examples/shop-safe/prisma/migrations/20240305120100_orders_created_at_idx/migration.sql", 0);
        assertThat(index.path("findings")).isEmpty();
        assertThat(index.path("migrationsReplayed").asInt()).isEqualTo(5);
    }

    @Test
    void theSafeExampleIsConfiguredAsSetupWritesIt() throws IOException {
        JsonNode detected = run(0, "detect", PluginFiles.root().resolve("examples/shop-safe").toString(), "--format", "json");
        JsonNode d = detected.path("detections").get(0);
        assertThat(d.path("tool").asText()).isEqualTo("prisma");
        assertThat(d.path("dialect").asText()).isEqualTo("postgresql");
        String config = read("examples/shop-safe/.db-migrate.yml");
        assertThat(config).contains("tool: prisma", "migrations: prisma/migrations", "dialect: postgresql", "pgVersion: 15");
        assertThat(read("commands/setup.md")).contains("tool: prisma", "migrations: prisma/migrations", "dialect: postgresql", "pgVersion: 15");
    }

    private static List<String> rules(JsonNode validation) {
        List<String> out = new ArrayList<>();
        validation.path("findings").forEach(f -> out.add(f.path("rule").asText()));
        return out;
    }

    private static JsonNode validate(String relative, int expectedExit) throws IOException {
        return run(expectedExit, "validate", PluginFiles.root().resolve(relative).toString(), "--format", "json");
    }

    private static JsonNode run(int expectedExit, String... args) throws IOException {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        assertThat(code).as(String.join(" ", args) + ": " + err).isEqualTo(expectedExit);
        return JSON.readTree(out.toString());
    }
}

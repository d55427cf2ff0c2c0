package dev.dbmigrate.analyse.rules;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The rule catalog is a contract: src/test/resources/rule-catalog-ids.txt holds its ids (CI runs on a
 * clean checkout that may not have shared/), every one is registered exactly once, every registered
 * rule carries a {@link RuleSpec} with a summary, and every rule has its {@code <Rule>Test}.
 */
class RuleCatalogTest {

    static List<String> catalogIds() throws IOException {
        try (InputStream in = RuleCatalogTest.class.getResourceAsStream("/rule-catalog-ids.txt")) {
            assertThat(in).as("rule-catalog-ids.txt on the test classpath").isNotNull();
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().map(String::trim)
                    .filter(l -> !l.isEmpty() && !l.startsWith("#")).toList();
        }
    }

    @Test
    void everyCatalogIdIsRegisteredExactlyOnce() throws IOException {
        List<String> ids = catalogIds();
        assertThat(ids).doesNotHaveDuplicates().hasSizeGreaterThan(40);
        Map<String, Long> registered = Rules.catalog().stream().collect(Collectors.groupingBy(Rule::id, Collectors.counting()));
        List<String> missing = ids.stream().filter(id -> !registered.containsKey(id)).toList();
        List<String> twice = registered.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey).toList();
        assertThat(missing).as("catalog ids with no registered rule").isEmpty();
        assertThat(twice).as("ids registered more than once").isEmpty();
    }

    @Test
    void everyRegisteredRuleHasASpecWithASummary() {
        for (Rule r : Rules.catalog()) {
            RuleSpec spec = r.getClass().getAnnotation(RuleSpec.class);
            assertThat(spec).as(r.getClass().getName()).isNotNull();
            assertThat(spec.summary()).as(r.id() + " summary").isNotBlank();
            assertThat(spec.id()).as(r.getClass().getName() + " id").matches("[a-z0-9]+(-[a-z0-9]+)*");
            assertThat(spec.dialects()).as(r.id() + " dialects").isNotEmpty();
        }
    }

    @Test
    void everyRuleHasATestClass() {
        List<String> without = new ArrayList<>();
        for (Rule r : Rules.catalog()) {
            String test = r.getClass().getName() + "Test";
            try {
                Class.forName(test);
            } catch (ClassNotFoundException e) {
                without.add(r.id() + " (" + test + ")");
            }
        }
        assertThat(without).as("rules without a test class").isEmpty();
    }

    @Test
    void theIdListMatchesTheSharedCatalogWhenItIsThere() throws IOException {
        Path md = catalogFile();
        Assumptions.assumeTrue(md != null, "shared/docs/rule-catalog.md is not next to this checkout");
        Set<String> fromDoc = new LinkedHashSet<>();
        Matcher m = Pattern.compile("(?m)^\\|\\s*([a-z][a-z0-9]*(?:-[a-z0-9]+)*)\\s*\\|").matcher(Files.readString(md));
        while (m.find()) if (!m.group(1).equals("id")) fromDoc.add(m.group(1));
        assertThat(catalogIds()).as("src/test/resources/rule-catalog-ids.txt vs " + md).containsExactlyInAnyOrderElementsOf(fromDoc);
    }

    /** shared/ sits beside the repository on CI, two levels up from a worktree. */
    private static Path catalogFile() {
        Path here = Path.of("").toAbsolutePath();
        for (Path p = here; p != null; p = p.getParent()) {
            Path candidate = p.resolve("shared/docs/rule-catalog.md");
            if (Files.isRegularFile(candidate)) return candidate;
        }
        return null;
    }
}

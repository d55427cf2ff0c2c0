package dev.dbmigrate.analyse.history;

import dev.dbmigrate.InputException;
import dev.dbmigrate.config.ProjectConfig;
import dev.dbmigrate.db.DatabaseUrl;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The databases a history or drift request names: URLs given directly, or environments of .db-migrate.yml. */
public final class DatabaseTargets {

    /** "staging=postgresql://..." names a URL. */
    private static final Pattern NAMED = Pattern.compile("^([A-Za-z][A-Za-z0-9_.\\-]*)=(.+)$", Pattern.DOTALL);

    private DatabaseTargets() {}

    /**
     * A database to read.
     *
     * @param name     environment name, or a label made from the URL
     * @param url      the parsed URL, or null when {@code error} says why there is none
     * @param shownUrl the URL with the password replaced by ***, or null
     * @param error    why this environment cannot be read, or null
     */
    public record Target(String name, DatabaseUrl url, String shownUrl, String error) {}

    /**
     * @param p                the project (its root resolves relative SQLite paths; its config names environments)
     * @param databaseUrls     URLs, each optionally "name=URL"
     * @param environmentNames names from .db-migrate.yml ("all" = every one)
     * @throws InputException for a malformed URL or an unknown environment name; an environment
     *         whose URL is unusable becomes a target with an error instead
     */
    public static List<Target> resolve(MigrationSource.Project p, List<String> databaseUrls, List<String> environmentNames) {
        List<Target> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (String raw : databaseUrls == null ? List.<String>of() : databaseUrls) {
            String name = null;
            String text = raw.trim();
            Matcher m = NAMED.matcher(text);
            if (m.matches() && !m.group(1).contains(".") && !m.group(2).startsWith("/")) {
                name = m.group(1);
                text = m.group(2);
            }
            DatabaseUrl url = DatabaseUrl.parse(text, p.root());
            out.add(new Target(unique(name != null ? name : url.label(), seen), url, url.redacted(), null));
        }
        List<String> names = environmentNames == null ? List.of() : environmentNames;
        if (names.isEmpty()) return out;
        Map<String, ProjectConfig.Environment> defined = p.environments();
        if (defined.isEmpty()) {
            throw new InputException("environments " + names + " requested, but " + p.root() + " has no .db-migrate.yml with environments");
        }
        List<String> chosen = new ArrayList<>();
        if (names.size() == 1 && names.get(0).equalsIgnoreCase("all")) {
            chosen.addAll(defined.keySet());
        } else {
            for (String n : names) {
                if (!defined.containsKey(n)) {
                    throw new InputException("no environment '" + n + "' in .db-migrate.yml (defined: " + String.join(", ", defined.keySet()) + ")");
                }
                chosen.add(n);
            }
        }
        for (String n : chosen) {
            try {
                String raw = defined.get(n).expandedUrl();
                if (raw.isBlank()) throw new InputException("environment '" + n + "' has an empty url in .db-migrate.yml");
                DatabaseUrl url = DatabaseUrl.parse(raw, p.root());
                out.add(new Target(unique(n, seen), url, url.redacted(), null));
            } catch (InputException ex) {
                out.add(new Target(unique(n, seen), null, null, ex.getMessage()));
            }
        }
        return out;
    }

    private static String unique(String name, Map<String, Integer> seen) {
        int n = seen.merge(name, 1, Integer::sum);
        return n == 1 ? name : name + "#" + n;
    }
}

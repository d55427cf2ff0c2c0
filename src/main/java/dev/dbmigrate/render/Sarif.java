package dev.dbmigrate.render;

import dev.dbmigrate.Version;
import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.rules.Rule;
import dev.dbmigrate.analyse.rules.Rules;
import dev.dbmigrate.analyse.validate.ValidateResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** SARIF 2.1.0 for code scanning (GitHub, GitLab, IDEs). */
public final class Sarif {

    private Sarif() {}

    public static String render(ValidateResult r) {
        List<Map<String, Object>> rules = new ArrayList<>();
        for (Rule rule : Rules.catalog()) {
            Map<String, Object> d = new LinkedHashMap<>();
            d.put("id", rule.id());
            d.put("name", rule.id());
            d.put("shortDescription", Map.of("text", rule.summary()));
            d.put("defaultConfiguration", Map.of("level", level(rule.defaultSeverity().id())));
            d.put("properties", Map.of("category", rule.category().id(), "dialects", rule.dialects().stream().map(Object::toString).toList()));
            rules.add(d);
        }
        List<Map<String, Object>> results = new ArrayList<>();
        for (Finding f : r.findings()) {
            Map<String, Object> res = new LinkedHashMap<>();
            res.put("ruleId", f.rule());
            res.put("level", level(f.severity()));
            StringBuilder msg = new StringBuilder(f.message());
            if (f.lock() != null) msg.append("\nLock: ").append(f.lock());
            if (f.evidence() != null) msg.append("\nEvidence: ").append(f.evidence());
            if (f.fix() != null) msg.append("\nSafer path:\n").append(f.fix());
            res.put("message", Map.of("text", msg.toString()));
            Map<String, Object> region = new LinkedHashMap<>();
            region.put("startLine", Math.max(1, f.line()));
            region.put("startColumn", Math.max(1, f.column()));
            Map<String, Object> artifact = new LinkedHashMap<>();
            artifact.put("uri", f.file() == null ? "inline.sql" : f.file().replace('\\', '/'));
            if (r.projectPath() != null) artifact.put("uriBaseId", "PROJECTROOT");
            res.put("locations", List.of(Map.of("physicalLocation", Map.of("artifactLocation", artifact, "region", region))));
            res.put("properties", Map.of("category", f.category()));
            results.add(res);
        }
        Map<String, Object> driver = new LinkedHashMap<>();
        driver.put("name", "db-migrate");
        driver.put("version", Version.VERSION);
        driver.put("informationUri", "https://github.com/db-migrate/db-migrate");
        driver.put("rules", rules);
        Map<String, Object> run = new LinkedHashMap<>();
        run.put("tool", Map.of("driver", driver));
        if (r.projectPath() != null) {
            run.put("originalUriBaseIds", Map.of("PROJECTROOT", Map.of("uri", java.nio.file.Path.of(r.projectPath()).toUri().toString())));
        }
        run.put("results", results);
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
        doc.put("version", "2.1.0");
        doc.put("runs", List.of(run));
        return Json.pretty(doc);
    }

    static String level(String severity) {
        return switch (severity) {
            case "error" -> "error";
            case "warning" -> "warning";
            default -> "note";
        };
    }
}

package dev.dbmigrate.detect;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Per-environment settings (knexfile, Sequelize config, Rails database.yml): the dialect reported is
 * production's when there is one, else development's, else the first; every distinct value is shown.
 */
final class Environments {

    private Environments() {}

    private static final List<String> PREFERRED = List.of("production", "prod", "staging", "development", "dev");
    private static final Pattern ENV_KEY = Pattern.compile("(?<![\\w$.])['\"]?(production|prod|staging|development|dev|test|local)['\"]?\\s*:\\s*\\{");

    /** Sets the dialect from the chosen environment's value of {@code setting}. */
    static void applyDialect(Found f, String setting, Map<String, String> byEnv) {
        Map.Entry<String, String> chosen = choose(byEnv);
        if (chosen != null) f.dialectNamed(setting, chosen.getValue(), null);
    }

    static Map.Entry<String, String> choose(Map<String, String> byEnv) {
        for (String p : PREFERRED) {
            String v = byEnv.get(p);
            if (v != null) return Map.entry(p, v);
        }
        return byEnv.isEmpty() ? null : byEnv.entrySet().iterator().next();
    }

    /** "client 'pg'" or "client 'sqlite3' (development), 'pg' (production)". */
    static String describe(String key, Map<String, String> byEnv) {
        Set<String> values = new LinkedHashSet<>(byEnv.values());
        if (values.size() == 1) return key + " '" + values.iterator().next() + "'";
        StringBuilder sb = new StringBuilder(key).append(' ');
        String sep = "";
        for (Map.Entry<String, String> e : byEnv.entrySet()) {
            sb.append(sep).append('\'').append(e.getValue()).append("' (").append(e.getKey()).append(')');
            sep = ", ";
        }
        return sb.toString();
    }

    /** The environment block (development: {...}) a JS property at {@code offset} sits in, or "default". */
    static String nameBefore(String code, int offset) {
        Matcher m = ENV_KEY.matcher(code);
        String name = "default";
        while (m.find() && m.start() < offset) name = m.group(1);
        return name;
    }
}

package dev.dbmigrate.parse.ruby;

import java.util.Locale;
import java.util.Map;

/**
 * The English inflections Active Record applies to names in migrations: {@code t.references :user}
 * points at {@code users}, {@code add_foreign_key :articles, :authors} uses {@code author_id},
 * {@code User.update_all} writes {@code users}. Covers the regular rules and the common irregular
 * and uncountable words of Active Support's default inflections; an application's custom
 * inflections are not known.
 */
final class Inflector {

    private static final Map<String, String> IRREGULAR = Map.of("person", "people", "man", "men", "child", "children", "sex", "sexes",
            "move", "moves", "zombie", "zombies", "ox", "oxen", "mouse", "mice", "quiz", "quizzes");
    private static final java.util.Set<String> UNCOUNTABLE = java.util.Set.of("equipment", "information", "rice", "money", "species",
            "series", "fish", "sheep", "jeans", "police", "news", "data", "metadata");

    private Inflector() {}

    static String pluralize(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        int us = w.lastIndexOf('_');
        String head = us < 0 ? "" : word.substring(0, us + 1);
        String last = us < 0 ? word : word.substring(us + 1);
        String l = last.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(l)) return word;
        if (IRREGULAR.containsKey(l)) return head + IRREGULAR.get(l);
        if (IRREGULAR.containsValue(l)) return word;
        if (l.matches(".*[^aeiouy]y")) return head + last.substring(0, last.length() - 1) + "ies";
        if (l.matches(".*(s|x|z|ch|sh|ss)")) return head + last + "es";
        if (l.matches(".*(matr|vert|ind)ix")) return head + last.substring(0, last.length() - 2) + "ices";
        if (l.endsWith("status") || l.endsWith("alias")) return head + last + "es";
        return head + last + "s";
    }

    static String singularize(String word) {
        int us = word.lastIndexOf('_');
        String head = us < 0 ? "" : word.substring(0, us + 1);
        String last = us < 0 ? word : word.substring(us + 1);
        String l = last.toLowerCase(Locale.ROOT);
        if (UNCOUNTABLE.contains(l)) return word;
        for (Map.Entry<String, String> e : IRREGULAR.entrySet()) {
            if (e.getValue().equals(l)) return head + e.getKey();
        }
        if (l.endsWith("ies") && l.length() > 3) return head + last.substring(0, last.length() - 3) + "y";
        if (l.matches(".*(ss|x|z|ch|sh|status|alias)es")) return head + last.substring(0, last.length() - 2);
        if (l.endsWith("ses") && l.length() > 4) return head + last.substring(0, last.length() - 1);
        if (l.endsWith("s") && !l.endsWith("ss")) return head + last.substring(0, last.length() - 1);
        return word;
    }

    /** {@code BlogPost} / {@code Admin::User} -> {@code blog_posts} / {@code users} (the default table name). */
    static String tableize(String className) {
        String c = className.substring(className.lastIndexOf(':') + 1);
        String snake = c.replaceAll("([A-Z]+)([A-Z][a-z])", "$1_$2").replaceAll("([a-z\\d])([A-Z])", "$1_$2").toLowerCase(Locale.ROOT);
        return pluralize(snake);
    }
}

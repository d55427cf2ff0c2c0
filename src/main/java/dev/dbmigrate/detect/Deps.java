package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** The dependencies a project declares in one ecosystem's manifests (package.json, requirements, Cargo.toml...). */
final class Deps {

    /**
     * @param name     as declared ("prisma", "Django", "org.postgresql:postgresql")
     * @param spec     version or requirement as written ("^5.10.0", "==4.2.7"), may be empty
     * @param file     the manifest
     * @param kind     "dependency", "devDependency", "test dependency"...
     * @param features Cargo features (empty elsewhere)
     * @param test     test-only (not used to infer the production database)
     */
    record Dep(String name, String spec, Path file, String kind, List<String> features, boolean test) {
        Dep {
            features = features == null ? List.of() : List.copyOf(features);
        }

        String describe(Found f) {
            return f.rel(file) + ": " + kind + " " + name + (spec == null || spec.isBlank() ? "" : " " + spec);
        }
    }

    static final Deps NONE = new Deps();

    private final Map<String, Dep> byName = new LinkedHashMap<>();

    static String key(String name) {
        return name.toLowerCase(Locale.ROOT).replace('_', '-');
    }

    void add(Dep d) {
        byName.putIfAbsent(key(d.name()), d);
    }

    boolean isEmpty() {
        return byName.isEmpty();
    }

    Collection<Dep> all() {
        return byName.values();
    }

    /** The first of {@code names} that is declared. */
    Optional<Dep> get(String... names) {
        for (String n : names) {
            Dep d = byName.get(key(n));
            if (d != null) return Optional.of(d);
        }
        return Optional.empty();
    }

    /**
     * Records the first declared of {@code names} as the tool's dependency; false when none is declared.
     * Test-only dependencies (Maven test scope, Gradle test configurations, Gemfile test groups) do not count.
     */
    boolean declare(Found f, String... names) {
        Optional<Dep> d = Optional.empty();
        for (String n : names) {
            d = get(n).filter(x -> !x.test());
            if (d.isPresent()) break;
        }
        d.ifPresent(dep -> f.dependency(dep.file(), dep.kind() + " " + dep.name()
                + (dep.spec() == null || dep.spec().isBlank() ? "" : " " + dep.spec())));
        return d.isPresent();
    }

    /** Sets the dialect from database driver dependencies when exactly one database is implied. */
    void dialectFromDrivers(Found f, Map<String, Dialect> drivers) {
        List<String> names = new ArrayList<>();
        Dep first = null;
        for (Dep d : byName.values()) {
            if (d.test() || !drivers.containsKey(d.name().toLowerCase(Locale.ROOT))) continue;
            names.add(d.name());
            if (first == null) first = d;
        }
        Dialect dialect = Dialects.fromDrivers(names, drivers);
        if (dialect != null) {
            f.read(first.file());
            f.dialect(dialect, f.rel(first.file()) + ": driver " + String.join(", ", names));
        } else if (names.size() > 1 && f.dialect() == null) {
            f.evidence(f.rel(first.file()) + ": drivers for several databases (" + String.join(", ", names) + "), dialect not inferred");
        }
    }
}

package dev.dbmigrate.detect;

import dev.dbmigrate.model.Dialect;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Database hints every tool shares: DATABASE_URL-style variables in .env files, database images in docker compose. */
final class DbHints {

    private DbHints() {}

    static final List<String> ENV_FILES = List.of(".env", ".env.local", ".env.development", ".env.example", ".env.sample", ".env.dist");
    private static final List<String> COMPOSE_FILES = List.of("docker-compose.yml", "docker-compose.yaml", "compose.yml", "compose.yaml");
    private static final Pattern IMAGE = Pattern.compile("^\\s*image:\\s*['\"]?([^\\s'\"#]+)", Pattern.MULTILINE);

    /** A variable found in an env file of the root. */
    record EnvValue(Path file, String key, String value) {}

    /** The first of {@code keys} set in the root's env files (.env first, then .env.local, ... .env.example). */
    static Optional<EnvValue> env(Found f, String... keys) {
        for (String name : ENV_FILES) {
            Path p = f.root.resolve(name);
            if (!f.root.isFile(p)) continue;
            Optional<Map<String, String>> env = ConfigFiles.env(f, p);
            if (env.isEmpty()) continue;
            for (String k : keys) {
                String v = env.get().get(k);
                if (v != null && !v.isBlank()) return Optional.of(new EnvValue(p, k, v));
            }
        }
        return Optional.empty();
    }

    /** Sets the dialect from a URL-valued env variable (DATABASE_URL by default). */
    static void dialectFromEnv(Found f, String... keys) {
        if (f.dialect() != null) return;
        env(f, keys.length == 0 ? new String[] {"DATABASE_URL"} : keys).ifPresent(v -> {
            Dialect d = Dialects.ofUrl(v.value());
            if (d == null) return;
            f.read(v.file());
            f.dialect(d, f.rel(v.file()) + ": " + v.key() + "=" + v.value());
        });
    }

    /** Sets the dialect from the one database image of a docker compose file of the root. */
    static void dialectFromCompose(Found f) {
        if (f.dialect() != null) return;
        for (String name : COMPOSE_FILES) {
            Path p = f.root.resolve(name);
            if (!f.root.isFile(p)) continue;
            Optional<String> text = f.text(p);
            if (text.isEmpty()) continue;
            Set<Dialect> found = EnumSet.noneOf(Dialect.class);
            String image = null;
            Matcher m = IMAGE.matcher(text.get());
            while (m.find()) {
                Dialect d = imageDialect(m.group(1));
                if (d != null) {
                    found.add(d);
                    image = m.group(1);
                }
            }
            if (found.size() == 1) {
                f.read(p);
                f.dialect(found.iterator().next(), f.rel(p) + ": image " + image + " (dialect inferred from the database service)");
            }
            return;
        }
    }

    static Dialect imageDialect(String image) {
        String s = image.toLowerCase(Locale.ROOT);
        int colon = s.indexOf(':');
        if (colon > 0) s = s.substring(0, colon);
        if (s.contains("mssql") || s.contains("sqlserver") || s.contains("azure-sql-edge")) return Dialect.MSSQL;
        String base = s.substring(s.lastIndexOf('/') + 1);
        return switch (base) {
            case "postgres", "postgis", "timescaledb", "timescaledb-ha", "pgvector", "postgresql" -> Dialect.POSTGRESQL;
            case "mysql", "mysql-server", "percona-server", "percona" -> Dialect.MYSQL;
            case "mariadb" -> Dialect.MARIADB;
            default -> null;
        };
    }

    /** When the tool's config names no database: DATABASE_URL in .env, then docker compose. */
    static void fallback(Found f) {
        dialectFromEnv(f);
        dialectFromCompose(f);
    }
}

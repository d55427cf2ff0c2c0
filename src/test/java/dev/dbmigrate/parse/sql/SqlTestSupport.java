package dev.dbmigrate.parse.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.parse.Parsers;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

/** Shared helpers: parse text through the registered SQL parser. */
final class SqlTestSupport {

    private SqlTestSupport() {}

    static final Dialect PG = Dialect.POSTGRESQL;
    static final Dialect MY = Dialect.MYSQL;
    static final Dialect MARIA = Dialect.MARIADB;
    static final Dialect LITE = Dialect.SQLITE;

    static ParsedScript parse(Dialect d, String sql) {
        return Parsers.parse(new Script(Path.of("/project/migrations/m.sql"), sql, 1, Script.Language.SQL, null), d);
    }

    static List<Statement> statements(Dialect d, String sql) {
        return parse(d, sql).statements();
    }

    /** The single statement of {@code sql}, which the recogniser must have read. */
    static Statement one(Dialect d, String sql) {
        List<Statement> all = statements(d, sql);
        assertThat(all).as("statements of %s", sql).hasSize(1);
        Statement s = all.get(0);
        assertThat(s.status()).as("status of %s: %s", sql, s.operations()).isEqualTo(Statement.ParseStatus.FALLBACK);
        return s;
    }

    static List<Operation> ops(Dialect d, String sql) {
        return one(d, sql).operations();
    }

    /** The single operation of {@code sql}, of the given type. */
    static <T extends Operation> T op(Dialect d, String sql, Class<T> type) {
        List<Operation> ops = ops(d, sql);
        assertThat(ops).as("operations of %s", sql).hasSize(1);
        assertThat(ops.get(0)).isInstanceOf(type);
        return type.cast(ops.get(0));
    }

    static String fixture(String path) {
        try (var in = SqlTestSupport.class.getResourceAsStream("/sql/" + path)) {
            if (in == null) throw new IllegalArgumentException("no fixture " + path);
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}

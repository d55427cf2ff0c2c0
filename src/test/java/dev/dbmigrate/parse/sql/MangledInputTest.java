package dev.dbmigrate.parse.sql;

import static org.assertj.core.api.Assertions.assertThat;

import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Statement;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Truncated and mangled versions of the realistic fixtures: parsing never throws, every statement's
 * text is the source between its span, and an UNPARSED statement always says why.
 */
class MangledInputTest {

    private static final List<String> FILES = List.of("pg/rails_structure.sql", "pg/flyway_V2__orders.sql", "pg/goose_up_section.sql",
            "mysql/procedures_and_triggers.sql", "mysql/dump_style.sql", "sqlite/app_migrations.sql");

    private static Dialect dialectOf(String file) {
        return file.startsWith("pg/") ? Dialect.POSTGRESQL : file.startsWith("mysql/") ? Dialect.MYSQL : Dialect.SQLITE;
    }

    @Test
    void mangledFilesNeverThrowAndKeepConsistentSpans() {
        Random r = new Random(7);
        for (String f : FILES) {
            String src = SqlTestSupport.fixture(f);
            for (int i = 0; i < 60; i++) {
                String text = mangle(src, r);
                ParsedScript p = SqlTestSupport.parse(dialectOf(f), text);
                String[] lines = text.split("\n", -1);
                for (Statement s : p.statements()) {
                    assertThat(s.line()).isBetween(1, lines.length);
                    assertThat(s.endLine()).isBetween(s.line(), lines.length);
                    assertThat(s.text()).isNotBlank();
                    assertThat(textAt(lines, s)).isEqualTo(s.text());
                    if (s.status() == Statement.ParseStatus.UNPARSED) {
                        assertThat(s.operations()).last().isInstanceOfSatisfying(Operation.Unparsed.class, u -> assertThat(u.reason()).isNotBlank());
                    }
                }
            }
        }
    }

    private static String mangle(String src, Random r) {
        StringBuilder b = new StringBuilder(src.substring(0, r.nextInt(src.length() + 1)));
        for (int k = 0; k < 3 && b.length() > 0; k++) {
            int at = r.nextInt(b.length());
            switch (r.nextInt(4)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, "'$(;".charAt(r.nextInt(4)));
                case 2 -> b.insert(at, "\n");
                default -> b.setCharAt(at, ')');
            }
        }
        return b.toString();
    }

    /** The source text between a statement's start and end positions. */
    private static String textAt(String[] lines, Statement s) {
        if (s.line() == s.endLine()) return lines[s.line() - 1].substring(s.column() - 1, s.endColumn() - 1);
        StringBuilder b = new StringBuilder(lines[s.line() - 1].substring(s.column() - 1));
        for (int l = s.line() + 1; l < s.endLine(); l++) b.append('\n').append(lines[l - 1]);
        return b.append('\n').append(lines[s.endLine() - 1], 0, s.endColumn() - 1).toString();
    }
}

package dev.dbmigrate.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The CI formats point at files from the working directory (the repository root in CI), not the project root. */
class ValidateFormatsTest {

    static final String RISKY = "examples/shop/prisma/migrations/20240305120000_tighten_orders/migration.sql";

    record Run(int code, String out, String err) {}

    static Run cli(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Cli.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void githubAnnotationsNameTheFileFromTheRepositoryRoot() {
        Run r = cli("validate", RISKY, "--format", "github");
        assertThat(r.code()).isEqualTo(Cli.PROBLEMS);
        assertThat(r.out()).contains("::error file=" + RISKY + ",line=5,col=1,title=db-migrate ban-drop-column::");
        assertThat(r.out().lines().filter(l -> l.startsWith("::")).count()).isGreaterThanOrEqualTo(6);
    }

    @Test
    void sarifResultsUseRepositoryRelativeUrisAndListTheRules() throws Exception {
        Run r = cli("validate", RISKY, "--format", "sarif");
        JsonNode sarif = new ObjectMapper().readTree(r.out());
        assertThat(sarif.get("version").asText()).isEqualTo("2.1.0");
        JsonNode run = sarif.get("runs").get(0);
        assertThat(run.get("tool").get("driver").get("rules").size()).isGreaterThanOrEqualTo(46);
        JsonNode first = run.get("results").get(0);
        assertThat(first.get("locations").get(0).get("physicalLocation").get("artifactLocation").get("uri").asText()).isEqualTo(RISKY);
        assertThat(first.get("level").asText()).isIn("error", "warning", "note");
    }

    @Test
    void failOnDecidesTheExitCode() {
        assertThat(cli("validate", "--sql", "CREATE TABLE t (id bigint PRIMARY KEY, note varchar(20));", "--fail-on", "info").code()).isEqualTo(Cli.PROBLEMS);
        assertThat(cli("validate", "--sql", "CREATE TABLE t (id bigint PRIMARY KEY, note varchar(20));").code()).isEqualTo(Cli.OK);
        Run bad = cli("validate", "--sql", "SELECT 1;", "--fail-on", "sometimes");
        assertThat(bad.code()).isEqualTo(Cli.USAGE);
        assertThat(bad.err().strip()).startsWith("db-migrate: --fail-on").doesNotContain("Exception");
    }
}

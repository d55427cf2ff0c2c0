package dev.dbmigrate.render;

import dev.dbmigrate.analyse.rules.Finding;
import dev.dbmigrate.analyse.validate.ValidateResult;

/** GitHub Actions workflow commands ({@code ::error file=..,line=..::message}), one per finding. */
public final class GithubAnnotations {

    private GithubAnnotations() {}

    public static String render(ValidateResult r) {
        StringBuilder sb = new StringBuilder();
        for (Finding f : r.findings()) {
            String cmd = switch (f.severity()) {
                case "error" -> "error";
                case "warning" -> "warning";
                default -> "notice";
            };
            sb.append("::").append(cmd).append(' ');
            if (f.file() != null) sb.append("file=").append(property(f.file())).append(',');
            sb.append("line=").append(Math.max(1, f.line())).append(",col=").append(Math.max(1, f.column()))
                    .append(",title=").append(property("db-migrate " + f.rule()))
                    .append("::").append(data(f.message() + (f.fix() == null ? "" : "\nSafer path:\n" + f.fix()))).append('\n');
        }
        sb.append("db-migrate: risk ").append(r.risk()).append(", ").append(r.summary().errors()).append(" error(s), ")
                .append(r.summary().warnings()).append(" warning(s), ").append(r.summary().infos()).append(" info\n");
        return sb.toString();
    }

    static String data(String s) {
        return s.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A");
    }

    static String property(String s) {
        return data(s).replace(":", "%3A").replace(",", "%2C");
    }
}

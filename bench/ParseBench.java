import dev.dbmigrate.model.Dialect;
import dev.dbmigrate.model.Migration;
import dev.dbmigrate.model.Operation;
import dev.dbmigrate.model.ParsedScript;
import dev.dbmigrate.model.Script;
import dev.dbmigrate.model.Statement;
import dev.dbmigrate.model.Tool;
import dev.dbmigrate.parse.Parsers;
import dev.dbmigrate.read.ReadContext;
import dev.dbmigrate.read.Readers;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Parse benchmark: parses every .sql file under a folder with the SQL ScriptParser and reports
 * statements per second and the share of statements by ParseStatus.
 *
 * Usage: ParseBench FOLDER [--iterations N] [--threads T] [--dialect ID] [--tool ID] [--all-unparsed]
 *        [--jsqlparser-alone]
 *
 * Without --tool every .sql file except *.down.sql is parsed whole (so goose / dbmate down sections
 * count too). With --tool (flyway, golang-migrate, goose, dbmate, prisma, ...) the folder is read
 * as that tool's project and the up script of each migration is parsed, which is what validate
 * analyses. --all-unparsed lists every UNPARSED statement with its reason (default: the first 5).
 * Also counted: read statements that EXECUTE a prepared statement whose text the script does not
 * show, and read statements with an unparsed piece inside (dynamic SQL built at run time, a body
 * statement not understood). --jsqlparser-alone also hands every statement to JSqlParser by itself
 * (the engine asks it only about what the recogniser rejects) and reports what share it accepts.
 */
public final class ParseBench {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int iterations = 1;
        int threads = 1;
        Dialect dialect = Dialect.POSTGRESQL;
        Tool tool = null;
        int listUnparsed = 5;
        boolean jsqlAlone = false;
        String jsqlReport = "";
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dialect" -> dialect = Dialect.fromId(args[++i]).orElseThrow();
                case "--tool" -> tool = Tool.fromId(args[++i]).orElseThrow();
                case "--all-unparsed" -> listUnparsed = Integer.MAX_VALUE;
                case "--jsqlparser-alone" -> jsqlAlone = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        long t0 = System.nanoTime();
        List<Script> scripts = tool == null ? sqlFiles(folder) : upScripts(folder, tool, dialect);
        long bytes = 0;
        int files = 0;
        for (Script sc : scripts) {
            bytes += sc.text().length();
            files++;
        }
        long readNs = System.nanoTime() - t0;
        ExecutorService pool = threads > 1 ? Executors.newFixedThreadPool(threads) : null;
        long[] times = new long[iterations];
        long[] cpu = new long[iterations];
        var threadMx = ManagementFactory.getThreadMXBean();
        Map<Statement.ParseStatus, Integer> counts = new EnumMap<>(Statement.ParseStatus.class);
        List<String> unparsed = new ArrayList<>();
        int statements = 0;
        int opaque = 0;
        int partly = 0;
        long firstDoneUptime = 0;
        for (int it = 0; it < iterations; it++) {
            long s = System.nanoTime();
            long c0 = threadMx.getCurrentThreadCpuTime();
            List<ParsedScript> results = parseAll(scripts, dialect, pool);
            times[it] = System.nanoTime() - s;
            cpu[it] = threadMx.getCurrentThreadCpuTime() - c0;
            if (it == 0) {
                firstDoneUptime = ManagementFactory.getRuntimeMXBean().getUptime();
                if (jsqlAlone) jsqlReport = jsqlParserAlone(results, dialect);
                for (ParsedScript ps : results) {
                    for (Statement st : ps.statements()) {
                        statements++;
                        counts.merge(st.status(), 1, Integer::sum);
                        if (st.status() != Statement.ParseStatus.UNPARSED) {
                            int[] seen = unseen(st.operations());
                            if (seen[0] > 0) opaque++;
                            if (seen[1] > 0) partly++;
                        }
                        if (st.status() == Statement.ParseStatus.UNPARSED && unparsed.size() < listUnparsed) {
                            Operation.Unparsed u = (Operation.Unparsed) st.operations().get(st.operations().size() - 1);
                            unparsed.add(st.file() + ":" + st.line() + ": " + u.reason());
                        }
                    }
                }
            }
        }
        if (pool != null) pool.shutdown();
        System.out.printf("%s %d, %.2f MB, %d statements, read in %d ms, %d thread(s), dialect %s%n",
                tool == null ? "files" : tool.id() + " migrations", files, bytes / 1e6, statements, readNs / 1_000_000, threads, dialect.id());
        for (Statement.ParseStatus st : Statement.ParseStatus.values()) {
            int n = counts.getOrDefault(st, 0);
            String label = switch (st) {
                case PARSED -> "PARSED   (JSqlParser)";
                case FALLBACK -> "FALLBACK (recogniser)";
                case UNPARSED -> "UNPARSED";
                case ORM -> "ORM";
            };
            if (st != Statement.ParseStatus.ORM) System.out.printf("  %-22s %7d  %6.2f%%%n", label, n, 100.0 * n / Math.max(1, statements));
        }
        System.out.printf("  read, but EXECUTE of a prepared statement not seen into: %d; with an unparsed piece inside: %d%n", opaque, partly);
        System.out.printf("first pass: %d ms wall (%.0f statements/s)%s; JVM uptime when it ended: %d ms; process CPU so far: %d ms%n",
                times[0] / 1_000_000, statements / (times[0] / 1e9),
                pool == null ? String.format(", %d ms CPU (%.0f statements/CPU-s)", cpu[0] / 1_000_000, statements / (cpu[0] / 1e9)) : "",
                firstDoneUptime, processCpuMs());
        if (iterations > 1) {
            long[] warm = Arrays.copyOfRange(times, Math.min(iterations - 1, Math.max(1, iterations / 2)), iterations);
            Arrays.sort(warm);
            long median = warm[warm.length / 2];
            System.out.printf("warm (median of last %d passes): %.1f ms wall (%.0f statements/s, %.1f MB/s)%n",
                    warm.length, median / 1e6, statements / (median / 1e9), bytes / 1e6 / (median / 1e9));
            if (pool == null) {
                long[] warmCpu = Arrays.copyOfRange(cpu, Math.min(iterations - 1, Math.max(1, iterations / 2)), iterations);
                Arrays.sort(warmCpu);
                long mc = warmCpu[warmCpu.length / 2];
                System.out.printf("warm CPU (median): %.1f ms (%.0f statements/CPU-s)%n", mc / 1e6, statements / (mc / 1e9));
            }
        }
        for (String u : unparsed) System.out.println("  unparsed: " + u);
        System.out.print(jsqlReport);
    }

    /**
     * In operations of a read statement: [EXECUTEs of a prepared statement whose text the script does
     * not show, Unparsed pieces (dynamic SQL built at run time, a body statement not understood)].
     * (A body with nothing of interest in it, only SELECT / PERFORM / RAISE, is not counted.)
     */
    private static int[] unseen(List<Operation> ops) {
        int[] n = new int[2];
        for (Operation op : ops) {
            if (op instanceof Operation.Unparsed) n[1]++;
            if (op instanceof Operation.OpaqueCode oc) {
                if (oc.description().equals("EXECUTE of a prepared statement")) n[0]++;
                int[] in = unseen(oc.inner());
                n[0] += in[0];
                n[1] += in[1];
            }
        }
        return n;
    }

    /**
     * What JSqlParser 5.3 would read on its own: each statement (as the splitter cut it) handed to
     * CCJSqlParserUtil with the options and time limit the engine's JsqlFallback uses. Counts the
     * statements it accepts (whatever statement class it makes of them) and groups the rejected ones
     * by their leading words.
     */
    private static String jsqlParserAlone(List<ParsedScript> results, Dialect dialect) {
        boolean mysql = dialect.isMysqlFamily();
        boolean brackets = dialect == Dialect.SQLITE;
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "jsqlparser-bench");
            t.setDaemon(true);
            return t;
        });
        int ok = 0;
        int all = 0;
        Map<String, Integer> rejected = new java.util.TreeMap<>();
        for (ParsedScript ps : results) {
            for (Statement st : ps.statements()) {
                all++;
                String why;
                try {
                    if (net.sf.jsqlparser.parser.CCJSqlParserUtil.parse(st.text(), pool, p -> p.withSquareBracketQuotation(brackets)
                            .withBackslashEscapeCharacter(mysql).withTimeOut(2000)) != null) {
                        ok++;
                        continue;
                    }
                    why = "no statement";
                } catch (Exception | StackOverflowError e) {
                    String m = String.valueOf(e.getMessage());
                    var tok = java.util.regex.Pattern.compile("Encountered unexpected token: (\"[^\"]*\")").matcher(m);
                    why = tok.find() ? "at " + (tok.group(1).matches("\"[a-z0-9_]*[a-z][a-z0-9_]*\"") ? "a name" : tok.group(1)) : m.contains("Time out") || m.contains("timeout") ? "time limit" : e.getClass().getSimpleName();
                }
                rejected.merge(leadingWords(st.text()) + ", " + why, 1, Integer::sum);
            }
        }
        pool.shutdownNow();
        StringBuilder out = new StringBuilder(String.format("  JSqlParser alone would accept %d of %d statements (%.2f%%); rejected (leading words, where):%n",
                ok, all, 100.0 * ok / Math.max(1, all)));
        rejected.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
                .forEach(e -> out.append(String.format("    %5d  %s%n", e.getValue(), e.getKey())));
        return out.toString();
    }

    private static final java.util.Set<String> KEYWORDS = java.util.Set.of("CREATE", "DROP", "ALTER", "TABLE", "INDEX", "UNIQUE", "TYPE",
            "SEQUENCE", "EXTENSION", "PROCEDURE", "TRIGGER", "FUNCTION", "VIEW", "MATERIALIZED", "OR", "REPLACE", "IF", "NOT", "EXISTS",
            "CONCURRENTLY", "DO", "BEGIN", "DECLARE", "PREPARE", "DEALLOCATE", "EXECUTE", "SET", "PRAGMA", "COMMENT", "ON", "INSERT",
            "INTO", "UPDATE", "DELETE", "FROM", "TEMPORARY", "TEMP", "SELECT", "WITH", "GRANT", "REVOKE", "TRUNCATE", "COLUMN");

    /** The leading keywords of a statement's text (up to 4, up to the first name), comments skipped, upper-case. */
    private static String leadingWords(String text) {
        String t = text.replaceAll("(?s)/\\*.*?\\*/", " ").replaceAll("(?m)^\\s*(--|#).*$", " ").strip();
        List<String> out = new ArrayList<>();
        for (String x : t.split("[^A-Za-z_]+")) {
            if (x.isEmpty()) continue;
            String u = x.toUpperCase(java.util.Locale.ROOT);
            if (!KEYWORDS.contains(u) && !out.isEmpty() || out.size() == 4) break;
            out.add(u);
        }
        return String.join(" ", out);
    }

    /** Every .sql file under the folder except *.down.sql, whole. */
    private static List<Script> sqlFiles(Path folder) throws Exception {
        List<Path> files;
        try (Stream<Path> s = Files.walk(folder)) {
            files = s.filter(p -> p.toString().endsWith(".sql") && !p.toString().endsWith(".down.sql")).sorted().toList();
        }
        List<Script> scripts = new ArrayList<>(files.size());
        for (Path p : files) scripts.add(new Script(p.toAbsolutePath(), Files.readString(p), 1, Script.Language.SQL, null));
        return scripts;
    }

    /** The up scripts of the migrations the tool's reader finds in the folder (what validate parses). */
    private static List<Script> upScripts(Path folder, Tool tool, Dialect dialect) {
        List<Script> scripts = new ArrayList<>();
        for (Migration m : Readers.read(tool, new ReadContext(folder.toAbsolutePath(), null, dialect)).migrations()) {
            if (m.up() != null && m.up().language() == Script.Language.SQL) scripts.add(m.up());
        }
        return scripts;
    }

    private static long processCpuMs() {
        if (ManagementFactory.getOperatingSystemMXBean() instanceof com.sun.management.OperatingSystemMXBean os) {
            return os.getProcessCpuTime() / 1_000_000;
        }
        return -1;
    }

    private static List<ParsedScript> parseAll(List<Script> scripts, Dialect dialect, ExecutorService pool) throws Exception {
        List<ParsedScript> out = new ArrayList<>(scripts.size());
        if (pool == null) {
            for (Script s : scripts) out.add(Parsers.parse(s, dialect));
            return out;
        }
        List<Future<ParsedScript>> fs = new ArrayList<>(scripts.size());
        for (Script s : scripts) fs.add(pool.submit(() -> Parsers.parse(s, dialect)));
        for (Future<ParsedScript> f : fs) out.add(f.get());
        return out;
    }
}

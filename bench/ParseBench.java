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
 *
 * Without --tool every .sql file except *.down.sql is parsed whole (so goose / dbmate down sections
 * count too). With --tool (flyway, golang-migrate, goose, dbmate, prisma, ...) the folder is read
 * as that tool's project and the up script of each migration is parsed, which is what validate
 * analyses. --all-unparsed lists every UNPARSED statement with its reason (default: the first 5).
 */
public final class ParseBench {

    public static void main(String[] args) throws Exception {
        Path folder = Path.of(args[0]);
        int iterations = 1;
        int threads = 1;
        Dialect dialect = Dialect.POSTGRESQL;
        Tool tool = null;
        int listUnparsed = 5;
        for (int i = 1; i < args.length; i++) {
            switch (args[i]) {
                case "--iterations" -> iterations = Integer.parseInt(args[++i]);
                case "--threads" -> threads = Integer.parseInt(args[++i]);
                case "--dialect" -> dialect = Dialect.fromId(args[++i]).orElseThrow();
                case "--tool" -> tool = Tool.fromId(args[++i]).orElseThrow();
                case "--all-unparsed" -> listUnparsed = Integer.MAX_VALUE;
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
        long firstDoneUptime = 0;
        for (int it = 0; it < iterations; it++) {
            long s = System.nanoTime();
            long c0 = threadMx.getCurrentThreadCpuTime();
            List<ParsedScript> results = parseAll(scripts, dialect, pool);
            times[it] = System.nanoTime() - s;
            cpu[it] = threadMx.getCurrentThreadCpuTime() - c0;
            if (it == 0) {
                firstDoneUptime = ManagementFactory.getRuntimeMXBean().getUptime();
                for (ParsedScript ps : results) {
                    for (Statement st : ps.statements()) {
                        statements++;
                        counts.merge(st.status(), 1, Integer::sum);
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

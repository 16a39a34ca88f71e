package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.program.ProgramDraft;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Program rollup benchmark (docs/program-benchmark.md). Not part of {@code mvn verify}
 * (tag "benchmark" is excluded in the pom); run it with
 * <pre>mvn -q test -Dgroups=benchmark -DexcludedGroups= -Dtest=ProgramRollupBenchmark</pre>
 *
 * <p>
 * For each size, the sandbox (a generated site of 20 projects, 100 ms latency on every
 * response) runs in this JVM; the app side ({@link ProgramRollupBenchmarkRunner}: the
 * real ProgramRollupService and Jira client, no Spring) runs in a forked
 * {@code java -Xmx256m}, so its peak heap is the app's alone.
 *
 * <p>
 * Minimum requests = Σ over partitions of max(1, ⌈issues_i / page⌉), page = the page size
 * Jira grants (ProgramRollupService asks 100; the sandbox, like Jira, caps searches that
 * request fields at 100). Lower bound on wall time = max(max_i p_i, ⌈Σ p_i / c⌉) ×
 * latency, p_i = pages of partition i, c = concurrency. It counts search round trips
 * only; the rollup's other (sequential) requests are reported separately.
 *
 * <p>
 * Asserts correctness only (totals equal the sandbox counted by hand), never timing.
 *
 * <p>
 * A size such as {@code 10000skewed} puts half the issues in the first project (the
 * key-range case); its "bound with key ranges" is ⌈Σ p_i / c⌉ × latency, what reading
 * that project with several searches allows.
 *
 * <p>
 * Knobs (system properties): throughline.bench.sizes (10000,100000; e.g.
 * 10000,10000skewed,100000), .projects (20), .latencyMs (100), .concurrency (4),
 * .warmUpRounds (3), .fetches (5 up to 20,000 issues, else 1; the table gives the median
 * wall time), .xmx (256m), .cachedCalls (200), .cachedCallsWithLatency (20), .seed (42),
 * and .cachedBudgetSeconds (30): a cached phase stops early (after at least 5 calls) once
 * it has run that long; the table's footnotes give the calls made. .readModel ("" or
 * h2file): with h2file the forked app keeps the read model in an H2 database on disk, and
 * a last phase measures warm views (cached rollup dropped, folded from the read model).
 */
@Tag("benchmark")
class ProgramRollupBenchmark {

    private static final int GRANTED_PAGE = Math.min(ProgramRollupService.PAGE_SIZE, 100);

    private final List<String> sizes = List.of(prop("sizes", "10000,100000").split(","));

    private final int projects = Integer.parseInt(prop("projects", "20"));

    private final int latencyMs = Integer.parseInt(prop("latencyMs", "100"));

    private final int concurrency = Integer.parseInt(prop("concurrency", "4"));

    private final String xmx = prop("xmx", "256m");

    private final int cachedCalls = Integer.parseInt(prop("cachedCalls", "200"));

    private final int cachedCallsWithLatency = Integer.parseInt(prop("cachedCallsWithLatency", "20"));

    private final long seed = Long.parseLong(prop("seed", "42"));

    private final int cachedBudgetSeconds = Integer.parseInt(prop("cachedBudgetSeconds", "30"));

    /**
     * Measured fetches per size; one at 100,000 issues, where one fetch runs half a
     * minute of steady paging.
     */
    private final String fetches = prop("fetches", "");

    private int fetchesFor(int issues) {
        return fetches.isEmpty() ? (issues <= 20_000 ? 5 : 1) : Integer.parseInt(fetches);
    }

    private static String prop(String name, String fallback) {
        return System.getProperty("throughline.bench." + name, fallback);
    }

    /**
     * The read model against today's full re-read (issue 15): points (Atlassian's rule,
     * counted from the sandbox's answers by {@link PointsMeter}), requests, wall time and
     * peak heap. {@code -Dthroughline.bench.readModelIssues=100000} for the full size
     * (default 10,000). Prints a Markdown table and writes it to
     * {@code target/readmodel-benchmark.md}.
     */
    @Test
    void readModel() throws Exception {
        int issues = Integer.parseInt(prop("readModelIssues", "10000"));
        List<ReadModelBench.Row> rows = new ArrayList<>(
                new ReadModelBench(issues, projects, Duration.ofMillis(latencyMs), seed).run());
        // -Dthroughline.bench.refined=false leaves out the refined program's rows
        // (#readModelRefined)
        if (Boolean.parseBoolean(prop("refined", "true"))) {
            rows.addAll(RefinedBench.run(issues, projects, Duration.ofMillis(latencyMs), seed));
        }
        readModelTable(issues, rows, "readmodel-benchmark.md");
    }

    /**
     * Only the refined program's rows of {@link #readModel} (a few minutes at 10,000
     * issues), written to {@code target/readmodel-refined-benchmark.md}.
     */
    @Test
    void readModelRefined() throws Exception {
        int issues = Integer.parseInt(prop("readModelIssues", "10000"));
        readModelTable(issues, RefinedBench.run(issues, projects, Duration.ofMillis(latencyMs), seed),
                "readmodel-refined-benchmark.md");
    }

    private void readModelTable(int issues, List<ReadModelBench.Row> rows, String file) throws Exception {
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT,
                "%,d issues, %d projects, %d ms latency%n%n| step | points | requests | wall time | peak heap | load"
                        + " average (1 min, at the step's end) | |%n|---|---:|---:|---:|---:|---:|---|%n",
                issues, projects, latencyMs));
        for (ReadModelBench.Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.2f s | %d MB | %.1f | %s |%n", row.what(),
                    row.points(), row.requests(), row.millis() / 1000.0, row.peakHeapMb(), row.load(), row.note()));
        }
        System.out.println(table);
        Files.writeString(Path.of("target", file), table);
        assertThat(rows.get(0).points()).isPositive();
    }

    /**
     * Theme progress from the read model ({@link ThemeProgressBench}): 20 themes linking
     * {@code -Dthroughline.bench.themeEpics} epics (1,000) of
     * {@code -Dthroughline.bench.readModelIssues} issues, in this JVM (read model in H2
     * in memory) and then in a forked {@code java -Xmx}{@code .xmx} (256m) holding
     * sandbox and app, the read model on disk. Writes {@code target/theme-benchmark.md}.
     */
    @Test
    void themeProgress() throws Exception {
        int issues = Integer.parseInt(prop("readModelIssues", "10000"));
        String epics = prop("themeEpics", "1000");
        StringBuilder out = new StringBuilder(ThemeProgressBench.table(
                new ThemeProgressBench(issues, Integer.parseInt(epics), Duration.ofMillis(latencyMs), false).run(),
                String.format(Locale.ROOT,
                        "%,d issues, 20 projects, %d ms latency, this JVM (-Xmx2g), read model in" + " H2 in memory",
                        issues, latencyMs)));
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Process forked = new ProcessBuilder(javaBin, "-Xmx" + xmx, "-XX:+UseParallelGC", "-cp", classpath,
                ThemeProgressBench.class.getName(), String.valueOf(issues), epics, String.valueOf(latencyMs))
            .redirectErrorStream(true)
            .start();
        String output = new String(forked.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        out.append(System.lineSeparator())
            .append(output.lines()
                .filter(line -> line.startsWith("|") || line.startsWith("forked"))
                .collect(Collectors.joining(System.lineSeparator())))
            .append(System.lineSeparator())
            .append("forked JVM exit ")
            .append(forked.waitFor())
            .append(output.contains("OutOfMemoryError") ? " (OutOfMemoryError)" : "");
        System.out.println(out);
        Files.writeString(Path.of("target", "theme-benchmark.md"), out);
    }

    @Test
    void programRollup() throws Exception {
        List<Row> rows = new ArrayList<>();
        for (String size : sizes) {
            // "10000" spreads the issues evenly; "10000skewed" puts half of them in the
            // first project
            String spec = size.strip();
            boolean skewed = spec.endsWith("skewed");
            rows.add(run(Integer.parseInt(skewed ? spec.substring(0, spec.length() - "skewed".length()) : spec),
                    skewed));
        }
        System.out.println(table(rows));
        for (Row row : rows) {
            assertThat(row.exitCode).as(row.issues + " issues: forked JVM exit code; output:\n" + row.output).isZero();
            assertThat(row.fetch.get("items")).as("program items").isEqualTo(String.valueOf(row.expectedItems));
            assertThat(row.fetch.get("projectItems")).as("Σ project items")
                .isEqualTo(String.valueOf(row.expectedItems));
            assertThat(row.fetch.get("done")).as("done items").isEqualTo(String.valueOf(row.expectedDone));
            assertThat(new BigDecimal(row.fetch.get("pointsTotal"))).as("story points")
                .isEqualByComparingTo(row.expectedPoints);
            assertThat(row.fetch.get("projects")).isEqualTo(String.valueOf(projects));
            assertThat(row.fetch.get("skipped")).isEqualTo("0");
            assertThat(row.searchesServed).as("searches until the last page of every partition")
                .isGreaterThanOrEqualTo(row.minimumRequests);
            assertThat(row.cachedFast.get("items")).isEqualTo(String.valueOf(row.expectedItems));
            assertThat(row.repeatWalls).as("measured fetches after the first").hasSize(row.fetches - 1);
            assertThat(row.repeatItems).as("every fetch counts the same items")
                .allMatch(String.valueOf(row.expectedItems)::equals);
            assertThat(row.repeatRequests).as("every fetch makes the same Jira requests")
                .allMatch(n -> n == row.requestsServed);
        }
    }

    private Row run(int issues, boolean skewed) throws Exception {
        SandboxSite site = skewed ? SandboxGenerator.generate(seed, skewedShares(issues))
                : SandboxGenerator.generate(seed, projects, issues);
        JiraSandbox sandbox = JiraSandbox.start(site);
        try {
            List<String> keys = site.projects().stream().map(p -> p.key()).toList();
            JiraClient setup = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
            Caller admin = Caller.of(new Site("bench-site", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
            ProgramService programs = new ProgramService(BenchJira.clients(setup), new ProgramJiraStore(),
                    caller -> true, new Unlocked(), ChangeFeed.alone());
            String programId = programs
                .create(admin, ProgramDraft.parse(Map.of("name", "Benchmark " + issues, "projects", keys), false))
                .id();
            String warmUpId = programs.create(admin, ProgramDraft.parse(Map.of("name", "Warm-up " + issues, "projects",
                    keys.subList(0, Math.min(keys.size(), concurrency))), false))
                .id();

            Row row = new Row(issues);
            row.skewed = skewed;
            row.fetches = fetchesFor(issues);
            for (int viewer = 1; viewer < row.fetches; viewer++) {
                site.addUser("bench-viewer-" + viewer, "Benchmark viewer " + viewer);
                site.grantEverything("bench-viewer-" + viewer);
            }
            Map<String, Long> perProject = site.issues()
                .stream()
                .collect(Collectors.groupingBy(SandboxIssue::projectKey, TreeMap::new, Collectors.counting()));
            List<Integer> pages = keys.stream()
                .map(k -> (int) Math.max(1, (perProject.getOrDefault(k, 0L) + GRANTED_PAGE - 1) / GRANTED_PAGE))
                .toList();
            row.minimumRequests = pages.stream().mapToInt(Integer::intValue).sum();
            int longest = pages.stream().mapToInt(Integer::intValue).max().orElse(0);
            row.lowerBoundMs = (long) Math.max(longest, (row.minimumRequests + concurrency - 1) / concurrency)
                    * latencyMs;
            // key ranges let the app read one project with several searches: then only ⌈Σ
            // pages / c⌉ rounds bind
            row.rangeBoundMs = (long) ((row.minimumRequests + concurrency - 1) / concurrency) * latencyMs;
            List<SandboxIssue> items = items(site);
            row.expectedItems = items.size();
            row.expectedDone = items.stream().filter(i -> i.status().done()).count();
            row.expectedPoints = BigDecimal
                .valueOf(items.stream().mapToDouble(i -> i.storyPointEstimate().orElse(0)).sum());

            fork(sandbox, programId, warmUpId, row);
            return row;
        }
        finally {
            sandbox.stop();
        }
    }

    private void fork(JiraSandbox sandbox, String programId, String warmUpId, Row row) throws Exception {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder builder = new ProcessBuilder(javaBin, "-Xmx" + xmx,
                "-Dthroughline.bench.cachedBudgetSeconds=" + cachedBudgetSeconds,
                "-Dthroughline.bench.warmUpRounds=" + prop("warmUpRounds", "3"),
                "-Dthroughline.bench.fetches=" + row.fetches, "-Dthroughline.bench.readModel=" + prop("readModel", ""),
                "-cp", classpath, ProgramRollupBenchmarkRunner.class.getName(), sandbox.baseUrl(), programId, warmUpId,
                String.valueOf(concurrency), String.valueOf(cachedCallsWithLatency), String.valueOf(cachedCalls))
            .redirectErrorStream(true);
        long started = System.nanoTime();
        Process process = builder.start();
        StringBuilder output = new StringBuilder();
        try (BufferedReader in = new BufferedReader(
                new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
                Writer out = new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8)) {
            String line;
            while ((line = in.readLine()) != null) {
                if (!line.startsWith("PHASE ")) {
                    output.append(line).append('\n');
                    continue;
                }
                String[] parts = line.split(" ");
                Map<String, String> values = new LinkedHashMap<>();
                for (int i = 2; i < parts.length; i++) {
                    int eq = parts[i].indexOf('=');
                    values.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
                }
                int served = sandbox.servedCount(JiraSandbox.SEARCH);
                int received = sandbox.requestCounts().values().stream().mapToInt(Integer::intValue).sum();
                switch (parts[1]) {
                    case "warmUp" -> {
                        row.warmUp = values;
                        sandbox.withLatency(Duration.ofMillis(latencyMs));
                    }
                    case "fetch" -> {
                        row.fetch = values;
                        row.searchesServed = served;
                        row.requestsServed = received;
                    }
                    case "repeat" -> {
                        row.repeatWalls.add(Long.parseLong(values.get("wallMs")));
                        row.repeatRequests.add(received);
                        row.repeatItems.add(values.get("items"));
                    }
                    case "cachedWithLatency" -> {
                        row.cachedSlow = values;
                        sandbox.withLatency(Duration.ZERO);
                    }
                    case "cachedWithoutLatency" -> row.cachedFast = values;
                    case "warmFromReadModel" -> row.warm = values;
                    default -> row.failure = values.toString();
                }
                sandbox.resetTraffic();
                out.write("go\n");
                out.flush();
            }
        }
        if (!process.waitFor(15, TimeUnit.MINUTES)) {
            process.destroyForcibly();
        }
        row.exitCode = process.exitValue();
        row.forkSeconds = (System.nanoTime() - started) / 1e9;
        row.output = output.toString();
    }

    /** Half the issues in the first project, the rest spread evenly over the others. */
    private int[] skewedShares(int issues) {
        int[] shares = new int[projects];
        shares[0] = issues / 2;
        int rest = issues - shares[0];
        for (int p = 1; p < projects; p++) {
            shares[p] = rest / (projects - 1) + (p - 1 < rest % (projects - 1) ? 1 : 0);
        }
        return shares;
    }

    /**
     * Items by the rules of docs/rollup-rules.md: non-sub-tasks, less epics that have
     * (non-sub-task) children.
     */
    private static List<SandboxIssue> items(SandboxSite site) {
        Set<Long> parentsOfWork = site.issues()
            .stream()
            .filter(i -> i.type() != IssueType.SUBTASK && i.hasParent())
            .map(SandboxIssue::parentId)
            .collect(Collectors.toSet());
        return site.issues()
            .stream()
            .filter(i -> i.type() != IssueType.SUBTASK)
            .filter(i -> i.type() != IssueType.EPIC || !parentsOfWork.contains(i.id()))
            .toList();
    }

    private String table(List<Row> rows) {
        StringBuilder t = new StringBuilder();
        t.append(String.format(Locale.ROOT,
                "%n%d projects, %d ms latency per Jira response, concurrency %d, page %d, " + "app JVM -Xmx%s%n%n",
                projects, latencyMs, concurrency, GRANTED_PAGE, xmx));
        t.append(
                "| Issues | Search requests / minimum | All Jira requests (rollup) | Wall time (median of the fetches) | Lower bound | Wall / bound | Bound with key ranges | Wall / that bound "
                        + "| Search window (first fetch) | Peak heap | Heap after GC | Completed in -Xmx")
            .append(xmx)
            .append(" | Cached p50 / p95 (")
            .append(latencyMs)
            .append(" ms Jira) | Cached p50 / p95 (0 ms Jira) | Cached p50 / p95 in the app (0 ms Jira, Jira time subtracted) |\n");
        t.append("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:---:|---:|---:|---:|\n");
        for (Row r : rows) {
            if (r.fetch == null) {
                t.append(String.format(Locale.ROOT,
                        "| %s | – | – | – | %,d ms | – | – | – | – | – | – | no (%s, exit %d) | – | – | – |%n",
                        r.label(), r.lowerBoundMs, r.failure == null ? "no result" : r.failure, r.exitCode));
                continue;
            }
            long wall = r.medianWall();
            t.append(String.format(Locale.ROOT,
                    "| %s | %,d / %,d (%.3f×) | %,d (%.3f× min) | %,d ms | %,d ms | %.2f× | %,d ms | %.2f× | %,d ms | %s | %s | %s | %s / %s ms | %s / %s ms | %s / %s ms |%n",
                    r.label(), r.searchesServed, r.minimumRequests, (double) r.searchesServed / r.minimumRequests,
                    r.requestsServed, (double) r.requestsServed / r.minimumRequests, wall, r.lowerBoundMs,
                    (double) wall / r.lowerBoundMs, r.rangeBoundMs, (double) wall / r.rangeBoundMs,
                    Long.parseLong(r.fetch.get("searchWindowMs")), mb(r.fetch.get("peakHeapBytes")),
                    mb(r.fetch.get("retainedHeapBytes")), r.exitCode == 0 ? "yes" : "no (exit " + r.exitCode + ")",
                    get(r.cachedSlow, "p50Ms"), get(r.cachedSlow, "p95Ms"), get(r.cachedFast, "p50Ms"),
                    get(r.cachedFast, "p95Ms"), get(r.cachedFast, "appP50Ms"), get(r.cachedFast, "appP95Ms")));
        }
        t.append('\n');
        for (Row r : rows) {
            if (r.warm != null) {
                t.append(String.format(Locale.ROOT,
                        "- %s issues, read model %s: warm view (cached rollup dropped, every project folded from the"
                                + " read model, 0 ms Jira) p50 %s ms, p95 %s ms, max %s ms over %s views, %s Jira"
                                + " requests in all (%s); peak heap during them %s%n",
                        r.label(), prop("readModel", ""), r.warm.get("p50Ms"), r.warm.get("p95Ms"), r.warm.get("maxMs"),
                        r.warm.get("calls"), r.warm.get("requests"), r.warm.get("requestPaths").replace('_', ' '),
                        mb(r.warm.get("peakHeapBytes"))));
            }
        }
        for (Row r : rows) {
            if (r.fetch != null) {
                t.append(String.format(Locale.ROOT,
                        "- %s issues: %d measured fetch(es), wall times %s ms in order (÷ bound: %s), "
                                + "all other figures are of the first fetch; ",
                        r.label(), r.walls().size(),
                        r.walls()
                            .stream()
                            .map(w -> String.format(Locale.ROOT, "%,d", w))
                            .collect(Collectors.joining(", ")),
                        r.walls()
                            .stream()
                            .map(w -> String.format(Locale.ROOT, "%.2f×", (double) w / r.lowerBoundMs))
                            .collect(Collectors.joining(", "))));
                t.append(String.format(Locale.ROOT,
                        "%s items; one search round trip p50 %s ms, p95 %s ms (latency included); one searchPage call with reading and parsing the page p50 %s ms, p95 %s ms; searches in flight on average %s; a worker's time between a search's answer and its next search p50 %s ms, p90 %s ms; before the first search %s ms, after the last %s ms (the program definition read and the final merge); warm-up rollup (%s projects, 0 ms latency) %s ms; GC %s; forked JVM ran %.1f s; "
                                + "non-search requests of the rollup: %s; cached calls made: %s with latency, %s without; per cached call: %s Jira requests (%s)%n",
                        r.fetch.get("items"), r.fetch.get("searchP50Ms"), r.fetch.get("searchP95Ms"),
                        r.fetch.get("pageCallP50Ms"), r.fetch.get("pageCallP95Ms"), r.fetch.get("searchBusy"),
                        r.fetch.get("searchGapP50Ms"), r.fetch.get("searchGapP90Ms"), r.fetch.get("beforeSearchesMs"),
                        r.fetch.get("afterSearchesMs"), Math.min(projects, concurrency), get(r.warmUp, "wallMs"),
                        r.fetch.get("gc"), r.forkSeconds, r.fetch.get("otherRequests").replace('_', ' '),
                        get(r.cachedSlow, "calls"), get(r.cachedFast, "calls"),
                        r.cachedSlow == null ? "?"
                                : String.format(Locale.ROOT, "%.1f",
                                        Double.parseDouble(r.cachedSlow.get("requests"))
                                                / Double.parseDouble(r.cachedSlow.get("calls"))),
                        r.cachedSlow == null ? "" : r.cachedSlow.get("requestPaths").replace('_', ' ')));
            }
        }
        return t.toString();
    }

    private static String get(Map<String, String> values, String key) {
        return values == null ? "–" : values.get(key);
    }

    private static String mb(String bytes) {
        return String.format(Locale.ROOT, "%.0f MB", Long.parseLong(bytes) / 1048576.0);
    }

    private static final class Row {

        final int issues;

        boolean skewed;

        int minimumRequests;

        long lowerBoundMs;

        long rangeBoundMs;

        long expectedItems;

        long expectedDone;

        BigDecimal expectedPoints;

        int searchesServed;

        int requestsServed;

        Map<String, String> warmUp;

        Map<String, String> fetch;

        Map<String, String> cachedSlow;

        Map<String, String> cachedFast;

        /** Views after the cached rollup was dropped, folded from the read model. */
        Map<String, String> warm;

        int fetches = 1;

        final List<Long> repeatWalls = new ArrayList<>();

        final List<Integer> repeatRequests = new ArrayList<>();

        final List<String> repeatItems = new ArrayList<>();

        String failure;

        int exitCode = -1;

        double forkSeconds;

        String output = "";

        Row(int issues) {
            this.issues = issues;
        }

        /** Wall times of every measured fetch, the first one first. */
        List<Long> walls() {
            List<Long> walls = new ArrayList<>();
            walls.add(Long.parseLong(fetch.get("wallMs")));
            walls.addAll(repeatWalls);
            return walls;
        }

        /** The median wall time (the lower middle one for an even count). */
        long medianWall() {
            List<Long> sorted = walls().stream().sorted().toList();
            return sorted.get((sorted.size() - 1) / 2);
        }

        String label() {
            return String.format(Locale.ROOT, "%,d%s", issues, skewed ? " (half in one project)" : "");
        }

    }

}

package dev.throughline.program.service;

import dev.throughline.coordination.ChangeFeed;
import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.program.rollup.GroupSummary;
import dev.throughline.program.store.ProgramJiraStore;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;

/**
 * The app side of {@link ProgramRollupBenchmark}, run in its own JVM (e.g.
 * {@code -Xmx256m}) so that its heap holds only the app, not the sandbox. Drives the real
 * {@link ProgramRollupService} with the real client.
 *
 * <p>
 * Protocol on stdout: {@code PHASE <name> key=value ...} lines; after each, the runner
 * waits for one line on stdin so the parent can read the sandbox's counters (and change
 * its latency) between phases.
 *
 * <p>
 * Arguments: baseUrl programId warmUpProgramId concurrency cachedCallsWithLatency
 * cachedCallsWithoutLatency
 *
 * <p>
 * Phases: warmUp (rollups of a smaller program, throughline.bench.warmUpRounds of them
 * (3), so class loading, JIT and connection set-up are not timed; the parent then turns
 * the latency on), fetch (the measured rollup with refresh), cachedWithLatency,
 * cachedWithoutLatency (the parent turns the latency off before it).
 */
public final class ProgramRollupBenchmarkRunner {

    /**
     * Cached calls made even when the phase's time budget
     * (throughline.bench.cachedBudgetSeconds) is spent.
     */
    private static final int MIN_CACHED_CALLS = 5;

    private ProgramRollupBenchmarkRunner() {
    }

    public static void main(String[] args) throws Exception {
        try {
            run(args);
        }
        catch (OutOfMemoryError e) {
            System.out.println("PHASE failed error=OutOfMemoryError");
            System.out.flush();
            System.exit(3);
        }
        System.exit(0);
    }

    private static void run(String[] args) throws Exception {
        String baseUrl = args[0];
        String programId = args[1];
        String warmUpId = args[2];
        int concurrency = Integer.parseInt(args[3]);
        int slowCalls = Integer.parseInt(args[4]);
        int fastCalls = Integer.parseInt(args[5]);
        BufferedReader parent = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));

        BenchJira.Recorder recorder = new BenchJira.Recorder();
        ConcurrentLinkedQueue<Long> pageCalls = new ConcurrentLinkedQueue<>();
        JiraClient client = timingSearchPages(BenchJira.client(baseUrl, recorder), pageCalls);
        JiraClients clients = BenchJira.clients(client);
        ProgramService programs = new ProgramService(clients, new ProgramJiraStore(), caller -> true, new Unlocked(),
                ChangeFeed.alone());
        Clock clock = tickingFrom(SandboxSite.DEFAULT_NOW);
        Optional<IssueSync> readModel = BenchReadModel.of(clock);
        ProgramRollupService service = BenchReadModel.service(clients, programs, clock, concurrency, readModel);
        Caller caller = Caller.of(new Site("bench-site", URI.create(baseUrl)), SandboxSite.ADMIN);

        long warmStarted = System.nanoTime();
        long warmItems = 0;
        // several rounds, so the sandbox's and the app's search paths are compiled before
        // the measured fetch
        for (int round = 0; round < Integer.getInteger("throughline.bench.warmUpRounds", 3); round++) {
            warmItems = service.rollup(caller, warmUpId, true).result().program().items();
        }
        service.forget(caller, warmUpId);
        // the measured fetch reads every project in full: a service whose read model
        // holds
        // none of the warm-up's projects (?refresh=true only refreshes what it holds)
        service.stop();
        Clock measured = tickingFrom(SandboxSite.DEFAULT_NOW);
        service = BenchReadModel.service(clients, programs, measured, concurrency, BenchReadModel.of(measured));
        phase(parent, "warmUp", "wallMs=" + ms(System.nanoTime() - warmStarted), "items=" + warmItems,
                "requests=" + recorder.exchanges.size());
        recorder.exchanges.clear();
        pageCalls.clear();

        // the fetch: refresh=true reads Jira, as the first viewer of the day would
        List<MemoryPoolMXBean> heap = BenchJira.heapPeaksFromNow();
        long started = System.nanoTime();
        ProgramRollup first = service.rollup(caller, programId, true);
        long wallNanos = System.nanoTime() - started;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
        System.gc();
        long retained = heap.stream().mapToLong(p -> p.getUsage().getUsed()).sum();

        List<BenchJira.Exchange> fetch = new ArrayList<>(recorder.exchanges);
        double[] pageMillis = pageCalls.stream().mapToDouble(n -> n / 1e6).sorted().toArray();
        pageCalls.clear();
        recorder.exchanges.clear();
        List<BenchJira.Exchange> searches = fetch.stream().filter(e -> e.path().endsWith("/search/jql")).toList();
        long windowNanos = searches.isEmpty() ? 0
                : searches.stream().mapToLong(BenchJira.Exchange::endNanos).max().orElse(0)
                        - searches.stream().mapToLong(BenchJira.Exchange::startNanos).min().orElse(0);
        double[] gaps = workerGaps(searches);
        long firstSearch = searches.stream().mapToLong(BenchJira.Exchange::startNanos).min().orElse(started);
        long lastSearch = searches.stream().mapToLong(BenchJira.Exchange::endNanos).max().orElse(started);
        double[] searchMillis = searches.stream()
            .mapToDouble(e -> (e.endNanos() - e.startNanos()) / 1e6)
            .sorted()
            .toArray();
        GroupSummary program = first.result().program();
        long projectItems = first.result().projects().stream().mapToLong(GroupSummary::items).sum();
        String others = fetch.stream()
            .filter(e -> !e.path().endsWith("/search/jql"))
            .map(e -> e.method() + " " + e.path())
            .reduce((a, b) -> a + "," + b)
            .orElse("");
        phase(parent, "fetch", "wallMs=" + ms(wallNanos), "searchWindowMs=" + ms(windowNanos),
                "beforeSearchesMs=" + ms(firstSearch - started),
                "afterSearchesMs=" + ms(started + wallNanos - lastSearch),
                "searchGapP50Ms=" + (gaps.length == 0 ? "0" : fmt(pct(gaps, 50))),
                "searchGapP90Ms=" + (gaps.length == 0 ? "0" : fmt(pct(gaps, 90))), "requests=" + fetch.size(),
                "searches=" + searches.size(),
                "searchP50Ms=" + (searchMillis.length == 0 ? "0" : fmt(pct(searchMillis, 50))),
                "searchP95Ms=" + (searchMillis.length == 0 ? "0" : fmt(pct(searchMillis, 95))),
                "pageCallP50Ms=" + (pageMillis.length == 0 ? "0" : fmt(pct(pageMillis, 50))),
                "pageCallP95Ms=" + (pageMillis.length == 0 ? "0" : fmt(pct(pageMillis, 95))),
                "searchBusy=" + (windowNanos == 0 ? "0"
                        : fmt(searches.stream().mapToLong(e -> e.endNanos() - e.startNanos()).sum()
                                / (double) windowNanos)),
                "peakHeapBytes=" + peak, "retainedHeapBytes=" + retained,
                "maxHeapBytes=" + Runtime.getRuntime().maxMemory(),
                "gc=" + ManagementFactory.getGarbageCollectorMXBeans().get(0).getName().replace(' ', '_'),
                "items=" + program.items(), "done=" + program.done(), "pointsTotal=" + program.pointsTotal(),
                "projectItems=" + projectItems, "projects=" + first.result().projects().size(),
                "skipped=" + first.skippedProjects().size(), "leftOut=" + first.leftOutProjects(),
                "otherRequests=" + others.replace(' ', '_'));

        repeats(clients, baseUrl, programId, concurrency, recorder, pageCalls, parent, readModel);

        // the cached path: same viewer, cached fetch, merge of the projects the viewer
        // may browse
        cached(service, caller, programId, recorder, slowCalls, parent, "cachedWithLatency", false);
        cached(service, caller, programId, recorder, fastCalls, parent, "cachedWithoutLatency", false);
        if (readModel.isPresent()) {
            // warm: the cached rollup is gone (an event touched the program) and the
            // view folds every project again from the read model, reading nothing from
            // Jira but the viewer's permission check (cached by the client)
            cached(service, caller, programId, recorder, fastCalls, parent, "warmFromReadModel", true);
        }
    }

    private static void cached(ProgramRollupService service, Caller caller, String programId,
            BenchJira.Recorder recorder, int calls, BufferedReader parent, String name, boolean dropCache)
            throws Exception {
        double[] millis = new double[calls];
        double[] inApp = new double[calls];
        long items = -1;
        int requests = 0;
        List<String> paths = new ArrayList<>();
        long budgetNanos = Duration.ofSeconds(Long.getLong("throughline.bench.cachedBudgetSeconds", 30)).toNanos();
        List<MemoryPoolMXBean> heap = BenchJira.heapPeaksFromNow();
        long phaseStarted = System.nanoTime();
        int made = 0;
        for (int i = 0; i < calls; i++) {
            if (i >= MIN_CACHED_CALLS && System.nanoTime() - phaseStarted > budgetNanos) {
                break; // the time budget of the phase is spent: report the calls made so
                       // far
            }
            made++;
            if (dropCache) {
                service.invalidateSite(caller.site());
            }
            recorder.exchanges.clear();
            long started = System.nanoTime();
            ProgramRollup rollup = service.rollup(caller, programId, false);
            long took = System.nanoTime() - started;
            long inJira = recorder.exchanges.stream().mapToLong(e -> e.endNanos() - e.startNanos()).sum();
            millis[i] = took / 1e6;
            inApp[i] = (took - inJira) / 1e6;
            requests += recorder.exchanges.size();
            recorder.exchanges.forEach(e -> {
                String path = e.method() + "_" + e.path();
                if (!paths.contains(path)) {
                    paths.add(path);
                }
            });
            items = rollup.result().program().items();
        }
        millis = Arrays.copyOf(millis, made);
        inApp = Arrays.copyOf(inApp, made);
        Arrays.sort(millis);
        Arrays.sort(inApp);
        phase(parent, name, "calls=" + made, "p50Ms=" + fmt(pct(millis, 50)), "p95Ms=" + fmt(pct(millis, 95)),
                "maxMs=" + fmt(millis[made - 1]), "appP50Ms=" + fmt(pct(inApp, 50)), "appP95Ms=" + fmt(pct(inApp, 95)),
                "requests=" + requests, "items=" + items, "requestPaths=" + String.join(",", paths),
                "peakHeapBytes=" + heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum());
    }

    /**
     * The client, timing each searchPage call (the exchange plus reading and parsing the
     * page).
     */
    private static JiraClient timingSearchPages(JiraClient real, Queue<Long> nanos) {
        return (JiraClient) Proxy.newProxyInstance(JiraClient.class.getClassLoader(),
                new Class<?>[] { JiraClient.class }, (proxy, method, args) -> {
                    long started = System.nanoTime();
                    try {
                        return method.invoke(real, args);
                    }
                    catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                    finally {
                        if (method.getName().equals("searchPage")) {
                            nanos.add(System.nanoTime() - started);
                        }
                    }
                });
    }

    /** Nearest-rank percentile of sorted values. */
    static double pct(double[] sorted, int p) {
        int rank = (int) Math.ceil(p / 100.0 * sorted.length);
        return sorted[Math.max(0, rank - 1)];
    }

    private static void phase(BufferedReader parent, String name, String... values) throws Exception {
        System.out.println("PHASE " + name + " " + String.join(" ", values));
        System.out.flush();
        parent.readLine();
    }

    /**
     * The fetch again, {@code throughline.bench.fetches - 1} times, each as the first
     * fetch was made: a new service (no cached program definition or rollup) and a viewer
     * whose permission check the client has not cached ({@code bench-viewer-N}, who may
     * browse every project), so each makes the same Jira requests.
     */
    private static void repeats(JiraClients clients, String baseUrl, String programId, int concurrency,
            BenchJira.Recorder recorder, Queue<Long> pageCalls, BufferedReader parent, Optional<IssueSync> readModel)
            throws Exception {
        for (int repeat = 1; repeat < Integer.getInteger("throughline.bench.fetches", 1); repeat++) {
            ProgramRollupService fresh = BenchReadModel.service(clients, new ProgramService(clients,
                    new ProgramJiraStore(), caller -> true, new Unlocked(), ChangeFeed.alone()),
                    tickingFrom(SandboxSite.DEFAULT_NOW), concurrency, readModel);
            Caller viewer = Caller.of(new Site("bench-site", URI.create(baseUrl)), "bench-viewer-" + repeat);
            System.gc();
            long started = System.nanoTime();
            long items = fresh.rollup(viewer, programId, true).result().program().items();
            long wallNanos = System.nanoTime() - started;
            fresh.stop();
            int requests = recorder.exchanges.size();
            recorder.exchanges.clear();
            pageCalls.clear();
            phase(parent, "repeat", "wallMs=" + ms(wallNanos), "items=" + items, "requests=" + requests);
        }
    }

    /**
     * Per worker thread, the time from one search's answer to its next search (reading
     * and pre-scanning the page, claiming its keys, handing it to the fold pool, building
     * the next request), sorted.
     */
    private static double[] workerGaps(List<BenchJira.Exchange> searches) {
        Map<String, List<BenchJira.Exchange>> byThread = new HashMap<>();
        searches.forEach(e -> byThread.computeIfAbsent(e.thread(), t -> new ArrayList<>()).add(e));
        List<Double> gaps = new ArrayList<>();
        for (List<BenchJira.Exchange> worker : byThread.values()) {
            worker.sort(Comparator.comparingLong(BenchJira.Exchange::startNanos));
            for (int i = 1; i < worker.size(); i++) {
                gaps.add((worker.get(i).startNanos() - worker.get(i - 1).endNanos()) / 1e6);
            }
        }
        return gaps.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    }

    /**
     * The sandbox's day, with time going on: each warm-up fetch then has its own time, so
     * its result is assembled again instead of served from the service's result cache (a
     * fixed clock would warm up the fetch alone).
     */
    private static Clock tickingFrom(Instant start) {
        return Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), start));
    }

    private static String ms(long nanos) {
        return String.valueOf(nanos / 1_000_000);
    }

    private static String fmt(double value) {
        return String.format(Locale.ROOT, "%.2f", value);
    }

}

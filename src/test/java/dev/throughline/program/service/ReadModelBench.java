package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.Jql;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.ProgramDraft;
import dev.throughline.readmodel.FactsOf;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.Reconciliation;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.service.KeptCatalogs;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The read model's part of the program benchmark
 * ({@link ProgramRollupBenchmark#readModel}): points, requests, wall time and peak heap
 * of a cold rollup, a refresh after 0.1 % and 1 % of the issues changed, the same changes
 * as webhooks, a reconciliation and one busy hour, against today's full re-read, on one
 * sandbox site of {@code projects} projects with {@code latency} on every answer.
 * Everything runs in this JVM (the heap column includes the sandbox's site), with the
 * read model in an in-memory H2 database.
 */
final class ReadModelBench {

    /** One measured step. */
    record Row(String what, long points, long requests, long millis, long peakHeapMb, String note, double load) {

        Row(String what, long points, long requests, long millis, long peakHeapMb, String note) {
            this(what, points, requests, millis, peakHeapMb, note,
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        }

    }

    private final int issues;

    private final int projects;

    private final Duration latency;

    private final long seed;

    ReadModelBench(int issues, int projects, Duration latency, long seed) {
        this.issues = issues;
        this.projects = projects;
        this.latency = latency;
        this.seed = seed;
    }

    List<Row> run() {
        SandboxSite site = SandboxGenerator.generate(seed, projects, issues);
        JiraSandbox sandbox = JiraSandbox.start(site);
        PointsMeter meter = new PointsMeter();
        JiraClient client = BenchJira.client(sandbox.baseUrl(), meter);
        JiraClient unmetered = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        Clock clock = site.clock();
        Caller admin = Caller.of(new Site("bench-readmodel", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        ProgramService programs = BenchJira.programs(client);
        List<String> keys = site.projects().stream().map(p -> p.key()).toList();
        String id = programs.create(admin, ProgramDraft.parse(Map.of("name", "Bench", "projects", keys), false)).id();
        List<Caller> viewers = new ArrayList<>();
        for (int v = 1; v <= 10; v++) {
            String accountId = "viewer-" + v;
            site.addUser(accountId, "Viewer " + v);
            keys.forEach(k -> site.grant(accountId, k, "BROWSE_PROJECTS"));
            viewers.add(Caller.of(admin.site(), accountId));
        }
        sandbox.withLatency(latency);
        IssueFactsStore store = ReadModelDatabase.h2Store();
        IssueSync sync = new IssueSync(store, clock, Duration.ofMinutes(5));
        IssueEvents events = new IssueEvents(store);
        ProgramRollupService service = new ProgramRollupService(BenchJira.clients(client), programs,
                KeptCatalogs.of(clock), clock, 4, Duration.ofMinutes(10), Duration.ofSeconds(2), sync);
        List<Row> rows = new ArrayList<>();
        Random random = new Random(seed);
        try {
            Row cold = measure(meter, "(a) cold rollup (read model empty)", "", () -> service.rollup(admin, id, false));
            rows.add(cold);
            rows.add(new Row("today: every view after a change re-reads the program", cold.points(), cold.requests(),
                    cold.millis(), cold.peakHeapMb(), "the same searches as (a), no read model", cold.load()));
            for (double share : new double[] { 0.001, 0.01 }) {
                int k = (int) Math.round(issues * share);
                site.advance(Duration.ofMinutes(1));
                edit(site, random, k);
                site.advance(Duration.ofMinutes(10)); // past the cache time: the view
                                                      // refreshes
                service.invalidateSite(admin.site());
                rows.add(measure(meter, "(b) refresh after " + k + " changed (" + share * 100 + " %)",
                        "target ≤ " + (k + (k + 99) / 100 + 8), () -> service.rollup(admin, id, false)));
                site.advance(Duration.ofMinutes(1));
                List<SandboxIssue> changed = edit(site, random, k);
                List<JiraIssue> payloads = changed.stream().map(i -> payload(unmetered, i.key())).toList();
                rows.add(measure(meter, "(c) the same " + k + " changes as webhooks, next view", "target ≤ 8", () -> {
                    payloads.forEach(p -> events.changed(admin.site().clientKey(), p)
                        .forEach(project -> service.invalidateProject(admin.site(), project)));
                    service.rollup(admin, id, false);
                }));
            }
            rows.add(views(meter, "cached views (rollup cached)", () -> {
            }, () -> service.rollup(admin, id, false)));
            for (Duration jira : List.of(latency, Duration.ZERO)) {
                String at = ", Jira " + jira.toMillis() + " ms";
                rows.add(views(meter, "warm views, nothing changed (cached rollup dropped)" + at, () -> {
                    service.invalidateSite(admin.site());
                }, () -> service.rollup(admin, id, false)));
                for (int k : new int[] { 1, 100 }) {
                    rows.add(views(meter, "warm view after " + k + " changed as webhooks" + at, () -> {
                        sandbox.withLatency(Duration.ZERO); // the benchmark's own reads
                                                            // of the
                                                            // payloads are not the view's
                        site.advance(Duration.ofSeconds(10));
                        for (SandboxIssue edited : edit(site, random, k)) {
                            events.changed(admin.site().clientKey(), payload(unmetered, edited.key()))
                                .forEach(project -> service.invalidateProject(admin.site(), project));
                        }
                        sandbox.withLatency(jira);
                    }, () -> service.rollup(admin, id, false)));
                }
            }
            sandbox.withLatency(latency);
            Reconciliation reconciliation = new Reconciliation(sync, clock);
            rows.add(measure(meter, "reconciliation (nothing missed)", "",
                    () -> reconciliation.run(client, admin.site().clientKey())));
            System.out.println("reconciliation, by call:\n" + meter.breakdown());
            rows.add(busyHour(site, random, meter, service, events, unmetered, admin, viewers, id, cold));
        }
        finally {
            service.stop();
            sandbox.stop();
        }
        return rows;
    }

    /**
     * One hour: 1,000 edits (one every 3.6 s, each delivered as a webhook), 10 viewers
     * each opening the program every 6 minutes (staggered); today's cost is a full
     * re-read for every view that follows a change.
     */
    private Row busyHour(SandboxSite site, Random random, PointsMeter meter, ProgramRollupService service,
            IssueEvents events, JiraClient unmetered, Caller admin, List<Caller> viewers, String id, Row cold) {
        int[] views = { 0 };
        Row hour = measure(meter, "(d) busy hour: 1,000 edits as webhooks, 10 viewers every 6 min", "", () -> {
            for (int tick = 0; tick < 1000; tick++) {
                site.advance(Duration.ofMillis(3600));
                for (SandboxIssue edited : edit(site, random, 1)) {
                    events.changed(admin.site().clientKey(), payload(unmetered, edited.key()))
                        .forEach(project -> service.invalidateProject(admin.site(), project));
                }
                if (tick % 10 == 0) {
                    service.rollup(viewers.get(tick / 10 % viewers.size()), id, false);
                    views[0]++;
                }
            }
        });
        return new Row(hour.what(), hour.points(), hour.requests(), hour.millis(), hour.peakHeapMb(), views[0]
                + " views; today ≈ " + views[0] + " × " + cold.points() + " = " + views[0] * cold.points() + " points",
                hour.load());
    }

    static List<SandboxIssue> edit(SandboxSite site, Random random, int k) {
        List<SandboxIssue> all = site.issues();
        List<SandboxIssue> edited = new ArrayList<>();
        for (int i = 0; i < k; i++) {
            SandboxIssue issue = all.get(random.nextInt(all.size()));
            edited.add(random.nextBoolean() ? site.setStoryPoints(issue.key(), random.nextInt(13))
                    : site.transition(issue.key(), IssueStatus.values()[random.nextInt(3)]));
        }
        return edited;
    }

    /** An issue event as Jira sends it: every field, no entity properties. */
    static JiraIssue payload(JiraClient unmetered, String key) {
        JiraIssue read = unmetered
            .search(new SearchRequest(Jql.issueKeyIn(List.of(key)), FactsOf.fields(unmetered.storyPointsFieldId()),
                    List.of(), 1))
            .findFirst()
            .orElseThrow();
        return new JiraIssue(read.id(), read.key(), read.fields(), Map.of());
    }

    /**
     * 20 views one after the other, each after {@code prepare} (not timed, not counted):
     * the row's wall time is their p95 (nearest rank), the note gives p50 and max.
     */
    static Row views(PointsMeter meter, String what, Runnable prepare, Runnable view) {
        long[] millis = new long[20];
        long points = 0;
        long requests = 0;
        long peak = 0;
        for (int i = 0; i < millis.length; i++) {
            prepare.run();
            Row one = measure(meter, what, "", view);
            millis[i] = one.millis();
            points += one.points();
            requests += one.requests();
            peak = Math.max(peak, one.peakHeapMb());
        }
        Row all = new Row(what, points, requests, 0, peak, "");
        Arrays.sort(millis);
        return new Row(
                what + ", p95 of 20", all.points(), all.requests(), millis[18], all.peakHeapMb(), "p50 " + millis[9]
                        + " ms, p95 " + millis[18] + " ms, max " + millis[19] + " ms; points and requests of all 20",
                all.load());
    }

    static Row measure(PointsMeter meter, String what, String note, Runnable step) {
        List<MemoryPoolMXBean> heap = BenchJira.heapPeaksFromNow();
        meter.reset();
        long start = System.nanoTime();
        step.run();
        long millis = (System.nanoTime() - start) / 1_000_000;
        long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum() / (1024 * 1024);
        return new Row(what, meter.points.get(), meter.requests.get(), millis, peak, note);
    }

}

package dev.throughline.program.service;

import dev.throughline.coordination.Unlocked;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraIssue;
import dev.throughline.program.service.ReadModelBench.Row;
import dev.throughline.readmodel.IssueFactsStore;
import dev.throughline.readmodel.ProjectIssues;
import dev.throughline.readmodel.service.IssueEvents;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.ReadModelServices;
import dev.throughline.readmodel.store.ReadModelDatabase;
import dev.throughline.sandbox.IssueStatus;
import dev.throughline.sandbox.IssueType;
import dev.throughline.sandbox.SandboxGenerator;
import dev.throughline.sandbox.SandboxIssue;
import dev.throughline.sandbox.SandboxSite;
import dev.throughline.sandbox.http.JiraSandbox;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.ThemeDraft;
import dev.throughline.theme.service.KeptCatalogs;
import dev.throughline.theme.service.ThemeProgressService;
import dev.throughline.theme.service.ThemeService;
import dev.throughline.theme.store.ThemeJiraStore;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Theme progress's part of the read-model benchmark
 * ({@link ProgramRollupBenchmark#themeProgress}): {@code themes} themes linking
 * {@code linkedEpics} epics of a site of {@code issues} issues in 20 projects, every
 * project held by the read model after the first view. Points, requests, wall time and
 * peak heap of the first view (read model empty), of views with nothing changed and of
 * the view after changes delivered as webhooks. {@link #main} runs it in a JVM of its own
 * (the {@code -Xmx256m} check: sandbox and app together in that heap).
 */
final class ThemeProgressBench {

    private final int issues;

    private final int linkedEpics;

    private final Duration latency;

    private final boolean onDisk;

    ThemeProgressBench(int issues, int linkedEpics, Duration latency, boolean onDisk) {
        this.issues = issues;
        this.linkedEpics = linkedEpics;
        this.latency = latency;
        this.onDisk = onDisk;
    }

    List<Row> run() throws Exception {
        SandboxSite site = SandboxGenerator.generate(42, 20, issues);
        JiraSandbox sandbox = JiraSandbox.start(site);
        PointsMeter meter = new PointsMeter();
        JiraClient client = BenchJira.client(sandbox.baseUrl(), meter);
        JiraClient unmetered = BenchJira.client(sandbox.baseUrl(), new BenchJira.Recorder());
        Clock clock = site.clock();
        Caller admin = Caller.of(new Site("bench-themes", URI.create(sandbox.baseUrl())), SandboxSite.ADMIN);
        JiraClients clients = BenchJira.clients(client);
        IssueFactsStore store = onDisk
                ? ReadModelDatabase.h2Store("file:"
                        + Files.createTempDirectory(Path.of("target"), "theme-bench").toAbsolutePath().resolve("facts"))
                : ReadModelDatabase.h2Store();
        ProjectIssues projectIssues = ReadModelServices
            .projectIssues(new IssueSync(store, clock, Duration.ofMinutes(5)), Duration.ofMinutes(10));
        KeptCatalogs catalogs = new KeptCatalogs(new ThemeJiraStore(), clock, Duration.ofMinutes(10));
        ThemeService themes = new ThemeService(clients, new ThemeJiraStore(), caller -> true, new Unlocked(),
                projectIssues, catalogs, clock);
        List<String> ids = new ArrayList<>();
        for (int t = 1; t <= 20; t++) {
            ids.add(themes.create(admin, ThemeDraft.parse(Map.of("name", "Theme " + t, "horizon", "now"), false)).id());
        }
        List<SandboxIssue> epics = site.issues().stream().filter(i -> i.type() == IssueType.EPIC).toList();
        int step = Math.max(1, epics.size() / linkedEpics);
        int linked = 0;
        for (int e = 0; e < epics.size() && linked < linkedEpics; e += step, linked++) {
            site.setIssueProperty(epics.get(e).key(), "throughline.themes",
                    Map.of("themeIds", List.of(ids.get(linked % ids.size()))));
        }
        ThemeProgressService progress = new ThemeProgressService(clients, catalogs, clock, projectIssues, store);
        IssueEvents events = new IssueEvents(store);
        sandbox.withLatency(latency);
        List<Row> rows = new ArrayList<>();
        try {
            String scope = linked + " epics linked to 20 themes";
            int[] items = { 0 };
            rows.add(ReadModelBench.measure(meter, "theme progress, first view (read model empty)", scope, () -> {
                items[0] = progress.board(admin, Optional.empty())
                    .stream()
                    .mapToInt(row -> row.progress().itemsTotal())
                    .sum();
            }));
            rows.add(ReadModelBench.views(meter, "theme progress, nothing changed, Jira " + latency.toMillis() + " ms",
                    () -> {
                    }, () -> progress.board(admin, Optional.empty())));
            sandbox.withLatency(Duration.ZERO);
            rows.add(ReadModelBench.views(meter, "theme progress, nothing changed, Jira 0 ms", () -> {
            }, () -> progress.board(admin, Optional.empty())));
            Random random = new Random(42);
            List<SandboxIssue> all = site.issues();
            // the event is applied before the view's clock starts: the view alone
            rows.add(ReadModelBench.views(meter, "theme progress, 1 change as a webhook before each, Jira 0 ms",
                    () -> events.changed(admin.site().clientKey(),
                            ReadModelBench.payload(unmetered,
                                    site.transition(all.get(random.nextInt(all.size())).key(),
                                            IssueStatus.values()[random.nextInt(3)])
                                        .key())),
                    () -> progress.board(admin, Optional.empty())));
            List<JiraIssue> payloads = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                SandboxIssue issue = site.transition(all.get(random.nextInt(all.size())).key(),
                        IssueStatus.values()[random.nextInt(3)]);
                payloads.add(ReadModelBench.payload(unmetered, issue.key()));
            }
            sandbox.withLatency(latency);
            rows.add(ReadModelBench.measure(meter, "theme progress after 100 changes as webhooks, next view",
                    items[0] + " items", () -> {
                        payloads.forEach(p -> events.changed(admin.site().clientKey(), p));
                        progress.board(admin, Optional.empty());
                    }));
            // the same again, the events applied before the clock starts: the view's own
            // cost
            sandbox.withLatency(Duration.ZERO);
            List<JiraIssue> more = new ArrayList<>();
            for (int i = 0; i < 100; i++) {
                SandboxIssue issue = site.transition(all.get(random.nextInt(all.size())).key(),
                        IssueStatus.values()[random.nextInt(3)]);
                more.add(ReadModelBench.payload(unmetered, issue.key()));
            }
            more.forEach(p -> events.changed(admin.site().clientKey(), p));
            sandbox.withLatency(latency);
            rows.add(ReadModelBench.measure(meter, "theme progress after 100 more changes as webhooks, the view alone",
                    items[0] + " items", () -> progress.board(admin, Optional.empty())));
        }
        finally {
            sandbox.stop();
        }
        return rows;
    }

    static String table(List<Row> rows, String heading) {
        StringBuilder table = new StringBuilder(heading).append(String.format(Locale.ROOT,
                "%n%n| step | points | requests | wall time | peak heap | load | |%n|---|---:|---:|---:|---:|---:|---|%n"));
        for (Row row : rows) {
            table.append(String.format(Locale.ROOT, "| %s | %,d | %,d | %.3f s | %d MB | %.1f | %s |%n", row.what(),
                    row.points(), row.requests(), row.millis() / 1000.0, row.peakHeapMb(), row.load(), row.note()));
        }
        return table.toString();
    }

    /**
     * {@code issues linkedEpics latencyMs}: the benchmark in this JVM with the read model
     * on disk, its table on standard output.
     */
    public static void main(String[] args) throws Exception {
        List<Row> rows = new ThemeProgressBench(Integer.parseInt(args[0]), Integer.parseInt(args[1]),
                Duration.ofMillis(Long.parseLong(args[2])), true)
            .run();
        System.out.println(table(rows, "forked JVM, max heap " + Runtime.getRuntime().maxMemory() / (1024 * 1024)
                + " MB, read model in H2 on disk"));
        System.exit(0);
    }

}

package dev.throughline.program.service;

import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCallContext;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.SyncPlan;
import dev.throughline.readmodel.service.IssueSync;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a program from Jira. A fetch runs on its own thread, not the request's: it may
 * outlive the request that started it (see {@link RollupFlights}), and its Jira calls
 * keep the client's own limits.
 *
 * <p>
 * It runs one search per project ({@code project = "KEY"} AND the program's refinement,
 * in key order), asking only for the fields and properties the rollup needs; a project
 * much larger than a fair share of the concurrency is read by several key-range readers
 * ({@link PartitionQueue}, {@link KeyClaims}). Partitions are fetched concurrently on a
 * bounded pool (pages of one partition in order, longest partitions first once Jira's
 * issue counts are known) and each page is folded and dropped as it arrives. The theme
 * catalog, project search and permission check run beside the searches. A project Jira
 * refuses to search (400/404) is reported as skipped; any other Jira failure fails the
 * fetch.
 */
final class ProgramFetcher {

    static final int PAGE_SIZE = 100;

    private static final int KEPT_PROJECTS = 500;

    private final Clock clock;

    private final FetchRun.Pools pools;

    /**
     * Requests beside the searches (theme catalog, project search, permission check):
     * never wait for a search.
     */
    private final ExecutorService sideRequests;

    /**
     * The thread each fetch orchestrates from, so the request thread can stop waiting
     * without stopping it.
     */
    private final ExecutorService fetches;

    private final IssueSync sync;

    /** Project ids never change: once known, a refresh need not search projects again. */
    private final Map<String, Map<String, Long>> projectIds = new ConcurrentHashMap<>();

    /**
     * Folded buckets of the read model between views; 100 projects of a program or
     * several programs, softly held.
     */
    private final KeptRollups kept = new KeptRollups(KEPT_PROJECTS);

    ProgramFetcher(Clock clock, int concurrency, IssueSync sync) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("throughline.program.concurrency must be 1..64, was " + concurrency);
        }
        this.clock = clock;
        this.sync = sync;
        // folds: pages are folded while their partition's next page is fetched (one fold
        // per partition at a time)
        this.pools = new FetchRun.Pools(Executors.newFixedThreadPool(concurrency, daemonThreads("program-rollup-")),
                concurrency, Executors.newFixedThreadPool(concurrency, daemonThreads("program-fold-")));
        this.sideRequests = Executors.newCachedThreadPool(daemonThreads("program-side-"));
        this.fetches = Executors.newCachedThreadPool(daemonThreads("program-fetch-"));
    }

    /**
     * What the read model takes part in a fetch: the site, whether the viewer asked to
     * read Jira again, and how old a sync may be before a view refreshes it.
     */
    record ReadModelUse(String siteKey, boolean refresh, Duration maxAge) {
    }

    /**
     * Starts reading the program on a fetch thread; {@code progress} counts the issues
     * read as they arrive.
     */
    CompletableFuture<Fetched> start(JiraClient client, ProgramDefinition program, LocalDate today, String accountId,
            FetchProgress progress, Function<JiraClient, ThemeFacts> themeFacts, ReadModelUse use) {
        return CompletableFuture.supplyAsync(() -> {
            if (program.jql().isPresent()) {
                // the projects' issue counts only bound a refined program: ask Jira for
                // an estimate of the JQL
                CompletableFuture.runAsync(() -> approximate(client, program, progress), sideRequests);
                return fetch(client, program, today, progress, accountId, themeFacts, Optional.empty());
            }
            // a program without refinement reads whole projects: the read model holds
            // them, and two instances never refresh the same projects at once
            return sync.exclusive(use.siteKey(), program.projects(),
                    () -> fetch(client, program, today, progress, accountId, themeFacts, Optional.of(use)));
        }, fetches);
    }

    /**
     * One approximate count for the whole program, so the page can say "12,400 of ~40,000
     * issues".
     */
    private static void approximate(JiraClient client, ProgramDefinition program, FetchProgress progress) {
        try {
            progress.approximateTotal = client.approximateCount(program.programJql());
        }
        catch (RuntimeException unknown) {
            // only a progress hint: without it the page shows the issues read so far
        }
    }

    /**
     * Projects the read model does not hold are searched at once; beside them run the
     * theme catalog (needed only when the result is assembled), the project search (ids
     * for the permission check, and issue counts that order and split the searches; not
     * repeated once the ids are known and nothing is read in full) and the caller's
     * permission check (cached by the client for the merge that follows). Projects the
     * read model holds are refreshed as the plan says and folded from it.
     */
    private Fetched fetch(JiraClient client, ProgramDefinition program, LocalDate today, FetchProgress progress,
            String accountId, Function<JiraClient, ThemeFacts> themes, Optional<ReadModelUse> use) {
        Instant started = clock.instant();
        RollupSettings folding = RollupSettings.defaults(today)
            .withProgressBasis(program.progressBasis())
            .withIncludeSubtasks(program.includeSubtasks())
            .withScopeGrowth(program.scopeGrowth())
            .withThroughputWeeks(program.throughputWeeks());
        CompletableFuture<ThemeFacts> themeFacts = CompletableFuture.supplyAsync(() -> themes.apply(client),
                sideRequests);
        Optional<String> pointsField = client.storyPointsFieldId();
        List<String> fields = IssueMapper.fields(pointsField);
        SyncPlan plan = use.map(u -> sync.plan(u.siteKey(), program.projects(), pointsField, u.refresh(), u.maxAge()))
            .orElseGet(() -> new SyncPlan(program.projects(), List.of(), Optional.empty(), List.of()));
        String siteKey = use.map(ReadModelUse::siteKey).orElse("");
        Map<String, Long> knownIds = projectIds.getOrDefault(siteKey, Map.of());
        boolean searchProjects = use.isEmpty() || !plan.cold().isEmpty()
                || !knownIds.keySet().containsAll(program.projects());
        PartitionQueue queue = new PartitionQueue(plan.cold(), PAGE_SIZE, pools.concurrency());
        CompletableFuture<List<JiraProject>> projects = searchProjects
                ? CompletableFuture.supplyAsync(() -> client.projectsWithIssueCounts(program.projects())
                    .filter(p -> program.projects().contains(p.key()))
                    .toList(), sideRequests)
                : CompletableFuture.completedFuture(program.projects()
                    .stream()
                    .map(key -> new JiraProject(knownIds.get(key), key, key, OptionalLong.empty()))
                    .toList());
        CompletableFuture<Void> planned = projects.thenAccept(found -> {
            Map<String, Long> counts = new HashMap<>();
            found.forEach(p -> p.issueCount().ifPresent(n -> counts.put(p.key(), n)));
            if (program.jql().isEmpty() && counts.keySet().containsAll(plan.cold())) {
                progress.approximateTotal = plan.cold().stream().mapToLong(counts::get).sum();
            }
            queue.plan(counts);
        });
        // without counts (the project search failed) the searches go on in program order;
        // the failure shows below
        planned.whenComplete((done, failure) -> queue.plan(Map.of()));
        CompletableFuture<Set<Long>> permissions = projects.thenApplyAsync(
                found -> found.isEmpty() ? Set.<Long>of()
                        : client.browsableProjects(accountId, found.stream().map(JiraProject::id).toList()),
                sideRequests);

        use.ifPresent(u -> sync.startFullRead(u.siteKey(), plan.cold()));
        Consumer<List<IssueFacts>> sink = use.isPresent() ? facts -> sync.ingest(siteKey, facts) : facts -> {
        };
        FetchRun run = new FetchRun(pools, client, program, plan.cold(), sink, queue, fields, pointsField, folding,
                progress.read);
        Map<String, ProjectRollup> read = run.execute();
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        if (use.isPresent()) {
            List<String> fullyRead = plan.cold().stream().filter(read::containsKey).toList();
            sync.fullyRead(siteKey, fullyRead, started, pointsField);
            sync.refresh(client, siteKey, plan, pointsField);
            List<String> warm = program.projects().stream().filter(p -> !plan.cold().contains(p)).toList();
            Map<String, ProjectRollup> folded = ReadModelFold.fold(sync.store(), kept, siteKey, warm, folding);
            for (String project : program.projects()) {
                Optional.ofNullable(read.get(project))
                    .or(() -> Optional.ofNullable(folded.get(project)))
                    .ifPresent(rollup -> rollups.put(project, rollup));
            }
        }
        else {
            rollups.putAll(read);
        }
        Map<String, Long> ids = new HashMap<>();
        join(projects).forEach(p -> ids.put(p.key(), p.id()));
        if (use.isPresent()) {
            projectIds.merge(siteKey, Map.copyOf(ids), (before, now) -> {
                Map<String, Long> both = new HashMap<>(before);
                both.putAll(now);
                return Map.copyOf(both);
            });
        }
        join(planned);
        try {
            permissions.join(); // only warms the client's cache; a failure shows when the
                                // merge asks again
        }
        catch (CompletionException ignored) {
            // the merge's own check reports it
        }
        ThemeFacts facts = join(themeFacts);
        RollupSettings settings = folding.withThemeEnds(facts.ends());
        return new Fetched(settings, rollups, ids, run.skipped(), started, facts.names());
    }

    /** The future's value; its failure rethrown as the runtime exception it was. */
    static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        }
        catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * A rollup is read for the report's viewers: its threads' Jira calls are the
     * program's, made for a user who waits.
     */
    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(JiraCallContext.asUser(CallFeature.PROGRAM, runnable),
                    prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    void stop() {
        fetches.shutdownNow();
        pools.searches().shutdownNow();
        sideRequests.shutdownNow();
        pools.folds().shutdownNow();
    }

}

package dev.throughline.program.service;

import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCallContext;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import dev.throughline.readmodel.FoldRevisions;
import dev.throughline.readmodel.IssueFacts;
import dev.throughline.readmodel.SyncPlan;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.RefinementSync;

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
 * It runs one search per project the read model does not hold ({@code project = "KEY"},
 * in key order; a program's JQL refinement picks which of the projects' issues belong
 * from the ids it matches, {@link RefinementSync}), asking only for the fields and
 * properties the rollup needs; a project much larger than a fair share of the concurrency
 * is read by several key-range readers ({@link PartitionQueue}, {@link KeyClaims}).
 * Partitions are fetched concurrently on a bounded pool (pages of one partition in order,
 * longest partitions first once Jira's issue counts are known) and each page is folded
 * and dropped as it arrives. The theme catalog, project search and permission check run
 * beside the searches. A project Jira refuses to search (400/404) is reported as skipped;
 * any other Jira failure fails the fetch.
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

    private final RefinementSync refinements;

    /** Project ids never change: once known, a refresh need not search projects again. */
    private final Map<String, Map<String, Long>> projectIds = new ConcurrentHashMap<>();

    /**
     * Folded buckets of the read model between views; 100 projects of a program or
     * several programs, softly held.
     */
    private final KeptRollups kept = new KeptRollups(KEPT_PROJECTS);

    ProgramFetcher(Clock clock, int concurrency, IssueSync sync, RefinementSync refinements) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("throughline.program.concurrency must be 1..64, was " + concurrency);
        }
        this.clock = clock;
        this.sync = sync;
        this.refinements = refinements;
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
        // the read model holds the program's whole projects (a refinement only picks
        // which
        // issues belong), and two instances never refresh the same projects at once
        return CompletableFuture.supplyAsync(() -> sync.exclusive(use.siteKey(), program.projects(),
                () -> fetch(client, program, today, progress, accountId, themeFacts, use)), fetches);
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
            String accountId, Function<JiraClient, ThemeFacts> themes, ReadModelUse use) {
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
        String siteKey = use.siteKey();
        SyncPlan plan = sync.plan(siteKey, program.projects(), pointsField, use.refresh(), use.maxAge());
        Map<String, Long> knownIds = projectIds.getOrDefault(siteKey, Map.of());
        boolean searchProjects = !plan.cold().isEmpty() || !knownIds.keySet().containsAll(program.projects());
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
            if (counts.keySet().containsAll(plan.cold())) {
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

        sync.startFullRead(siteKey, plan.cold());
        // the revisions before any page is written: the read's buckets are kept where
        // only its own pages moved them (a refined program folds from the read model)
        Optional<FoldRevisions> unread = plan.cold().isEmpty() || program.jql().isPresent() ? Optional.empty()
                : sync.store().revisions(siteKey, plan.cold());
        Consumer<List<IssueFacts>> sink = facts -> sync.ingest(siteKey, facts);
        // whole projects: the read model holds every issue of them, refined or not
        FetchRun run = new FetchRun(pools, client, program.unrefined(), plan.cold(), sink, queue, fields, pointsField,
                folding, progress.read);
        Map<String, ProjectRollup> read = run.execute();
        List<String> fullyRead = plan.cold().stream().filter(read::containsKey).toList();
        FoldRevisions written = sync.fullyRead(siteKey, fullyRead, started, pointsField);
        if (unread.isPresent()) {
            FoldRevisions after = sync.store().revisions(siteKey, fullyRead).orElseThrow();
            Map<String, Map<Integer, ProjectRollup>> buckets = new LinkedHashMap<>();
            fullyRead.forEach(project -> buckets.put(project, run.buckets(project)));
            ReadModelFold.keepRead(kept, siteKey, program.projects(), folding,
                    new ReadModelFold.ReadRevisions(unread.get(), written, after), buckets, read);
        }
        // a refined program's projects are refreshed by the searches that keep its ids
        Optional<Set<Long>> refined = program.jql()
            .map(jql -> refinements.matching(client, siteKey, program.id(), program.projects(), jql, plan,
                    pointsField));
        if (refined.isEmpty()) {
            sync.refresh(client, siteKey, plan, pointsField);
            refinements.forget(siteKey, program.id()); // its refinement was removed
        }
        // a refined program folds every project from the read model (the pages read held
        // all of a project's issues)
        List<String> warm = program.projects()
            .stream()
            .filter(p -> !plan.cold().contains(p) || refined.isPresent() && read.containsKey(p))
            .toList();
        // a refined program's kept buckets depend on its ids too
        Map<String, ProjectRollup> folded = ReadModelFold.fold(sync.store(), kept, siteKey, warm, folding,
                refined.map(ids -> BucketMembers.refined(program.id(), ids)).orElse(BucketMembers.ALL));
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        for (String project : program.projects()) {
            Optional.ofNullable(refined.isPresent() ? null : read.get(project))
                .or(() -> Optional.ofNullable(folded.get(project)))
                .ifPresent(rollup -> rollups.put(project, rollup));
        }
        Map<String, Long> ids = new HashMap<>();
        join(projects).forEach(p -> ids.put(p.key(), p.id()));
        projectIds.merge(siteKey, Map.copyOf(ids), (before, now) -> {
            Map<String, Long> both = new HashMap<>(before);
            both.putAll(now);
            return Map.copyOf(both);
        });
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

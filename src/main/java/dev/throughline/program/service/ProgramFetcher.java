package dev.throughline.program.service;

import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraProject;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.program.rollup.RollupSettings;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
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

    ProgramFetcher(Clock clock, int concurrency) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("throughline.program.concurrency must be 1..64, was " + concurrency);
        }
        this.clock = clock;
        // folds: pages are folded while their partition's next page is fetched (one fold
        // per partition at a time)
        this.pools = new FetchRun.Pools(Executors.newFixedThreadPool(concurrency, daemonThreads("program-rollup-")),
                concurrency, Executors.newFixedThreadPool(concurrency, daemonThreads("program-fold-")));
        this.sideRequests = Executors.newCachedThreadPool(daemonThreads("program-side-"));
        this.fetches = Executors.newCachedThreadPool(daemonThreads("program-fetch-"));
    }

    /**
     * Starts reading the program on a fetch thread; {@code progress} counts the issues
     * read as they arrive.
     */
    CompletableFuture<Fetched> start(JiraClient client, ProgramDefinition program, LocalDate today, String accountId,
            FetchProgress progress, Function<JiraClient, ThemeFacts> themeFacts) {
        return CompletableFuture.supplyAsync(() -> {
            if (program.jql().isPresent()) {
                // the projects' issue counts only bound a refined program: ask Jira for
                // an estimate of the JQL
                CompletableFuture.runAsync(() -> approximate(client, program, progress), sideRequests);
            }
            return fetch(client, program, today, progress, accountId, themeFacts);
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
     * The searches start at once; beside them run the theme catalog (needed only when the
     * result is assembled), the project search (ids for the permission check, and issue
     * counts that order and split the searches) and the caller's permission check (cached
     * by the client for the merge that follows).
     */
    private Fetched fetch(JiraClient client, ProgramDefinition program, LocalDate today, FetchProgress progress,
            String accountId, Function<JiraClient, ThemeFacts> themes) {
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
        PartitionQueue queue = new PartitionQueue(program.projects(), PAGE_SIZE, pools.concurrency());
        CompletableFuture<List<JiraProject>> projects = CompletableFuture
            .supplyAsync(() -> client.projectsWithIssueCounts(program.projects())
                .filter(p -> program.projects().contains(p.key()))
                .toList(), sideRequests);
        CompletableFuture<Void> planned = projects.thenAccept(found -> {
            Map<String, Long> counts = new HashMap<>();
            found.forEach(p -> p.issueCount().ifPresent(n -> counts.put(p.key(), n)));
            if (program.jql().isEmpty() && counts.size() == found.size()) {
                progress.approximateTotal = counts.values().stream().mapToLong(Long::longValue).sum();
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

        FetchRun run = new FetchRun(pools, client, program, queue, fields, pointsField, folding, progress.read);
        Map<String, ProjectRollup> rollups = run.execute();
        Map<String, Long> ids = new HashMap<>();
        join(projects).forEach(p -> ids.put(p.key(), p.id()));
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

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
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

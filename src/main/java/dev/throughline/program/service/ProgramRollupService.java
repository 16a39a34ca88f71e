package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.jira.JiraBadRequestException;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.JiraException;
import dev.throughline.jira.JiraNotFoundException;
import dev.throughline.jira.JiraProject;
import dev.throughline.jira.JiraIssue;
import dev.throughline.jira.SearchPage;
import dev.throughline.jira.SearchRequest;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.ProjectRollup;
import dev.throughline.program.RollupEngine;
import dev.throughline.program.RollupSettings;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.Quarter;
import dev.throughline.theme.Theme;
import dev.throughline.theme.store.ThemeJiraStore;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Program rollups from Jira. The app reads a program once per (site, program, version, day) and keeps one folded
 * {@link ProjectRollup} per project in a cache; each viewer's answer merges only the projects they may browse,
 * so two viewers share one fetch but see different totals.
 *
 * <p>A fetch runs one search per project ({@code project = "KEY"} AND the program's refinement, in key order),
 * asking only for the fields and properties the rollup needs; a project much larger than a fair share of the
 * concurrency is read by several key-range readers ({@link PartitionQueue}, {@link KeyClaims}). Partitions are
 * fetched concurrently on a bounded pool (pages of one partition in order, longest partitions first once Jira's
 * issue counts are known) and each page is folded and dropped as it arrives. The theme catalog, project search
 * and permission check run beside the searches. A project Jira refuses to search (400/404) is reported as
 * skipped; any other Jira failure fails the fetch and nothing is cached.
 */
@Service
public class ProgramRollupService {

    static final int PAGE_SIZE = 100;
    /** Change-feed topics: the cached rollups reading a project (item: its key), or all of a site's, are stale. */
    static final String PROJECT_CHANGED = "rollup.project";
    static final String SITE_CHANGED = "rollup.site";

    private final JiraClients jira;
    private final ProgramService programs;
    private final ThemeJiraStore themes;
    private final Clock clock;
    private final int concurrency;
    private final ExecutorService pool;
    /** Requests beside the searches (theme catalog, project search, permission check): never wait for a search. */
    private final ExecutorService sideRequests;
    /** Folds pages while their partition's next page is being fetched (one fold per partition at a time). */
    private final ExecutorService folds;
    private final Cache<FetchKey, Fetched> cache;
    private final Cache<ResultKey, ProgramRollup> results;
    private final Map<FetchKey, FetchProgress> inProgress = new ConcurrentHashMap<>();
    private final SiteTtl siteTtl;
    private ChangeFeed feed = ChangeFeed.alone();

    public ProgramRollupService(JiraClients jira, ProgramService programs, ThemeJiraStore themes, Clock clock,
                                @Value("${throughline.program.concurrency:4}") int concurrency,
                                @Value("${throughline.program.cache-ttl:10m}") Duration cacheTtl) {
        if (concurrency < 1 || concurrency > 64) {
            throw new IllegalArgumentException("throughline.program.concurrency must be 1..64, was " + concurrency);
        }
        this.jira = jira;
        this.programs = programs;
        this.themes = themes;
        this.clock = clock;
        this.concurrency = concurrency;
        this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads("program-rollup-"));
        this.sideRequests = Executors.newCachedThreadPool(daemonThreads("program-side-"));
        this.folds = Executors.newFixedThreadPool(concurrency, daemonThreads("program-fold-"));
        this.siteTtl = new SiteTtl(cacheTtl);
        this.cache = Caffeine.newBuilder().expireAfter(siteTtl.<FetchKey, Fetched>expiry(FetchKey::clientKey))
                .maximumSize(500).build();
        this.results = Caffeine.newBuilder().expireAfter(siteTtl.<ResultKey, ProgramRollup>expiry(k -> k.fetch().clientKey()))
                .maximumSize(2_000).build();
    }

    /** A site's own rollup cache time (the admin's site settings) replaces {@code cache-ttl} for that site. */
    @Autowired(required = false)
    void useSiteCacheTtl(SiteSettingsService siteSettings) {
        siteTtl.lookUpWith(siteSettings::rollupCacheTtl);
    }

    /** The caller's rollup of the program; {@code refresh} reads Jira again instead of using the cached fetch. */
    public ProgramRollup rollup(Caller caller, String programId, boolean refresh) {
        String accountId = caller.requireAccountId();
        ProgramDefinition program = programs.get(caller, programId);
        program.refinement(); // a stored refinement that could reach outside the program is refused before any search
        JiraClient client = jira.forSite(caller.site());
        siteTtl.refresh(caller.site());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FetchKey key = new FetchKey(caller.site().clientKey(), program.id(), program.version(), today);
        if (refresh) {
            cache.invalidate(key);
        }
        Fetched fetched = cache.get(key, k -> fetchWithProgress(k, client, program, today, accountId));
        Set<Long> visible = fetched.projectIds().isEmpty() ? Set.of()
                : client.browsableProjects(accountId, fetched.projectIds().values());
        List<ProjectRollup> parts = new ArrayList<>();
        int leftOut = 0;
        for (Map.Entry<String, ProjectRollup> entry : fetched.rollups().entrySet()) {
            Long id = fetched.projectIds().get(entry.getKey());
            if (id != null && visible.contains(id)) {
                parts.add(entry.getValue());
            } else {
                leftOut++;
            }
        }
        int out = leftOut;
        // the merge recomputes every group and forecast: answer a repeat of the same view from memory
        return results.get(new ResultKey(key, fetched.fetchedAt(), Set.copyOf(visible)), k ->
                new ProgramRollup(program, RollupEngine.rollUp(fetched.settings(), parts), out, fetched.skipped(), fetched.fetchedAt(),
                        fetched.themeNames()));
    }

    /** How far the running fetch of the program has got: issues read of Jira's approximate total. */
    public record Progress(boolean computing, long read, long approximateTotal) {
    }

    public Progress progress(Caller caller, String programId) {
        ProgramDefinition program = programs.get(caller, programId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FetchKey key = new FetchKey(caller.site().clientKey(), program.id(), program.version(), today);
        FetchProgress running = inProgress.get(key);
        if (running == null) {
            return new Progress(false, 0, -1);
        }
        return new Progress(true, running.read.get(), running.approximateTotal);
    }

    /** Counters of a running fetch; the approximate total is -1 until (or unless) Jira's estimate arrives. */
    private static final class FetchProgress {
        final AtomicLong read = new AtomicLong();
        volatile long approximateTotal = -1;
    }

    /** Drops every cached fetch of the program (all versions and days), e.g. after it was deleted. */
    public void forget(Caller caller, String programId) {
        forget(caller.site().clientKey(), programId);
    }

    private void forget(String clientKey, String programId) {
        cache.asMap().keySet().removeIf(k -> k.clientKey().equals(clientKey) && k.programId().equals(programId));
    }

    /**
     * Other instances' changes reach this one's caches: a changed or deleted program, Jira's webhooks received
     * there (named by project, or the whole site for link events).
     */
    @Autowired(required = false)
    void useChangeFeed(ChangeFeed changes) {
        this.feed = changes;
        changes.subscribe(ProgramService.TOPIC, change -> forget(change.siteKey(), change.item()));
        changes.subscribe(PROJECT_CHANGED, change -> drop(change.siteKey(), reading(change.item())));
        changes.subscribe(SITE_CHANGED, change -> drop(change.siteKey(), fetched -> true));
    }

    /**
     * Drops the site's cached fetches that read {@code projectKey} (rolled up or skipped), so the next rollup of
     * those programs searches Jira again; other programs keep their cache. Used by Jira's issue webhooks. A fetch
     * still running when this is called is not affected (it is stored when it ends).
     *
     * @return how many cached fetches were dropped
     */
    public int invalidateProject(Site site, String projectKey) {
        feed.publish(site.clientKey(), PROJECT_CHANGED, projectKey);
        return drop(site.clientKey(), reading(projectKey));
    }

    /**
     * Drops every cached fetch of the site (issue-link webhooks name no project, changed settings touch every
     * rollup), here and in the other instances. @return how many were dropped here
     */
    public int invalidateSite(Site site) {
        feed.publish(site.clientKey(), SITE_CHANGED, "");
        return drop(site.clientKey(), fetched -> true);
    }

    private static Predicate<Fetched> reading(String projectKey) {
        return fetched -> fetched.rollups().containsKey(projectKey)
                || fetched.skipped().stream().anyMatch(s -> s.projectKey().equals(projectKey));
    }

    private int drop(String clientKey, Predicate<Fetched> reads) {
        AtomicInteger dropped = new AtomicInteger();
        cache.asMap().entrySet().removeIf(entry -> {
            boolean match = entry.getKey().clientKey().equals(clientKey) && reads.test(entry.getValue());
            if (match) {
                dropped.incrementAndGet();
            }
            return match;
        });
        return dropped.get();
    }

    private Fetched fetchWithProgress(FetchKey key, JiraClient client, ProgramDefinition program, LocalDate today,
                                      String accountId) {
        FetchProgress progress = new FetchProgress();
        inProgress.put(key, progress);
        try {
            if (program.jql().isPresent()) {
                // the projects' issue counts only bound a refined program: ask Jira for an estimate of the JQL
                CompletableFuture.runAsync(() -> approximate(client, program, progress), sideRequests);
            }
            return fetch(client, program, today, progress, accountId);
        } finally {
            inProgress.remove(key);
        }
    }

    /** One approximate count for the whole program, so the page can say "12,400 of ~40,000 issues". */
    private static void approximate(JiraClient client, ProgramDefinition program, FetchProgress progress) {
        try {
            progress.approximateTotal = client.approximateCount(program.programJql());
        } catch (RuntimeException unknown) {
            // only a progress hint: without it the page shows the issues read so far
        }
    }

    /**
     * Reads the program. The searches start at once; beside them run the theme catalog (needed only when the
     * result is assembled), the project search (ids for the permission check, and issue counts that order and
     * split the searches) and the caller's permission check (cached by the client for the merge that follows).
     */
    private Fetched fetch(JiraClient client, ProgramDefinition program, LocalDate today, FetchProgress progress,
                          String accountId) {
        Instant started = clock.instant();
        RollupSettings folding = RollupSettings.defaults(today)
                .withProgressBasis(program.progressBasis())
                .withIncludeSubtasks(program.includeSubtasks())
                .withScopeGrowth(program.scopeGrowth())
                .withThroughputWeeks(program.throughputWeeks());
        CompletableFuture<ThemeFacts> themeFacts = CompletableFuture.supplyAsync(() -> themeFacts(client), sideRequests);
        Optional<String> pointsField = client.storyPointsFieldId();
        List<String> fields = IssueMapper.fields(pointsField);
        PartitionQueue queue = new PartitionQueue(program.projects(), PAGE_SIZE, concurrency);
        CompletableFuture<List<JiraProject>> projects = CompletableFuture.supplyAsync(
                () -> client.projectsWithIssueCounts(program.projects()).filter(p -> program.projects().contains(p.key())).toList(),
                sideRequests);
        CompletableFuture<Void> planned = projects.thenAccept(found -> {
            Map<String, Long> counts = new HashMap<>();
            found.forEach(p -> p.issueCount().ifPresent(n -> counts.put(p.key(), n)));
            if (program.jql().isEmpty() && counts.size() == found.size()) {
                progress.approximateTotal = counts.values().stream().mapToLong(Long::longValue).sum();
            }
            queue.plan(counts);
        });
        // without counts (the project search failed) the searches go on in program order; the failure shows below
        planned.whenComplete((done, failure) -> queue.plan(Map.of()));
        CompletableFuture<Set<Long>> permissions = projects.thenApplyAsync(found -> found.isEmpty() ? Set.<Long>of()
                : client.browsableProjects(accountId, found.stream().map(JiraProject::id).toList()), sideRequests);

        FetchRun run = new FetchRun(client, program, queue, fields, pointsField, folding, progress.read);
        Map<String, ProjectRollup> rollups = run.execute();
        Map<String, Long> ids = new HashMap<>();
        join(projects).forEach(p -> ids.put(p.key(), p.id()));
        join(planned);
        try {
            permissions.join(); // only warms the client's cache; a failure shows when the merge asks again
        } catch (CompletionException ignored) {
            // the merge's own check reports it
        }
        ThemeFacts facts = join(themeFacts);
        RollupSettings settings = folding.withThemeEnds(facts.ends());
        return new Fetched(settings, rollups, ids, run.skipped(), started, facts.names());
    }

    private static <T> T join(CompletableFuture<T> future) {
        try {
            return future.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException runtime) {
                throw runtime;
            }
            throw e;
        }
    }

    /**
     * One fetch's searches: {@code concurrency} workers on the shared pool take partitions from the queue until
     * it is empty. A partition reads its pages in order, folds the issues it claims and drops the page.
     */
    private final class FetchRun {
        private final JiraClient client;
        private final ProgramDefinition program;
        private final PartitionQueue queue;
        private final List<String> fields;
        private final Optional<String> pointsField;
        private final RollupSettings settings;
        private final AtomicLong read;
        private final Map<String, List<ProjectRollup>> parts = new LinkedHashMap<>();
        private final Map<String, SkippedProject> skipped = new LinkedHashMap<>();
        private final List<CompletableFuture<Void>> lastFolds = new CopyOnWriteArrayList<>();
        private volatile boolean failed;

        FetchRun(JiraClient client, ProgramDefinition program, PartitionQueue queue, List<String> fields,
                 Optional<String> pointsField, RollupSettings settings, AtomicLong read) {
            this.client = client;
            this.program = program;
            this.queue = queue;
            this.fields = fields;
            this.pointsField = pointsField;
            this.settings = settings;
            this.read = read;
        }

        Map<String, ProjectRollup> execute() {
            List<Future<?>> workers = new ArrayList<>();
            // as many workers as the concurrency, even for fewer projects: key-range readers may join later
            for (int i = 0; i < concurrency; i++) {
                workers.add(pool.submit(this::work));
            }
            RuntimeException failure = null;
            for (Future<?> worker : workers) {
                try {
                    worker.get(); // after a failure the others stop within a page, so this does not wait long
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    failed = true;
                    workers.forEach(f -> f.cancel(true));
                    throw new IllegalStateException("interrupted while reading the program from Jira", e);
                } catch (ExecutionException e) {
                    RuntimeException cause = e.getCause() instanceof RuntimeException runtime ? runtime
                            : new IllegalStateException(e.getCause());
                    // the worker that failed first tells why; the others were only abandoned
                    if (failure == null || failure instanceof CancellationException) {
                        failure = cause;
                    }
                }
            }
            if (failure != null) {
                throw failure;
            }
            for (CompletableFuture<Void> folding : lastFolds) {
                join(folding);
            }
            Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
            for (String projectKey : program.projects()) {
                List<ProjectRollup> folded = parts.get(projectKey);
                if (folded != null && !skipped.containsKey(projectKey)) {
                    rollups.put(projectKey, folded.size() == 1 ? folded.get(0) : ProjectRollup.merge(settings, folded));
                }
            }
            return rollups;
        }

        List<SkippedProject> skipped() {
            return program.projects().stream().filter(skipped::containsKey).map(skipped::get).toList();
        }

        private void work() {
            Optional<Partition> next;
            while (!failed && (next = nextPartition()).isPresent()) {
                Partition partition = next.get();
                try {
                    // the last page folds while this worker already searches its next partition
                    lastFolds.add(fold(partition).thenAccept(folded -> {
                        synchronized (this) {
                            parts.computeIfAbsent(partition.projectKey(), k -> new ArrayList<>()).add(folded);
                        }
                    }).whenComplete((done, foldFailure) -> {
                        if (foldFailure != null) {
                            failed = true; // the other workers stop at their next page, as for a failed search
                        }
                    }));
                } catch (JiraBadRequestException | JiraNotFoundException refused) {
                    // a key range Jira will not search, before it read anything, is covered by the reader below
                    if (partition.reader() == 0 || partition.claims().claimedAny(partition.reader())) {
                        synchronized (this) {
                            skipped.putIfAbsent(partition.projectKey(),
                                    new SkippedProject(partition.projectKey(), reason(refused)));
                        }
                    }
                } catch (RuntimeException e) {
                    failed = true; // the other workers stop at their next page: the fetch fails as a whole
                    throw e;
                }
            }
        }

        private Optional<Partition> nextPartition() {
            try {
                return queue.next();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancellationException("fetch abandoned");
            }
        }

        /**
         * Reads the partition's pages in order. Each page's issues are folded on the fold pool while the next page
         * is requested, so folding never delays the next search; at most two pages wait to be folded.
         *
         * @return the partition's rollup once its last page is folded
         */
        private CompletableFuture<ProjectRollup> fold(Partition partition) {
            SearchRequest request = new SearchRequest(partition.jql(program.partitionJql(partition.projectKey())),
                    fields, IssueMapper.properties(), PAGE_SIZE);
            ProjectRollup rollup = new ProjectRollup(settings);
            CompletableFuture<Void> folded = CompletableFuture.completedFuture(null);
            CompletableFuture<Void> foldedBefore = folded;
            Optional<String> token = Optional.empty();
            try {
                do {
                    if (failed || Thread.currentThread().isInterrupted()) {
                        throw new CancellationException("fetch abandoned");
                    }
                    SearchPage page = client.searchPage(request, token);
                    int taken = partition.claims().claim(partition.reader(), keyNumbers(page.keys()));
                    // at most this page and the one before wait to be folded, so a slow fold seldom holds up
                    // the next search; the page's fields are parsed on the fold pool too, in page order
                    foldedBefore.join();
                    foldedBefore = folded;
                    folded = folded.thenRunAsync(() -> {
                        for (JiraIssue issue : page.issues().subList(0, taken)) {
                            // only the partition's own issues: anything else the search returned is not the
                            // program's to show (its own project's search finds it if it belongs to the program)
                            if (IssueMapper.ownProject(issue).equals(partition.projectKey())) {
                                rollup.accept(IssueMapper.map(issue, partition.projectKey(), pointsField, settings.today()));
                            }
                        }
                        read.addAndGet(taken);
                    }, folds);
                    boolean stop = taken < page.keys().size() || partition.claims().reachedNext(partition.reader());
                    token = stop ? Optional.empty() : page.nextPageToken();
                } while (token.isPresent());
            } catch (CompletionException e) {
                throw e.getCause() instanceof RuntimeException runtime ? runtime : e;
            }
            return folded.thenApply(done -> rollup);
        }
    }

    /** The number of each issue key ("ABC-123" → 123), in page order; 0 for a key without one. */
    private static long[] keyNumbers(List<String> keys) {
        long[] numbers = new long[keys.size()];
        for (int i = 0; i < numbers.length; i++) {
            String key = keys.get(i);
            int dash = key.lastIndexOf('-');
            try {
                numbers[i] = Long.parseLong(key.substring(dash + 1));
            } catch (NumberFormatException e) {
                numbers[i] = 0;
            }
        }
        return numbers;
    }

    /** Theme end dates (for conflicts) and names (for the report's theme rows), from one catalog read. */
    private ThemeFacts themeFacts(JiraClient client) {
        Map<String, LocalDate> ends = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (Theme theme : themes.catalog(client).themes()) {
            theme.endQuarter().map(Quarter::lastDay).ifPresent(end -> ends.put(theme.id(), end));
            names.put(theme.id(), theme.name());
        }
        return new ThemeFacts(ends, names);
    }

    private record ThemeFacts(Map<String, LocalDate> ends, Map<String, String> names) {
    }

    private static String reason(JiraException e) {
        List<String> messages = new ArrayList<>(e.errorMessages());
        messages.addAll(e.errors().values());
        return messages.isEmpty() ? "Jira answered " + e.status() : String.join(" ", messages);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
        sideRequests.shutdownNow();
        folds.shutdownNow();
    }

    record FetchKey(String clientKey, String programId, long version, LocalDate today) {
    }

    /** One viewer's merge of one fetch: the projects they may browse decide the numbers. */
    record ResultKey(FetchKey fetch, Instant fetchedAt, Set<Long> visibleProjects) {
    }

    record Fetched(RollupSettings settings, Map<String, ProjectRollup> rollups, Map<String, Long> projectIds,
                   List<SkippedProject> skipped, Instant fetchedAt, Map<String, String> themeNames) {
    }
}

package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
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
import dev.throughline.program.ProgramResult;
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
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CancellationException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Program rollups from Jira. The app reads a program once per (site, program, version, day) and keeps one folded
 * {@link ProjectRollup} per project in a cache; each viewer's answer merges only the projects they may browse,
 * so two viewers share one fetch but see different totals.
 *
 * <p>A fetch runs one search per project ({@code project = "KEY"} AND the program's refinement), asking only for
 * the fields and properties the rollup needs. Projects are fetched concurrently on a bounded pool (pages of one
 * project in order) and each page is folded and dropped as it arrives. A project Jira refuses to search (400/404)
 * is reported as skipped; any other Jira failure fails the fetch and nothing is cached.
 */
@Service
public class ProgramRollupService {

    static final int PAGE_SIZE = 100;

    private final JiraClients jira;
    private final ProgramService programs;
    private final ThemeJiraStore themes;
    private final Clock clock;
    private final ExecutorService pool;
    private final Cache<FetchKey, Fetched> cache;
    private final Cache<ResultKey, ProgramRollup> results;
    private final Map<FetchKey, FetchProgress> inProgress = new java.util.concurrent.ConcurrentHashMap<>();
    private final SiteTtl siteTtl;

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
        this.pool = Executors.newFixedThreadPool(concurrency, daemonThreads());
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
        JiraClient client = jira.forSite(caller.site());
        siteTtl.refresh(caller.site());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FetchKey key = new FetchKey(caller.site().clientKey(), program.id(), program.version(), today);
        if (refresh) {
            cache.invalidate(key);
        }
        Fetched fetched = cache.get(key, k -> fetchWithProgress(k, client, program, today));
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
                new ProgramRollup(program, RollupEngine.rollUp(fetched.settings(), parts), out, fetched.skipped(), fetched.fetchedAt()));
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
        cache.asMap().keySet().removeIf(k -> k.clientKey().equals(caller.site().clientKey()) && k.programId().equals(programId));
    }

    /**
     * Drops the site's cached fetches that read {@code projectKey} (rolled up or skipped), so the next rollup of
     * those programs searches Jira again; other programs keep their cache. Used by Jira's issue webhooks. A fetch
     * still running when this is called is not affected (it is stored when it ends).
     *
     * @return how many cached fetches were dropped
     */
    public int invalidateProject(Site site, String projectKey) {
        return drop(site, fetched -> fetched.rollups().containsKey(projectKey)
                || fetched.skipped().stream().anyMatch(s -> s.projectKey().equals(projectKey)));
    }

    /** Drops every cached fetch of the site (issue-link webhooks name no project). @return how many were dropped */
    public int invalidateSite(Site site) {
        return drop(site, fetched -> true);
    }

    private int drop(Site site, java.util.function.Predicate<Fetched> reads) {
        AtomicInteger dropped = new AtomicInteger();
        cache.asMap().entrySet().removeIf(entry -> {
            boolean match = entry.getKey().clientKey().equals(site.clientKey()) && reads.test(entry.getValue());
            if (match) {
                dropped.incrementAndGet();
            }
            return match;
        });
        return dropped.get();
    }

    private Fetched fetchWithProgress(FetchKey key, JiraClient client, ProgramDefinition program, LocalDate today) {
        FetchProgress progress = new FetchProgress();
        inProgress.put(key, progress);
        try {
            // its own thread, so the hint never takes a partition's place in the pool
            java.util.concurrent.CompletableFuture.runAsync(() -> approximate(client, program, progress));
            return fetch(client, program, today, progress);
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

    private Fetched fetch(JiraClient client, ProgramDefinition program, LocalDate today, FetchProgress progress) {
        Instant started = clock.instant();
        RollupSettings settings = RollupSettings.defaults(today)
                .withProgressBasis(program.progressBasis())
                .withIncludeSubtasks(program.includeSubtasks())
                .withThroughputWeeks(program.throughputWeeks())
                .withThemeEnds(themeEnds(client));
        Optional<String> pointsField = client.storyPointsFieldId();
        List<String> fields = IssueMapper.fields(pointsField);
        Map<String, Future<ProjectRollup>> running = new LinkedHashMap<>();
        for (String projectKey : program.projects()) {
            SearchRequest request = new SearchRequest(program.partitionJql(projectKey), fields,
                    IssueMapper.properties(), PAGE_SIZE);
            running.put(projectKey, pool.submit(() -> fold(client, request, projectKey, pointsField, settings, progress.read)));
        }
        Map<String, ProjectRollup> rollups = new LinkedHashMap<>();
        List<SkippedProject> skipped = new ArrayList<>();
        try {
            for (Map.Entry<String, Future<ProjectRollup>> entry : running.entrySet()) {
                try {
                    rollups.put(entry.getKey(), entry.getValue().get());
                } catch (ExecutionException e) {
                    Throwable cause = e.getCause();
                    if (cause instanceof JiraBadRequestException || cause instanceof JiraNotFoundException) {
                        skipped.add(new SkippedProject(entry.getKey(), reason((JiraException) cause)));
                    } else if (cause instanceof RuntimeException runtime) {
                        throw runtime;
                    } else {
                        throw new IllegalStateException(cause);
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while reading the program from Jira", e);
        } catch (RuntimeException e) {
            running.values().forEach(f -> f.cancel(true));
            throw e;
        }
        Map<String, Long> ids = projectIds(client, rollups.keySet());
        return new Fetched(settings, rollups, ids, skipped, started);
    }

    private static ProjectRollup fold(JiraClient client, SearchRequest request, String projectKey,
                                      Optional<String> pointsField, RollupSettings settings, AtomicLong read) {
        ProjectRollup rollup = new ProjectRollup(settings);
        Optional<String> token = Optional.empty();
        do {
            if (Thread.currentThread().isInterrupted()) {
                throw new CancellationException("fetch abandoned");
            }
            SearchPage page = client.searchPage(request, token);
            for (JiraIssue issue : page.issues()) {
                rollup.accept(IssueMapper.map(issue, projectKey, pointsField, settings.today()));
            }
            read.addAndGet(page.issues().size());
            token = page.nextPageToken();
        } while (token.isPresent());
        return rollup;
    }

    private Map<String, LocalDate> themeEnds(JiraClient client) {
        Map<String, LocalDate> ends = new HashMap<>();
        for (Theme theme : themes.catalog(client).themes()) {
            theme.endQuarter().map(Quarter::lastDay).ifPresent(end -> ends.put(theme.id(), end));
        }
        return ends;
    }

    private static Map<String, Long> projectIds(JiraClient client, Collection<String> keys) {
        Map<String, Long> ids = new HashMap<>();
        if (!keys.isEmpty()) {
            client.projects(List.copyOf(keys)).filter(p -> keys.contains(p.key()))
                    .forEach((JiraProject p) -> ids.put(p.key(), p.id()));
        }
        return ids;
    }

    private static String reason(JiraException e) {
        List<String> messages = new ArrayList<>(e.errorMessages());
        messages.addAll(e.errors().values());
        return messages.isEmpty() ? "Jira answered " + e.status() : String.join(" ", messages);
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "program-rollup-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    @PreDestroy
    void stop() {
        pool.shutdownNow();
    }

    record FetchKey(String clientKey, String programId, long version, LocalDate today) {
    }

    /** One viewer's merge of one fetch: the projects they may browse decide the numbers. */
    record ResultKey(FetchKey fetch, Instant fetchedAt, Set<Long> visibleProjects) {
    }

    record Fetched(RollupSettings settings, Map<String, ProjectRollup> rollups, Map<String, Long> projectIds,
                   List<SkippedProject> skipped, Instant fetchedAt) {
    }
}

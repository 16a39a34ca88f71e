package dev.throughline.program.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.coordination.ChangeFeed;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.JiraClients;
import dev.throughline.jira.RequestDeadline;
import dev.throughline.program.ProgramDefinition;
import dev.throughline.program.rollup.ProjectRollup;
import dev.throughline.readmodel.MemoryIssueFacts;
import dev.throughline.readmodel.MemoryProgramRefinements;
import dev.throughline.readmodel.service.IssueSync;
import dev.throughline.readmodel.service.RefinementSync;
import dev.throughline.readmodel.service.ReconciliationSchedule;
import dev.throughline.settings.service.SiteSettingsService;
import dev.throughline.tenant.Caller;
import dev.throughline.tenant.Site;
import dev.throughline.theme.ThemeCatalogReader;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import javax.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Predicate;

/**
 * Program rollups from Jira. The app reads a program once per (site, program, version,
 * day) ({@link ProgramFetcher}) and keeps one folded {@link ProjectRollup} per project in
 * a cache; each viewer's answer merges only the projects they may browse
 * ({@link ViewerMerge}), so two viewers share one fetch but see different totals.
 *
 * <p>
 * A request waits for the fetch only until its deadline, less {@code merge-margin} for
 * the merge; a fetch that takes longer goes on in the background ({@link RollupFlights})
 * and the request answers {@link StillReadingException}. A fetch that fails is not
 * cached; the next request is told why.
 */
@Service
public class ProgramRollupService {

    static final int PAGE_SIZE = ProgramFetcher.PAGE_SIZE;

    /**
     * Change-feed topics: the cached rollups reading a project (item: its key), or all of
     * a site's, are stale.
     */
    static final String PROJECT_CHANGED = "rollup.project";
    static final String SITE_CHANGED = "rollup.site";

    private final JiraClients jira;

    private final ProgramService programs;

    private final SiteThemeFacts themeFacts;

    private final Clock clock;

    private final Duration mergeMargin;

    private final ProgramFetcher fetcher;

    private final RollupFlights flights;

    private final Cache<FetchKey, Fetched> cache;

    private final ViewerMerge viewers;

    private final SiteTtl siteTtl;

    private ChangeFeed feed = ChangeFeed.alone();

    /** Counts the drops of cached fetches (see {@link RollupFlights}). */
    private final AtomicLong invalidations = new AtomicLong();

    private ReconciliationSchedule reconciliation;

    private final RefinementSync refinements;

    /** A service whose read model lives in this process's memory (tests, benchmarks). */
    public ProgramRollupService(JiraClients jira, ProgramService programs, ThemeCatalogReader themes, Clock clock,
            int concurrency, Duration cacheTtl) {
        this(jira, programs, themes, clock, concurrency, cacheTtl, Duration.ofSeconds(2),
                new IssueSync(new MemoryIssueFacts(), clock, Duration.ofMinutes(5)));
    }

    /** Refined programs' ids in this process's memory (tests, benchmarks). */
    public ProgramRollupService(JiraClients jira, ProgramService programs, ThemeCatalogReader themes, Clock clock,
            int concurrency, Duration cacheTtl, Duration mergeMargin, IssueSync sync) {
        this(jira, programs, themes, clock, concurrency, cacheTtl, mergeMargin, sync,
                new RefinementSync(new MemoryProgramRefinements(), sync));
    }

    @Autowired
    public ProgramRollupService(JiraClients jira, ProgramService programs, ThemeCatalogReader themes, Clock clock,
            @Value("${throughline.program.concurrency:4}") int concurrency,
            @Value("${throughline.program.cache-ttl:10m}") Duration cacheTtl,
            @Value("${throughline.program.merge-margin:2s}") Duration mergeMargin, IssueSync sync,
            RefinementSync refinements) {
        this.jira = jira;
        this.programs = programs;
        this.clock = clock;
        this.mergeMargin = mergeMargin;
        this.fetcher = new ProgramFetcher(clock, concurrency, sync, refinements);
        this.refinements = refinements;
        this.siteTtl = new SiteTtl(cacheTtl);
        this.cache = Caffeine.newBuilder()
            .expireAfter(siteTtl.<FetchKey, Fetched>expiry(FetchKey::clientKey))
            .maximumSize(500)
            .build();
        this.flights = new RollupFlights(cache::put, invalidations::get);
        this.viewers = new ViewerMerge(siteTtl);
        this.themeFacts = new SiteThemeFacts(themes);
    }

    /**
     * A site's own rollup cache time (the admin's site settings) replaces
     * {@code cache-ttl} for that site.
     */
    @Autowired(required = false)
    void useSiteCacheTtl(SiteSettingsService siteSettings) {
        siteTtl.lookUpWith(siteSettings::rollupCacheTtl);
    }

    /**
     * Each view tells the schedule the site's read model is in use (it reconciles when
     * due).
     */
    @Autowired(required = false)
    void useReconciliation(ReconciliationSchedule schedule) {
        this.reconciliation = schedule;
    }

    /**
     * The caller's rollup of the program; {@code refresh} reads Jira again instead of
     * using the cached fetch: what changed since the last sync (and issues events left
     * dirty), the program's projects are not read in full again.
     * @throws StillReadingException when the fetch outlasts what the request may wait (it
     * goes on)
     */
    public ProgramRollup rollup(Caller caller, String programId, boolean refresh) {
        String accountId = caller.requireAccountId();
        ProgramDefinition program = programs.get(caller, programId);
        program.refinement(); // a stored refinement that could reach outside the program
                              // is refused before any search
        JiraClient client = jira.forSite(caller.site());
        siteTtl.refresh(caller.site());
        if (reconciliation != null) {
            reconciliation.used(caller.site());
        }
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FetchKey key = new FetchKey(caller.site().clientKey(), program.id(), program.version(), today);
        if (refresh) {
            invalidations.incrementAndGet();
            cache.invalidate(key);
        }
        Fetched fetched = cache.getIfPresent(key);
        if (fetched == null) {
            // the fetch's workers carry no deadline: the request thread itself stops
            // waiting in time to merge
            Optional<Duration> patience = RequestDeadline.timeLeft().map(left -> left.minus(mergeMargin));
            ProgramFetcher.ReadModelUse use = new ProgramFetcher.ReadModelUse(caller.site().clientKey(), refresh,
                    siteTtl.of(caller.site().clientKey()));
            fetched = flights.await(key, progress -> fetcher.start(client, program, today, accountId, progress,
                    c -> themeFacts.of(c, use.siteKey(), refresh), use), patience);
        }
        return viewers.merge(client, accountId, program, key, fetched);
    }

    /**
     * How far the running fetch of the program has got: issues read of Jira's approximate
     * total.
     */
    public record Progress(boolean computing, long read, long approximateTotal) {
    }

    public Progress progress(Caller caller, String programId) {
        ProgramDefinition program = programs.get(caller, programId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        FetchKey key = new FetchKey(caller.site().clientKey(), program.id(), program.version(), today);
        return flights.running(key)
            .map(running -> new Progress(true, running.read.get(), running.approximateTotal))
            .orElse(new Progress(false, 0, -1));
    }

    /**
     * Drops every cached fetch of the program (all versions and days), e.g. after it was
     * deleted.
     */
    public void forget(Caller caller, String programId) {
        forget(caller.site().clientKey(), programId);
        refinements.forget(caller.site().clientKey(), programId);
    }

    private void forget(String clientKey, String programId) {
        invalidations.incrementAndGet();
        cache.asMap().keySet().removeIf(k -> k.clientKey().equals(clientKey) && k.programId().equals(programId));
    }

    /**
     * Other instances' changes reach this one's caches: a changed or deleted program,
     * Jira's webhooks received there (named by project, or the whole site for link
     * events).
     */
    @Autowired(required = false)
    void useChangeFeed(ChangeFeed changes) {
        this.feed = changes;
        changes.subscribe(ProgramService.TOPIC, change -> forget(change.siteKey(), change.item()));
        changes.subscribe(PROJECT_CHANGED, change -> drop(change.siteKey(), reading(change.item())));
        changes.subscribe(SITE_CHANGED, change -> drop(change.siteKey(), fetched -> true));
    }

    /**
     * Drops the site's cached fetches that read {@code projectKey} (rolled up or
     * skipped), so the next rollup of those programs searches Jira again; other programs
     * keep their cache. Used by Jira's issue webhooks. A fetch still running when this is
     * called is not stored when it ends (the next request reads again).
     * @return how many cached fetches were dropped
     */
    public int invalidateProject(Site site, String projectKey) {
        feed.publish(site.clientKey(), PROJECT_CHANGED, projectKey);
        return drop(site.clientKey(), reading(projectKey));
    }

    /**
     * Drops every cached fetch of the site (issue-link webhooks name no project, changed
     * settings touch every rollup), here and in the other instances. @return how many
     * were dropped here
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
        invalidations.incrementAndGet();
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

    @PreDestroy
    void stop() {
        fetcher.stop();
    }

}

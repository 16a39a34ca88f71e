package dev.throughline.readmodel.service;

import dev.throughline.coordination.SiteRevisions;
import dev.throughline.jira.CallFeature;
import dev.throughline.jira.JiraCallContext;
import dev.throughline.jira.JiraClients;
import dev.throughline.pacing.BackgroundBudget;
import dev.throughline.readmodel.PropertyEventTimes;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs each site's {@link Reconciliation} every
 * {@code throughline.readmodel.reconcile-every} (default 6 h), in the background, the
 * first time the site's read model is used after it fell due (a site nobody looks at
 * costs nothing), and keeps what the last run did for the site admin. A scheduled run is
 * background work: it asks the {@link BackgroundBudget} first (waiting up to
 * {@code throughline.readmodel.reconcile-wait}, 30 s) and, when refused (Jira's quota
 * used up, the site's budget spent, users waiting), runs when the budget says instead,
 * showing why it waits. A run a site admin asks for is theirs: not paced.
 */
@Component
public class ReconciliationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationSchedule.class);

    /** The schedule as a site admin sees it. */
    public record Status(Optional<Reconciliation.Report> last, Instant next, Duration every,
            Optional<String> lastFailure, Optional<String> waiting) {
    }

    private record SiteState(Instant due, Optional<Reconciliation.Report> last, Optional<String> failure,
            boolean running, Optional<String> waiting) {

        SiteState(Instant due, Optional<Reconciliation.Report> last, Optional<String> failure, boolean running) {
            this(due, last, failure, running, Optional.empty());
        }

    }

    private static final DateTimeFormatter HOUR_MINUTE = DateTimeFormatter.ofPattern("HH:mm 'UTC'")
        .withZone(ZoneOffset.UTC);

    private final IssueSync sync;

    private final BackgroundBudget budget;

    private final Duration maxWait;

    private final Reconciliation reconciliation;

    private final JiraClients jira;

    private final Clock clock;

    private final Duration every;

    private final Map<String, SiteState> sites = new ConcurrentHashMap<>();

    private final ExecutorService runs = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "readmodel-reconcile");
        thread.setDaemon(true);
        return thread;
    });

    ReconciliationSchedule(IssueSync sync, JiraClients jira, Clock clock,
            @Value("${throughline.readmodel.reconcile-every:6h}") Duration every, BackgroundBudget budget,
            @Value("${throughline.readmodel.reconcile-wait:30s}") Duration maxWait,
            ObjectProvider<RefinementSync> refinements, PropertyEventTimes times, SiteRevisions revisions) {
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("throughline.readmodel.reconcile-every must be >= 1m, was " + every);
        }
        this.reconciliation = new Reconciliation(sync, Optional.ofNullable(refinements.getIfAvailable()), times, clock,
                revisions);
        this.sync = sync;
        this.budget = budget;
        this.maxWait = maxWait;
        this.jira = jira;
        this.clock = clock;
        this.every = every;
    }

    /** The site's read model was used: reconcile it now if it is due. */
    public void used(Site site) {
        Instant now = clock.instant();
        if (!sites.containsKey(site.clientKey())) {
            begin(site);
        }
        SiteState state = sites.computeIfAbsent(site.clientKey(),
                k -> new SiteState(now.plus(every), Optional.empty(), Optional.empty(), false));
        if (state.running() || now.isBefore(state.due())) {
            return;
        }
        sites.put(site.clientKey(), new SiteState(state.due(), state.last(), state.failure(), true, state.waiting()));
        runs.submit(() -> paced(site));
    }

    /**
     * The first use on this instance: the site's first use ever starts the changed
     * records' window.
     */
    private void begin(Site site) {
        try {
            reconciliation.begin(site.clientKey());
        }
        catch (RuntimeException e) {
            // the database away: the window starts at the first run instead
            LOG.warn("Starting the reconciliation window of {} failed: {}", site.clientKey(), e.toString());
        }
    }

    /**
     * A scheduled run: background calls, once the budget allows them (at least the
     * project search and one refresh page per held project; what it re-reads shows only
     * as it goes).
     */
    private void paced(Site site) {
        try (JiraCallContext background = JiraCallContext.background(CallFeature.BACKGROUND)) {
            long estimate = 2 + sync.store().projects(site.clientKey()).size();
            BackgroundBudget.Decision go = budget.acquire(site, estimate, maxWait);
            if (!go.granted()) {
                Instant retry = go.retryAt().orElseGet(() -> clock.instant().plus(every));
                String why = go.reason() + " until " + HOUR_MINUTE.format(retry);
                LOG.info("Reconciling the read model of {} waits: {}", site.clientKey(), why);
                SiteState state = sites.get(site.clientKey());
                sites.put(site.clientKey(),
                        new SiteState(retry, state.last(), state.failure(), false, Optional.of(why)));
                return;
            }
            run(site);
        }
        catch (InterruptedException stopping) {
            Thread.currentThread().interrupt();
        }
        catch (RuntimeException e) {
            // the budget's book unreadable (database away): try again at the next use
            LOG.warn("Pacing the reconciliation of {} failed: {}", site.clientKey(), e.toString());
            SiteState state = sites.get(site.clientKey());
            sites.put(site.clientKey(), new SiteState(state.due(), state.last(), state.failure(), false));
        }
    }

    /** Runs the site's reconciliation now, on the caller's thread. */
    public Reconciliation.Report runNow(Site site) {
        return run(site)
            .orElseThrow(() -> new IllegalStateException(status(site).lastFailure().orElse("reconciliation failed")));
    }

    private Optional<Reconciliation.Report> run(Site site) {
        Optional<Reconciliation.Report> report = Optional.empty();
        Optional<String> failure = Optional.empty();
        try {
            report = Optional.of(reconciliation.run(jira.forSite(site), site.clientKey()));
        }
        catch (RuntimeException e) {
            LOG.warn("Reconciling the read model of {} failed: {}", site.clientKey(), e.toString());
            failure = Optional.of(String.valueOf(e.getMessage()));
        }
        Optional<Reconciliation.Report> last = report.or(() -> status(site).last());
        sites.put(site.clientKey(), new SiteState(clock.instant().plus(every), last, failure, false));
        return report;
    }

    public Status status(Site site) {
        SiteState state = sites.getOrDefault(site.clientKey(),
                new SiteState(clock.instant().plus(every), Optional.empty(), Optional.empty(), false));
        return new Status(state.last(), state.due(), every, state.failure(), state.waiting());
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }

}

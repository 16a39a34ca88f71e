package dev.throughline.readmodel.service;

import dev.throughline.jira.JiraClients;
import dev.throughline.tenant.Site;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import javax.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * Runs each site's {@link Reconciliation} every
 * {@code throughline.readmodel.reconcile-every} (default 6 h), in the background, the
 * first time the site's read model is used after it fell due (a site nobody looks at
 * costs nothing), and keeps what the last run did for the site admin.
 */
@Component
public class ReconciliationSchedule {

    private static final Logger LOG = LoggerFactory.getLogger(ReconciliationSchedule.class);

    /** The schedule as a site admin sees it. */
    public record Status(Optional<Reconciliation.Report> last, Instant next, Duration every,
            Optional<String> lastFailure) {
    }

    private record SiteState(Instant due, Optional<Reconciliation.Report> last, Optional<String> failure,
            boolean running) {
    }

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
            @Value("${throughline.readmodel.reconcile-every:6h}") Duration every) {
        if (every.compareTo(Duration.ofMinutes(1)) < 0) {
            throw new IllegalArgumentException("throughline.readmodel.reconcile-every must be >= 1m, was " + every);
        }
        this.reconciliation = new Reconciliation(sync, clock);
        this.jira = jira;
        this.clock = clock;
        this.every = every;
    }

    /** The site's read model was used: reconcile it now if it is due. */
    public void used(Site site) {
        Instant now = clock.instant();
        SiteState state = sites.computeIfAbsent(site.clientKey(),
                k -> new SiteState(now.plus(every), Optional.empty(), Optional.empty(), false));
        if (state.running() || now.isBefore(state.due())) {
            return;
        }
        sites.put(site.clientKey(), new SiteState(state.due(), state.last(), state.failure(), true));
        runs.submit(() -> run(site));
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
        return new Status(state.last(), state.due(), every, state.failure());
    }

    @PreDestroy
    void stop() {
        runs.shutdownNow();
    }

}

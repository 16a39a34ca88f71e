package dev.throughline.theme.service;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import dev.throughline.jira.JiraClient;
import dev.throughline.jira.Jql;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.ToLongFunction;

/**
 * Jira's answer 0 to a view's approximate count "is there theme work outside the projects
 * the read model holds?" ({@link ThemeProjects}), kept per site while nothing can have
 * changed it, so a warm view makes no Jira call for it. What can make it above 0 arrives
 * as an event or a write the read model sees, and each bumps the site's
 * {@code ProjectIssues.UNHELD_REVISION} in the shared database: an issue event in a
 * project not held, any theme-link property event, a theme link Throughline wrote on an
 * issue not held, and each reconciliation run. A kept 0 is used only at the revision it
 * was asked at, only when it was asked at least {@link #SETTLE} after this instance first
 * saw that revision (Jira's search index may not yet show what an event announced), and
 * at most for {@code bound} (the cache time: with Forge, which sends no property events,
 * a link another tool writes in a project not held shows within it; on Connect it bounds
 * a missed webhook). {@code refresh} asks again.
 */
final class KeptCounts {

    /**
     * How long after a revision is first seen a 0 is not trusted to stay: Jira's search
     * index may lag the event that bumped it.
     */
    static final Duration SETTLE = Duration.ofMinutes(1);

    /**
     * @param since when this instance first saw the revision (for the first revision a
     * site has, never bumped: the beginning of time)
     * @param zeros each JQL answered 0 at this revision, with when it was asked
     */
    private record Kept(long revision, Instant since, Map<String, Instant> zeros) {
    }

    /** At most this many questions kept per site (a view asks one per 1,000 epics). */
    private static final int MAX_ZEROS = 64;

    private final Clock clock;

    private final Duration bound;

    private final Cache<String, Kept> bySite = Caffeine.newBuilder().maximumSize(1_000).build();

    KeptCounts(Clock clock, Duration bound) {
        this.clock = clock;
        this.bound = bound;
    }

    /**
     * The view's counter. {@code revision}: the site's unheld revision read at the start
     * of the view (before any count; empty when the database could not say, then nothing
     * is kept).
     */
    ToLongFunction<Jql> counter(JiraClient client, String siteKey, Optional<Long> revision, boolean refresh) {
        return jql -> {
            Instant now = clock.instant();
            Kept kept = revision.map(r -> current(siteKey, r, now)).orElse(null);
            Instant asked = kept == null ? null : kept.zeros().get(jql.text());
            if (!refresh && asked != null && !asked.isBefore(kept.since().plus(SETTLE))
                    && asked.plus(bound).isAfter(now) && !asked.isAfter(now)) {
                return 0;
            }
            long count = client.approximateCount(jql);
            if (kept != null) {
                if (count == 0) {
                    if (kept.zeros().size() >= MAX_ZEROS) {
                        // the questions changed (epics linked through Throughline in
                        // held projects): the old ones are not asked again
                        kept.zeros().clear();
                    }
                    kept.zeros().put(jql.text(), now);
                }
                else {
                    kept.zeros().remove(jql.text());
                }
            }
            return count;
        };
    }

    /** What this instance keeps of the site at this revision (a new one at another). */
    private Kept current(String siteKey, long revision, Instant now) {
        return bySite.asMap()
            .compute(siteKey, (key, old) -> old != null && old.revision() == revision ? old
                    : new Kept(revision, old == null && revision == 0 ? Instant.MIN : now, new ConcurrentHashMap<>()));
    }

}

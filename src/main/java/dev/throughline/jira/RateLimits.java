package dev.throughline.jira;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * What Jira's 429s taught this instance, by reason ({@code RateLimit-Reason}):
 * <ul>
 * <li>{@code jira-burst-based}: that site's endpoint (method and path, ids left out)
 * waits until the {@code Retry-After} has passed; other endpoints go on.</li>
 * <li>{@code jira-per-issue-on-write}: writes to that issue wait until then, and for 30 s
 * after it are spaced 300 ms apart (Jira allows 100 per 30 s).</li>
 * <li>{@code jira-quota-tenant-based} (the site) and {@code jira-quota-global-based}
 * (every site: the app's pool is shared): background calls are not sent until the reset
 * ({@link JiraQuotaExhaustedException}); a user's call is still sent, since only Jira
 * knows whether its quota is back, but never retried.</li>
 * </ul>
 * Bursts and per-issue spacing are kept per instance. Quota stops are also shared
 * ({@link #shareStops}): a stop learnt by one instance stops every instance's background
 * calls (each looks the shared stops up at most once a second per scope).
 */
@Component
public class RateLimits {

    /** A stop of background calls until Jira's quota resets. */
    public record QuotaStop(RateLimitReason reason, Instant until) {
    }

    /**
     * Where quota stops are shared with the other instances (their database): scope is a
     * site's client key, or {@code "*"} for every site.
     */
    public interface SharedStops {

        void learnt(String scope, QuotaStop stop);

        Optional<QuotaStop> find(String scope);

    }

    private record Looked(long atNanos, Optional<QuotaStop> stop) {
    }

    private static final long LOOK_EVERY_NANOS = Duration.ofSeconds(1).toNanos();

    static final Duration DEFAULT_PAUSE = Duration.ofSeconds(1);

    static final Duration DEFAULT_QUOTA_STOP = Duration.ofMinutes(1);

    static final Duration ISSUE_COOLING = Duration.ofSeconds(30);

    static final Duration ISSUE_SPACING = Duration.ofMillis(300);

    private static final String EVERY_SITE = "*";

    private static final Pattern ISSUE_PATH = Pattern.compile("/rest/api/[23]/issue/([^/]+)(/.*)?");

    private static final Pattern ID_SEGMENT = Pattern.compile("[A-Z][A-Z0-9_]*-\\d+|\\d+");

    private record IssueWrites(Instant next, Instant coolUntil) {
    }

    private final Clock clock;

    private final Sleeper sleeper;

    private final Map<String, Instant> endpointPauses = new ConcurrentHashMap<>();

    private final Map<String, IssueWrites> issueWrites = new ConcurrentHashMap<>();

    private final Map<String, QuotaStop> quotaStops = new ConcurrentHashMap<>();

    private final Map<String, Looked> sharedLooks = new ConcurrentHashMap<>();

    private volatile SharedStops shared;

    public RateLimits() {
        this(Clock.systemUTC(), Sleeper.REAL);
    }

    RateLimits(Clock clock, Sleeper sleeper) {
        this.clock = clock;
        this.sleeper = sleeper;
    }

    /** Quota stops are learnt from and told to the other instances through this. */
    public void shareStops(SharedStops stops) {
        this.shared = stops;
        sharedLooks.clear();
    }

    /**
     * The stop of the site's background calls in force now, if any (its own quota or the
     * app's), learnt here or by another instance.
     */
    public Optional<QuotaStop> quotaStop(String clientKey) {
        Instant now = clock.instant();
        return Stream
            .of(quotaStops.get(clientKey), quotaStops.get(EVERY_SITE), sharedStop(clientKey), sharedStop(EVERY_SITE))
            .filter(stop -> stop != null && stop.until().isAfter(now))
            .max((a, b) -> a.until().compareTo(b.until()));
    }

    private QuotaStop sharedStop(String scope) {
        SharedStops stops = shared;
        if (stops == null) {
            return null;
        }
        long nanos = System.nanoTime();
        Looked looked = sharedLooks.get(scope);
        if (looked == null || nanos - looked.atNanos() > LOOK_EVERY_NANOS) {
            Optional<QuotaStop> found;
            try {
                found = stops.find(scope);
            }
            catch (RuntimeException unreachable) {
                // the database briefly away: what this instance learnt itself still holds
                found = Optional.empty();
            }
            looked = new Looked(nanos, found);
            sharedLooks.put(scope, looked);
        }
        return looked.stop().orElse(null);
    }

    /**
     * Before a call is sent: refuses a background call during a quota stop, and waits out
     * the endpoint's pause and the issue's spacing (inside a user's request, never past
     * its deadline).
     */
    void admit(String clientKey, String method, String path, boolean write, JiraCallContext context)
            throws InterruptedException {
        // a user's call is sent in any case: only background calls look the stops up (the
        // shared ones cost a query a second)
        Optional<QuotaStop> stop = context.userWaiting() ? Optional.empty() : quotaStop(clientKey);
        if (stop.isPresent()) {
            throw new JiraQuotaExhaustedException("not sent: Jira's points quota is used up", stop.get().reason(),
                    stop.get().until(), clock.instant(), List.of(), Map.of());
        }
        Instant notBefore = endpointPauses.getOrDefault(endpointKey(clientKey, method, path), Instant.MIN);
        Optional<String> issue = write ? issueOf(path) : Optional.empty();
        if (issue.isPresent()) {
            IssueWrites spaced = issueWrites.computeIfPresent(clientKey + " " + issue.get(), (key, writes) -> {
                Instant now = clock.instant();
                if (now.isAfter(writes.coolUntil())) {
                    return null;
                }
                Instant mine = writes.next().isAfter(now) ? writes.next() : now;
                return new IssueWrites(mine.plus(ISSUE_SPACING), writes.coolUntil());
            });
            if (spaced != null) {
                Instant mine = spaced.next().minus(ISSUE_SPACING);
                notBefore = mine.isAfter(notBefore) ? mine : notBefore;
            }
        }
        Duration wait = Duration.between(clock.instant(), notBefore);
        if (!wait.isNegative() && !wait.isZero()) {
            sleeper.sleep(RequestDeadline.timeLeft().filter(left -> left.compareTo(wait) < 0).orElse(wait));
        }
    }

    /** After a 429: learns what its reason says. */
    void refused(String clientKey, String method, String path, RateLimitReason reason, HttpHeaders headers) {
        Instant now = clock.instant();
        switch (reason) {
            case BURST -> endpointPauses.merge(endpointKey(clientKey, method, path),
                    QuotaHeaders.retryAt(headers, now, DEFAULT_PAUSE), RateLimits::later);
            case PER_ISSUE_ON_WRITE -> issueOf(path).ifPresent(issue -> {
                Instant retry = QuotaHeaders.retryAt(headers, now, DEFAULT_PAUSE);
                issueWrites.put(clientKey + " " + issue, new IssueWrites(retry, retry.plus(ISSUE_COOLING)));
            });
            case QUOTA_GLOBAL, QUOTA_TENANT -> {
                String scope = reason == RateLimitReason.QUOTA_GLOBAL ? EVERY_SITE : clientKey;
                Instant until = QuotaHeaders.retryAt(headers, now, DEFAULT_QUOTA_STOP);
                QuotaStop stop = quotaStops.merge(scope, new QuotaStop(reason, until),
                        (old, fresh) -> old.until().isAfter(fresh.until()) ? old : fresh);
                tellOthers(scope, stop);
            }
            default -> {
                // no reason: the retry's own backoff is all
            }
        }
    }

    private void tellOthers(String scope, QuotaStop stop) {
        SharedStops stops = shared;
        if (stops != null) {
            try {
                stops.learnt(scope, stop);
            }
            catch (RuntimeException unreachable) {
                // the others learn it from their own first 429, as without sharing
            }
        }
    }

    Instant now() {
        return clock.instant();
    }

    /**
     * {@code GET /rest/api/3/issue/*}: ids, issue keys and property keys left out (the
     * API and its version kept).
     */
    static String endpoint(String method, String path) {
        String tail = path == null ? "" : path;
        int rest = tail.indexOf("/rest/");
        String[] segments = (rest < 0 ? tail : tail.substring(rest)).split("/", -1);
        StringBuilder endpoint = new StringBuilder(method).append(' ');
        for (int i = 1; i < segments.length; i++) {
            boolean named = i <= 3
                    || !ID_SEGMENT.matcher(segments[i]).matches() && !"properties".equals(segments[i - 1]);
            endpoint.append('/').append(named ? segments[i] : "*");
        }
        return endpoint.toString();
    }

    private static String endpointKey(String clientKey, String method, String path) {
        return clientKey + " " + endpoint(method, path);
    }

    private static Optional<String> issueOf(String path) {
        if (path == null) {
            return Optional.empty();
        }
        int rest = path.indexOf("/rest/");
        Matcher m = ISSUE_PATH.matcher(rest < 0 ? path : path.substring(rest));
        return m.matches() && !m.group(1).equals("properties") ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Instant later(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }

}
